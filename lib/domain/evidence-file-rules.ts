// Rules for evidence files (tài liệu kiểm chứng) that need no disk and no database: the name a
// client gives, the size limit, the name a download is offered under, and the messages of every
// refusal in both languages.
import { UseCaseError } from "@/lib/domain/use-case-error";
import { EVIDENCE_KINDS, type EvidenceKind, type EvidenceTypeDetection } from "@/lib/domain/evidence-file-type";

export type EvidenceErrorCode =
  | "invalid"
  | "forbidden"
  | "not_found"
  | "closed"
  | "published"
  | "not_appraisal_leaf"
  | "too_many_files"
  | "file_empty"
  | "file_too_large"
  | "file_type"
  | "file_macro"
  | "file_encrypted"
  | "file_name_empty"
  | "file_name_path"
  | "file_name_invalid"
  | "file_name_too_long"
  | "upload_interrupted"
  | "storage_full"
  | "storage_unavailable"
  | "file_missing";

export class EvidenceError extends UseCaseError<EvidenceErrorCode> {}

export const DEFAULT_EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
/** A leaf's evidence is a handful of documents; more usually means the same file sent again and again. */
export const MAX_EVIDENCE_FILES_PER_LEAF = 20;
export const MAX_EVIDENCE_NAME_LENGTH = 255;

/**
 * EVIDENCE_MAX_BYTES as a byte count. A value that is set but not a positive whole number stops the
 * server rather than silently falling back to the default: an operator who lowered the limit must
 * not find it ignored.
 */
export function parseEvidenceMaxBytes(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_EVIDENCE_MAX_BYTES;
  const text = value.trim();
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) <= 0) {
    throw new Error(`EVIDENCE_MAX_BYTES must be a positive whole number of bytes (got "${value}").`);
  }
  return Number(text);
}

/** "20 MiB", "1,5 MiB" (vi) / "1.5 MiB" (en), "900 KiB", "12 byte". */
export function formatByteSize(bytes: number, locale: "vi" | "en"): string {
  const units: [number, string][] = [
    [1024 * 1024 * 1024, "GiB"],
    [1024 * 1024, "MiB"],
    [1024, "KiB"],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) {
      const value = Math.round((bytes / size) * 10) / 10;
      const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
      return `${locale === "vi" ? text.replace(".", ",") : text} ${unit}`;
    }
  }
  return locale === "vi" ? `${bytes} byte` : `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
}

const ACCEPTED_VI = "PDF, ảnh (PNG, JPEG, GIF, WebP) và văn bản Office (DOC, DOCX, XLS, XLSX, PPT, PPTX, ODT, ODS, ODP)";
const ACCEPTED_EN = "PDF, images (PNG, JPEG, GIF, WebP) and office documents (DOC, DOCX, XLS, XLSX, PPT, PPTX, ODT, ODS, ODP)";

export const evidenceErrors = {
  fileEmpty: () => new EvidenceError("file_empty", "Tệp rỗng (0 byte): hãy chọn lại tệp.", "The file is empty (0 bytes): choose the file again."),
  fileTooLarge: (maxBytes: number) =>
    new EvidenceError(
      "file_too_large",
      `Tệp lớn hơn giới hạn ${formatByteSize(maxBytes, "vi")}: hãy nén hoặc chia nhỏ rồi tải lên lại.`,
      `The file is larger than the ${formatByteSize(maxBytes, "en")} limit: compress or split it and upload again.`,
    ),
  fileType: () =>
    new EvidenceError(
      "file_type",
      `Chỉ nhận ${ACCEPTED_VI}. Nội dung tệp này không thuộc loại nào trong đó, dù tên tệp có ghi khác.`,
      `Only ${ACCEPTED_EN} are accepted. This file's content is none of these, whatever its name says.`,
    ),
  fileMacro: () =>
    new EvidenceError(
      "file_macro",
      "Tệp Office có chứa macro (VBA) không được nhận: hãy lưu lại dạng không có macro (.docx, .xlsx, .pptx).",
      "Office files with macros (VBA) are not accepted: save it without macros (.docx, .xlsx, .pptx).",
    ),
  fileEncrypted: () =>
    new EvidenceError(
      "file_encrypted",
      "Tệp đã được đặt mật khẩu nên hội đồng không mở được: hãy gỡ mật khẩu rồi tải lên lại.",
      "The file is password-protected, so the council could not open it: remove the password and upload again.",
    ),
  nameEmpty: () => new EvidenceError("file_name_empty", "Tệp phải có tên.", "The file must have a name."),
  namePath: () =>
    new EvidenceError(
      "file_name_path",
      "Tên tệp không được chứa đường dẫn (/, \\, .. hoặc ổ đĩa như C:): hãy chỉ dùng tên tệp.",
      "The file name must not contain a path (/, \\, .. or a drive such as C:): use the bare file name.",
    ),
  nameInvalid: () =>
    new EvidenceError(
      "file_name_invalid",
      "Tên tệp chứa ký tự điều khiển hoặc ký tự đảo chiều văn bản: hãy đổi tên tệp.",
      "The file name contains control or text-direction characters: rename the file.",
    ),
  nameTooLong: () =>
    new EvidenceError(
      "file_name_too_long",
      `Tên tệp dài quá ${MAX_EVIDENCE_NAME_LENGTH} ký tự: hãy đặt tên ngắn hơn.`,
      `The file name is longer than ${MAX_EVIDENCE_NAME_LENGTH} characters: use a shorter name.`,
    ),
  uploadInterrupted: () =>
    new EvidenceError(
      "upload_interrupted",
      "Việc tải tệp lên bị gián đoạn: tệp chưa được lưu, hãy thử lại.",
      "The upload was interrupted: the file was not saved, try again.",
    ),
  storageFull: () =>
    new EvidenceError(
      "storage_full",
      "Máy chủ đã hết chỗ lưu tệp: tệp chưa được lưu, điểm đã lưu không bị ảnh hưởng. Hãy báo quản trị hệ thống.",
      "The server has run out of storage space: the file was not saved and saved scores are unchanged. Tell the system administrator.",
    ),
  storageUnavailable: () =>
    new EvidenceError(
      "storage_unavailable",
      "Máy chủ không ghi được tệp vào thư mục lưu trữ: tệp chưa được lưu, điểm đã lưu không bị ảnh hưởng. Hãy báo quản trị hệ thống.",
      "The server cannot write to its evidence storage: the file was not saved and saved scores are unchanged. Tell the system administrator.",
    ),
  fileMissing: () =>
    new EvidenceError(
      "file_missing",
      "Không tìm thấy nội dung tệp trên máy chủ: hãy báo quản trị hệ thống.",
      "The file's content is missing on the server: tell the system administrator.",
    ),
  notFound: () =>
    new EvidenceError("not_found", "Không tìm thấy tài liệu kiểm chứng này.", "This evidence file does not exist."),
  forbidden: () =>
    new EvidenceError(
      "forbidden",
      "Chỉ cán bộ đầu mối của đơn vị được tải lên hoặc xóa tài liệu kiểm chứng.",
      "Only the unit's officer may upload or delete evidence.",
    ),
  closed: () =>
    new EvidenceError(
      "closed",
      "Kỳ tự đánh giá đã đóng hoặc bản tự đánh giá đã nộp: không thay đổi được tài liệu kiểm chứng.",
      "Self-assessment is closed or already submitted: evidence can no longer be changed.",
    ),
  published: () =>
    new EvidenceError(
      "published",
      "Kết quả kỳ này đã công bố: tài liệu kiểm chứng chỉ còn được xem.",
      "This period's results are published: evidence is read-only.",
    ),
  notAppraisalLeaf: (code: string) =>
    new EvidenceError(
      "not_appraisal_leaf",
      `Không có tiêu chí thành phần chấm bằng thẩm định mã "${code}" trong kỳ này.`,
      `This period has no appraisal-scored leaf criterion "${code}".`,
    ),
  tooManyFiles: (code: string) =>
    new EvidenceError(
      "too_many_files",
      `Tiêu chí ${code} đã có ${MAX_EVIDENCE_FILES_PER_LEAF} tệp kiểm chứng: hãy xóa bớt hoặc gộp tệp trước khi tải thêm.`,
      `Criterion ${code} already has ${MAX_EVIDENCE_FILES_PER_LEAF} evidence files: delete or combine some before adding more.`,
    ),
};

