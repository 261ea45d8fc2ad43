import { afterEach, describe, expect, it, vi } from "vitest";
import { logger, writeLogsToStderr } from "@/lib/observability/logger";

afterEach(() => vi.restoreAllMocks());

describe("the logger", () => {
  it("writes one JSON line per event to stdout, and to stderr alone once the command line asks", () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);

    logger.warn({ event: "test.before" }, "before");
    expect(out).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(out.mock.calls[0]![0])) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "warn", service: "par-index", event: "test.before", msg: "before" });
    expect(err).not.toHaveBeenCalled();

    writeLogsToStderr();
    logger.warn({ event: "test.after" }, "after");
    expect(out).toHaveBeenCalledTimes(1);
    expect(err).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(err.mock.calls[0]![0]))).toMatchObject({ event: "test.after" });
  });
});
