import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { openPeriod } from "@/lib/services/open-period";
import { createUser } from "@/lib/services/create-user";
import { saveSelfScores } from "@/lib/services/save-self-scores";
import { submitSelfAssessment } from "@/lib/services/submit-self-assessment";
import { appraiseItem } from "@/lib/services/appraise-item";
import { explainItem } from "@/lib/services/explain-item";
import { uploadEvidence, type UploadEvidenceInput } from "@/lib/services/upload-evidence";
import { deleteEvidence } from "@/lib/services/delete-evidence";
import { openEvidenceForDownload } from "@/lib/services/open-evidence-for-download";
import { EvidenceError } from "@/lib/domain/evidence-file-rules";
import { createEvidenceStorage, nodeFileSystem, type EvidenceFileSystem, type EvidenceStorage } from "@/lib/storage/evidence-store";
import { listAssessmentEvidence } from "@/lib/data/evidence-files";
import { findUserActor } from "@/lib/data/database-state";
import { getPrisma } from "@/lib/data/prisma";
import { COMMAND_LINE, type UserActor } from "@/lib/auth/actor";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";
import { docx, html, pdf, png } from "@/tests/unit/evidence/evidence-fixtures";

withTestDatabase();

const NOW = new Date("2026-01-20T03:00:00Z");
const PERIOD = "thu-nghiem-2023";
let officerA: UserActor;
let officerB: UserActor;
let council: UserActor;
let admin: UserActor;
let root: string;
let storage: EvidenceStorage;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "evidence-it-"));
  storage = createEvidenceStorage({ directory: path.join(root, "evidence"), maxBytes: 64 * 1024 });
  const parsed = parseResultsPackage(
    JSON.stringify(
      buildPackage({
        code: "thu-nghiem-2022",
        year: 2022,
        units: [
          { code: "a", name: "UBND xã A", points: [30, 28, 35] },
          { code: "b", name: "UBND xã B", points: [25, 25, 30] },
        ],
      }),
    ),
  );
  if (!parsed.ok) throw new Error("fixture");
  await importResultsPackage({ pkg: parsed.package, replace: false, publish: true, actor: COMMAND_LINE });
  await openPeriod(
    {
      code: PERIOD,
      year: 2023,
      name: "Chỉ số CCHC năm 2023 — thử nghiệm",
      authorityName: "UBND huyện Thử Nghiệm",
      criteriaSetCode: "test-set",
      previousPeriodCode: "thu-nghiem-2022",
      units: [
        { unitCode: "a", groupCode: "xa" },
        { unitCode: "b", groupCode: "xa" },
      ],
      selfAssessmentOpensAt: "2026-01-05T00:00:00+07:00",
      selfAssessmentDeadline: "2026-02-20T23:59:59+07:00",
      openSelfAssessment: true,
    },
    COMMAND_LINE,
  );
  await createUser({ email: "a@example.vn", name: "Cán bộ xã A", role: "unit_officer", unitCode: "a", password: "mat-khau-dai" }, COMMAND_LINE);
  await createUser({ email: "b@example.vn", name: "Cán bộ xã B", role: "unit_officer", unitCode: "b", password: "mat-khau-dai" }, COMMAND_LINE);
  await createUser({ email: "hd@example.vn", name: "Hội đồng", role: "council", password: "mat-khau-dai" }, COMMAND_LINE);
  await createUser({ email: "nv@example.vn", name: "Sở Nội vụ", role: "admin", password: "mat-khau-dai" }, COMMAND_LINE);
  officerA = (await findUserActor("a@example.vn"))!;
  officerB = (await findUserActor("b@example.vn"))!;
  council = (await findUserActor("hd@example.vn"))!;
  admin = (await findUserActor("nv@example.vn"))!;
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const upload = (actor: UserActor, file: UploadEvidenceInput["file"], overrides: Partial<UploadEvidenceInput> = {}, now = NOW) =>
  uploadEvidence(actor, { periodCode: PERIOD, unitCode: "a", criterionCode: "1.1", file, ...overrides }, { now, storage });

const fileOf = (bytes: Uint8Array, name: string, type = "application/octet-stream") => new File([new Uint8Array(bytes)], name, { type });

async function refusal(promise: Promise<unknown>): Promise<EvidenceError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof EvidenceError)) throw new Error(`expected an EvidenceError, got ${String(error)}`);
  return error;
}

