/**
 * Folds Vietnamese text for searching: lower case, tone marks and vowel marks removed, "đ" as "d",
 * runs of spaces as one. People type "son la" or "dong" on a phone keyboard without Telex; both the
 * unit names and the query go through this so that "son la" finds "Sơn La" and "dong" finds "Đồng".
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    // Combining marks: Vietnamese tones (à á ả ã ạ) and vowel marks (ă â ê ô ơ ư) decompose into these.
    .replace(/[\u0300-\u036f]/g, "")
    // Đ/đ is a letter of its own, not d plus a mark, so NFD leaves it alone.
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whether every word of the query occurs in the text once both are folded, so the order of the
 * words does not matter ("la son" still finds "Sơn La") and an empty query matches everything.
 * `foldedText` is the text already folded, since a list folds its names once, not per keystroke.
 */
export function matchesFoldedQuery(foldedText: string, query: string): boolean {
  const words = foldDiacritics(query).split(" ").filter(Boolean);
  return words.every((word) => foldedText.includes(word));
}
