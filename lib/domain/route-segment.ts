/**
 * The code in a page's dynamic segment. Next.js 16 hands the same segment still percent-encoded to
 * one render pass and already decoded to another (seen: `so-tu-phap%25` and `so-tu-phap%`), so a
 * plain decodeURIComponent throws on the decoded form. Decoding when the text is a valid escape
 * and keeping it otherwise gives the same code both ways, because codes are slugs ([a-z0-9-], never
 * "%"); a malformed one is simply a code that does not exist (404), never a server error.
 */
export function decodeRouteSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
