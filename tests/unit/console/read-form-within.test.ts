import { describe, expect, it } from "vitest";
import { readFormWithin } from "@/app/api/console/_lib/read-form-within";

function upload(bytes: number, headers: Record<string, string> = {}): Request {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], "bien-ban.pdf"));
  return new Request("http://localhost/api/console/evidence", { method: "POST", body: form, headers });
}

function chunked(request: Request): Request {
  // The same body as a stream with no announced length, as a chunked upload arrives.
  return new Request(request.url, { method: "POST", body: request.body, headers: { "content-type": request.headers.get("content-type")! }, duplex: "half" } as RequestInit);
}

describe("an upload's size is capped before and while it is read", () => {
  it("reads a form under the limit", async () => {
    const form = await readFormWithin(upload(1000), 10_000);
    expect((form?.get("file") as File).size).toBe(1000);
  });

  it("refuses a body announced larger than the limit without reading it", async () => {
    const request = upload(100, { "content-length": "50000" });
    expect(await readFormWithin(request, 10_000)).toBeNull();
    expect(request.bodyUsed).toBe(false);
  });

  it("cuts off a body without a length once it passes the limit", async () => {
    expect(await readFormWithin(chunked(upload(50_000)), 10_000)).toBeNull();
    expect((await readFormWithin(chunked(upload(1000)), 10_000))?.get("file")).toBeInstanceOf(File);
  });
});
