import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/tests/support/test-database";
import { buildPackage } from "@/tests/support/results-package-factory";
import { seedDemoIfEmpty } from "@/scripts/seed/seed-demo";
import { DEMO_PASSWORD, demoUsers } from "@/scripts/demo-data/demo-users";
import { freePort } from "@/scripts/db/free-port";

// Two production instances (`npm start`, from the same folder, different ports) on one database
// with the demo's published periods, as behind a load balancer: a publication through one is
// served by the other on the very next request, a session signed in on one works on the other,
// and sign-in failures on one count on the other. Needs the production build (`npm run build`).

const root = path.resolve(import.meta.dirname, "..", "..");
const PERIOD = "son-la-so-2024";
/** A leaf of Sở Tư pháp's published 2024 figures that has 2 points: the erratum takes them away. */
const LEAF_TO_CORRECT = "1.1.2";
const OFFICER_NAME = demoUsers.find((user) => user.email === "tuphap@demo.parindex.vn")!.name;
const AUTH_SECRET = "several-instances-test-signing-key-0123456789abcdef";

type Instance = { url: string; process: ChildProcess; output: () => string };

/** `npm start` as an operator runs it: scripts/run-app.ts in start mode, on DATABASE_URL. */
async function startInstance(databaseUrl: string, dataDir: string): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/run-app.ts", "start"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PAR_DATA_DIR: dataDir,
      AUTH_SECRET,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start on port ${port} exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, process: child, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  child.kill("SIGTERM");
  throw new Error(`npm start on port ${port} did not answer within 120 s:\n${output}`);
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance || instance.process.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.process.once("exit", resolve));
  instance.process.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
}

/** The cookies a browser would keep for the portal, whichever instance set them. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  has(name: string): boolean {
    return [...this.cookies.keys()].some((key) => key.endsWith(name));
  }
}

async function get(instance: Instance, pathname: string, jar?: CookieJar): Promise<{ status: number; cache: string | null; html: string }> {
  const load = async () => {
    const response = await fetch(`${instance.url}${pathname}`, { headers: jar ? { cookie: jar.header() } : {}, redirect: "manual" });
    return { status: response.status, cache: response.headers.get("x-nextjs-cache"), html: await response.text() };
  };
  try {
    return await load();
  } catch (error) {
    // A kept-alive connection the server closed after its idle timeout (while the command line
    // ran) fails on reuse; a GET is safely sent again on a new one. A server that is gone fails again.
    if ((error as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw error;
    return load();
  }
}

/** next-auth's credentials sign-in, as the console's form posts it; the refusal's code when refused. */
async function signIn(instance: Instance, jar: CookieJar, email: string, password: string, address: string): Promise<{ ok: boolean; code: string | null }> {
  const csrf = await fetch(`${instance.url}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${instance.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  jar.take(response);
  const target = (response.headers.get("location") ?? ((await response.json().catch(() => ({}))) as { url?: string }).url) ?? "";
  const error = new URL(target, instance.url).searchParams.get("error");
  if (!error) return { ok: true, code: null };
  try {
    return { ok: false, code: (JSON.parse(error) as { code?: string }).code ?? error };
  } catch {
    return { ok: false, code: error };
  }
}

/** The id Next.js gave a server action in this build, from the build's manifest. */
function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, action]) => action.filename === file && action.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} of ${file} in this build`);
  return found[0];
}

