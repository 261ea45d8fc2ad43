import { describe, expect, it } from "vitest";
import { storableText, UnstorableTextError, withStorableText } from "@/lib/data/unstorable-text";

// PostgreSQL cannot store U+0000 and UTF-8 cannot carry half a surrogate pair: the data layer
// refuses such text in what a write stores, and compares it as matching nothing in a condition,
// instead of letting the database fail the request with a 500.

describe("text PostgreSQL cannot hold, at the data layer", () => {
  it("refuses a write that would store it, in both languages", () => {
    for (const text of ["a\u0000b", "a\ud800b", "\udc00"]) {
      expect(() => withStorableText("create", { data: { name: text } })).toThrow(UnstorableTextError);
      expect(() => withStorableText("update", { where: { id: "x" }, data: { items: [{ note: text }] } })).toThrow(UnstorableTextError);
      expect(() => withStorableText("upsert", { where: { code: "x" }, create: { code: "x", name: text }, update: {} })).toThrow(UnstorableTextError);
    }
    const error = new UnstorableTextError();
    expect(error.code).toBe("invalid_text");
    expect(error.vi).toMatch(/không lưu được/);
    expect(error.en).toMatch(/cannot be stored/);
  });

  it("compares it in a condition as text no row holds, keeping every other value as given", () => {
    const args = { where: { code: "a\u0000b", OR: [{ name: { contains: "x\ud800" } }, { id: { in: ["c1", "d\u0000"] } }] }, take: 5 };
    expect(withStorableText("findMany", args)).toEqual({
      where: { code: "a\ufffdb", OR: [{ name: { contains: "x\ufffd" } }, { id: { in: ["c1", "d\ufffd"] } }] },
      take: 5,
    });
    // A write's condition is a condition too: only what it stores is refused.
    expect(withStorableText("update", { where: { code: "a\u0000" }, data: { name: "Sở Tư pháp" } })).toEqual({ where: { code: "a\ufffd" }, data: { name: "Sở Tư pháp" } });
  });

  it("leaves well-formed text, emoji, control characters PostgreSQL stores, dates and decimals untouched", () => {
    const date = new Date("2024-01-01T00:00:00Z");
    const args = { data: { name: "👩‍👩‍👧‍👦 Sơn La\u200b\r\n\u0007", at: date, bytes: new Uint8Array([0, 1]) } };
    expect(withStorableText("create", args)).toBe(args);
  });
});

describe("text PostgreSQL cannot hold, in a raw query", () => {
  it("is refused whether the query reads or writes (row locks, bulk inserts), other values pass", () => {
    const sql = (values: unknown[]) => ({ strings: ["select id from \"Period\" where code = ", " for update"], values });
    expect(() => withStorableText("$queryRaw", sql(["a\u0000"]))).toThrow(UnstorableTextError);
    expect(() => withStorableText("$executeRawUnsafe", ["insert into t values ($1)", "\ud800"])).toThrow(UnstorableTextError);
    const fine = sql(["son-la-2024", 3, new Date(0)]);
    expect(withStorableText("$queryRaw", fine)).toBe(fine);
  });
});

describe("a record of what was asked", () => {
  it("keeps the text typed, with what cannot be stored as U+FFFD", () => {
    expect(storableText("so-tu-phap")).toBe("so-tu-phap");
    expect(storableText("a\u0000b\ud800")).toBe("a\ufffdb\ufffd");
  });
});
