import { createHash } from "node:crypto";
import { Transform } from "node:stream";

/** A pass-through that keeps the SHA-256 and the size of what went through it. */
export function hashingPassThrough() {
  const hash = createHash("sha256");
  let bytes = 0;
  let digest: string | null = null;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  return {
    stream,
    bytes: () => bytes,
    /** Only once everything has gone through. */
    digest: () => (digest ??= hash.digest("hex")),
  };
}
