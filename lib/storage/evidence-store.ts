// Evidence files on disk, named by the SHA-256 of their content (ab/abcdef…), never by the name a
// client sent: no name can reach another path, two uploads of the same bytes are one file, and a
// file's name says whether its content is intact.
//
// An upload streams into a temporary file in the same directory and is renamed into place only
// after its size, hash and type are known and its bytes are on disk (fsync): an interrupted upload,
// a refused type or a full disk leave no file under a content name. The database never learns of a
// file that is not complete.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, type ReadStream } from "node:fs";
import fsPromises from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { detectEvidenceType, type ByteSource, type EvidenceKind } from "@/lib/domain/evidence-file-type";
import { EvidenceError, evidenceErrors, refusalForDetection } from "@/lib/domain/evidence-file-rules";
import { evidenceDirectory, evidenceMaxBytes } from "@/lib/storage/evidence-directory";

/** What an upload may come as: a web File/Blob (route handlers), a stream, or bytes. */
export type EvidenceSource = Blob | ReadableStream<Uint8Array> | Readable | AsyncIterable<Uint8Array | string> | Uint8Array;

/** The part of a file handle the store uses. */
export interface EvidenceFileHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesWritten: number }>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file operations the store needs, so a test can make one of them fail as a full disk does. */
export interface EvidenceFileSystem {
  mkdir(dir: string, options: { recursive: true; mode?: number }): Promise<unknown>;
  open(file: string, flags: string, mode?: number): Promise<EvidenceFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  stat(file: string): Promise<{ size: number; mtimeMs: number; isFile(): boolean }>;
  readdir(dir: string): Promise<string[]>;
}

export const nodeFileSystem: EvidenceFileSystem = {
  mkdir: (dir, options) => fsPromises.mkdir(dir, options),
  open: (file, flags, mode) => fsPromises.open(file, flags, mode),
  rename: (from, to) => fsPromises.rename(from, to),
  unlink: (file) => fsPromises.unlink(file),
  stat: (file) => fsPromises.stat(file),
  readdir: (dir) => fsPromises.readdir(dir),
};

export type StoredEvidence = {
  sha256: string;
  sizeBytes: number;
  kind: EvidenceKind;
  /** The detected type, never the one the client declared. */
  mimeType: string;
  /** True when the same content was stored before: nothing new was written. */
  alreadyStored: boolean;
};

export interface EvidenceStorage {
  readonly directory: string;
  readonly maxBytes: number;
  /** Stores the content, or throws an EvidenceError having left nothing behind. */
  store(source: EvidenceSource): Promise<StoredEvidence>;
  /** The file of this content, or null when it is not (or no longer) on disk. */
  locate(sha256: string): Promise<{ path: string; sizeBytes: number } | null>;
  openReadStream(sha256: string): ReadStream;
  /** Deletes the content's file; a file already gone is not an error. */
  remove(sha256: string): Promise<void>;
}

export type EvidenceStorageOptions = {
  /** Default: evidenceDirectory() (EVIDENCE_DIR, else .data/evidence). */
  directory?: string;
  /** Default: evidenceMaxBytes() (EVIDENCE_MAX_BYTES, else 20 MiB). */
  maxBytes?: number;
  fileSystem?: EvidenceFileSystem;
};

