import { expect, test } from "@playwright/test";

// scripts/e2e-server.ts gives the portal this token, as scripts/run-app.ts gives it a random one.
const TOKEN = "e2e-page-refresh-token";
const PERIOD = "/son-la-so-2024";

test.describe("page cache", () => {
  test("serves a published period's page from the cache, per language", async ({ request }) => {
    await request.get(PERIOD);
    const cached = await request.get(PERIOD);
    expect(cached.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(await cached.text()).toContain('<html lang="vi"');
    const english = await request.get(PERIOD, { headers: { cookie: "locale=en" } });
    expect(await english.text()).toContain('<html lang="en"');
  });

  test("drops the cached pages when a publication asks, and only then", async ({ request }) => {
    await request.get(PERIOD);
    expect((await request.get(PERIOD)).headers()["x-nextjs-cache"]).toBe("HIT");

    const refused = await request.post("/api/revalidate", { headers: { authorization: "Bearer wrong" } });
    expect(refused.status()).toBe(404);
    expect((await request.get(PERIOD)).headers()["x-nextjs-cache"]).toBe("HIT");

    const accepted = await request.post("/api/revalidate", { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(accepted.status()).toBe(200);
    expect((await request.get(PERIOD)).headers()["x-nextjs-cache"]).not.toBe("HIT");
  });
});