/** Calls a server action over HTTP as the console's page does (a fetch with Next-Action), signed in. */
async function callServerAction(instance: Instance, jar: CookieJar, pagePath: string, actionId: string, args: unknown[]): Promise<string> {
  const response = await fetch(`${instance.url}${pagePath}`, {
    method: "POST",
    headers: {
      cookie: jar.header(),
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      "next-action": actionId,
      origin: instance.url,
    },
    body: JSON.stringify(args),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`Server action answered ${response.status}: ${body.slice(0, 500)}`);
  return body;
}

/** One unit's published index as the league table carries it, in the page's own data. */
function publishedIndexOf(html: string, unitCode: string): string | null {
  const match = new RegExp(`\\\\?"unitCode\\\\?":\\\\?"${unitCode}\\\\?"[^}]*?\\\\?"index\\\\?":\\\\?"([0-9.]+)`).exec(html);
  return match?.[1] ?? null;
}

describe("several app instances on one database", () => {
  const database = withTestDatabase({ reset: "once" });
  let first: Instance | undefined;
  let second: Instance | undefined;

  beforeAll(async () => {
    if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
      throw new Error("These tests run the production build: run `npm run build` first (npm test builds before the tests).");
    }
    await seedDemoIfEmpty(database.url(), () => {});
    // Both from this folder, sharing its data directory, as two instances on one machine would.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "par-instances-"));
    first = await startInstance(database.url(), dataDir);
    second = await startInstance(database.url(), dataDir);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([stopInstance(first), stopInstance(second)]);
  });

  it("serves a correction published through one instance from the other on the next request", { timeout: 120_000 }, async () => {
    const a = first!;
    const b = second!;
    // Both instances have the period's page cached.
    for (const instance of [a, b]) {
      await get(instance, `/${PERIOD}`);
      expect((await get(instance, `/${PERIOD}`)).cache).toBe("HIT");
    }
    const before = await get(b, `/${PERIOD}`);
    const indexBefore = publishedIndexOf(before.html, "so-tu-phap");
    expect(indexBefore).not.toBeNull();

    // Home affairs signs in on A and publishes an erratum there, through the console's action.
    const admin = new CookieJar();
    expect(await signIn(a, admin, "admin@demo.parindex.vn", DEMO_PASSWORD, "203.0.113.10")).toEqual({ ok: true, code: null });
    const reason = `Đính chính thử nghiệm nhiều máy chủ ${Date.now()}`;
    const answer = await callServerAction(
      a,
      admin,
      `/vi/console/periods/${PERIOD}`,
      serverActionId("app/[locale]/(console)/console/(signed-in)/periods/[period]/actions.ts", "publishErratumAction"),
      [PERIOD, { reason, corrections: [{ unitCode: "so-tu-phap", criterionCode: LEAF_TO_CORRECT, points: "0", notApplicable: false, reason: "Kiểm tra lại hồ sơ" }] }],
    );
    expect(answer).toContain('"ok":true');

    // At once on B: the league table with the corrected figure, and the errata history.
    const after = await get(b, `/${PERIOD}`);
    expect(after.status).toBe(200);
    const indexAfter = publishedIndexOf(after.html, "so-tu-phap");
    expect(indexAfter).not.toBeNull();
    expect(Number(indexAfter)).toBeLessThan(Number(indexBefore));
    expect((await get(b, `/methodology/${PERIOD}`)).html).toContain(reason);
    // And B caches the new page again.
    const again = await get(b, `/${PERIOD}`);
    expect(again.cache).toBe("HIT");
    expect(publishedIndexOf(again.html, "so-tu-phap")).toBe(indexAfter);
  });

  it("serves a period published from the command line by every instance on the next request", { timeout: 180_000 }, async () => {
    const a = first!;
    const b = second!;
    const code = "nhieu-may-chu-2030";
    for (const instance of [a, b]) {
      await get(instance, "/");
      expect((await get(instance, "/")).cache).toBe("HIT");
      expect((await get(instance, "/")).html).not.toContain(code);
    }
    const pkg = buildPackage({
      code,
      year: 2030,
      units: [
        { code: "xa-mot", name: "Xã Một", points: [25, 20, 30] },
        { code: "xa-hai", name: "Xã Hai", points: [20, 20, 20] },
      ],
    });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "par-instances-pkg-")), `${code}.json`);
    writeFileSync(file, JSON.stringify(pkg));
    const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", "import", file, "--publish"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url() },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stderr).toContain("refreshed on every portal instance");

    for (const instance of [a, b]) {
      const home = await get(instance, "/");
      expect(home.html).toContain(code);
      const period = await get(instance, `/${code}`);
      expect(period.status).toBe(200);
      expect(period.html).toContain("Xã Một");
    }
  });

  it("accepts a session signed in on one instance on the other", async () => {
    const officer = new CookieJar();
    expect(await signIn(first!, officer, "tuphap@demo.parindex.vn", DEMO_PASSWORD, "203.0.113.20")).toEqual({ ok: true, code: null });
    expect(officer.has("session-token")).toBe(true);
    const signedIn = await get(second!, "/vi/console", officer);
    const anonymous = await get(second!, "/vi/console");
    // The console's header names who is signed in, with the sign-out button.
    expect(signedIn.status).toBe(200);
    expect(signedIn.html).toContain(OFFICER_NAME);
    expect(signedIn.html).toContain("Đăng xuất");
    expect(anonymous.html).not.toContain(OFFICER_NAME);
  });

  it("counts sign-in failures on one instance against the account on the other", async () => {
    const visitor = new CookieJar();
    const email = "council@demo.parindex.vn";
    for (let attempt = 1; attempt <= 5; attempt++) {
      const refused = await signIn(first!, visitor, email, "not-the-password", `198.51.100.${attempt}`);
      expect(refused).toEqual({ ok: false, code: "invalid_credentials" });
    }
    // The right password on B, from yet another address: the account's limit, kept in the database, holds.
    const limited = await signIn(second!, new CookieJar(), email, DEMO_PASSWORD, "198.51.100.99");
    expect(limited).toEqual({ ok: false, code: "rate_limited" });
  });
});
