import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { bytesSource, detectEvidenceType, readZipDirectory } from "@/lib/domain/evidence-file-type";
import {
  compoundFile,
  docx,
  gif,
  html,
  jpeg,
  legacyExcel,
  legacyWord,
  openDocument,
  pdf,
  png,
  pptx,
  shellScript,
  svg,
  webp,
  windowsExecutable,
  windowsInstaller,
  zip,
} from "./evidence-fixtures";

const detect = (bytes: Uint8Array) => detectEvidenceType(bytesSource(bytes));

async function realXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Bảng điểm").addRow(["1.1", 12.5]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("what an evidence file really is", () => {
  it.each([
    ["pdf", pdf(), "application/pdf"],
    ["png", png(), "image/png"],
    ["jpeg", jpeg(), "image/jpeg"],
    ["gif", gif(), "image/gif"],
    ["webp", webp(), "image/webp"],
    ["docx", docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["pptx", pptx(), "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
    ["odt", openDocument("application/vnd.oasis.opendocument.text"), "application/vnd.oasis.opendocument.text"],
    ["ods", openDocument("application/vnd.oasis.opendocument.spreadsheet"), "application/vnd.oasis.opendocument.spreadsheet"],
    ["doc", legacyWord(), "application/msword"],
    ["xls", legacyExcel(), "application/vnd.ms-excel"],
  ])("recognises %s from its bytes", async (kind, bytes, mimeType) => {
    expect(await detect(bytes)).toEqual({ ok: true, kind, mimeType });
  });

  it("recognises a workbook written by a real spreadsheet library", async () => {
    expect(await detect(await realXlsx())).toMatchObject({ ok: true, kind: "xlsx" });
  });

  it.each([
    ["an HTML page", html()],
    ["an SVG image with a script", svg()],
    ["a Windows program", windowsExecutable()],
    ["a shell script", shellScript()],
    ["plain text", Buffer.from("Báo cáo kết quả CCHC năm 2024", "utf8")],
    ["a Windows installer (an OLE file, like .doc)", windowsInstaller()],
    ["an OLE file with no streams", compoundFile([])],
    ["a plain zip archive", zip([{ name: "bao-cao.pdf", content: pdf() }])],
    ["a Java archive", zip([{ name: "META-INF/MANIFEST.MF", content: "Main-Class: X" }, { name: "X.class", content: "\u00ca\u00fe" }])],
    ["an EPUB book (a zip with a mimetype entry)", openDocument("application/epub+zip")],
    ["a zip whose first bytes say PK but has no directory", Buffer.from("PK\u0003\u0004 not really a zip", "latin1")],
    ["an HTML page starting with PK", Buffer.from("PK<html><script>alert(1)</script></html>", "latin1")],
  ])("refuses %s", async (_what, bytes) => {
    expect(await detect(bytes)).toEqual({ ok: false, reason: "unknown" });
  });

  it("looks at the names in the central directory, not at the first entry or the first bytes", async () => {
    // "[Content_Types].xml" and a word/ part, but hidden as the content of a member: not a document.
    const smuggled = zip([{ name: "readme.txt", content: "[Content_Types].xml word/document.xml" }]);
    expect(await detect(smuggled)).toEqual({ ok: false, reason: "unknown" });
    // A word/ part without [Content_Types].xml is not an Office package either.
    expect(await detect(zip([{ name: "word/document.xml", content: "<w:document/>" }]))).toEqual({ ok: false, reason: "unknown" });
  });

  it("refuses a container that claims to be two kinds of document at once", async () => {
    const both = zip([
      { name: "[Content_Types].xml", content: "<Types/>" },
      { name: "word/document.xml", content: "<w:document/>" },
      { name: "xl/workbook.xml", content: "<workbook/>" },
    ]);
    expect(await detect(both)).toEqual({ ok: false, reason: "unknown" });
  });

  it("refuses an Office file carrying macros, whatever it is named", async () => {
    expect(await detect(docx([{ name: "word/vbaProject.bin", content: "macro" }]))).toEqual({ ok: false, reason: "macro" });
  });

  it("tells a password-protected Office file apart, so the officer knows what to fix", async () => {
    expect(await detect(compoundFile(["EncryptionInfo", "EncryptedPackage"]))).toEqual({ ok: false, reason: "encrypted" });
  });

  it("follows the directory of an OLE file over several sectors", async () => {
    const names = ["a", "b", "c", "d", "e", "f", "g", "Workbook"];
    expect(await detect(compoundFile(names))).toMatchObject({ ok: true, kind: "xls" });
  });

  it("refuses an OLE file whose directory chain loops instead of hanging", async () => {
    const file = compoundFile(["a", "b", "c", "d", "e", "WordDocument"]);
    // Point the last directory sector back at the first: a loop.
    const fat = 512;
    file.writeUInt32LE(2, fat + 1 * 4);
    expect(await detect(file)).toEqual({ ok: false, reason: "unknown" });
  });

  it("reads a zip whose end record defers to ZIP64", async () => {
    const file = zip(
      [
        { name: "[Content_Types].xml", content: "<Types/>" },
        { name: "ppt/presentation.xml", content: "<p/>" },
      ],
      { zip64: true },
    );
    expect(await detect(file)).toMatchObject({ ok: true, kind: "pptx" });
  });

  it("reports what unpacking a zip would take, before anything is unpacked", async () => {
    const huge = zip([{ name: "big.xml", content: "a".repeat(1_000_000) }]);
    expect(huge.length).toBeLessThan(10_000);
    expect((await readZipDirectory(bytesSource(huge)))?.uncompressedBytes).toBe(1_000_000);
  });

  it("refuses damaged containers instead of failing", async () => {
    const truncated = docx().subarray(0, 200);
    expect(await detect(truncated)).toEqual({ ok: false, reason: "unknown" });
    const oleHeaderOnly = legacyWord().subarray(0, 512);
    expect(await detect(oleHeaderOnly)).toEqual({ ok: false, reason: "unknown" });
  });
});
