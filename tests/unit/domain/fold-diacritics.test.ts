import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { foldDiacritics, matchesFoldedQuery } from "@/lib/domain/fold-diacritics";

describe("folding Vietnamese for search", () => {
  it.each([
    ["Sơn La", "son la"],
    ["UBND huyện Mường La", "ubnd huyen muong la"],
    ["Đồng Tháp", "dong thap"],
    ["đường", "duong"],
    ["Sở Lao động - Thương binh và Xã hội", "so lao dong - thuong binh va xa hoi"],
    ["Ă Â Ê Ô Ơ Ư ă â ê ô ơ ư", "a a e o o u a a e o o u"],
    ["Chiềng Lương  Hát   Lót", "chieng luong hat lot"],
    ["  Nà Bó ", "na bo"],
  ])("%s → %s", (text, folded) => {
    expect(foldDiacritics(text)).toBe(folded);
  });

  it("folds precomposed and decomposed spellings, and old and new tone placement, alike", () => {
    const precomposed = "Hòa Bình";
    const decomposed = precomposed.normalize("NFD");
    expect(foldDiacritics(decomposed)).toBe(foldDiacritics(precomposed));
    expect(foldDiacritics("hoà")).toBe(foldDiacritics("hòa"));
  });

  it("is idempotent and never leaves a combining mark or a đ", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const folded = foldDiacritics(text);
        expect(foldDiacritics(folded)).toBe(folded);
        expect(folded).not.toMatch(/[\u0300-\u036fđĐ]/);
      }),
    );
  });
});

describe("matching a typed query against a folded unit name", () => {
  const name = foldDiacritics("UBND thành phố Sơn La");

  it.each(["son la", "Sơn La", "SON LA", "sơn la", "la son", "thanh pho", "  son   la "])("“%s” finds it", (query) => {
    expect(matchesFoldedQuery(name, query)).toBe(true);
  });

  it.each(["son lo", "mai son", "hà nội"])("“%s” does not", (query) => {
    expect(matchesFoldedQuery(name, query)).toBe(false);
  });

  it("matches đ and d both ways", () => {
    expect(matchesFoldedQuery(foldDiacritics("Sở Giao thông vận tải Đắk Lắk"), "dak lak")).toBe(true);
    expect(matchesFoldedQuery(foldDiacritics("Ban Dân tộc"), "đân")).toBe(true);
  });

  it("an empty query matches everything", () => {
    expect(matchesFoldedQuery(name, "")).toBe(true);
    expect(matchesFoldedQuery(name, "   ")).toBe(true);
  });
});
