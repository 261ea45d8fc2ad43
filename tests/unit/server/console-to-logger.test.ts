import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sendConsoleToLogger } from "@/server/console-to-logger";
import { runWithRequestContext } from "@/lib/observability/request-context";

const saved = { error: console.error, warn: console.warn, info: console.info, log: console.log };

beforeEach(() => sendConsoleToLogger());
afterEach(() => {
  Object.assign(console, saved);
  vi.restoreAllMocks();
});

function linesWritten(spy: { mock: { calls: unknown[][] } }): Record<string, unknown>[] {
  return spy.mock.calls.map((call) => JSON.parse(String(call[0])) as Record<string, unknown>);
}

describe("Next.js's console reports in the portal's log", () => {
  it("turn a render error into one JSON line with its stack, digest and request id", () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { digest: "4051841075" });
    runWithRequestContext({ requestId: "req-1" }, () => console.error(" ⨯", error));
    const [line] = linesWritten(out);
    expect(line).toMatchObject({ level: "error", event: "console", requestId: "req-1", msg: "connect ECONNREFUSED 127.0.0.1:5432" });
    expect(line!.err).toMatchObject({ type: "Error", digest: "4051841075" });
    expect(String((line!.err as { stack: string }).stack)).toContain("console-to-logger.test.ts");
  });

  it("keep a warning's text, formatted as console would, at its level", () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    console.warn("\u001b[33m⚠\u001b[39m %s is deprecated", "an option");
    expect(linesWritten(out)).toEqual([expect.objectContaining({ level: "warn", event: "console", msg: "an option is deprecated" })]);
  });
});
