import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { uploadEvidence } from "@/lib/services/upload-evidence";
import { deleteEvidence } from "@/lib/services/delete-evidence";
import { reopenAssessment } from "@/lib/services/reopen-assessment";
import { approveAssessment } from "@/lib/services/approve-assessment";
import { createEvidenceStorage, type EvidenceStorage } from "@/lib/storage/evidence-store";
import { getPrisma } from "@/lib/data/prisma";
import { withTestDatabase } from "@/tests/support/test-database";
import { appraiseAndApprove, assessmentOf, fillAndSubmit, NOW, PERIOD, refusal, scoreOf, setUpPeriod, type Cast } from "@/tests/support/workflow-fixture";
import { pdf } from "@/tests/unit/evidence/evidence-fixtures";

withTestDatabase();

let cast: Cast;
let root: string;
let storage: EvidenceStorage;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "evidence-reopen-"));
  storage = createEvidenceStorage({ directory: path.join(root, "evidence"), maxBytes: 64 * 1024 });
  cast = await setUpPeriod();
  await fillAndSubmit(cast.officerA, "a");
  await appraiseAndApprove(cast.council1, "a");
  await reopenAssessment(cast.admin, { periodCode: PERIOD, unitCode: "a", reason: "Bổ sung tài liệu kiểm chứng tiêu chí 1.1" }, NOW);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("evidence changed after home affairs reopened a unit", () => {
  it("sends the leaf the council had decided back to it, and the unit cannot be approved until it decides again", async () => {
    const before = (await scoreOf("a", "1.1"))!;
    expect(before.reviewState).toBe("accepted");
    const uploaded = await uploadEvidence(cast.officerA, { periodCode: PERIOD, unitCode: "a", criterionCode: "1.1", file: new Blob([pdf()]), fileName: "ke-hoach-bo-sung.pdf" }, { now: NOW, storage });

    const after = (await scoreOf("a", "1.1"))!;
    expect(after.reviewState).toBe("pending");
    expect(after.version).toBe(before.version + 1);
    expect(uploaded.scoreVersion).toBe(after.version);
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "evidence.upload" } });
    expect(audit.after).toMatchObject({ criterion: "1.1", reviewState: "pending" });

    // The leaf not touched keeps its decision.
    expect((await scoreOf("a", "1.2"))!.reviewState).toBe("accepted");
    await refusal(approveAssessment(cast.council1, { periodCode: PERIOD, unitCode: "a", expectedVersion: (await assessmentOf("a")).version }, NOW));
  });

  it("a removed file sends the decided leaf back too", async () => {
    const uploaded = await uploadEvidence(cast.officerA, { periodCode: PERIOD, unitCode: "a", criterionCode: "1.2", file: new Blob([pdf()]), fileName: "cong-van.pdf" }, { now: NOW, storage });
    await getPrisma().criterionScore.update({ where: { id: uploaded.criterionScoreId }, data: { reviewState: "accepted" } });
    await deleteEvidence(cast.officerA, { evidenceId: uploaded.id }, { now: NOW });
    expect((await scoreOf("a", "1.2"))!.reviewState).toBe("pending");
  });
});
