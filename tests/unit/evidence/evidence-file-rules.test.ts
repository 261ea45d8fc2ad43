import { describe, expect, it } from "vitest";
import {
  attachmentContentDisposition,
  checkEvidenceFileName,
  DEFAULT_EVIDENCE_MAX_BYTES,
  evidenceDownloadName,
  evidenceErrors,
  formatByteSize,
  parseEvidenceMaxBytes,
} from "@/lib/domain/evidence-file-rules";
import { evidenceEditState } from "@/lib/domain/evidence-editable";

const refusal = (name: string) => {
  const checked = checkEvidenceFileName(name);
  return checked.ok ? null : checked.error.code;
};

describe("an evidence file's name", () => {
  it("is kept as the officer wrote it, in NFC and trimmed", () => {
    const decomposed = "Báo cáo kết quả.pdf".normalize("NFD");
    expect(checkEvidenceFileName(`  ${decomposed} `)).toEqual({ ok: true, name: "Báo cáo kết quả.pdf".normalize("NFC") });
  });

  it.each(["../../etc/passwd", "..\\..\\boot.ini", "thu-muc/bao-cao.pdf", "C:\\Users\\a\\bao-cao.pdf", "C:bao-cao.pdf", "..", ".", "..bao-cao.pdf"])(
    "refuses a path: %s",
    (name) => {
      expect(refusal(name)).toBe("file_name_path");
    },
  );

  it("refuses control characters and the marks that disguise an extension", () => {
    expect(refusal("bao-cao\u0000.pdf")).toBe("file_name_invalid");
    expect(refusal("bao\ncao.pdf")).toBe("file_name_invalid");
    expect(refusal("hoadon\u202Efdp.exe")).toBe("file_name_invalid");
  });

  it("accepts 255 characters and refuses 256, counting characters not bytes", () => {
    const vietnamese = "ế".repeat(251);
    expect(checkEvidenceFileName(`${vietnamese}.pdf`).ok).toBe(true);
    expect(refusal(`${vietnamese}x.pdf`)).toBe("file_name_too_long");
  });

  it("refuses an empty name", () => {
    expect(refusal("   ")).toBe("file_name_empty");
  });

  it("explains every refusal in Vietnamese and English", () => {
    for (const make of Object.values(evidenceErrors)) {
      const error = (make as (argument: never) => { vi: string; en: string })(20 as never);
      expect(error.vi).toMatch(/[ạ-ỹàáâãèéêìíòóôõùúýđ]/);
      expect(error.en).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});

describe("the name a download is offered under", () => {
  it("keeps a name whose extension matches the detected type", () => {
    expect(evidenceDownloadName("Biên bản.PDF", "pdf")).toBe("Biên bản.PDF");
    expect(evidenceDownloadName("ảnh.jpeg", "jpeg")).toBe("ảnh.jpeg");
  });

  it("adds the detected type's extension to a name that says otherwise", () => {
    expect(evidenceDownloadName("bao-cao.exe", "pdf")).toBe("bao-cao.exe.pdf");
    expect(evidenceDownloadName("ke-hoach", "docx")).toBe("ke-hoach.docx");
  });

  it("is sent as an attachment with an ASCII fallback and the exact UTF-8 name", () => {
    const header = attachmentContentDisposition('Kế hoạch "CCHC" 2025 (bản 2).pdf');
    expect(header).toBe(
      `attachment; filename="Ke hoach _CCHC_ 2025 (ban 2).pdf"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20%22CCHC%22%202025%20%28b%E1%BA%A3n%202%29.pdf`,
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('Kế hoạch "CCHC" 2025 (bản 2).pdf');
    expect(attachmentContentDisposition("Đề án.docx")).toContain('filename="De an.docx"');
  });
});

describe("the size limit", () => {
  it("is 20 MiB unless EVIDENCE_MAX_BYTES says otherwise", () => {
    expect(parseEvidenceMaxBytes(undefined)).toBe(DEFAULT_EVIDENCE_MAX_BYTES);
    expect(DEFAULT_EVIDENCE_MAX_BYTES).toBe(20 * 1024 * 1024);
    expect(parseEvidenceMaxBytes(" 1048576 ")).toBe(1048576);
  });

  it("stops the server on a setting that is not a byte count rather than ignoring it", () => {
    for (const value of ["20MB", "-1", "0", "1.5", "abc"]) expect(() => parseEvidenceMaxBytes(value)).toThrow(/EVIDENCE_MAX_BYTES/);
  });

  it("is shown in the reader's language", () => {
    expect(formatByteSize(20 * 1024 * 1024, "vi")).toBe("20 MiB");
    expect(formatByteSize(1.5 * 1024 * 1024, "vi")).toBe("1,5 MiB");
    expect(formatByteSize(1.5 * 1024 * 1024, "en")).toBe("1.5 MiB");
    expect(evidenceErrors.fileTooLarge(5 * 1024 * 1024).vi).toContain("5 MiB");
  });
});

describe("when a unit's evidence may change", () => {
  const period = { status: "self_assessment", selfAssessmentOpensAt: new Date("2026-01-05"), selfAssessmentDeadline: new Date("2026-02-20") };
  const assessment = { status: "in_progress", reopenedAt: null, period };
  const during = new Date("2026-01-20");

  it("is while its claims may change: self-assessment open and the unit not submitted", () => {
    expect(evidenceEditState(assessment, during)).toBe("open");
    expect(evidenceEditState({ ...assessment, status: "not_started" }, during)).toBe("open");
    expect(evidenceEditState({ ...assessment, status: "submitted" }, during)).toBe("closed");
    expect(evidenceEditState({ ...assessment, status: "returned" }, during)).toBe("closed");
  });

  it("is not before the opening or after the deadline, unless home affairs reopened the unit", () => {
    expect(evidenceEditState(assessment, new Date("2026-01-04"))).toBe("closed");
    expect(evidenceEditState(assessment, new Date("2026-02-21"))).toBe("closed");
    expect(evidenceEditState({ ...assessment, reopenedAt: new Date("2026-02-22") }, new Date("2026-02-23"))).toBe("open");
    const reopenedInAppraisal = { ...assessment, reopenedAt: new Date("2026-03-01"), period: { ...period, status: "appraisal" } };
    expect(evidenceEditState(reopenedInAppraisal, new Date("2026-03-02"))).toBe("open");
  });

  it("is never once the period is published", () => {
    expect(evidenceEditState({ ...assessment, period: { ...period, status: "published" } }, during)).toBe("published");
    expect(evidenceEditState({ ...assessment, reopenedAt: during, period: { ...period, status: "published" } }, during)).toBe("published");
    expect(evidenceEditState({ ...assessment, period: { ...period, status: "appraisal" } }, during)).toBe("closed");
  });
});
