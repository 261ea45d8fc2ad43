import QRCode from "qrcode";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont } from "pdf-lib";

/**
 * A unit's SIPAS poster: the QR code that opens its survey form, as a PNG (the code alone with
 * its quiet zone, for any layout) and as an A4 PDF to print and put up at the one-stop desk
 * (title, unit name, the code large, the address in text, a line on privacy). No I/O: the fonts
 * come in as bytes.
 */

export type SipasPosterContent = {
  url: string;
  unitName: string;
  periodName: string;
};

/** Medium error correction survives a worn or partly covered print; 4 modules of quiet zone as the standard asks. */
const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

export function renderSipasPosterPng(url: string, width = 1024): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...QR_OPTIONS, type: "png", width });
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const BRAND = rgb(0.05, 0.27, 0.53);
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.3, 0.3, 0.35);

export const POSTER_TEXT = {
  title: "KHẢO SÁT SỰ HÀI LÒNG",
  scan: "Quét mã để đánh giá sự hài lòng",
  scanEn: "Scan to rate our service",
  howTo: "Mở camera điện thoại, hướng vào mã QR. Khoảng 2 phút, không cần đăng nhập.",
  orVisit: "Hoặc mở địa chỉ:",
  privacy:
    "Phiếu khảo sát ẩn danh: không hỏi họ tên, số điện thoại. Cổng chỉ lưu câu trả lời, mã hồ sơ và ý kiến nếu ông/bà nhập, và mã băm của thiết bị để tránh gửi trùng.",
};

export async function renderSipasPosterPdf(content: SipasPosterContent, fonts: { regular: Uint8Array; bold: Uint8Array }, now = new Date()): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  // Whole fonts, not subsets: a subset is smaller but some readers then miss composed Vietnamese letters.
  const regular = await pdf.embedFont(fonts.regular, { subset: false });
  const bold = await pdf.embedFont(fonts.bold, { subset: false });
  const unitName = content.unitName.normalize("NFC");
  pdf.setTitle(`${POSTER_TEXT.title} — ${unitName}`);
  pdf.setSubject(content.url);
  pdf.setKeywords(["SIPAS", content.url]);
  pdf.setCreator("PAR Index portal");
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);
  pdf.setLanguage("vi-VN");

  const page = pdf.addPage(A4);
  const [width, height] = A4;
  const textWidth = width - 2 * MARGIN;
  let y = height - MARGIN;

  const centred = (text: string, font: PDFFont, size: number, color = INK, gap = 1.3) => {
    for (const line of wrap(text, font, size, textWidth)) {
      y -= size * gap;
      page.drawText(line, { x: (width - font.widthOfTextAtSize(line, size)) / 2, y, size, font, color });
    }
  };

  page.drawRectangle({ x: 0, y: height - 12, width, height: 12, color: BRAND });
  y -= 12;
  centred(POSTER_TEXT.title, bold, 30, BRAND);
  y -= 4;
  centred(content.periodName.normalize("NFC"), regular, 13, MUTED);
  y -= 10;
  centred(unitName, bold, unitName.length > 60 ? 20 : 24);
  y -= 8;

  const qrSize = 370;
  const qr = await pdf.embedPng(await renderSipasPosterPng(content.url, 900));
  y -= qrSize + 6;
  page.drawImage(qr, { x: (width - qrSize) / 2, y, width: qrSize, height: qrSize });

  centred(POSTER_TEXT.scan, bold, 22, BRAND);
  centred(POSTER_TEXT.scanEn, regular, 13, MUTED);
  y -= 6;
  centred(POSTER_TEXT.howTo, regular, 12);
  y -= 4;
  centred(POSTER_TEXT.orVisit, regular, 12, MUTED);
  centred(content.url, bold, content.url.length > 60 ? 11 : 14);

  // The privacy line at the foot of the page, whatever the length of the name above.
  const privacyLines = wrap(POSTER_TEXT.privacy, regular, 10, textWidth);
  let footY = MARGIN + privacyLines.length * 13;
  for (const line of privacyLines) {
    page.drawText(line, { x: (width - regular.widthOfTextAtSize(line, 10)) / 2, y: footY, size: 10, font: regular, color: MUTED });
    footY -= 13;
  }
  return pdf.save();
}

/** Greedy word wrap by the font's real widths; a word longer than a line (a URL) is cut where it must be. */
export function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > maxWidth) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > maxWidth) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}
