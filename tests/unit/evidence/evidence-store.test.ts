import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EvidenceError } from "@/lib/domain/evidence-file-rules";
import { createEvidenceStorage, nodeFileSystem, type EvidenceFileSystem } from "@/lib/storage/evidence-store";
import { evidenceDirectory } from "@/lib/storage/evidence-directory";
import { docx, html, pdf, png } from "./evidence-fixtures";

let root: string;
let dir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "evidence-store-"));
  dir = path.join(root, "evidence");
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file under the directory, relative, so a test sees exactly what was left on disk. */
async function filesOnDisk(): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
      .sort();
  } catch {
    return [];
  }
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EvidenceError) return error.code;
    throw error;
  }
  return "stored";
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("the evidence store", () => {
  it("names a file by its content's hash in a two-letter folder, never by the client's name", async () => {
    const storage = createEvidenceStorage({ directory: dir, maxBytes: 1024 * 1024 });
    const bytes = pdf();
    const stored = await storage.store(new File([bytes], "Báo cáo.pdf", { type: "text/html" }));
    const hash = sha256(bytes);
    expect(stored).toEqual({ sha256: hash, sizeBytes: bytes.length, kind: "pdf", mimeType: "application/pdf", alreadyStored: false });
    expect(await filesOnDisk()).toEqual([path.join(hash.slice(0, 2), hash)]);
    expect(await readFile(path.join(dir, hash.slice(0, 2), hash))).toEqual(bytes);
  });

  it("keeps one copy of the same content uploaded twice", async () => {
    const storage = createEvidenceStorage({ directory: dir, maxBytes: 1024 * 1024 });
    const first = await storage.store(new Blob([new Uint8Array(docx())]));
    const second = await storage.store(Readable.from([docx()]));
    expect(second).toEqual({ ...first, alreadyStored: true });
    expect(await filesOnDisk()).toHaveLength(1);
  });

  it("takes a web stream, a Node stream or bytes alike", async () => {
    const storage = createEvidenceStorage({ directory: dir, maxBytes: 1024 * 1024 });
    const bytes = png();
    const web = new Blob([bytes.subarray(0, 10), bytes.subarray(10)]).stream();
    expect((await storage.store(web)).sha256).toBe(sha256(bytes));
    expect((await storage.store(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]))).alreadyStored).toBe(true);
    expect((await storage.store(bytes)).alreadyStored).toBe(true);
  });

  it("refuses a file over the limit by its declared size without reading it", async () => {
    const storage = createEvidenceStorage({ directory: dir, maxBytes: 100 });
    let read = false;
    class WatchedBlob extends Blob {
      stream() {
        read = true;
        return super.stream();
      }
    }
    const blob = new WatchedBlob([Buffer.concat([pdf(), Buffer.alloc(200)])]);
    expect(await errorCode(storage.store(blob))).toBe("file_too_large");
    expect(read).toBe(false);
    expect(await filesOnDisk()).toEqual([]);
  });

  it("stops reading a stream as soon as it passes the limit, and keeps nothing of it", async () => {
    const storage = createEvidenceStorage({ directory: dir, maxBytes: 10_000 });
    let chunksPulled = 0;
    let destroyed = false;
    const endless = new Readable({
      read() {
        chunksPulled += 1;
        this.push(chunksPulled === 1 ? Buffer.concat([pdf(), Buffer.alloc(1000)]) : Buffer.alloc(1000));
      },
      destroy(error, callback) {
        destroyed = true;
        callback(error);
      },
    });
    expect(await errorCode(storage.store(endless))).toBe("file_too_large");
    expect(chunksPulled).toBeLessThan(20);
    expect(destroyed).toBe(true);
    expect(await filesOnDisk()).toEqual([]);
  });

  it("refuses an empty file and a forbidden type, leaving nothing on disk", async () => {
    const storage = createEvidenceStorage({ directory: dir, maxBytes: 1024 * 1024 });
    expect(await errorCode(storage.store(new File([], "rong.pdf")))).toBe("file_empty");
    expect(await errorCode(storage.store(new File([html()], "bao-cao.pdf", { type: "application/pdf" })))).toBe("file_type");
    expect(await filesOnDisk()).toEqual([]);
  });

  it("turns a full disk into storage_full in both languages and leaves no temporary file", async () => {
    const failingWrites: EvidenceFileSystem = {
      ...nodeFileSystem,
      async open(file, flags, mode) {
        const handle = await nodeFileSystem.open(file, flags, mode);
        let writes = 0;
        return {
          read: (...args) => handle.read(...args),
          sync: () => handle.sync(),
          close: () => handle.close(),
          async write(buffer, offset, length, position) {
            writes += 1;
            if (writes > 1) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
            return handle.write(buffer, offset, length, position);
          },
        };
      },
    };
    const storage = createEvidenceStorage({ directory: dir, maxBytes: 1024 * 1024, fileSystem: failingWrites });
    const error = await storage.store(Readable.from([pdf(), Buffer.alloc(100)])).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EvidenceError);
    expect(error).toMatchObject({ code: "storage_full", vi: expect.stringContaining("hết chỗ"), en: expect.stringContaining("out of storage space") });
    expect(await filesOnDisk()).toEqual([]);
  });

  it("turns a directory it cannot create into storage_unavailable", async () => {
    await writeFile(path.join(root, "not-a-directory"), "x");
    const storage = createEvidenceStorage({ directory: path.join(root, "not-a-directory", "evidence"), maxBytes: 1024 });
    expect(await errorCode(storage.store(pdf()))).toBe("storage_unavailable");
  });

  it("leaves nothing when the client's upload breaks off", async () => {
    const storage = createEvidenceStorage({ directory: dir, maxBytes: 1024 * 1024 });
    async function* broken() {
      yield pdf();
      throw new Error("aborted");
    }
    expect(await errorCode(storage.store(Readable.from(broken())))).toBe("upload_interrupted");
    expect(await filesOnDisk()).toEqual([]);
  });

  it("clears temporary files a killed process left a day ago, and only those", async () => {
    const storage = createEvidenceStorage({ directory: dir, maxBytes: 1024 * 1024 });
    await storage.store(png());
    const old = path.join(dir, ".upload-old");
    const recent = path.join(dir, ".upload-recent");
    await writeFile(old, "partial");
    await writeFile(recent, "partial");
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await utimes(old, twoDaysAgo, twoDaysAgo);
    await storage.store(pdf());
    await expect(stat(old)).rejects.toMatchObject({ code: "ENOENT" });
    expect((await stat(recent)).isFile()).toBe(true);
  });

  it("never turns a stored value that is not a hash into a path", () => {
    const storage = createEvidenceStorage({ directory: dir, maxBytes: 1024 });
    expect(() => storage.openReadStream("../../etc/passwd")).toThrow(/SHA-256/);
  });

  it("lives in EVIDENCE_DIR, else in the data directory's evidence folder", () => {
    expect(evidenceDirectory({ EVIDENCE_DIR: "/srv/evidence" })).toBe("/srv/evidence");
    expect(evidenceDirectory({ PAR_DATA_DIR: "/srv/par" })).toBe(path.join("/srv/par", "evidence"));
    expect(evidenceDirectory({})).toBe(path.join(process.cwd(), ".data", "evidence"));
  });
});
