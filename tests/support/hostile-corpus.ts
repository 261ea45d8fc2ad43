// Issue 8, point 5: the strings a careless or malicious visitor types, pastes or forges into every
// form field and every parameter of the portal. Shared by the unit, integration and end-to-end
// suites so that all of them throw exactly the same things at the app.

export type HostileInput = {
  /** Short name for a test title (the value itself may be a megabyte or unprintable). */
  name: string;
  value: string;
  /** A megabyte: only where a body carries it (a URL that long is refused by HTTP itself). */
  huge?: true;
};

const NFC_SON_LA = "Sơn La".normalize("NFC");
const NFD_SON_LA = "Sơn La".normalize("NFD");

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  // Length
  { name: "10 kB of Vietnamese", value: "Sở Tư pháp tỉnh Sơn La ".repeat(440).slice(0, 10_240) },
  { name: "1 MB", value: "x".repeat(1024 * 1024), huge: true },
  // Control characters and invisible ones
  { name: "NUL", value: "a\u0000b" },
  { name: "BEL", value: "\u0007chuông" },
  { name: "CRLF", value: "dòng 1\r\ndòng 2" },
  { name: "line separator U+2028", value: "dòng 1\u2028dòng 2" },
  { name: "right-to-left override", value: "\u202eabc.pdf" },
  { name: "right-to-left mark", value: "\u200fSơn La" },
  { name: "zero-width characters", value: "Sơn\u200b\u200c\u200d\ufeffLa" },
  // SQL
  { name: "SQL quote", value: "' OR 1=1 --" },
  { name: "SQL drop", value: '"; DROP TABLE "Unit"; --' },
  // HTML and script
  { name: "script tag", value: "<script>alert(1)</script>" },
  { name: "attribute break-out", value: '"><img src=x onerror=alert(1)>' },
  { name: "javascript: URL", value: "javascript:alert(1)" },
  // Templates and format strings
  { name: "template literal", value: "${7*7}" },
  { name: "mustache", value: "{{7*7}}" },
  { name: "printf", value: "%s%n%x%d" },
  // Unicode edge cases
  { name: "lone surrogate", value: "a\ud800b" },
  { name: "emoji family", value: "👩‍👩‍👧‍👦 tốt" },
  { name: "stacked combining marks", value: "a\u0301\u0301\u0301\u0323\u0323" },
  // Numbers that are not
  { name: "NaN", value: "NaN" },
  { name: "1e309", value: "1e309" },
  { name: "-0", value: "-0" },
  { name: "0x10", value: "0x10" },
  { name: "1,2,3", value: "1,2,3" },
  { name: "Arabic-Indic digits", value: "١٢" },
  { name: "Infinity", value: "Infinity" },
  // Paths
  { name: "path traversal", value: "../../etc/passwd" },
  { name: "encoded traversal", value: "..%2F..%2Fetc%2Fpasswd" },
  { name: "percent", value: "100%" },
  // Composed and decomposed Vietnamese
  { name: "NFC Sơn La", value: NFC_SON_LA },
  { name: "NFD Sơn La", value: NFD_SON_LA },
];

/** The corpus without the megabyte, for parameters carried in a URL. */
export const HOSTILE_URL_INPUTS = HOSTILE_INPUTS.filter((input) => !input.huge);

/** Numbers a points, weight or max-points field must refuse (or read exactly as typed). */
export const HOSTILE_NUMBERS: readonly HostileInput[] = HOSTILE_INPUTS.filter((input) =>
  ["NaN", "1e309", "-0", "0x10", "1,2,3", "Arabic-Indic digits", "Infinity", "10 kB of Vietnamese", "SQL quote", "script tag", "NUL", "template literal"].includes(
    input.name,
  ),
);

/**
 * Markup that must never reach a page as markup. Escaped ("&lt;script&gt;") or JSON-quoted inside
 * Next's flight data ("\u003cscript") it is harmless text; any of these literally is an injection.
 */
export const REFLECTION_MARKERS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><img src=x onerror', 'href="javascript:alert(1)"', "href='javascript:alert(1)'"];

/** The markers found literally in a body: an empty list is the only acceptable answer. */
export function reflectedMarkup(body: string): string[] {
  return REFLECTION_MARKERS.filter((marker) => body.includes(marker));
}

/** A letter only Vietnamese uses (tone or vowel mark, đ): a message "in Vietnamese" has one. */
const VIETNAMESE_LETTER = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

/**
 * Whether a refusal says why in both languages: Vietnamese first (a letter of its own, not a
 * library's English default copied into the Vietnamese slot), and English that is not the same text.
 */
export function isBilingualRefusal(message: { vi?: string | null; en?: string | null }): boolean {
  const vi = message.vi?.normalize("NFC") ?? "";
  const en = message.en ?? "";
  return vi.trim().length > 0 && en.trim().length > 0 && VIETNAMESE_LETTER.test(vi) && vi !== en;
}

/** Every form of a value a store may legitimately make of what was typed: itself, or trimmed, in NFC. */
export function storedFormsOf(value: string): string[] {
  return [...new Set([value, value.trim(), value.normalize("NFC"), value.normalize("NFC").trim()])];
}
