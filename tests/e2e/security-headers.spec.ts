import { expect, test, type Locator, type Page } from "@playwright/test";
import http from "node:http";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { signIn } from "./support/sign-in";

// The production server (server/portal-server.ts) as a visitor's browser meets it: security
// headers on every answer, a fresh CSP nonce on every script of every HTML answer (cached pages
// included), pages that still work under that policy, compression, and Next.js's origin check on
// server actions.

const PERIOD_PAGE = "/son-la-so-2024";
const OFFICER_PAGE = "/console/assessments/son-la-so-2025/so-tai-chinh";

function expectEveryResponseHeaders(headers: Record<string, string>): void {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toBe("camera=(), microphone=(), geolocation=()");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  // Plain HTTP: HSTS would be ignored by browsers, and is not sent.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

function nonceOf(csp: string | undefined): string {
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];
  expect(nonce, `a nonce in ${csp}`).toBeTruthy();
  return nonce!;
}

/** The raw bytes and headers, as sent (Playwright's and fetch's clients would unzip them). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

/**
 * Records every CSP violation, script error and refused resource the page meets from its first
 * byte (the browser's own missing-favicon request aside: the portal has none).
 */
async function watchForViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  return problems;
}

async function leafOf(page: Page, code: string): Promise<Locator> {
  const leaf = page.locator(`[id="leaf-${code}"]`);
  const field = page.locator("details").filter({ has: leaf });
  if ((await field.getAttribute("open")) === null) await field.locator("summary").click();
  return leaf;
}