const TEMPORARY_PREFIX = ".upload-";
/** Left by a process killed mid-upload; nothing legitimate is still writing after a day. */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function createEvidenceStorage(options: EvidenceStorageOptions = {}): EvidenceStorage {
  // A folder the operator chooses at run time: nothing in it belongs in the build's file trace.
  const directory = path.resolve(/*turbopackIgnore: true*/ options.directory ?? evidenceDirectory());
  const maxBytes = options.maxBytes ?? evidenceMaxBytes();
  const fs = options.fileSystem ?? nodeFileSystem;
  const pathOf = (sha256: string) => {
    // The hash comes from the database; a value that is not one must not become a path.
    if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${JSON.stringify(sha256)}`);
    return path.join(/*turbopackIgnore: true*/ directory, sha256.slice(0, 2), sha256);
  };

  return {
    directory,
    maxBytes,
    store: (source) => storeEvidenceFile(fs, directory, maxBytes, pathOf, source),
    async locate(sha256) {
      try {
        const stat = await fs.stat(pathOf(sha256));
        return stat.isFile() ? { path: pathOf(sha256), sizeBytes: stat.size } : null;
      } catch (error) {
        if (errorCode(error) === "ENOENT") return null;
        throw storageError(error);
      }
    },
    openReadStream: (sha256) => createReadStream(pathOf(sha256)),
    async remove(sha256) {
      try {
        await fs.unlink(pathOf(sha256));
      } catch (error) {
        if (errorCode(error) !== "ENOENT") throw storageError(error);
      }
    },
  };
}

async function storeEvidenceFile(
  fs: EvidenceFileSystem,
  directory: string,
  maxBytes: number,
  pathOf: (sha256: string) => string,
  source: EvidenceSource,
): Promise<StoredEvidence> {
  // A declared size over the limit is refused before a byte is read or written.
  if (source instanceof Blob && source.size > maxBytes) throw evidenceErrors.fileTooLarge(maxBytes);
  try {
    // Only the evidence folder itself is private: folders above it (.data/) keep the usual mode,
    // since other programs (the embedded PostgreSQL's own user) pass through them.
    await fs.mkdir(path.dirname(directory), { recursive: true });
    await fs.mkdir(directory, { recursive: true, mode: 0o750 });
  } catch (error) {
    throw storageError(error);
  }
  await removeAbandonedUploads(fs, directory);

  const temporary = path.join(directory, `${TEMPORARY_PREFIX}${randomBytes(12).toString("hex")}`);
  let handle: EvidenceFileHandle | undefined;
  let renamed = false;
  try {
    try {
      handle = await fs.open(temporary, "wx+", 0o640);
    } catch (error) {
      throw storageError(error);
    }
    const hash = createHash("sha256");
    let size = 0;
    for await (const chunk of boundedChunks(source, maxBytes)) {
      hash.update(chunk);
      await writeFully(handle, chunk);
      size += chunk.byteLength;
    }
    if (size === 0) throw evidenceErrors.fileEmpty();
    const detection = await detectEvidenceType(fileByteSource(handle, size));
    if (!detection.ok) throw refusalForDetection(detection);
    try {
      await handle.sync();
      await handle.close();
    } finally {
      handle = undefined;
    }
    const sha256 = hash.digest("hex");
    const target = pathOf(sha256);
    if (await isFile(fs, target)) {
      return { sha256, sizeBytes: size, kind: detection.kind, mimeType: detection.mimeType, alreadyStored: true };
    }
    try {
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
      // Two uploads of the same bytes may race to here; either rename leaves the same content.
      await fs.rename(temporary, target);
      renamed = true;
    } catch (error) {
      throw storageError(error);
    }
    await syncDirectory(fs, path.dirname(target));
    return { sha256, sizeBytes: size, kind: detection.kind, mimeType: detection.mimeType, alreadyStored: false };
  } catch (error) {
    throw error instanceof EvidenceError ? error : storageError(error);
  } finally {
    if (handle) await handle.close().catch(() => undefined);
    if (!renamed) await fs.unlink(temporary).catch(() => undefined);
  }
}

/**
 * The source's bytes, stopping as soon as they pass the limit: the rest is never read (the stream
 * is cancelled), so a client cannot make the server take in more than the limit plus one chunk.
 */
async function* boundedChunks(source: EvidenceSource, maxBytes: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  const iterator = chunksOf(source)[Symbol.asyncIterator]();
  try {
    while (true) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch {
        throw evidenceErrors.uploadInterrupted();
      }
      if (next.done) return;
      total += next.value.byteLength;
      if (total > maxBytes) throw evidenceErrors.fileTooLarge(maxBytes);
      yield next.value;
    }
  } finally {
    // Stops the underlying stream (cancel / destroy) when we leave early.
    if (iterator.return) await iterator.return(undefined).catch(() => undefined);
  }
}

async function* chunksOf(source: EvidenceSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  const stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string> = source instanceof Blob ? source.stream() : source;
  if (stream instanceof ReadableStream) {
    const reader = stream.getReader();
    let finished = false;
    try {
      while (true) {
        const { done, value } = await reader.read();
        if (done) {
          finished = true;
          return;
        }
        yield value;
      }
    } finally {
      if (!finished) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  }
  // A Node stream: for await destroys it when the loop is left early.
  for await (const chunk of stream) yield typeof chunk === "string" ? Buffer.from(chunk) : chunk;
}

async function writeFully(handle: EvidenceFileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset, null);
    offset += bytesWritten;
  }
}

function fileByteSource(handle: EvidenceFileHandle, size: number): ByteSource {
  return {
    size,
    async read(offset, length) {
      const start = Math.max(0, offset);
      const wanted = Math.max(0, Math.min(length, size - start));
      const buffer = new Uint8Array(wanted);
      let done = 0;
      while (done < wanted) {
        const { bytesRead } = await handle.read(buffer, done, wanted - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buffer.subarray(0, done);
    },
  };
}

async function isFile(fs: EvidenceFileSystem, file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch (error) {
    if (errorCode(error) === "ENOENT") return false;
    throw storageError(error);
  }
}

/** The rename is durable only once the directory entry is on disk too (best effort). */
async function syncDirectory(fs: EvidenceFileSystem, dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on a directory; the file itself is already synced.
  }
}

async function removeAbandonedUploads(fs: EvidenceFileSystem, directory: string): Promise<void> {
  try {
    const now = Date.now();
    for (const name of await fs.readdir(directory)) {
      if (!name.startsWith(TEMPORARY_PREFIX)) continue;
      const file = path.join(directory, name);
      const stat = await fs.stat(file).catch(() => null);
      if (stat && now - stat.mtimeMs > ABANDONED_AFTER_MS) await fs.unlink(file).catch(() => undefined);
    }
  } catch {
    // Housekeeping only: an upload must not fail because of it.
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}

/** A full disk or quota is "storage_full"; any other file-system failure "storage_unavailable". */
export function storageError(error: unknown): EvidenceError {
  if (error instanceof EvidenceError) return error;
  const code = errorCode(error);
  const mapped = code === "ENOSPC" || code === "EDQUOT" ? evidenceErrors.storageFull() : evidenceErrors.storageUnavailable();
  (mapped as Error).cause = error;
  return mapped;
}
