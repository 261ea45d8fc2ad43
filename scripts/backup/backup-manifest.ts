/**
 * The backup file: one tar archive, readable with any `tar` (`tar tvf backup.tar`), whose entries
 * come in this order so that a restore can check everything while reading it once:
 *
 *   manifest.json            what the archive holds (below): read first, before anything is touched
 *   evidence-index.tsv       "<sha256>\t<bytes>" per evidence file, sorted by hash
 *   evidence/ab/abcd…        each evidence file, in the index's order, laid out as in EVIDENCE_DIR
 *   tables/<Table>.tsv.gz    each table as PostgreSQL's COPY text format, gzip'd
 *
 * Evidence comes before the tables so that the restore's transaction (and its table locks) lasts
 * only as long as loading the tables, not as long as copying gigabytes of files.
 */
import { z } from "zod";

export const BACKUP_FORMAT = "par-index-backup";
/** Raised when a restore of an older format would misread a newer one. */
export const BACKUP_FORMAT_VERSION = 1;

export const MANIFEST_ENTRY = "manifest.json";
export const EVIDENCE_INDEX_ENTRY = "evidence-index.tsv";
/** The manifest is small (its size grows only with the tables and missing files); anything larger is not one. */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export function tableEntryName(table: string): string {
  return `tables/${table}.tsv.gz`;
}

/** The same place as in the evidence store: ab/abcdef… under its directory. */
export function evidenceEntryName(sha256: string): string {
  return `evidence/${sha256.slice(0, 2)}/${sha256}`;
}

/** One line of the evidence index, also what the running digest of the received files is made of. */
export function evidenceIndexLine(sha256: string, bytes: number): string {
  return `${sha256}\t${bytes}\n`;
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().nonnegative();

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string(),
  createdAt: z.iso.datetime(),
  postgresVersion: z.string(),
  /** Applied migrations (names and Prisma's checksums), oldest first: the schema the data fits. */
  migrations: z.array(z.object({ name: z.string().min(1), checksum: z.string() })),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      columns: z.array(z.string().min(1)).min(1),
      rows: count,
      entry: z.string().min(1),
      /** Size and SHA-256 of the gzip'd entry: a damaged archive is refused before anything is committed. */
      bytes: count,
      sha256: sha256Hex,
    }),
  ),
  /** The value each sequence hands out next (bigint as a string). */
  sequences: z.array(z.object({ name: z.string().min(1), nextValue: z.string().regex(/^-?\d+$/) })),
  evidence: z.object({
    files: count,
    bytes: count,
    /** SHA-256 of evidence-index.tsv. */
    indexSha256: sha256Hex,
    /** Named by the database but absent from disk when the backup was made (--allow-missing-evidence). */
    missing: z.array(sha256Hex),
  }),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;