test.describe("security headers", () => {
  test("a page, an API answer, a static file and a 404 all carry them; the API stays open to other sites", async ({ request }) => {
    const page = await request.get(PERIOD_PAGE);
    expect(page.status()).toBe(200);
    expectEveryResponseHeaders(page.headers());

    const api = await request.get("/api/v1/periods");
    expect(api.status()).toBe(200);
    expectEveryResponseHeaders(api.headers());
    expect(api.headers()["access-control-allow-origin"]).toBe("*");
    expect(api.headers()["content-security-policy"]).toBe("frame-ancestors 'none'");

    const file = await request.get("/robots.txt");
    expect(file.status()).toBe(200);
    expectEveryResponseHeaders(file.headers());

    const missing = await request.get("/khong-ton-tai-2099");
    expect(missing.status()).toBe(404);
    expectEveryResponseHeaders(missing.headers());
    expect(missing.headers()["content-security-policy"]).toContain("script-src");
  });

  test("a request id given by a proxy is kept, so its log and the portal's can be joined", async ({ request }) => {
    const response = await request.get("/api/v1/periods", { headers: { "x-request-id": "edge-7f3a2c9e-0001" } });
    expect(response.headers()["x-request-id"]).toBe("edge-7f3a2c9e-0001");
  });

  test("a cached page gets a fresh nonce in every answer, carried by each of its scripts", async ({ request }) => {
    const first = await request.get(PERIOD_PAGE);
    const second = await request.get(PERIOD_PAGE);
    // The second answer comes from the page cache: the same rendering, a new nonce.
    expect(second.headers()["x-nextjs-cache"]).toBe("HIT");
    const policy = second.headers()["content-security-policy"]!;
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain("form-action 'self'");

    const nonces = [nonceOf(first.headers()["content-security-policy"]), nonceOf(policy)];
    expect(nonces[0]).not.toBe(nonces[1]);
    for (const [index, response] of [first, second].entries()) {
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(5);
      // Each one a real tag that closes: the flight data inside writes "<" as \u003c, never "<script".
      expect(html.match(/<\/script>/g)).toHaveLength(scripts.length);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonces[index]}"`);
      expect(html).not.toContain(`nonce="${nonces[1 - index]}"`);
      // The body was rewritten: neither length nor validator of another body may go with it.
      expect(response.headers()["content-length"]).toBeUndefined();
      expect(response.headers()["etag"]).toBeUndefined();
    }
  });

  test("pages and scripts are compressed with gzip or brotli when the browser accepts it", async ({ baseURL }) => {
    const gzip = await rawGet(`${baseURL}${PERIOD_PAGE}`, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.headers["vary"]).toContain("Accept-Encoding");
    const html = gunzipSync(gzip.body).toString();
    expect(html).toContain(`nonce="${nonceOf(gzip.headers["content-security-policy"] as string)}"`);
    expect(gzip.body.length).toBeLessThan(Buffer.byteLength(html) / 3);

    const brotli = await rawGet(`${baseURL}${PERIOD_PAGE}`, { "accept-encoding": "br" });
    expect(brotli.headers["content-encoding"]).toBe("br");

    const script = /<script[^>]* src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const js = await rawGet(`${baseURL}${script}`, { "accept-encoding": "gzip" });
    expect(js.headers["content-encoding"]).toBe("gzip");
    expect(js.headers["x-content-type-options"]).toBe("nosniff");

    const plain = await rawGet(`${baseURL}${PERIOD_PAGE}`, {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toContain("<!DOCTYPE html>");
  });
});

test.describe("pages under the content security policy", () => {
  test("the public pages, the survey and the sign-in page run their scripts with no CSP violation", async ({ page }) => {
    const problems = await watchForViolations(page);
    for (const address of [
      "/",
      PERIOD_PAGE,
      "/units/so-noi-vu",
      "/compare?period=son-la-so-2024&units=so-noi-vu,so-tu-phap",
      "/methodology/son-la-so-2024",
      "/survey/son-la-so-2025/so-tu-phap",
      "/console/sign-in",
    ]) {
      const response = await page.goto(address, { waitUntil: "networkidle" });
      expect(response?.status(), address).toBe(200);
      // Next.js's inline scripts ran (they carry the nonce) and its chunks loaded.
      expect(await page.evaluate(() => Array.isArray((window as { __next_f?: unknown }).__next_f)), address).toBe(true);
    }
    expect(problems).toEqual([]);
  });

  test("the league table filter works: the page hydrated", async ({ page }) => {
    const problems = await watchForViolations(page);
    await page.goto(PERIOD_PAGE);
    const table = page.getByRole("region", { name: /Bảng xếp hạng Khối sở, ban, ngành/ });
    await page.getByRole("searchbox", { name: "Tìm đơn vị" }).fill("ke hoach dau tu");
    await expect(table.locator("tbody tr")).toHaveCount(1);
    await expect(table.getByRole("rowheader")).toHaveText("Sở Kế hoạch và Đầu tư");
    expect(problems).toEqual([]);
  });

  test("the sign-in form answers a wrong password in place, through its script", async ({ page }) => {
    const problems = await watchForViolations(page);
    await page.goto("/console/sign-in");
    await page.getByLabel("Email", { exact: true }).fill("khong-co-ai@demo.parindex.vn");
    await page.getByLabel("Mật khẩu", { exact: true }).fill("sai-mat-khau");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByText("Email hoặc mật khẩu không đúng.")).toBeVisible();
    expect(page.url()).toContain("/console/sign-in");
    // The refusal itself is next-auth's 401 answer to the form's request.
    expect(problems.filter((problem) => !/^401 .*\/api\/auth\/callback\/credentials/.test(problem))).toEqual([]);
  });
});