async function filesOnDisk(): Promise<string[]> {
  try {
    return (await readdir(storage.directory, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch {
    return [];
  }
}

const prisma = () => getPrisma();
const auditActions = async () => (await prisma().auditLog.findMany({ orderBy: { id: "asc" }, select: { action: true } })).map((row) => row.action);

describe("an officer uploading evidence", () => {
  it("stores it under its content hash with no trace of the client's name, and records who, what and where", async () => {
    const bytes = pdf();
    const uploaded = await upload(officerA, fileOf(bytes, "Kế hoạch CCHC.pdf".normalize("NFD"), "text/html"));
    const hash = createHash("sha256").update(bytes).digest("hex");
    expect(uploaded).toMatchObject({ criterionCode: "1.1", originalName: "Kế hoạch CCHC.pdf", mimeType: "application/pdf", sizeBytes: bytes.length, sha256: hash, scoreVersion: 0 });
    expect(await filesOnDisk()).toEqual([hash]);

    const row = await prisma().evidenceFile.findUniqueOrThrow({ where: { id: uploaded.id } });
    expect(row).toMatchObject({ sha256: hash, mimeType: "application/pdf", originalName: "Kế hoạch CCHC.pdf", uploadedById: officerA.userId, deletedAt: null });
    const audit = await prisma().auditLog.findFirstOrThrow({ where: { action: "evidence.upload" } });
    expect(audit).toMatchObject({ actorId: officerA.userId, entityId: uploaded.id, after: { criterion: "1.1", sha256: hash, mimeType: "application/pdf" } });
    const assessment = await prisma().assessment.findFirstOrThrow({ where: { unit: { code: "a" }, period: { code: PERIOD } } });
    expect(assessment.status).toBe("in_progress");
    expect(await listAssessmentEvidence({ periodCode: PERIOD, unitCode: "a", scope: { unitId: officerA.unitId! } })).toMatchObject([
      { id: uploaded.id, criterionCode: "1.1", originalName: "Kế hoạch CCHC.pdf", uploadedByName: "Cán bộ xã A" },
    ]);
  });

  it("stores the same content once, however many times and leaves it is uploaded", async () => {
    await upload(officerA, fileOf(docx(), "bien-ban.docx"));
    await upload(officerA, fileOf(docx(), "bien-ban (1).docx"), { criterionCode: "1.2" });
    expect(await filesOnDisk()).toHaveLength(1);
    expect(await prisma().evidenceFile.count()).toBe(2);
  });

  it("leaves a saved score and its version alone, so the officer's next save still lands", async () => {
    await saveSelfScores(officerA, { periodCode: PERIOD, unitCode: "a", items: [{ criterionCode: "1.1", points: "12,5", expectedVersion: null }] }, NOW);
    const uploaded = await upload(officerA, fileOf(png(), "anh.png"));
    expect(uploaded.scoreVersion).toBe(0);
    await saveSelfScores(officerA, { periodCode: PERIOD, unitCode: "a", items: [{ criterionCode: "1.1", points: "13", expectedVersion: uploaded.scoreVersion }] }, NOW);
  });

  it.each([
    ["too big", () => fileOf(Buffer.concat([pdf(), Buffer.alloc(64 * 1024)]), "lon.pdf"), "file_too_large", "64 KiB"],
    ["empty", () => fileOf(new Uint8Array(), "rong.pdf"), "file_empty", "0 byte"],
    ["an HTML page renamed .pdf", () => fileOf(html(), "bao-cao.pdf", "application/pdf"), "file_type", "PDF"],
    ["a name with a path", () => fileOf(pdf(), "../../etc/bao-cao.pdf"), "file_name_path", "/"],
  ])("refuses a file that is %s in both languages and writes nothing", async (_what, make, code, mentioned) => {
    const error = await refusal(upload(officerA, make()));
    expect(error.code).toBe(code);
    expect(error.vi).toContain(mentioned);
    expect(error.vi).not.toBe(error.en);
    expect(error.vi).toMatch(/[ạ-ỹàáâãèéêìíòóôõùúýđ]/);
    expect(await filesOnDisk()).toEqual([]);
    expect(await prisma().evidenceFile.count()).toBe(0);
    expect(await prisma().criterionScore.count({ where: { assessment: { period: { code: PERIOD } } } })).toBe(0);
  });

  it("only attaches evidence to an appraisal-scored leaf of the period", async () => {
    for (const criterionCode of ["2.1", "1", "9.9"]) {
      expect((await refusal(upload(officerA, fileOf(pdf(), "x.pdf"), { criterionCode }))).code).toBe("not_appraisal_leaf");
    }
    expect(await filesOnDisk()).toEqual([]);
  });

  it("limits the files of one leaf", async () => {
    for (let i = 0; i < 20; i++) await upload(officerA, fileOf(Buffer.concat([pdf(), Buffer.from(`% ${i}`)]), `tep-${i}.pdf`));
    const error = await refusal(upload(officerA, fileOf(Buffer.concat([pdf(), Buffer.from("% 21")]), "tep-21.pdf")));
    expect(error.code).toBe("too_many_files");
    expect(await filesOnDisk()).toHaveLength(20);
  });

  it("is refused to the council and admin, and for another unit answers not found with an audit entry", async () => {
    expect((await refusal(upload(council, fileOf(pdf(), "x.pdf")))).code).toBe("forbidden");
    expect((await refusal(upload(admin, fileOf(pdf(), "x.pdf")))).code).toBe("forbidden");
    expect((await refusal(upload(officerA, fileOf(pdf(), "x.pdf"), { unitCode: "b" }))).code).toBe("not_found");
    const denied = await prisma().auditLog.findFirstOrThrow({ where: { action: "access.denied" } });
    expect(denied).toMatchObject({ actorId: officerA.userId, entityType: "Assessment", after: { attempted: "evidence.upload" } });
    expect(await filesOnDisk()).toEqual([]);
  });

  it("is closed after the deadline and refused for good once the period is published", async () => {
    expect((await refusal(upload(officerA, fileOf(pdf(), "x.pdf"), {}, new Date("2026-02-21T00:00:00+07:00")))).code).toBe("closed");
    const published = await refusal(upload(officerA, fileOf(pdf(), "x.pdf"), { periodCode: "thu-nghiem-2022" }));
    expect(published.code).toBe("published");
    expect(published.en).toMatch(/published/);
    expect(await filesOnDisk()).toEqual([]);
    expect(await prisma().evidenceFile.count()).toBe(0);
  });

  it("on a full disk says so, leaves no temporary file and the saved score untouched", async () => {
    await saveSelfScores(officerA, { periodCode: PERIOD, unitCode: "a", items: [{ criterionCode: "1.1", points: "10", expectedVersion: null }] }, NOW);
    const fullDisk: EvidenceFileSystem = {
      ...nodeFileSystem,
      async open(file, flags, mode) {
        const handle = await nodeFileSystem.open(file, flags, mode);
        return {
          read: (...args) => handle.read(...args),
          sync: () => handle.sync(),
          close: () => handle.close(),
          write: async () => {
            throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
          },
        };
      },
    };
    storage = createEvidenceStorage({ directory: storage.directory, maxBytes: storage.maxBytes, fileSystem: fullDisk });
    const error = await refusal(upload(officerA, fileOf(pdf(), "x.pdf")));
    expect(error.code).toBe("storage_full");
    expect(error.vi).toContain("hết chỗ");
    expect(await readdir(storage.directory)).toEqual([]);
    const score = await prisma().criterionScore.findFirstOrThrow({ where: { assessment: { unit: { code: "a" }, period: { code: PERIOD } } } });
    expect({ points: score.selfPoints?.toString(), version: score.version }).toEqual({ points: "10", version: 0 });
    expect(await prisma().evidenceFile.count()).toBe(0);
  });

  it("removes the stored file when the unit was submitted while it arrived, unless another row names it", async () => {
    const submitWhileStoring = (inner: EvidenceStorage): EvidenceStorage => ({
      ...inner,
      async store(source) {
        const stored = await inner.store(source);
        await prisma().assessment.updateMany({ where: { unit: { code: "a" }, period: { code: PERIOD } }, data: { status: "submitted" } });
        return stored;
      },
    });
    const racing = submitWhileStoring(storage);
    const refused = await refusal(uploadEvidence(officerA, { periodCode: PERIOD, unitCode: "a", criterionCode: "1.1", file: fileOf(pdf(), "x.pdf") }, { now: NOW, storage: racing }));
    expect(refused.code).toBe("closed");
    expect(await filesOnDisk()).toEqual([]);

    // Unit B already holds the same content: the file stays for B's row.
    const forB = await uploadEvidence(officerB, { periodCode: PERIOD, unitCode: "b", criterionCode: "1.1", file: fileOf(png(), "b.png") }, { now: NOW, storage });
    expect((await refusal(uploadEvidence(officerA, { periodCode: PERIOD, unitCode: "a", criterionCode: "1.1", file: fileOf(png(), "a.png") }, { now: NOW, storage: racing }))).code).toBe("closed");
    expect(await filesOnDisk()).toEqual([forB.sha256]);
  });
});

describe("deleting evidence", () => {
  it("marks it deleted, keeps the file for the record and audits it", async () => {
    const uploaded = await upload(officerA, fileOf(pdf(), "x.pdf"));
    await deleteEvidence(officerA, { evidenceId: uploaded.id }, { now: NOW });
    const row = await prisma().evidenceFile.findUniqueOrThrow({ where: { id: uploaded.id } });
    expect(row.deletedAt).toEqual(NOW);
    expect(await filesOnDisk()).toEqual([uploaded.sha256]);
    expect(await auditActions()).toContain("evidence.delete");
    expect(await listAssessmentEvidence({ periodCode: PERIOD, unitCode: "a", scope: null })).toEqual([]);
    expect((await refusal(deleteEvidence(officerA, { evidenceId: uploaded.id }, { now: NOW }))).code).toBe("not_found");
    expect((await refusal(openEvidenceForDownload(council, { evidenceId: uploaded.id }, { storage }))).code).toBe("not_found");
  });

  it("of another unit answers not found, records the attempt and deletes nothing", async () => {
    const uploaded = await upload(officerA, fileOf(pdf(), "x.pdf"));
    expect((await refusal(deleteEvidence(officerB, { evidenceId: uploaded.id }, { now: NOW }))).code).toBe("not_found");
    expect((await prisma().evidenceFile.findUniqueOrThrow({ where: { id: uploaded.id } })).deletedAt).toBeNull();
    const denied = await prisma().auditLog.findFirstOrThrow({ where: { action: "access.denied" } });
    expect(denied).toMatchObject({ actorId: officerB.userId, entityId: uploaded.id, unitId: officerA.unitId, after: { attempted: "evidence.delete" } });
  });

  it("is refused once the period is published", async () => {
    const uploaded = await upload(officerA, fileOf(pdf(), "x.pdf"));
    // The workflow that leads to publication is tested elsewhere; here only its end state matters.
    await prisma().period.update({ where: { code: PERIOD }, data: { status: "published" } });
    expect((await refusal(deleteEvidence(officerA, { evidenceId: uploaded.id }, { now: NOW }))).code).toBe("published");
    expect((await prisma().evidenceFile.findUniqueOrThrow({ where: { id: uploaded.id } })).deletedAt).toBeNull();
  });
});

describe("evidence while answering a returned item (giải trình)", () => {
  const AFTER_DEADLINE = new Date("2026-02-21T03:00:00Z");
  const scoreVersion = async (criterionCode: string) =>
    (await prisma().criterionScore.findFirstOrThrow({ where: { assessment: { unit: { code: "a" }, period: { code: PERIOD } }, criterion: { code: criterionCode } } })).version;

  /** Unit a claims both leaves with one file on 1.1, submits, and the council returns 1.1. */
  async function returnedWithEarlierFile() {
    await saveSelfScores(
      officerA,
      {
        periodCode: PERIOD,
        unitCode: "a",
        items: [
          { criterionCode: "1.1", points: "25", expectedVersion: null },
          { criterionCode: "1.2", points: "20", expectedVersion: null },
        ],
      },
      NOW,
    );
    const earlier = await upload(officerA, fileOf(pdf(), "ke-hoach.pdf"));
    const assessment = await prisma().assessment.findFirstOrThrow({ where: { unit: { code: "a" }, period: { code: PERIOD } } });
    await submitSelfAssessment(officerA, { periodCode: PERIOD, unitCode: "a", expectedVersion: assessment.version }, NOW);
    await appraiseItem(council, {
      periodCode: PERIOD,
      unitCode: "a",
      criterionCode: "1.1",
      decision: "return",
      comment: "Kế hoạch chưa có chữ ký của chủ tịch UBND",
      expectedVersion: await scoreVersion("1.1"),
    });
    return earlier;
  }

  it("takes a new file on the returned leaf, past the self-assessment deadline, and the explanation still lands", async () => {
    const earlier = await returnedWithEarlierFile();
    const versionBefore = await scoreVersion("1.1");
    const added = await upload(officerA, fileOf(png(), "ke-hoach-co-chu-ky.png"), {}, AFTER_DEADLINE);
    expect(added.criterionCode).toBe("1.1");
    expect((await listAssessmentEvidence({ periodCode: PERIOD, unitCode: "a", scope: null })).map((file) => file.id)).toEqual([earlier.id, added.id]);
    const assessment = await prisma().assessment.findFirstOrThrow({ where: { unit: { code: "a" }, period: { code: PERIOD } } });
    expect(assessment.status).toBe("returned");
    // The upload leaves the claim and its version alone: the explanation the officer was writing is not stale.
    const explained = await explainItem(officerA, {
      periodCode: PERIOD,
      unitCode: "a",
      criterionCode: "1.1",
      explanation: "Đã bổ sung bản kế hoạch có chữ ký",
      expectedVersion: versionBefore,
    });
    expect(explained.reviewState).toBe("explained");
    // Explained: the council has it now, no more files on it.
    expect((await refusal(upload(officerA, fileOf(docx(), "them.docx"), {}, AFTER_DEADLINE))).code).toBe("closed");
  });

  it("refuses a file on a leaf of the same unit the council did not return, naming the leaf, and stores nothing", async () => {
    const earlier = await returnedWithEarlierFile();
    const error = await refusal(upload(officerA, fileOf(png(), "anh.png"), { criterionCode: "1.2" }));
    expect(error.code).toBe("closed");
    expect(error.vi).toContain("1.2");
    expect(error.en).toMatch(/returned/);
    expect(await filesOnDisk()).toEqual([earlier.sha256]);
    expect(await prisma().evidenceFile.count()).toBe(1);
  });

  it("does not let a file the council saw be deleted", async () => {
    const earlier = await returnedWithEarlierFile();
    expect((await refusal(deleteEvidence(officerA, { evidenceId: earlier.id }, { now: NOW }))).code).toBe("closed");
    expect((await prisma().evidenceFile.findUniqueOrThrow({ where: { id: earlier.id } })).deletedAt).toBeNull();
    expect(await auditActions()).not.toContain("evidence.delete");
  });

  it("is closed for another unit's officer and once the period is published", async () => {
    const earlier = await returnedWithEarlierFile();
    expect((await refusal(upload(officerB, fileOf(png(), "anh.png"), { unitCode: "a" }))).code).toBe("not_found");
    await prisma().period.update({ where: { code: PERIOD }, data: { status: "published" } });
    expect((await refusal(upload(officerA, fileOf(png(), "anh.png")))).code).toBe("published");
    expect(await filesOnDisk()).toEqual([earlier.sha256]);
  });
});

describe("downloading evidence", () => {
  it("is open to the unit's officer, the council and home affairs, with the detected type and a safe name", async () => {
    const bytes = pdf();
    const uploaded = await upload(officerA, fileOf(bytes, "Báo cáo.exe"));
    for (const actor of [officerA, council, admin]) {
      const file = await openEvidenceForDownload(actor, { evidenceId: uploaded.id }, { storage });
      expect({ mimeType: file.mimeType, sizeBytes: file.sizeBytes, downloadName: file.downloadName }).toEqual({
        mimeType: "application/pdf",
        sizeBytes: bytes.length,
        downloadName: "Báo cáo.exe.pdf",
      });
      expect(await text(file.stream)).toBe(bytes.toString("latin1"));
    }
    expect(await prisma().auditLog.count({ where: { action: "access.denied" } })).toBe(0);
  });

  it("of another unit's file answers exactly as a missing one, and records the attempt", async () => {
    const uploaded = await upload(officerA, fileOf(pdf(), "x.pdf"));
    const crafted = await refusal(openEvidenceForDownload(officerB, { evidenceId: uploaded.id }, { storage }));
    const missing = await refusal(openEvidenceForDownload(officerB, { evidenceId: "khong-co" }, { storage }));
    expect({ code: crafted.code, vi: crafted.vi, en: crafted.en }).toEqual({ code: missing.code, vi: missing.vi, en: missing.en });
    expect(crafted.code).toBe("not_found");
    const denied = await prisma().auditLog.findMany({ where: { action: "access.denied" } });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ actorId: officerB.userId, entityType: "EvidenceFile", entityId: uploaded.id, after: { attempted: "evidence.read" } });
  });

  it("says the content is missing rather than serving something else", async () => {
    const uploaded = await upload(officerA, fileOf(pdf(), "x.pdf"));
    await rm(path.join(storage.directory, uploaded.sha256.slice(0, 2), uploaded.sha256));
    expect((await refusal(openEvidenceForDownload(council, { evidenceId: uploaded.id }, { storage }))).code).toBe("file_missing");
  });
});
