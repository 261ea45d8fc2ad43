// Small but structurally real files of every kind the evidence rules meet: zip containers written
// by the same rules as office suites (local headers, central directory, deflate), OLE compound
// files with a FAT and a directory spread over several sectors, and the things to refuse.
import { crc32, deflateRawSync } from "node:zlib";

export type ZipMember = { name: string; content: string | Uint8Array; store?: boolean };

/** A zip archive: members in order, deflated unless `store`, with a central directory. */
export function zip(members: readonly ZipMember[], options: { zip64?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const data = typeof member.content === "string" ? Buffer.from(member.content, "utf8") : Buffer.from(member.content);
    const packed = member.store ? data : deflateRawSync(data);
    const method = member.store ? 0 : 8;
    const name = Buffer.from(member.name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end: Buffer[] = [];
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(members.length), 24);
    record.writeBigUInt64LE(BigInt(members.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    end.push(record, locator);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(options.zip64 ? 0xffff : members.length, 8);
  eocd.writeUInt16LE(options.zip64 ? 0xffff : members.length, 10);
  eocd.writeUInt32LE(options.zip64 ? 0xffffffff : directory.length, 12);
  eocd.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, directory, ...end, eocd]);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';

export function docx(extra: ZipMember[] = []): Buffer {
  return zip([
    { name: "[Content_Types].xml", content: CONTENT_TYPES },
    { name: "_rels/.rels", content: RELS },
    { name: "word/document.xml", content: "<w:document/>" },
    { name: "word/styles.xml", content: "<w:styles/>" },
    { name: "docProps/core.xml", content: "<cp:coreProperties/>" },
    ...extra,
  ]);
}

export function pptx(): Buffer {
  return zip([
    { name: "[Content_Types].xml", content: CONTENT_TYPES },
    { name: "_rels/.rels", content: RELS },
    { name: "ppt/presentation.xml", content: "<p:presentation/>" },
    { name: "ppt/slides/slide1.xml", content: "<p:sld/>" },
  ]);
}

export function openDocument(mimetype: string): Buffer {
  return zip([
    { name: "mimetype", content: mimetype, store: true },
    { name: "content.xml", content: "<office:document-content/>" },
    { name: "styles.xml", content: "<office:document-styles/>" },
    { name: "META-INF/manifest.xml", content: "<manifest:manifest/>" },
  ]);
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

/**
 * An OLE compound file (version 3, 512-byte sectors): sector 0 the FAT, then the directory over as
 * many sectors as the entries need (4 per sector, chained through the FAT), then one data sector.
 * The streams named come after the root entry, so with more than three the interesting one sits in a
 * later directory sector and is only found by following the chain.
 */
export function compoundFile(streamNames: readonly string[]): Buffer {
  const entries = ["Root Entry", ...streamNames];
  const directorySectors = Math.ceil(entries.length / 4);
  const sectorCount = 1 + directorySectors + 1;
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  // The directory starts in the last directory sector and continues backwards, so the chain is not
  // simply "the next sector".
  const chain = Array.from({ length: directorySectors }, (_, i) => directorySectors - i);
  header.writeUInt32LE(chain[0]!, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END_OF_CHAIN, 0x3c);
  header.writeUInt32LE(END_OF_CHAIN, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);

  const sectors = Array.from({ length: sectorCount }, () => Buffer.alloc(512));
  const fat = sectors[0]!;
  for (let i = 0; i < 128; i++) fat.writeUInt32LE(FREE, i * 4);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  chain.forEach((sector, i) => fat.writeUInt32LE(chain[i + 1] ?? END_OF_CHAIN, sector * 4));
  fat.writeUInt32LE(END_OF_CHAIN, (sectorCount - 1) * 4);

  entries.forEach((name, index) => {
    const sector = sectors[chain[Math.floor(index / 4)]!]!;
    const at = (index % 4) * 128;
    const encoded = Buffer.from(`${name}\u0000`, "utf16le");
    encoded.copy(sector, at);
    sector.writeUInt16LE(encoded.length, at + 0x40);
    sector.writeUInt8(index === 0 ? 5 : 2, at + 0x42);
    sector.writeUInt32LE(index === 0 ? END_OF_CHAIN : sectorCount - 1, at + 0x74);
  });
  return Buffer.concat([header, ...sectors]);
}

export const legacyWord = () => compoundFile(["\u0001CompObj", "\u0005SummaryInformation", "1Table", "Data", "WordDocument"]);
export const legacyExcel = () => compoundFile(["\u0005SummaryInformation", "Workbook"]);
/** A Windows installer is a compound file too: its streams are the installer's tables. */
export const windowsInstaller = () => compoundFile(["\u4840\u3b3f\u43f2\u4432", "\u4840\u3f7f\u4164\u422f", "\u0005SummaryInformation"]);

export const pdf = () => Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
export const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 1)]);
export const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\u0000"), Buffer.alloc(40, 2)]);
export const gif = () => Buffer.concat([Buffer.from("GIF89a", "latin1"), Buffer.alloc(30, 3)]);
export const webp = () => Buffer.concat([Buffer.from("RIFF", "latin1"), Buffer.from([0x24, 0, 0, 0]), Buffer.from("WEBPVP8 ", "latin1"), Buffer.alloc(30, 4)]);
export const html = () => Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>', "utf8");
export const svg = () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "utf8");
export const windowsExecutable = () => Buffer.concat([Buffer.from("MZ", "latin1"), Buffer.alloc(62), Buffer.from("PE\u0000\u0000", "latin1")]);
export const shellScript = () => Buffer.from("#!/bin/sh\nrm -rf /\n", "utf8");
