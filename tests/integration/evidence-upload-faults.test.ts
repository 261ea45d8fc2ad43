import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { openPeriod } from "@/lib/services/open-period";
import { createUser } from "@/lib/services/create-user";
import { saveSelfScores } from "@/lib/services/save-self-scores";
import { findUserActor } from "@/lib/data/database-state";
import { getPrisma } from "@/lib/data/prisma";
import { COMMAND_LINE } from "@/lib/auth/actor";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";
import { startProductionServer, type ProductionServer } from "@/tests/support/production-server";
import { pdf, png } from "@/tests/unit/evidence/evidence-fixtures";
import { freePort } from "@/scripts/db/free-port";

// An officer's uploads to the real route (app/api/console/evidence) of the production server: a
// browser that gives up half-way through a file, and an evidence folder with no room left.
const database = withTestDatabase({ reset: "once" });

const PERIOD = "tai-lieu-2025";
const EMAIL = "can-bo@example.vn";
const PASSWORD = "mat-khau-du-dai";
let portal: ProductionServer;
let cookie = "";

/** The evidence folder is a 1 MiB tmpfs, which fills up for real (ENOSPC from the kernel): root only. */
function mountSmallDisk(target: string): boolean {
  if (process.getuid?.() !== 0 || process.platform !== "linux") return false;
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m,mode=0750", "tmpfs", target], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const folder = mkdtempSync(path.join(os.tmpdir(), "hb-evidence-"));
const evidenceDir = path.join(folder, "evidence");
mkdirSync(evidenceDir, { recursive: true, mode: 0o750 });
const fullDiskPossible = mountSmallDisk(evidenceDir);

beforeAll(async () => {

  const parsed = parseResultsPackage(JSON.stringify(buildPackage({ code: "tai-lieu-2024", year: 2024, units: [{ code: "a", name: "UBND xã A", points: [30, 28, 35] }] })));
  if (!parsed.ok) throw new Error("fixture package is invalid");
  await importResultsPackage({ pkg: parsed.package, replace: false, publish: true, actor: COMMAND_LINE });
  const day = 24 * 60 * 60 * 1000;
  await openPeriod(
    {
      code: PERIOD,
      year: 2025,
      name: "Chỉ số CCHC năm 2025 — thử nghiệm",
      authorityName: "UBND huyện Thử Nghiệm",
      criteriaSetCode: "test-set",
      previousPeriodCode: "tai-lieu-2024",
      units: [{ unitCode: "a", groupCode: "xa" }],
      selfAssessmentOpensAt: new Date(Date.now() - day).toISOString(),
      selfAssessmentDeadline: new Date(Date.now() + 30 * day).toISOString(),
      openSelfAssessment: true,
    },
    COMMAND_LINE,
  );
  await createUser({ email: EMAIL, name: "Cán bộ xã A", role: "unit_officer", unitCode: "a", password: PASSWORD, mustChangePassword: false }, COMMAND_LINE);

  portal = await startProductionServer({ port: await freePort(), env: { DATABASE_URL: database.url(), EVIDENCE_DIR: evidenceDir, PAR_DATA_DIR: folder } });
  cookie = await signIn();
});

afterAll(async () => {
  await portal?.stop();
  if (fullDiskPossible) execFileSync("umount", [evidenceDir], { stdio: "ignore" });
  rmSync(folder, { recursive: true, force: true });
});

/** The console's sign-in, as the browser does it: next-auth's CSRF token, then the credentials. */
async function signIn(): Promise<string> {
  const csrf = await fetch(`${portal.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  const response = await fetch(`${portal.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: portal.url },
    body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((line) => line.includes("session-token="));
  if (!session) throw new Error(`sign-in failed (${response.status}): ${await response.text()}`);
  return session.split(";")[0]!;
}

function uploadForm(bytes: Buffer, name: string, criterionCode = "1.1"): FormData {
  const form = new FormData();
  form.set("periodCode", PERIOD);
  form.set("unitCode", "a");
  form.set("criterionCode", criterionCode);
  form.set("file", new File([new Uint8Array(bytes)], name, { type: "application/pdf" }));
  return form;
}

async function upload(bytes: Buffer, name: string): Promise<{ status: number; body: { ok: boolean; code?: string; vi?: string; en?: string } }> {
  const response = await fetch(`${portal.url}/api/console/evidence`, { method: "POST", headers: { cookie, origin: portal.url }, body: uploadForm(bytes, name) });
  return { status: response.status, body: (await response.json()) as { ok: boolean; code?: string; vi?: string; en?: string } };
}

/** Sends the headers and the first half of the body, then drops the connection, as a closed laptop does. */
async function uploadAndGiveUpHalfWay(bytes: Buffer, name: string): Promise<void> {
  const request = new Request("http://x/", { method: "POST", body: uploadForm(bytes, name) });
  const body = Buffer.from(await request.arrayBuffer());
  await new Promise<void>((resolve) => {
    const client = http.request(`${portal.url}/api/console/evidence`, {
      method: "POST",
      headers: { cookie, origin: portal.url, "content-type": request.headers.get("content-type")!, "content-length": String(body.length) },
    });
    client.on("error", () => resolve());
    client.on("response", () => resolve());
    client.write(body.subarray(0, Math.floor(body.length / 2)), () => {
      // Give the server time to start reading before the connection goes.
      setTimeout(() => {
        client.destroy();
        resolve();
      }, 300);
    });
  });
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
const evidenceRows = () => getPrisma().evidenceFile.findMany({ select: { sha256: true, originalName: true } });

describe("evidence uploads over HTTP", () => {
  it("an upload cut off half-way leaves no row, no file and no temporary file; the next one is stored", async () => {
    // Large enough to arrive in several chunks.
    const abandoned = Buffer.concat([pdf(), Buffer.alloc(200 * 1024, 0x20), Buffer.from("\n% bo do\n")]);
    await uploadAndGiveUpHalfWay(abandoned, "bo-do-giua-chung.pdf");
    // A complete upload after it: once it is answered, the cut-off one has long been dealt with.
    const complete = Buffer.concat([pdf(), Buffer.from("% day du\n")]);
    const answered = await upload(complete, "day-du.pdf");
    expect(answered).toMatchObject({ status: 200, body: { ok: true } });

    expect(await evidenceRows()).toEqual([{ sha256: sha256(complete), originalName: "day-du.pdf" }]);
    const files = filesUnder(evidenceDir);
    expect(files).toContain(sha256(complete));
    expect(files).not.toContain(sha256(abandoned));
    expect(files.filter((file) => file.startsWith(".upload-"))).toEqual([]);
    expect(await getPrisma().auditLog.count({ where: { action: "evidence.upload" } })).toBe(1);
    // A browser that went away is not a server fault: the operator's log has no error for it.
    const errors = portal
      .log()
      .split("\n")
      .filter((line) => line.startsWith("{") && (JSON.parse(line) as { level?: string }).level === "error");
    expect(errors).toEqual([]);
  });

  // Without root (no tmpfs of our own), tests/integration/evidence-files.test.ts covers the same at the service level.
  it.skipIf(!fullDiskPossible)("a full evidence folder refuses the file in both languages and keeps the score already saved", async () => {
    const officer = (await findUserActor(EMAIL))!;
    await saveSelfScores(officer, { periodCode: PERIOD, unitCode: "a", items: [{ criterionCode: "1.2", points: "12,5", expectedVersion: null }] });
    const scoreBefore = await getPrisma().criterionScore.findFirstOrThrow({ where: { criterion: { code: "1.2" }, assessment: { period: { code: PERIOD } } } });
    const rowsBefore = await evidenceRows();

    // Leave less room than the next file needs.
    const free = statfsSync(evidenceDir).bavail * statfsSync(evidenceDir).bsize;
    writeFileSync(path.join(evidenceDir, "filler"), Buffer.alloc(Math.max(0, free - 16 * 1024)));
    try {
      const big = Buffer.concat([pdf(), Buffer.alloc(96 * 1024, 0x20), Buffer.from("\n% lon\n")]);
      const refused = await upload(big, "bao-cao-lon.pdf");
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ ok: false, code: "storage_full" });
      expect(refused.body.vi).toContain("Máy chủ đã hết chỗ lưu tệp");
      expect(refused.body.vi).toContain("điểm đã lưu không bị ảnh hưởng");
      expect(refused.body.en).toContain("run out of storage space");

      expect(await evidenceRows()).toEqual(rowsBefore);
      expect(filesUnder(evidenceDir).filter((file) => file !== "filler" && !rowsBefore.some((row) => row.sha256 === file))).toEqual([]);
      const scoreAfter = await getPrisma().criterionScore.findFirstOrThrow({ where: { id: scoreBefore.id } });
      expect({ points: scoreAfter.selfPoints?.toString(), version: scoreAfter.version }).toEqual({ points: "12.5", version: scoreBefore.version });
    } finally {
      rmSync(path.join(evidenceDir, "filler"), { force: true });
    }
    // Once the operator has made room, the same officer's upload goes through.
    expect(await upload(Buffer.concat([png(), Buffer.from("sau khi don dep")]), "anh.png")).toMatchObject({ status: 200, body: { ok: true } });
  });
});
