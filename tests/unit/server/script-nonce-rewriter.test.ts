import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createScriptNonceRewriter } from "@/server/script-nonce-rewriter";

function rewriteInChunks(html: string, cuts: number[], nonce = "abc123+/="): string {
  const bytes = Buffer.from(html);
  const rewriter = createScriptNonceRewriter(nonce);
  const out: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(rewriter.push(bytes.subarray(from, cut)));
    from = cut;
  }
  out.push(rewriter.push(bytes.subarray(from)), rewriter.flush());
  return Buffer.concat(out).toString();
}

const PAGE =
  '<!DOCTYPE html><html lang="vi"><head><link rel="preload" as="script" href="/_next/static/chunks/a.js"/>' +
  '<link rel="stylesheet" href="/x.css"><script src="/_next/static/chunks/main.js" async=""></script></head>' +
  '<body><p>&lt;script&gt;alert(1)&lt;/script&gt; Sơn La</p><noscript>JS</noscript>' +
  '<script>self.__next_f.push([1,"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"])</script>' +
  "<script\ttype=\"application/ld+json\">{}</script><scripts-not-a-tag></scripts-not-a-tag><linked>no</linked></body></html>";

describe("CSP nonces added to an HTML response as it streams", () => {
  it("every script and link tag gets the nonce, escaped text and look-alike tags do not", () => {
    const out = rewriteInChunks(PAGE, []);
    expect(out.match(/<script nonce="abc123\+\/="[\s>]/g)).toHaveLength(3);
    expect(out.match(/<link nonce="abc123\+\/=" /g)).toHaveLength(2);
    expect(out.match(/nonce=/g)).toHaveLength(5);
    expect(out).toContain("&lt;script&gt;alert(1)");
    expect(out).toContain("\\u003cscript\\u003ealert(1)");
    expect(out).toContain("<noscript>JS</noscript><script nonce=");
    expect(out).toContain("<scripts-not-a-tag>");
    expect(out).toContain("<linked>no</linked>");
    expect(out.replaceAll(' nonce="abc123+/="', "")).toBe(PAGE);
  });

  it("a tag cut anywhere across chunks, even byte by byte, gets its nonce exactly once", () => {
    const whole = rewriteInChunks(PAGE, []);
    const everyByte = Array.from({ length: Buffer.byteLength(PAGE) }, (_, index) => index);
    expect(rewriteInChunks(PAGE, everyByte)).toBe(whole);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: Buffer.byteLength(PAGE) }), { maxLength: 12 }), (cuts) => {
        expect(rewriteInChunks(PAGE, cuts)).toBe(whole);
      }),
    );
  });

  it("a response ending in the middle of a tag name keeps its bytes", () => {
    expect(rewriteInChunks("<p>a</p><scr", [5])).toBe("<p>a</p><scr");
    expect(rewriteInChunks("<p>a</p><script", [9])).toBe("<p>a</p><script");
  });

  it("Vietnamese text cut inside a multi-byte character comes out intact", () => {
    const html = "<p>Hội đồng thẩm định</p><script>1</script>";
    const cuts = [5, 6, 7, 8];
    expect(rewriteInChunks(html, cuts, "n0nce")).toBe('<p>Hội đồng thẩm định</p><script nonce="n0nce">1</script>');
  });

  it("refuses a nonce that could break out of the attribute", () => {
    expect(() => createScriptNonceRewriter('x"><script>')).toThrow();
  });
});
