import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// A publication refreshing the cached pages of every instance: tests/integration/several-instances.test.ts.
const PERIOD = "/son-la-so-2024";

test.describe("page cache", () => {
  test("serves a published period's page from the cache, per language", async ({ request }) => {
    // A page cached earlier in the run may be past its 5-minute refresh (STALE) until the refresh lands.
    await expect.poll(async () => (await request.get(PERIOD)).headers()["x-nextjs-cache"]).toBe("HIT");
    const cached = await request.get(PERIOD);
    expect(await cached.text()).toContain('<html lang="vi"');
    const english = await request.get(PERIOD, { headers: { cookie: "locale=en" } });
    expect(await english.text()).toContain('<html lang="en"');
  });

  test("keeps no page for an unknown period, however often it is asked", async ({ request }) => {
    const code = `khong-co-ky-nay-${Date.now()}`;
    for (const address of [`/${code}`, `/${code}/xa`, `/methodology/${code}`]) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await request.get(address);
        expect(response.status()).toBe(404);
        expect(response.headers()["x-nextjs-cache"]).not.toBe("HIT");
      }
    }
    // Nothing written for it: made-up addresses must not fill the server's disk.
    const written = readdirSync(path.join(process.cwd(), ".next", "server"), { recursive: true }).map(String);
    expect(written.filter((name) => name.includes(code))).toEqual([]);
  });
});
