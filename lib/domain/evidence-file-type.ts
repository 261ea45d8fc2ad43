// What an evidence file really is, read from its bytes (never from its name or the browser's
// declared type): a file named "bao-cao.pdf" that holds HTML is refused, and the type stored and
// served is the one detected here.
//
// The bytes are read through ByteSource, so the same rules run on a file on disk (the store reads
// ranges of its temporary file) and on a buffer (tests, the self-assessment import).

/** Random access to the bytes of one file; `read` returns fewer bytes only at the end. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.byteLength,
    read: async (offset, length) => bytes.subarray(Math.max(0, offset), Math.max(0, Math.min(bytes.byteLength, offset + length))),
  };
}

export type EvidenceKind =
  | "pdf"
  | "png"
  | "jpeg"
  | "gif"
  | "webp"
  | "docx"
  | "xlsx"
  | "pptx"
  | "odt"
  | "ods"
  | "odp"
  | "doc"
  | "xls"
  | "ppt";

/** The accepted kinds: their served type and the name endings a download may keep. */
export const EVIDENCE_KINDS: Record<EvidenceKind, { mimeType: string; extensions: readonly string[] }> = {
  pdf: { mimeType: "application/pdf", extensions: ["pdf"] },
  png: { mimeType: "image/png", extensions: ["png"] },
  jpeg: { mimeType: "image/jpeg", extensions: ["jpg", "jpeg", "jpe", "jfif"] },
  gif: { mimeType: "image/gif", extensions: ["gif"] },
  webp: { mimeType: "image/webp", extensions: ["webp"] },
  docx: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  xlsx: { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  pptx: { mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extensions: ["pptx"] },
  odt: { mimeType: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  ods: { mimeType: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"] },
  odp: { mimeType: "application/vnd.oasis.opendocument.presentation", extensions: ["odp"] },
  doc: { mimeType: "application/msword", extensions: ["doc"] },
  xls: { mimeType: "application/vnd.ms-excel", extensions: ["xls"] },
  ppt: { mimeType: "application/vnd.ms-powerpoint", extensions: ["ppt"] },
};

export function kindOfMimeType(mimeType: string): EvidenceKind | undefined {
  return (Object.keys(EVIDENCE_KINDS) as EvidenceKind[]).find((kind) => EVIDENCE_KINDS[kind].mimeType === mimeType);
}

export type EvidenceTypeDetection =
  | { ok: true; kind: EvidenceKind; mimeType: string }
  /**
   * unknown: none of the accepted kinds (HTML, SVG, scripts, executables, archives, …);
   * macro: an Office file carrying VBA macros; encrypted: a password-protected Office file, which
   * the council could not open.
   */
  | { ok: false; reason: "unknown" | "macro" | "encrypted" };

const HEAD_BYTES = 64;

export async function detectEvidenceType(source: ByteSource): Promise<EvidenceTypeDetection> {
  try {
    return await detect(source);
  } catch (error) {
    // A structure pointing outside the bytes read (a damaged or crafted container) is no document.
    if (error instanceof RangeError) return { ok: false, reason: "unknown" };
    throw error;
  }
}

async function detect(source: ByteSource): Promise<EvidenceTypeDetection> {
  const head = await source.read(0, HEAD_BYTES);
  const found = (kind: EvidenceKind): EvidenceTypeDetection => ({ ok: true, kind, mimeType: EVIDENCE_KINDS[kind].mimeType });
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return found("pdf"); // %PDF-
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return found("png");
  if (startsWith(head, [0xff, 0xd8, 0xff])) return found("jpeg");
  if (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a") return found("gif");
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 4) === "WEBP") return found("webp");
  if (startsWith(head, ZIP_LOCAL_HEADER)) {
    const zip = await readZipDirectory(source);
    return zip ? classifyZip(zip) : { ok: false, reason: "unknown" };
  }
  if (startsWith(head, OLE_SIGNATURE)) {
    const names = await readCompoundFileStreamNames(source);
    return names ? classifyCompoundFile(names) : { ok: false, reason: "unknown" };
  }
  return { ok: false, reason: "unknown" };
}

// =============================================================================================
// ZIP containers: OOXML (docx, xlsx, pptx) and OpenDocument (odt, ods, odp)

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
/** A real Office file's directory is a few kilobytes; anything far larger is not one. */
const MAX_CENTRAL_DIRECTORY_BYTES = 16 * 1024 * 1024;

export type ZipEntry = {
  name: string;
  compressionMethod: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

export type ZipDirectory = {
  entries: ZipEntry[];
  /** As the directory declares it: what unpacking would take, to refuse a "zip bomb" first. */
  uncompressedBytes: number;
  /** The content of an uncompressed "mimetype" entry (OpenDocument), if there is one. */
  mimetype: string | null;
};

/**
 * The entries listed in a zip's central directory (the authoritative list, at the end of the file),
 * or undefined when there is no readable directory.
 */
export async function readZipDirectory(source: ByteSource): Promise<ZipDirectory | undefined> {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tailStart = source.size - tailLength;
  const tail = view(await source.read(tailStart, tailLength));
  let eocd = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tail.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let entryCount = tail.getUint16(eocd + 10, true);
  let directorySize = tail.getUint32(eocd + 12, true);
  let directoryOffset = tail.getUint32(eocd + 16, true);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const zip64 = await readZip64End(source, tailStart + eocd);
    if (!zip64) return undefined;
    ({ entryCount, directorySize, directoryOffset } = zip64);
  }
  if (directorySize > MAX_CENTRAL_DIRECTORY_BYTES || directoryOffset + directorySize > source.size) return undefined;
  const directory = view(await source.read(directoryOffset, directorySize));
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < entryCount; k++) {
    if (p + 46 > directory.byteLength || directory.getUint32(p, true) !== CENTRAL_SIGNATURE) return undefined;
    const nameLength = directory.getUint16(p + 28, true);
    const extraLength = directory.getUint16(p + 30, true);
    const commentLength = directory.getUint16(p + 32, true);
    if (p + 46 + nameLength > directory.byteLength) return undefined;
    entries.push({
      name: new TextDecoder("utf-8").decode(new Uint8Array(directory.buffer, directory.byteOffset + p + 46, nameLength)),
      compressionMethod: directory.getUint16(p + 10, true),
      compressedSize: directory.getUint32(p + 20, true),
      uncompressedSize: directory.getUint32(p + 24, true),
      localHeaderOffset: directory.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  const uncompressedBytes = entries.reduce(
    // 0xFFFFFFFF defers to a ZIP64 field: a member of 4 GB or more, too large for anything here.
    (sum, entry) => sum + (entry.uncompressedSize === 0xffffffff ? Number.POSITIVE_INFINITY : entry.uncompressedSize),
    0,
  );
  return { entries, uncompressedBytes, mimetype: await readStoredMimetype(source, entries) };
}

async function readZip64End(
  source: ByteSource,
  eocdOffset: number,
): Promise<{ entryCount: number; directorySize: number; directoryOffset: number } | undefined> {
  if (eocdOffset < 20) return undefined;
  const locator = view(await source.read(eocdOffset - 20, 20));
  if (locator.byteLength < 20 || locator.getUint32(0, true) !== ZIP64_LOCATOR_SIGNATURE) return undefined;
  const recordOffset = Number(locator.getBigUint64(8, true));
  const record = view(await source.read(recordOffset, 56));
  if (record.byteLength < 56 || record.getUint32(0, true) !== ZIP64_EOCD_SIGNATURE) return undefined;
  return {
    entryCount: Number(record.getBigUint64(32, true)),
    directorySize: Number(record.getBigUint64(40, true)),
    directoryOffset: Number(record.getBigUint64(48, true)),
  };
}

/** OpenDocument keeps its type, uncompressed, in an entry named "mimetype". */
async function readStoredMimetype(source: ByteSource, entries: readonly ZipEntry[]): Promise<string | null> {
  const entry = entries.find((candidate) => candidate.name === "mimetype");
  if (!entry || entry.compressionMethod !== 0 || entry.compressedSize > 200) return null;
  const header = view(await source.read(entry.localHeaderOffset, 30));
  if (header.byteLength < 30 || header.getUint32(0, true) !== 0x04034b50) return null;
  const dataOffset = entry.localHeaderOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  const content = await source.read(dataOffset, entry.compressedSize);
  return new TextDecoder("utf-8").decode(content).trim();
}

const OPEN_DOCUMENT: Record<string, EvidenceKind> = {
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.presentation": "odp",
};

const OOXML_PARTS: readonly [prefix: string, kind: EvidenceKind][] = [
  ["word/", "docx"],
  ["xl/", "xlsx"],
  ["ppt/", "pptx"],
];

export function classifyZip(zip: ZipDirectory): EvidenceTypeDetection {
  const names = zip.entries.map((entry) => entry.name);
  // Macros run code on the reader's computer; docm/xlsm/pptm (and a renamed one) keep them here.
  if (names.some((name) => /(^|\/)vbaproject\.bin$/i.test(name))) return { ok: false, reason: "macro" };
  if (zip.mimetype !== null) {
    const kind = OPEN_DOCUMENT[zip.mimetype];
    return kind && names.includes("content.xml")
      ? { ok: true, kind, mimeType: EVIDENCE_KINDS[kind].mimeType }
      : { ok: false, reason: "unknown" };
  }
  if (!names.includes("[Content_Types].xml")) return { ok: false, reason: "unknown" };
  const kinds = OOXML_PARTS.filter(([prefix]) => names.some((name) => name.startsWith(prefix))).map(([, kind]) => kind);
  // One main part family only: a container claiming to be two documents is not one we can name.
  if (kinds.length !== 1) return { ok: false, reason: "unknown" };
  const kind = kinds[0]!;
  return { ok: true, kind, mimeType: EVIDENCE_KINDS[kind].mimeType };
}

// =============================================================================================
// OLE compound files: legacy Word, Excel and PowerPoint (and installers, mail, … which are refused)

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const MAX_DIRECTORY_SECTORS = 4096;

/**
 * The names of every entry in a compound file's directory, following the directory's sector chain
 * through the allocation table, or undefined when the structure is not readable. The signature
 * alone would let an .msi installer through as a ".doc"; the streams say what the file is.
 */
export async function readCompoundFileStreamNames(source: ByteSource): Promise<string[] | undefined> {
  const header = view(await source.read(0, 512));
  if (header.byteLength < 512 || header.getUint16(0x1c, true) !== 0xfffe) return undefined;
  const sectorShift = header.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) return undefined;
  const sectorSize = 1 << sectorShift;
  const perSector = sectorSize / 4;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;

  const fatSectorCount = header.getUint32(0x2c, true);
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(109, fatSectorCount); i++) fatSectors.push(header.getUint32(0x4c + i * 4, true));
  let difatSector = header.getUint32(0x44, true);
  const seenDifat = new Set<number>();
  while (fatSectors.length < fatSectorCount && difatSector < END_OF_CHAIN) {
    if (seenDifat.has(difatSector) || sectorOffset(difatSector) >= source.size) return undefined;
    seenDifat.add(difatSector);
    const difat = view(await source.read(sectorOffset(difatSector), sectorSize));
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatSectorCount; i++) fatSectors.push(difat.getUint32(i * 4, true));
    difatSector = difat.getUint32((perSector - 1) * 4, true);
  }

  const fatCache = new Map<number, DataView>();
  const next = async (sector: number): Promise<number | undefined> => {
    const fatIndex = Math.floor(sector / perSector);
    const fatSector = fatSectors[fatIndex];
    if (fatSector === undefined || sectorOffset(fatSector) >= source.size) return undefined;
    let fat = fatCache.get(fatIndex);
    if (!fat) {
      fat = view(await source.read(sectorOffset(fatSector), sectorSize));
      fatCache.set(fatIndex, fat);
    }
    return fat.getUint32((sector % perSector) * 4, true);
  };

  const names: string[] = [];
  const seen = new Set<number>();
  let sector: number | undefined = header.getUint32(0x30, true);
  while (sector !== undefined && sector < END_OF_CHAIN) {
    if (seen.has(sector) || seen.size >= MAX_DIRECTORY_SECTORS || sectorOffset(sector) >= source.size) return undefined;
    seen.add(sector);
    const block = view(await source.read(sectorOffset(sector), sectorSize));
    for (let entry = 0; entry + 128 <= block.byteLength; entry += 128) {
      const nameBytes = block.getUint16(entry + 0x40, true);
      const type = block.getUint8(entry + 0x42);
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      let name = "";
      for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(block.getUint16(entry + i, true));
      names.push(name);
    }
    sector = await next(sector);
  }
  return sector === undefined ? undefined : names;
}

export function classifyCompoundFile(names: readonly string[]): EvidenceTypeDetection {
  const has = (name: string) => names.includes(name);
  // A password-protected docx/xlsx/pptx is a compound file wrapping the encrypted package.
  if (has("EncryptedPackage") || has("EncryptionInfo")) return { ok: false, reason: "encrypted" };
  const found = (kind: EvidenceKind): EvidenceTypeDetection => ({ ok: true, kind, mimeType: EVIDENCE_KINDS[kind].mimeType });
  if (has("WordDocument")) return found("doc");
  if (has("Workbook") || has("Book")) return found("xls");
  if (has("PowerPoint Document")) return found("ppt");
  return { ok: false, reason: "unknown" };
}

// =============================================================================================

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.byteLength >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