test.describe("console cookies and requests", () => {
  test("the session and language cookies are HttpOnly and SameSite=Lax (not Secure over plain HTTP)", async ({ page, context }) => {
    await signIn(page, "taichinh@demo.parindex.vn");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === "next-auth.session-token");
    const locale = cookies.find((cookie) => cookie.name === "locale");
    for (const cookie of [session, locale]) {
      expect(cookie).toBeDefined();
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
    }
    expect(cookies.filter((cookie) => cookie.name.includes("next-auth")).every((cookie) => cookie.httpOnly && cookie.sameSite === "Lax")).toBe(true);
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
  });

  test("behind an HTTPS proxy, responses carry HSTS and every cookie set is Secure too", async ({ request }) => {
    const https = { "x-forwarded-proto": "https" };
    const page = await request.get(PERIOD_PAGE, { headers: https });
    expect(page.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");

    const setCookies = (response: { headersArray(): { name: string; value: string }[] }) =>
      response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie").map((header) => header.value);
    const csrf = setCookies(await request.get("/api/auth/csrf", { headers: https }));
    const locale = setCookies(await request.post("/api/locale", { headers: https, form: { locale: "en" }, maxRedirects: 0 }));
    // A survey form sent without its link's token: refused, the citizen's draft and device kept in cookies.
    const survey = setCookies(await request.post("/api/survey/son-la-so-2025/so-tu-phap", { headers: https, form: { comment: "x" }, maxRedirects: 0 }));
    expect(csrf.some((cookie) => cookie.startsWith("__Host-next-auth.csrf-token="))).toBe(true);
    expect(locale.some((cookie) => cookie.startsWith("locale=en"))).toBe(true);
    expect(survey).toHaveLength(2);
    for (const cookie of [...csrf, ...locale, ...survey]) {
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
    }
  });

  test("a server action posted from another site is refused and changes nothing", async ({ page }) => {
    await signIn(page, "taichinh@demo.parindex.vn");
    await page.goto(OFFICER_PAGE);
    const points = (await leafOf(page, "1.4")).getByLabel("Điểm tự chấm");
    const saved = await points.inputValue();
    const other = saved === "1" ? "2" : "1";

    // The officer's own save, held back before it reaches the server, to be replayed as a forger would.
    let held: { url: string; headers: Record<string, string>; body: Buffer | null } | null = null;
    await page.route("**/*", async (route) => {
      const request = route.request();
      if (request.method() === "POST" && request.headers()["next-action"] && !held) {
        held = { url: request.url(), headers: request.headers(), body: request.postDataBuffer() };
        await route.abort();
      } else {
        await route.continue();
      }
    });
    await points.fill(other);
    await points.blur();
    await expect.poll(() => held).not.toBeNull();
    await page.unroute("**/*");
    const forged = held!;

    const refused = await page.request.post(forged.url, {
      headers: { ...forged.headers, origin: "https://evil.example" },
      data: forged.body ?? undefined,
    });
    expect(refused.status()).toBe(500);
    await page.reload();
    await expect((await leafOf(page, "1.4")).getByLabel("Điểm tự chấm")).toHaveValue(saved);

    // The same request from the portal's own origin does save: only the origin made the difference.
    const accepted = await page.request.post(forged.url, { headers: forged.headers, data: forged.body ?? undefined });
    expect(accepted.status()).toBe(200);
    await page.reload();
    const leaf = await leafOf(page, "1.4");
    await expect(leaf.getByLabel("Điểm tự chấm")).toHaveValue(other);
    await leaf.getByLabel("Điểm tự chấm").fill(saved);
    await leaf.getByLabel("Điểm tự chấm").blur();
    await expect(leaf.getByText(/^Đã lưu lúc/)).toBeVisible();
    await page.reload();
    await expect((await leafOf(page, "1.4")).getByLabel("Điểm tự chấm")).toHaveValue(saved);
  });

  test("an evidence file is downloaded as an attachment of its stored type, never shown as a page; its preview breaks no policy", async ({ page }) => {
    const problems = await watchForViolations(page);
    await signIn(page, "taichinh@demo.parindex.vn");
    await page.goto(OFFICER_PAGE);
    const leaf = await leafOf(page, "1.3");
    const file = path.join(os.tmpdir(), "bien-ban-bao-mat.pdf");
    await writeFile(file, "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    await leaf.getByLabel(/Thêm tệp/).setInputFiles(file);
    await expect(leaf.getByText("bien-ban-bao-mat.pdf")).toBeVisible();

    const href = await leaf.getByRole("link", { name: "Tải về" }).getAttribute("href");
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect(download.headers()["content-disposition"]).toMatch(/^attachment;.*bien-ban-bao-mat\.pdf/);
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    expect(download.headers()["content-security-policy"]).toBe("frame-ancestors 'none'");

    await leaf.getByRole("button", { name: "Xem bien-ban-bao-mat.pdf" }).click();
    const preview = page.getByRole("dialog", { name: "bien-ban-bao-mat.pdf" });
    await expect(preview.locator("iframe")).toHaveAttribute("src", /^blob:/);
    await preview.getByRole("button").first().click();

    await leaf.getByRole("button", { name: "Xóa tệp bien-ban-bao-mat.pdf" }).click();
    await expect(leaf.getByText("bien-ban-bao-mat.pdf")).toHaveCount(0);
    expect(problems).toEqual([]);
  });
});
