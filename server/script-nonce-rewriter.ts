/**
 * Gives every `<script` and `<link` tag of an HTML response the response's CSP nonce, as the HTML
 * streams through, so that cached pages (rendered once, served many times) still get a fresh nonce
 * per response without Next.js rendering them again.
 *
 * Only real tags can match: React escapes `<` in text and attribute values (`&lt;`), and Next.js
 * writes its inline flight data with `<` as `\u003c`, so the bytes `<script` followed by a space,
 * `/` or `>` start a tag. `<link` gets the nonce too because a `<link rel="preload" as="script">`
 * is checked against script-src (the nonce is harmless on a stylesheet link). The nonce is put
 * right after the tag name: were a tag ever to carry a nonce already, the HTML parser keeps the
 * first of two equal attributes, ours. Next.js and React write lower-case tag names only.
 */

const TAGS = [Buffer.from("<script"), Buffer.from("<link")];
const LONGEST_TAG = Math.max(...TAGS.map((tag) => tag.length));
const LESS_THAN = 0x3c;

function endsTagName(byte: number | undefined): boolean {
  // HTML's tag-name terminators: whitespace, `/` and `>`.
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x2f || byte === 0x3e;
}

/** Whether `tail` (starting with `<`) could still become one of the tags once more bytes arrive. */
function couldBecomeTag(tail: Buffer): boolean {
  return TAGS.some((tag) => (tail.length <= tag.length ? tag.subarray(0, tail.length).equals(tail) : false));
}

export type ScriptNonceRewriter = {
  /** The bytes of `chunk` that can be sent now, nonces added; a tag cut at the chunk's end waits. */
  push(chunk: Buffer): Buffer;
  /** What is still held back, at the end of the response. */
  flush(): Buffer;
};

export function createScriptNonceRewriter(nonce: string): ScriptNonceRewriter {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(nonce)) throw new Error("A CSP nonce is base64");
  const attribute = Buffer.from(` nonce="${nonce}"`);
  let held: Buffer = Buffer.alloc(0);

  function rewrite(data: Buffer): Buffer {
    const insertAt: number[] = [];
    for (const tag of TAGS) {
      for (let at = data.indexOf(tag); at !== -1; at = data.indexOf(tag, at + tag.length)) {
        if (endsTagName(data[at + tag.length])) insertAt.push(at + tag.length);
      }
    }
    if (insertAt.length === 0) return data;
    insertAt.sort((a, b) => a - b);
    const parts: Buffer[] = [];
    let from = 0;
    for (const at of insertAt) {
      parts.push(data.subarray(from, at), attribute);
      from = at;
    }
    parts.push(data.subarray(from));
    return Buffer.concat(parts, data.length + insertAt.length * attribute.length);
  }

  return {
    push(chunk) {
      const data = held.length ? Buffer.concat([held, chunk]) : chunk;
      held = Buffer.alloc(0);
      // A tag cut by the chunk's end starts at the last `<` (a tag name holds no `<`), and needs
      // its name and one more byte to be recognised.
      const last = data.lastIndexOf(LESS_THAN);
      if (last !== -1 && data.length - last <= LONGEST_TAG && couldBecomeTag(data.subarray(last))) {
        held = Buffer.from(data.subarray(last));
        return rewrite(data.subarray(0, last));
      }
      return rewrite(data);
    },
    flush() {
      const rest = held;
      held = Buffer.alloc(0);
      return rest;
    },
  };
}
