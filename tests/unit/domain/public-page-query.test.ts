import { describe, expect, it } from "vitest";
import { COMPARE_MAX_UNITS, compareHref, parseCompareQuery, parseUnitPageQuery } from "@/lib/domain/public-page-query";

describe("parseCompareQuery", () => {
  it("reads the shareable form units=a,b in the order given", () => {
    expect(parseCompareQuery({ period: "mai-son-xa-2024", units: "xa-b,xa-a" })).toEqual({
      ok: true,
      value: { period: "mai-son-xa-2024", units: ["xa-b", "xa-a"] },
    });
  });

  it("reads what the GET form sends: one units per select, blank selects dropped, repeats once", () => {
    expect(parseCompareQuery({ period: "p", units: ["a", "", "b", "a"] })).toEqual({ ok: true, value: { period: "p", units: ["a", "b"] } });
  });

  it("leaves period and units out when they are not given or empty", () => {
    expect(parseCompareQuery({})).toEqual({ ok: true, value: { period: undefined, units: [] } });
    expect(parseCompareQuery({ period: "", units: "" })).toEqual({ ok: true, value: { period: undefined, units: [] } });
  });

  it(`refuses more than ${COMPARE_MAX_UNITS} units`, () => {
    expect(parseCompareQuery({ period: "p", units: "a,b,c,d,e" })).toEqual({ ok: false, issues: [{ parameter: "units", problem: "too_many" }] });
  });

  it("refuses a repeated period and malformed codes, one message per parameter", () => {
    expect(parseCompareQuery({ period: ["p", "q"], units: "a, b, c" })).toEqual({
      ok: false,
      issues: [
        { parameter: "period", problem: "repeated" },
        { parameter: "units", problem: "padded" },
      ],
    });
    expect(parseCompareQuery({ units: "a\u0000" })).toEqual({ ok: false, issues: [{ parameter: "units", problem: "control_character" }] });
    expect(parseCompareQuery({ units: "x".repeat(201) })).toEqual({ ok: false, issues: [{ parameter: "units", problem: "too_long" }] });
  });

  it("ignores parameters it does not know", () => {
    expect(parseCompareQuery({ period: "p", utm_source: "zalo" })).toEqual({ ok: true, value: { period: "p", units: [] } });
  });
});

describe("parseUnitPageQuery", () => {
  it("reads an optional period", () => {
    expect(parseUnitPageQuery({ period: "son-la-so-2023" })).toEqual({ ok: true, value: { period: "son-la-so-2023" } });
    expect(parseUnitPageQuery({})).toEqual({ ok: true, value: { period: undefined } });
  });

  it("refuses a period given twice", () => {
    expect(parseUnitPageQuery({ period: ["a", "b"] })).toEqual({ ok: false, issues: [{ parameter: "period", problem: "repeated" }] });
  });
});

describe("compareHref", () => {
  it("writes units comma-separated, each code percent-encoded", () => {
    expect(compareHref("mai-son-xa-2024", ["xa-a", "xa-b"])).toBe("/compare?period=mai-son-xa-2024&units=xa-a,xa-b");
    expect(compareHref("p", ["Sở Nội vụ"])).toBe("/compare?period=p&units=S%E1%BB%9F%20N%E1%BB%99i%20v%E1%BB%A5");
    expect(compareHref("p", [])).toBe("/compare?period=p");
  });

  it("round-trips through the parser", () => {
    const href = compareHref("mai-son-xa-2024", ["xa-chieng-dong-kheo", "xa-na-bo"]);
    const params = new URLSearchParams(href.split("?")[1]);
    expect(parseCompareQuery({ period: params.get("period") ?? undefined, units: params.getAll("units") })).toEqual({
      ok: true,
      value: { period: "mai-son-xa-2024", units: ["xa-chieng-dong-kheo", "xa-na-bo"] },
    });
  });
});