export function refusalForDetection(detection: Exclude<EvidenceTypeDetection, { ok: true }>): EvidenceError {
  if (detection.reason === "macro") return evidenceErrors.fileMacro();
  if (detection.reason === "encrypted") return evidenceErrors.fileEncrypted();
  return evidenceErrors.fileType();
}

// C0 and C1 controls, and the marks that reorder text: "hoadon\u202Efdp.exe" shows as "hoadonexe.pdf".
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * The client's file name as stored and shown: NFC (a Mac sends "ế" decomposed), trimmed. It is
 * never used on disk, but it is shown to the council and offered back on download, so a name that
 * is a path or hides characters is refused rather than cleaned.
 */
export function checkEvidenceFileName(raw: string): { ok: true; name: string } | { ok: false; error: EvidenceError } {
  const name = raw.normalize("NFC").trim();
  if (name === "") return { ok: false, error: evidenceErrors.nameEmpty() };
  if (CONTROL_OR_BIDI.test(name)) return { ok: false, error: evidenceErrors.nameInvalid() };
  if (/[/\\]/.test(name) || name === "." || name === ".." || name.startsWith("..") || /^[A-Za-z]:/.test(name)) {
    return { ok: false, error: evidenceErrors.namePath() };
  }
  if ([...name].length > MAX_EVIDENCE_NAME_LENGTH) return { ok: false, error: evidenceErrors.nameTooLong() };
  return { ok: true, name };
}

/**
 * The name a download is offered under: the stored name, with the detected type's extension added
 * when the name ends otherwise, so "bao-cao.exe" holding a PDF is saved as "bao-cao.exe.pdf" and a
 * computer opens it as what it is.
 */
export function evidenceDownloadName(originalName: string, kind: EvidenceKind | undefined): string {
  const checked = checkEvidenceFileName(originalName);
  const name = checked.ok ? checked.name : "tai-lieu-kiem-chung";
  if (!kind) return name;
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  const { extensions } = EVIDENCE_KINDS[kind];
  return extension !== undefined && extensions.includes(extension) ? name : `${name}.${extensions[0]}`;
}

/**
 * Content-Disposition for a download: "attachment" (never shown inline, so no uploaded file runs in
 * the portal's origin), an ASCII fallback for old clients and the exact name in RFC 5987 form.
 */
export function attachmentContentDisposition(downloadName: string): string {
  const fallback =
    downloadName
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .replace(/\s+/g, " ")
      .replace(/[^A-Za-z0-9 ._()-]/g, "_")
      .slice(0, 150) || "download";
  const encoded = encodeURIComponent(downloadName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
