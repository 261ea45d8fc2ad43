import { describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import type { ValidationIssue } from "@/lib/results-package/validation-error";
import { expectWellFormed, fixture, FIXTURE_TEXT } from "./fixtures/commune-fixture";

function issuesOf(input: string | Buffer): ValidationIssue[] {
  const result = parseResultsPackage(input);
  if (result.ok) throw new Error("expected the input to be rejected");
  expectWellFormed(result.issues);
  return result.issues;
}

function single(input: string | Buffer): ValidationIssue {
  const issues = issuesOf(input);
  expect(issues, JSON.stringify(issues, null, 1)).toHaveLength(1);
  return issues[0]!;
}

describe("bytes", () => {
  it("non-UTF-8 bytes: names the offset and the line", () => {
    const text = Buffer.from(FIXTURE_TEXT, "utf8");
    const at = text.indexOf(Buffer.from("Tiên Châu", "utf8"));
    // "Tiên" in Windows-1258-style single bytes: 0xEA is not valid UTF-8 here.
    const broken = Buffer.concat([text.subarray(0, at), Buffer.from([0x54, 0x69, 0xea, 0x6e]), text.subarray(at + 5)]);
    const issue = single(broken);
    expect(issue.code).toBe("input_invalid_utf8");
    expect(issue.path).toBe("");
    expect(issue.en).toContain(`offset ${at + 2}`);
    expect(issue.en).toMatch(/line \d+/);
    expect(issue.vi).toContain("UTF-8");
  });

  it("overlong and surrogate encodings are not UTF-8 either", () => {
    expect(single(Buffer.from([0x7b, 0xc0, 0xaf, 0x7d])).code).toBe("input_invalid_utf8");
    expect(single(Buffer.from([0x7b, 0xed, 0xa0, 0x80, 0x7d])).code).toBe("input_invalid_utf8");
  });

  it("UTF-16 files get their own message", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"format":1}', "utf16le")]);
    expect(single(utf16).code).toBe("input_utf16");
    expect(single(Buffer.from('{"format":1}', "utf16le")).code).toBe("input_utf16");
  });

  it("a UTF-8 BOM is accepted", () => {
    expect(parseResultsPackage(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIXTURE_TEXT)])).ok).toBe(true);
  });

  it("an empty file", () => {
    expect(single("").code).toBe("input_empty");
    expect(single(Buffer.from("  \n")).code).toBe("input_empty");
  });
});

describe("JSON syntax", () => {
  it("truncated JSON: says so, with line, column and where in the package", () => {
    const cut = FIXTURE_TEXT.slice(0, FIXTURE_TEXT.indexOf('"criterion": "3.2"') + 16);
    const issue = single(cut);
    expect(issue.code).toBe("json_unexpected_end");
    expect(issue.path).toMatch(/^scores\[\d+\]\.criterion$/);
    expect(issue.vi).toMatch(/dòng \d+, cột \d+/);
    expect(issue.en).toMatch(/line \d+, column \d+/);
  });

  it("truncated after a complete value", () => {
    const issue = single(FIXTURE_TEXT.slice(0, 200));
    expect(issue.code).toBe("json_unexpected_end");
    expect(single('{"format": "par-index.results/1", ').code).toBe("json_unexpected_end");
    expect(single('{"a": [1, 2').code).toBe("json_unexpected_end");
    expect(single('{"a": "abc').code).toBe("json_unexpected_end");
  });

  it("a wrong character names what was expected", () => {
    const issue = single('{\n  "a": 1\n  "b": 2\n}');
    expect(issue.code).toBe("json_unexpected_character");
    expect(issue.en).toContain("line 3, column 3");
    expect(issue.en).toContain('expected "," or "}"');
  });

  it("common mistakes get their own message", () => {
    expect(single('{"a": 1,}').code).toBe("json_trailing_comma");
    expect(single('{"a": [1,]}').code).toBe("json_trailing_comma");
    expect(single('{"a": 1} // note').code).toBe("json_comment");
    expect(single('{\n  // the contract example has comments\n  "a": 1\n}').code).toBe("json_comment");
    expect(single("{'a': 1}").code).toBe("json_single_quotes");
    expect(single('{"points": 12,5}').code).toBe("json_decimal_comma");
    expect(single('{"points": 12,5}').path).toBe("points");
    expect(single('{"a": NaN}').code).toBe("json_invalid_number");
    expect(single('{"a": 012}').code).toBe("json_invalid_number");
    expect(single('{"a": 1.}').code).toBe("json_invalid_number");
    expect(single('{"a": 1e999}').code).toBe("json_invalid_number");
    expect(single('{"a": "x\\q"}').code).toBe("json_invalid_escape");
    expect(single('{"a": "line\nbreak"}').code).toBe("json_control_character");
    expect(single('{"a": 1} {"b": 2}').code).toBe("json_trailing_data");
  });

  it("deep nesting is refused instead of overflowing the stack", () => {
    expect(single(`${"[".repeat(100000)}${"]".repeat(100000)}`).code).toBe("json_too_deep");
  });

  it("reads escapes and Unicode exactly like JSON.parse", () => {
    const text = '{"a": "T\\u0069\\u00eAn \\"Ch\\u00e2u\\"\\n\\t\\/\\\\", "b": [true, false, null, -0.5e1, 0, {}], "c": "😀"}';
    // The reader is internal; a package that fails on format shows that the text was read.
    const result = parseResultsPackage(text);
    expect(!result.ok && result.issues[0]?.code).toBe("format_missing");
    expect(JSON.parse(text).a).toBe('Tiên "Châu"\n\t/\\');
  });

  it("a field given twice is an error, not a silent choice", () => {
    const text = FIXTURE_TEXT.replace('"points": 3.47,', '"points": 3.47, "points": 3.5,');
    expect(text).not.toBe(FIXTURE_TEXT);
    const issue = single(text);
    expect(issue.code).toBe("json_duplicate_key");
    expect(issue.path).toMatch(/^scores\[3\]\.points$/);
    expect(issue.row).toBe(4);
  });

  it("__proto__ is an ordinary (ignored) field", () => {
    const json = fixture();
    const text = JSON.stringify(json).replace('"format":', '"__proto__": {"polluted": true}, "format":');
    expect(parseResultsPackage(text).ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
