// Reads a results package (shared/domain/results-format.md) and either returns it normalized, with
// exact decimals, or returns every problem found, each naming its place, in Vietnamese and English.
//
// Nothing is imported from a package with any problem, so the importer reports all of them at once
// rather than the first: a province fixing a spreadsheet of 5,000 rows should not need 40 rounds.
// To get there each part (and each row) is checked on its own, and a row that is malformed is still
// counted where that avoids a cascade of follow-up errors (a unit row with a bad name must not turn
// its 88 score rows into "unknown unit").
//
// Pure: the caller reads the file and hands over its bytes, its text or an already parsed value.
import Decimal from "decimal.js";
import type { z } from "zod";
import {
  RESULTS_PACKAGE_FORMAT,
  SCHEMA_MESSAGE_KEYS,
  bandSchema,
  codeSchema,
  criteriaSetHeaderSchema,
  criterionNodeSchema,
  groupSchema,
  periodSchema,
  scoreSchema,
  sipasSchema,
  tieBreakerSchema,
  unitSchema,
  type CriterionMethod,
  type NormalizedBand,
  type NormalizedCriterion,
  type NormalizedGroup,
  type NormalizedPackage,
  type NormalizedPeriod,
  type NormalizedScore,
  type NormalizedSipas,
  type NormalizedSipasElement,
  type NormalizedUnit,
  type TieBreaker,
} from "@/lib/domain/results-package";
import { parseDecimalInput, type DecimalInputOptions } from "@/lib/results-package/decimal-input";
import {
  formatPath,
  issue,
  issueAt,
  messages as JSON_MESSAGES,
  type PathSegment,
  type ValidationIssue,
} from "@/lib/results-package/validation-error";

/** Larger inputs are refused before any parsing, so a wrong file cannot exhaust memory. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Deeper JSON is refused: real packages nest about ten levels; this keeps recursion safe. */
export const MAX_JSON_DEPTH = 256;

/** Field → criterion → sub-criterion is 3 levels; anything near this limit is a broken file. */
export const MAX_CRITERIA_DEPTH = 32;

/** The database keeps points as numeric(9,4); larger maxima could not be stored. */
export const MAX_POINTS_LIMIT = new Decimal("99999.9999");

const HUNDRED = new Decimal(100);

export interface ParseResultsPackageOptions {
  /** Default DEFAULT_MAX_BYTES (50 MB), counted in UTF-8 bytes. */
  maxBytes?: number;
}

export type ParseResultsPackageResult =
  | { ok: true; package: NormalizedPackage }
  | { ok: false; issues: ValidationIssue[] };

/**
 * Parses and validates a results package.
 * - `Buffer`/`Uint8Array`: the file's bytes (UTF-8, a BOM is accepted);
 * - `string`: the file's text;
 * - anything else: an already parsed JSON value (e.g. built from a spreadsheet).
 */
export function parseResultsPackage(
  input: string | Buffer | unknown,
  options: ParseResultsPackageOptions = {},
): ParseResultsPackageResult {
  if (typeof input === "string" || input instanceof Uint8Array) {
    const read = readInput(input, options.maxBytes ?? DEFAULT_MAX_BYTES);
    if (!read.ok) return { ok: false, issues: [read.issue] };
    // The tree was built here, so the validator may let go of its rows as it goes.
    return new PackageValidator(read.numberSources, read.issues, true).validate(read.value);
  }
  return new PackageValidator(new Map(), [], false).validate(input);
}

/**
 * Bytes or text → JSON value. A function of its own so that the decoded text (twice the file's
 * size in memory when it holds any accented letter) is garbage once the tree is built: the tree
 * holds copies of its strings, never slices of the text.
 */
function readInput(input: string | Uint8Array, maxBytes: number): JsonRead {
  const decoded = typeof input === "string" ? checkTextSize(input, maxBytes) : decodeUtf8(input, maxBytes);
  if (!decoded.ok) return decoded;
  return readJson(decoded.text);
}

// =============================================================================================
// Bytes and text

type Decoded = { ok: true; text: string } | { ok: false; issue: ValidationIssue };

function checkTextSize(text: string, maxBytes: number): Decoded {
  const bytes = utf8Length(text, maxBytes);
  if (bytes > maxBytes) return { ok: false, issue: issue("input_too_large", [], { bytes, maxBytes }) };
  return { ok: true, text };
}

/** UTF-8 length of a string; stops counting once past `stopAbove`, which is all the guard needs. */
function utf8Length(text: string, stopAbove: number): number {
  if (text.length > stopAbove) return text.length;
  if (text.length * 3 <= stopAbove) return text.length; // cannot exceed the limit
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function decodeUtf8(bytes: Uint8Array, maxBytes: number): Decoded {
  if (bytes.byteLength > maxBytes) {
    return { ok: false, issue: issue("input_too_large", [], { bytes: bytes.byteLength, maxBytes }) };
  }
  // Excel and Notepad on Windows often save "Unicode" text as UTF-16; say so instead of "bad JSON".
  const [b0, b1] = bytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || (bytes.length >= 2 && (b0 === 0 || b1 === 0))) {
    return { ok: false, issue: issue("input_utf16", []) };
  }
  try {
    // fatal: refuse broken bytes rather than turn them into U+FFFD in a unit's name.
    // The decoder drops a leading BOM itself.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    const byte = `0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0")}`;
    return { ok: false, issue: issue("input_invalid_utf8", [], { offset, line, byte }) };
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    const second = bytes[i + 1] ?? 0;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return i;
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

// =============================================================================================
// JSON text
//
// A reader of our own rather than JSON.parse, for three reasons: JSON.parse silently keeps the last
// of two equal keys ({"points": 5, "points": 50}); it rounds numbers to binary doubles, so
// 13.50000000000000001 would pass as 13.5; and on Node 20 it reports a truncated file without a
// position. This reader keeps the exact text of numbers a double cannot hold, reports duplicates,
// and names the line, column and package path of a syntax error.

type JsonRead =
  | { ok: true; value: unknown; numberSources: Map<string, string>; issues: ValidationIssue[] }
  | { ok: false; issue: ValidationIssue };

function readJson(text: string): JsonRead {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const reader = new JsonReader(text, start);
  try {
    const value = reader.document();
    return { ok: true, value, numberSources: reader.numberSources, issues: reader.duplicateKeys };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, issue: error.issue };
    throw error;
  }
}

class JsonSyntaxError extends Error {
  constructor(readonly issue: ValidationIssue) {
    super(issue.en);
  }
}

type Expected = { vi: string; en: string };
const EXPECT_VALUE: Expected = {
  vi: "một giá trị (chuỗi, số, đối tượng, danh sách, true, false hoặc null)",
  en: "a value (string, number, object, array, true, false or null)",
};
const EXPECT_KEY: Expected = { vi: "tên trường trong dấu nháy kép", en: "a field name in double quotes" };
const EXPECT_COLON: Expected = { vi: 'dấu ":"', en: '":"' };
const EXPECT_OBJECT_NEXT: Expected = { vi: 'dấu "," hoặc "}"', en: '"," or "}"' };
const EXPECT_ARRAY_NEXT: Expected = { vi: 'dấu "," hoặc "]"', en: '"," or "]"' };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NUMBER_TOKEN = /[-+0-9A-Za-z.]*/y;
const NEEDS_SLOW_STRING = /[\\\u0000-\u001f]/;
/** Strings up to this length are shared between equal values of the tree (codes, keys, labels). */
const MAX_SHARED_STRING = 64;
/** Below this length V8 copies a slice rather than pointing into its parent string. */
const MIN_SLICE_LENGTH = 13;

/**
 * A copy of `value` that does not point into the string it was sliced (or concatenated) from.
 * Appending a character makes V8 flatten the value into a string of its own, and the slice then
 * points into that small copy instead of the whole text.
 */
function detach(value: string): string {
  return value.length < MIN_SLICE_LENGTH ? value : (value + " ").slice(0, -1);
}

class JsonReader {
  private pos: number;
  private readonly path: PathSegment[] = [];
  private readonly strings = new Map<string, string>();
  readonly numberSources = new Map<string, string>();
  readonly duplicateKeys: ValidationIssue[] = [];

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.pos = start;
  }

  document(): unknown {
    this.skipWhitespace();
    if (this.pos >= this.text.length) throw new JsonSyntaxError(issue("input_empty", []));
    const value = this.value(0);
    this.skipWhitespace();
    if (this.pos < this.text.length) {
      if (this.isCommentStart()) throw this.error("json_comment", this.pos);
      throw this.error("json_trailing_data", this.pos);
    }
    return value;
  }

  private value(depth: number): unknown {
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 0x7b: // {
        return this.object(depth + 1);
      case 0x5b: // [
        return this.array(depth + 1);
      case 0x22: // "
        return this.string();
      case 0x74: // t
        return this.literal("true", true);
      case 0x66: // f
        return this.literal("false", false);
      case 0x6e: // n
        return this.literal("null", null);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        if (this.text.startsWith("NaN", this.pos) || this.text.startsWith("Infinity", this.pos)) {
          return this.badNumber(this.pos);
        }
        throw this.unexpected(EXPECT_VALUE);
    }
  }

  private object(depth: number): Record<string, unknown> {
    if (depth > MAX_JSON_DEPTH) throw this.error("json_too_deep", this.pos, { max: MAX_JSON_DEPTH });
    this.pos++;
    const result: Record<string, unknown> = {};
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return result;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== 0x22) throw this.unexpected(EXPECT_KEY);
      const keyStart = this.pos;
      const key = this.string();
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== 0x3a) throw this.unexpected(EXPECT_COLON);
      this.pos++;
      this.skipWhitespace();
      this.path.push(key);
      const value = this.value(depth);
      if (Object.prototype.hasOwnProperty.call(result, key)) {
        this.duplicateKeys.push(
          issueAt(this.path, "json_duplicate_key", this.message("json_duplicate_key", keyStart, { key })),
        );
      }
      this.path.pop();
      // "__proto__" must become a plain field, never the object's prototype.
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        this.skipWhitespace();
        // {"points": 12,5} — a Vietnamese decimal comma inside a JSON number.
        const next = this.text.charCodeAt(this.pos);
        if (typeof value === "number" && next >= 0x30 && next <= 0x39) {
          this.path.push(key);
          throw this.error("json_decimal_comma", this.pos - 1);
        }
        continue;
      }
      if (c === 0x7d) {
        this.pos++;
        return result;
      }
      throw this.unexpected(EXPECT_OBJECT_NEXT);
    }
  }

  private array(depth: number): unknown[] {
    if (depth > MAX_JSON_DEPTH) throw this.error("json_too_deep", this.pos, { max: MAX_JSON_DEPTH });
    this.pos++;
    const result: unknown[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return result;
    }
    for (;;) {
      this.path.push(result.length);
      result.push(this.value(depth));
      this.path.pop();
      this.skipWhitespace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        this.skipWhitespace();
        continue;
      }
      if (c === 0x5d) {
        this.pos++;
        return result;
      }
      throw this.unexpected(EXPECT_ARRAY_NEXT);
    }
  }

  private string(): string {
    const start = this.pos + 1;
    const end = this.text.indexOf('"', start);
    if (end === -1) throw this.error("json_unexpected_end", this.text.length);
    const chunk = this.text.slice(start, end);
    if (!NEEDS_SLOW_STRING.test(chunk)) {
      this.pos = end + 1;
      return this.own(chunk);
    }
    return this.own(this.escapedString(start));
  }

  /**
   * The string to keep in the tree. Short ones are shared: a national package repeats each unit
   * code 88 times and each criterion code 3,000 times, and one instance of each is enough. Long
   * ones are copied, since a slice would keep the whole text alive as long as the tree (and the
   * normalized package, which keeps the names) lives.
   */
  private own(value: string): string {
    if (value.length > MAX_SHARED_STRING) return detach(value);
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    const kept = detach(value);
    this.strings.set(kept, kept);
    return kept;
  }

  private escapedString(start: number): string {
    const text = this.text;
    let out = "";
    let runStart = start;
    let i = start;
    for (;;) {
      if (i >= text.length) throw this.error("json_unexpected_end", text.length);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        this.pos = i + 1;
        return out + text.slice(runStart, i);
      }
      if (c < 0x20) throw this.error("json_control_character", i);
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(runStart, i);
      const e = text[i + 1];
      if (e === undefined) throw this.error("json_unexpected_end", text.length);
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        throw this.error("json_invalid_escape", i);
      }
      runStart = i;
    }
  }

  private number(): number {
    const start = this.pos;
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(this.text);
    const end = match ? start + match[0].length : start;
    const next = this.text.charCodeAt(end);
    const continues =
      (next >= 0x30 && next <= 0x39) || next === 0x2e || next === 0x2b || next === 0x2d || isLetter(next);
    if (!match || continues) return this.badNumber(start);
    const literal = match[0];
    const value = Number(literal);
    if (!Number.isFinite(value)) return this.badNumber(start);
    this.pos = end;
    // Short literals always survive the trip through a double (15 significant digits do);
    // only long or exponent literals are compared, and kept when digits were lost.
    if (literal.length > 15 || /[eE]/.test(literal)) {
      if (!new Decimal(literal).eq(new Decimal(String(value)))) {
        this.numberSources.set(formatPath(this.path), literal);
      }
    }
    return value;
  }

  private badNumber(start: number): never {
    NUMBER_TOKEN.lastIndex = start;
    const token = NUMBER_TOKEN.exec(this.text)?.[0] || (this.text[start] ?? "");
    throw this.error("json_invalid_number", start, { text: token });
  }

  private literal<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) throw this.unexpected(EXPECT_VALUE);
    this.pos += word.length;
    return value;
  }

  private skipWhitespace(): void {
    const text = this.text;
    let i = this.pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.pos = i;
  }

  private isCommentStart(): boolean {
    return this.text[this.pos] === "/" && (this.text[this.pos + 1] === "/" || this.text[this.pos + 1] === "*");
  }

  /** The most helpful message for a character that cannot be here. */
  private unexpected(expected: Expected): JsonSyntaxError {
    const at = this.pos;
    if (at >= this.text.length) return this.error("json_unexpected_end", at);
    if (this.isCommentStart()) return this.error("json_comment", at);
    const char = this.text[at];
    if (char === "'") return this.error("json_single_quotes", at);
    if (char === "}" || char === "]") {
      let back = at - 1;
      while (back >= 0 && /\s/.test(this.text[back] ?? "")) back--;
      if (this.text[back] === ",") return this.error("json_trailing_comma", back);
    }
    const found = String.fromCodePoint(this.text.codePointAt(at) ?? 0);
    return this.error("json_unexpected_character", at, { found, expected });
  }

  private message(
    code: JsonPositionCode,
    offset: number,
    extra: Record<string, unknown> = {},
  ): { vi: string; en: string } {
    const build = JSON_MESSAGES[code] as (p: unknown) => { vi: string; en: string };
    return build({ ...this.lineColumn(offset), ...extra });
  }

  private error(code: JsonPositionCode, offset: number, extra: Record<string, unknown> = {}): JsonSyntaxError {
    return new JsonSyntaxError(issueAt(this.path, code, this.message(code, offset, extra)));
  }

  private lineColumn(offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    const end = Math.min(offset, this.text.length);
    for (let i = 0; i < end; i++) {
      if (this.text.charCodeAt(i) === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  }
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

type JsonPositionCode =
  | "json_unexpected_end"
  | "json_unexpected_character"
  | "json_trailing_data"
  | "json_comment"
  | "json_trailing_comma"
  | "json_single_quotes"
  | "json_invalid_number"
  | "json_invalid_escape"
  | "json_control_character"
  | "json_too_deep"
  | "json_duplicate_key"
  | "json_decimal_comma";

// =============================================================================================
// The package

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** A code read from a row that failed its shape check, so that references to it still resolve. */
function rawCode(item: unknown, key: string): string | undefined {
  if (!isObject(item)) return undefined;
  const value = item[key];
  if (typeof value !== "string") return undefined;
  const code = value.normalize("NFC").trim();
  return code === "" ? undefined : code;
}

/** Codes declared in one list (units or groups). */
interface Declared {
  /** False when the list itself is missing or not a list: references to it cannot be checked. */
  checked: boolean;
  /** Code → index in the list, for every row whose code is valid (even if another field is not). */
  valid: Map<string, number>;
  /** Codes of rows whose code field itself is malformed, recovered as well as possible. */
  malformed: Set<string>;
}

function isDeclared(declared: Declared, code: string): boolean {
  return !declared.checked || declared.valid.has(code) || declared.malformed.has(code);
}

interface CriterionInfo {
  entry: NormalizedCriterion;
  path: PathSegment[];
  /** Null while unknown because of another error (missing or invalid maximum). */
  maxPoints: Decimal | null;
}

interface CriteriaState {
  header: { code: string; name: string } | undefined;
  /** False when criteriaSet.criteria is absent: no reference to a criterion can be checked. */
  walked: boolean;
  /** False once a node is malformed: the normalized tree would be incomplete. */
  complete: boolean;
  flat: NormalizedCriterion[];
  byCode: Map<string, CriterionInfo>;
  malformed: Set<string>;
  tooDeepReported: boolean;
  visited: WeakSet<object>;
}

/** The fields of one object that passed their check; `failed` names those that did not. */
interface Fields<T> {
  data: Partial<T>;
  failed: ReadonlySet<string>;
  complete: boolean;
}

type Parent = { code: string; method: CriterionMethod } | null;

class PackageValidator {
  private readonly issues: ValidationIssue[];

  /** Points already read, by their raw value: a national package has far fewer values than rows. */
  private readonly knownPoints = new Map<number | string, Decimal>();

  constructor(
    private readonly numberSources: ReadonlyMap<string, string>,
    readIssues: ValidationIssue[],
    /** True when the tree was built by this parser: nobody else sees it, so rows may be dropped. */
    private readonly ownsInput: boolean,
  ) {
    this.issues = [...readIssues];
  }

  validate(root: unknown): ParseResultsPackageResult {
    if (!isObject(root)) {
      this.issues.push(issue("input_not_object", [], { received: jsonType(root) }));
      return { ok: false, issues: this.issues };
    }
    // Another format (or none) means the rest cannot be read by these rules: say only that.
    if (root.format !== RESULTS_PACKAGE_FORMAT) {
      const found = root.format;
      this.issues.push(
        found === undefined
          ? issue("format_missing", ["format"], { expected: RESULTS_PACKAGE_FORMAT })
          : issue("format_unsupported", ["format"], {
              found: typeof found === "string" ? found : (JSON.stringify(found) ?? String(found)),
              expected: RESULTS_PACKAGE_FORMAT,
            }),
      );
      return { ok: false, issues: this.issues };
    }

    const period = this.period(root.period);
    const criteria = this.criteriaSet(root.criteriaSet);
    const groups = this.groups(root.groups);
    const bands = this.bands(root.bands);
    const tieBreakers = this.tieBreakers(root.tieBreakers);
    const units = this.units(root.units, groups.declared);
    const scores = this.scores(root.scores, units, criteria);
    const sipas = this.sipas(root.sipas, units.declared);

    if (
      this.issues.length > 0 ||
      !period ||
      !criteria.header ||
      !criteria.complete ||
      !groups.list ||
      !bands ||
      !tieBreakers ||
      !units.list ||
      !scores ||
      !sipas
    ) {
      return { ok: false, issues: this.issues };
    }
    return {
      ok: true,
      package: {
        period,
        criteriaSet: { ...criteria.header, criteria: criteria.flat },
        groups: groups.list,
        bands,
        tieBreakers,
        units: units.list,
        scores,
        sipas,
      },
    };
  }

  // --- helpers -------------------------------------------------------------------------------

  /** Checks a value's shape; on failure reports each zod issue in both languages. */
  private shape<S extends z.ZodType>(schema: S, raw: unknown, path: PathSegment[]): z.output<S> | undefined {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    for (const zodIssue of result.error.issues) this.issues.push(translateZodIssue(zodIssue, raw, path));
    return undefined;
  }

  /**
   * Checks an object field by field, so that one bad field does not hide the checks that need the
   * others: a score row with `"notApplicable": "yes"` still has its points compared with the max.
   */
  private fields<S extends z.ZodObject>(
    schema: S,
    raw: unknown,
    path: PathSegment[],
  ): Fields<z.output<S>> | undefined {
    if (raw === undefined) {
      this.issues.push(issue("required", path, { field: fieldName(path) }));
      return undefined;
    }
    if (!isObject(raw)) {
      this.issues.push(issue("wrong_type", path, { expected: "object", received: jsonType(raw) }));
      return undefined;
    }
    // Fast path: almost every row is valid, and one parse of the whole row is twice as fast.
    const whole = schema.safeParse(raw);
    if (whole.success) return { data: whole.data as Partial<z.output<S>>, failed: new Set(), complete: true };
    const data: Record<string, unknown> = {};
    const failed = new Set<string>();
    for (const [key, fieldSchema] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const value = Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined;
      const result = fieldSchema.safeParse(value);
      if (result.success) {
        if (result.data !== undefined) data[key] = result.data;
      } else {
        failed.add(key);
        for (const zodIssue of result.error.issues) {
          this.issues.push(translateZodIssue(zodIssue, value, [...path, key]));
        }
      }
    }
    return { data: data as Partial<z.output<S>>, failed, complete: failed.size === 0 };
  }

  /** A list the package must have (required) or may leave out (then empty). */
  private list(raw: unknown, path: PathSegment[], required: boolean): unknown[] | undefined {
    if (raw === undefined || (raw === null && !required)) {
      if (required) this.issues.push(issue("required", path, { field: fieldName(path) }));
      return required ? undefined : [];
    }
    if (!Array.isArray(raw)) {
      this.issues.push(issue("wrong_type", path, { expected: "array", received: jsonType(raw) }));
      return undefined;
    }
    return raw;
  }

  private decimal(raw: unknown, path: PathSegment[], options: DecimalInputOptions = {}): Decimal | null {
    const numberSource =
      typeof raw === "number" && this.numberSources.size > 0 ? this.numberSources.get(formatPath(path)) : undefined;
    const result = parseDecimalInput(raw, { ...options, numberSource });
    if (result.ok) return result.value;
    this.issues.push(issueAt(path, result.code, result));
    return null;
  }

  /** An index (SIPAS, band threshold): a percentage from 0 to 100. */
  private index(raw: unknown, path: PathSegment[]): Decimal | null {
    const value = this.decimal(raw, path);
    if (value !== null && value.gt(HUNDRED)) {
      this.issues.push(issue("index_out_of_range", path, { value }));
      return null;
    }
    return value;
  }

  // --- period --------------------------------------------------------------------------------

  private period(raw: unknown): NormalizedPeriod | undefined {
    const checked = this.fields(periodSchema, raw, ["period"]);
    if (!checked) return undefined;
    const { data } = checked;
    if (data.previous != null && data.code !== undefined && data.previous === data.code) {
      this.issues.push(issue("previous_is_self", ["period", "previous"], { code: data.code }));
    }
    if (!checked.complete) return undefined;
    return {
      code: data.code!,
      year: data.year!,
      name: data.name!,
      authority: data.authority!,
      previous: data.previous ?? null,
      decision: data.decision ? { number: data.decision.number, date: data.decision.date } : null,
    };
  }

  // --- criteria tree -------------------------------------------------------------------------

  private criteriaSet(raw: unknown): CriteriaState {
    const state: CriteriaState = {
      header: undefined,
      walked: false,
      complete: true,
      flat: [],
      byCode: new Map(),
      malformed: new Set(),
      tooDeepReported: false,
      visited: new WeakSet(),
    };
    const header = this.fields(criteriaSetHeaderSchema, raw, ["criteriaSet"]);
    if (header?.complete) state.header = { code: header.data.code!, name: header.data.name! };
    // A bad set code or name must not hide the errors of the tree itself.
    if (isObject(raw) && Array.isArray(raw.criteria)) {
      state.walked = true;
      this.criteriaList(raw.criteria, ["criteriaSet", "criteria"], null, 1, state);
    }
    return state;
  }

  /** Checks sibling nodes; returns the sum of their maxima, or null if one is unknown. */
  private criteriaList(
    nodes: readonly unknown[],
    path: PathSegment[],
    parent: Parent,
    depth: number,
    state: CriteriaState,
  ): Decimal | null {
    let sum: Decimal | null = new Decimal(0);
    nodes.forEach((node, i) => {
      const max = this.criterion(node, [...path, i], parent, depth, i + 1, state);
      sum = sum === null || max === null ? null : sum.plus(max);
    });
    return sum;
  }

  /** Checks one node and its subtree; returns its (given or summed) maximum, null if unknown. */
  private criterion(
    raw: unknown,
    path: PathSegment[],
    parent: Parent,
    depth: number,
    order: number,
    state: CriteriaState,
  ): Decimal | null {
    if (depth > MAX_CRITERIA_DEPTH) {
      if (!state.tooDeepReported) this.issues.push(issue("criteria_too_deep", path, { max: MAX_CRITERIA_DEPTH }));
      state.tooDeepReported = true;
      state.complete = false;
      return null;
    }
    const checked = this.fields(criterionNodeSchema, raw, path);
    if (!checked) {
      state.complete = false;
      return null;
    }
    const { data, failed } = checked;
    if (!checked.complete) state.complete = false;
    const code = data.code ?? rawCode(raw, "code");
    // References to a node we could not fully read are not reported as unknown or misplaced.
    if (code !== undefined && (data.code === undefined || failed.has("children"))) state.malformed.add(code);

    const method = data.method ?? parent?.method ?? "appraisal";
    // A value handed over in memory (not read from text) may reuse a node object, even in a cycle:
    // check its fields again, but walk its subtree once.
    const revisit = isObject(raw) && state.visited.has(raw);
    if (isObject(raw)) state.visited.add(raw);
    // A "children" that is not a list is reported; the node is then treated as neither leaf nor parent.
    const children = failed.has("children") || revisit ? undefined : (data.children ?? []);
    const isLeaf = children !== undefined && children.length === 0;
    const maxPath = [...path, "maxPoints"];
    const given = data.maxPoints == null ? undefined : this.decimal(data.maxPoints, maxPath);
    const maxGivenButBad = failed.has("maxPoints") || given === null;

    const entry: NormalizedCriterion = {
      code: code ?? "",
      parentCode: parent?.code ?? null,
      name: data.name ?? "",
      maxPoints: new Decimal(0), // set below, once the children are known
      method,
      depth,
      order,
      isLeaf,
    };
    state.flat.push(entry); // before the children: the flat list is in tree order
    const info: CriterionInfo = { entry, path, maxPoints: null };
    if (data.code !== undefined) {
      const first = state.byCode.get(data.code);
      if (first) {
        this.issues.push(
          issue("duplicate_code", [...path, "code"], {
            kind: "criterion",
            code: data.code,
            firstPath: formatPath(first.path),
          }),
        );
      } else {
        state.byCode.set(data.code, info);
      }
    }
    const label = code ?? formatPath(path);

    let max: Decimal | null = null;
    if (children === undefined) {
      max = null;
    } else if (isLeaf) {
      if (maxGivenButBad) max = null;
      else if (given === undefined) this.issues.push(issue("leaf_max_points_required", maxPath, { criterion: label }));
      else if (given.lte(0)) this.issues.push(issue("leaf_max_points_not_positive", maxPath, { criterion: label }));
      else max = given;
    } else {
      const sum = this.criteriaList(children, [...path, "children"], { code: label, method }, depth + 1, state);
      if (given && sum && !given.eq(sum)) {
        this.issues.push(issue("max_points_mismatch", maxPath, { criterion: label, given, sum }));
      }
      // The leaves are what is scored, so their sum is what the ancestors are checked against:
      // one wrong maximum is then one error, not one per ancestor.
      max = sum ?? (maxGivenButBad ? null : (given ?? null));
    }
    if (max !== null && max.gt(MAX_POINTS_LIMIT)) {
      this.issues.push(issue("max_points_too_large", maxPath, { criterion: label, value: max, limit: MAX_POINTS_LIMIT }));
      max = null;
    }
    if (max !== null) entry.maxPoints = max;
    else state.complete = false;
    info.maxPoints = max;
    return max;
  }

  // --- groups, bands, tie-breakers -----------------------------------------------------------

  private groups(raw: unknown): { list: NormalizedGroup[] | undefined; declared: Declared } {
    const items = this.list(raw, ["groups"], true);
    const declared: Declared = { checked: items !== undefined, valid: new Map(), malformed: new Set() };
    const list: NormalizedGroup[] = [];
    items?.forEach((item, i) => {
      const checked = this.fields(groupSchema, item, ["groups", i]);
      if (!checked) return;
      const { code, name } = checked.data;
      if (code === undefined) {
        const recovered = rawCode(item, "code");
        if (recovered !== undefined) declared.malformed.add(recovered);
        return;
      }
      const first = declared.valid.get(code);
      if (first !== undefined) {
        this.issues.push(
          issue("duplicate_code", ["groups", i, "code"], { kind: "group", code, firstPath: `groups[${first}]` }),
        );
        return;
      }
      declared.valid.set(code, i);
      if (name !== undefined) list.push({ code, name });
    });
    return { list: items ? list : undefined, declared };
  }

  private bands(raw: unknown): NormalizedBand[] | undefined {
    const items = this.list(raw, ["bands"], false);
    if (!items) return undefined;
    const labels = new Map<string, number>();
    const thresholds = new Map<string, string>();
    const bands: NormalizedBand[] = [];
    items.forEach((item, i) => {
      const checked = this.fields(bandSchema, item, ["bands", i]);
      if (!checked) return;
      const { label, minIndex: rawMin } = checked.data;
      if (label !== undefined) {
        const first = labels.get(label);
        if (first !== undefined) {
          this.issues.push(
            issue("duplicate_band_label", ["bands", i, "label"], { label, firstPath: `bands[${first}]` }),
          );
        } else {
          labels.set(label, i);
        }
      }
      if (rawMin === undefined) return;
      const minIndex = this.index(rawMin, ["bands", i, "minIndex"]);
      if (minIndex === null) return;
      const key = minIndex.toFixed();
      const firstLabel = thresholds.get(key);
      if (firstLabel !== undefined) {
        this.issues.push(issue("duplicate_band_min_index", ["bands", i, "minIndex"], { value: minIndex, firstLabel }));
      } else {
        thresholds.set(key, label ?? formatPath(["bands", i]));
      }
      if (label !== undefined) bands.push({ label, minIndex });
    });
    // Highest threshold first: the band of an index is then the first with minIndex ≤ index.
    // (Array.prototype.sort is stable, so input order decides nothing else.)
    return bands.sort((a, b) => b.minIndex.comparedTo(a.minIndex));
  }

  private tieBreakers(raw: unknown): TieBreaker[] | undefined {
    const items = this.list(raw, ["tieBreakers"], false);
    if (!items) return undefined;
    const seen = new Set<TieBreaker>();
    const result: TieBreaker[] = [];
    items.forEach((item, i) => {
      const value = this.shape(tieBreakerSchema, item, ["tieBreakers", i]);
      if (value === undefined) return;
      if (seen.has(value)) {
        this.issues.push(issue("duplicate_tie_breaker", ["tieBreakers", i], { value }));
        return;
      }
      seen.add(value);
      result.push(value);
    });
    return result;
  }

  // --- units ---------------------------------------------------------------------------------

  private units(raw: unknown, groups: Declared): UnitsState {
    const items = this.list(raw, ["units"], true);
    const state: UnitsState = {
      list: undefined,
      declared: { checked: items !== undefined, valid: new Map(), malformed: new Set() },
    };
    if (!items) return state;
    const list: NormalizedUnit[] = [];
    items.forEach((item, i) => {
      const checked = this.fields(unitSchema, item, ["units", i]);
      if (!checked) return;
      const { code, name, group } = checked.data;
      const predecessors = checked.data.predecessors ?? validCodesIn(item, "predecessors");
      if (code === undefined) {
        const recovered = rawCode(item, "code");
        if (recovered !== undefined) state.declared.malformed.add(recovered);
      } else if (state.declared.valid.has(code)) {
        const first = state.declared.valid.get(code);
        this.issues.push(
          issue("duplicate_code", ["units", i, "code"], { kind: "unit", code, firstPath: `units[${first}]` }),
        );
        return;
      } else {
        state.declared.valid.set(code, i);
      }
      if (group !== undefined && !isDeclared(groups, group)) {
        this.issues.push(
          issue("unknown_group", ["units", i, "group"], {
            code: group,
            didYouMean: closeMatch(group, groups.valid.keys()),
          }),
        );
      }
      // Predecessors may be units of earlier packages only, so they are not looked up here.
      const seen = new Set<string>();
      predecessors.forEach((predecessor, j) => {
        if (predecessor === undefined) return;
        const path = ["units", i, "predecessors", j];
        if (predecessor === code) this.issues.push(issue("predecessor_is_self", path, { code: predecessor }));
        else if (seen.has(predecessor)) this.issues.push(issue("duplicate_predecessor", path, { code: predecessor }));
        seen.add(predecessor);
      });
      if (checked.complete) {
        list.push({ code: code!, name: name!, group: group!, predecessors: predecessors.filter((p) => p !== undefined) });
      }
    });
    state.list = list;
    return state;
  }

  // --- scores --------------------------------------------------------------------------------

  private scores(raw: unknown, units: UnitsState, criteria: CriteriaState): NormalizedScore[] | undefined {
    const items = this.list(raw, ["scores"], true);
    if (!items) return undefined;

    // unit → leaf → first row (1-based) with both codes valid, or 0 while only rows with another
    // malformed code field cover it (they count as covering: they are reported already).
    const covered = new Map<string, Map<string, number>>();
    const applicable = new Map<string, number>();
    // One issue per unknown code, listing its rows, instead of one per row.
    const unknownUnits = new ReferenceTally();
    const unknownCriteria = new ReferenceTally();
    const nonLeaves = new ReferenceTally();
    const scores: NormalizedScore[] = [];
    const codes = new CodeTable();
    const release = this.ownsInput;

    items.forEach((item, i) => {
      const row = i + 1;
      const checked = quickScore(item, codes) ?? this.fields(scoreSchema, item, ["scores", i]);
      // The row is read: let it go, so the tree shrinks while the normalized rows are built.
      if (release) items[i] = undefined;
      if (!checked) return;
      const { data, failed } = checked;
      const unit = data.unit ?? rawCode(item, "unit");
      const criterion = data.criterion ?? rawCode(item, "criterion");
      let firstRows: Map<string, number> | undefined;
      if (unit !== undefined && criterion !== undefined) {
        firstRows = covered.get(unit);
        if (!firstRows) covered.set(unit, (firstRows = new Map()));
        if (!firstRows.has(criterion)) firstRows.set(criterion, 0);
      }

      if (data.unit !== undefined && !isDeclared(units.declared, data.unit)) unknownUnits.add(data.unit, i);
      let leaf: CriterionInfo | undefined;
      if (criteria.walked && data.criterion !== undefined) {
        const info = criteria.byCode.get(data.criterion);
        if (!info) {
          if (!criteria.malformed.has(data.criterion)) unknownCriteria.add(data.criterion, i);
        } else if (!info.entry.isLeaf) {
          // A node whose "children" is malformed is neither leaf nor parent: reported already.
          if (!criteria.malformed.has(data.criterion)) nonLeaves.add(data.criterion, i);
        } else {
          leaf = info;
        }
      }

      if (data.unit !== undefined && data.criterion !== undefined && firstRows) {
        const firstRow = firstRows.get(data.criterion) ?? 0;
        if (firstRow !== 0) {
          this.issues.push(
            issue("duplicate_score", ["scores", i], { unit: data.unit, criterion: data.criterion, firstRow }),
          );
        } else {
          firstRows.set(data.criterion, row);
        }
      }

      const notApplicable = data.notApplicable === true;
      if (data.unit !== undefined && !notApplicable && !failed.has("notApplicable")) {
        applicable.set(data.unit, (applicable.get(data.unit) ?? 0) + 1);
      }
      let points: Decimal | null = null;
      if (data.points != null) {
        points = this.points(data.points, ["scores", i, "points"], leaf, false);
      } else if (!notApplicable && !failed.has("points") && !failed.has("notApplicable")) {
        this.issues.push(
          issue("points_required", ["scores", i, "points"], { unit: unit ?? "?", criterion: criterion ?? "?" }),
        );
      }
      const selfPoints =
        data.selfPoints == null ? null : this.points(data.selfPoints, ["scores", i, "selfPoints"], leaf, true);

      if (checked.complete) {
        scores.push({
          unit: codes.canonical(data.unit!),
          criterion: codes.canonical(data.criterion!),
          points,
          selfPoints,
          reason: data.reason ? data.reason : null,
          notApplicable,
          row,
        });
      }
    });

    for (const [code, rows] of unknownUnits.entries()) {
      this.issues.push(
        issue("unknown_unit", ["scores", rows[0] ?? 0, "unit"], {
          code,
          rows: rows.map((r) => r + 1),
          list: "scores",
          didYouMean: closeMatch(code, units.declared.valid.keys()),
        }),
      );
    }
    for (const [code, rows] of unknownCriteria.entries()) {
      this.issues.push(
        issue("unknown_criterion", ["scores", rows[0] ?? 0, "criterion"], {
          code,
          rows: rows.map((r) => r + 1),
          didYouMean: closeMatch(code, criteria.byCode.keys()),
        }),
      );
    }
    for (const [code, rows] of nonLeaves.entries()) {
      this.issues.push(
        issue("score_on_non_leaf", ["scores", rows[0] ?? 0, "criterion"], {
          code,
          rows: rows.map((r) => r + 1),
          leaves: leavesUnder(code, criteria.flat),
        }),
      );
    }

    if (units.declared.checked && criteria.walked) {
      this.completeness(units.declared, criteria, covered, applicable, items.length);
    }
    return scores;
  }

  private points(
    raw: number | string,
    path: PathSegment[],
    leaf: CriterionInfo | undefined,
    self: boolean,
  ): Decimal | null {
    const value = this.pointsValue(raw, path);
    if (value !== null && leaf?.maxPoints && value.gt(leaf.maxPoints)) {
      this.issues.push(
        issue("points_above_max", path, { self, value, max: leaf.maxPoints, criterion: leaf.entry.code }),
      );
    }
    return value;
  }

  /**
   * A point value as an exact decimal. Equal raw values share one (immutable) Decimal: the rows of
   * a national package repeat a few thousand values 300,000 times.
   */
  private pointsValue(raw: number | string, path: PathSegment[]): Decimal | null {
    // A number whose exact text was kept by the reader is read from that text, every time.
    if (typeof raw === "number" && this.numberSources.size > 0 && this.numberSources.has(formatPath(path))) {
      return this.decimal(raw, path);
    }
    const known = this.knownPoints.get(raw);
    if (known !== undefined) return known;
    const value = this.decimal(raw, path);
    if (value !== null) this.knownPoints.set(raw, value);
    return value;
  }

  /** Every unit needs a row (points or not applicable) for every leaf; reported compactly. */
  private completeness(
    units: Declared,
    criteria: CriteriaState,
    covered: ReadonlyMap<string, ReadonlyMap<string, number>>,
    applicable: ReadonlyMap<string, number>,
    rowCount: number,
  ): void {
    const leaves = [...criteria.byCode.values()].filter((info) => info.entry.isLeaf);
    const declaredUnits = [...units.valid.entries()]; // [code, index] in list order
    if (declaredUnits.length === 0 || leaves.length === 0) return;
    if (rowCount === 0) {
      this.issues.push(issue("no_scores", ["scores"]));
      return;
    }
    // Every row is malformed beyond recognition: those errors say it all; do not add one per unit.
    if (covered.size === 0) return;
    // A leaf nobody scored is one mistake (often a code typo in the set), not one per unit.
    const missingEverywhere = new Set<string>();
    if (declaredUnits.length > 1) {
      for (const leaf of leaves) {
        if (declaredUnits.every(([unit]) => !covered.get(unit)?.has(leaf.entry.code))) {
          missingEverywhere.add(leaf.entry.code);
          this.issues.push(
            issue("leaf_without_scores", leaf.path, { criterion: leaf.entry.code, unitCount: declaredUnits.length }),
          );
        }
      }
    }
    for (const [unit, index] of declaredUnits) {
      const has = covered.get(unit);
      const path = ["units", index];
      if (!has || has.size === 0) {
        this.issues.push(issue("unit_without_scores", path, { unit, leafCount: leaves.length }));
        continue;
      }
      const missing = leaves
        .map((leaf) => leaf.entry.code)
        .filter((code) => !has.has(code) && !missingEverywhere.has(code));
      if (missing.length > 0) {
        this.issues.push(issue("missing_scores", path, { unit, missing }));
      } else if (missingEverywhere.size === 0 && (applicable.get(unit) ?? 0) === 0) {
        // Index = achieved / applicable max: with nothing applicable there is nothing to divide by.
        this.issues.push(issue("all_not_applicable", path, { unit }));
      }
    }
  }

  // --- SIPAS ---------------------------------------------------------------------------------

  private sipas(raw: unknown, units: Declared): NormalizedSipas[] | undefined {
    const items = this.list(raw, ["sipas"], false);
    if (!items) return undefined;
    const firstRowOf = new Map<string, number>();
    const result: NormalizedSipas[] = [];
    items.forEach((item, i) => {
      const checked = this.fields(sipasSchema, item, ["sipas", i]);
      if (!checked) return;
      const { unit, index: rawIndex, responses, elements: rawElements } = checked.data;
      if (unit !== undefined) {
        if (!isDeclared(units, unit)) {
          this.issues.push(
            issue("unknown_unit", ["sipas", i, "unit"], {
              code: unit,
              rows: [i + 1],
              list: "sipas",
              didYouMean: closeMatch(unit, units.valid.keys()),
            }),
          );
        }
        const firstRow = firstRowOf.get(unit);
        if (firstRow !== undefined) {
          this.issues.push(issue("duplicate_sipas_unit", ["sipas", i, "unit"], { unit, firstRow }));
        } else {
          firstRowOf.set(unit, i + 1);
        }
      }
      const index = rawIndex === undefined ? null : this.index(rawIndex, ["sipas", i, "index"]);
      const seen = new Set<string>();
      const elements: NormalizedSipasElement[] = [];
      (rawElements ?? []).forEach((element, j) => {
        if (seen.has(element.code)) {
          this.issues.push(issue("duplicate_sipas_element", ["sipas", i, "elements", j, "code"], { code: element.code }));
        }
        seen.add(element.code);
        const elementIndex = this.index(element.index, ["sipas", i, "elements", j, "index"]);
        if (elementIndex !== null) elements.push({ code: element.code, index: elementIndex });
      });
      if (checked.complete && index !== null) {
        result.push({ unit: unit!, index, responses: responses!, elements });
      }
    });
    return result;
  }
}

interface UnitsState {
  /** Undefined when "units" is missing or not a list. */
  list: NormalizedUnit[] | undefined;
  declared: Declared;
}

/** The valid codes of a list field that failed as a whole, by position (undefined where invalid). */
function validCodesIn(item: unknown, key: string): (string | undefined)[] {
  const list = isObject(item) ? item[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.map((value) => {
    const parsed = codeSchema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  });
}

function fieldName(path: readonly PathSegment[]): string {
  return String([...path].reverse().find((s) => typeof s === "string") ?? "");
}

/**
 * One instance per code among the score rows: equal codes (after NFC and trimming, as the schema
 * normalizes them) are the same string, so 300,000 rows hold a few thousand strings.
 */
class CodeTable {
  private readonly normalized = new Map<string, string>();

  /** The schema's normalization of a code read from a row. */
  normalize(raw: string): string {
    let code = this.normalized.get(raw);
    if (code === undefined) {
      code = this.canonical(raw.normalize("NFC").trim());
      this.normalized.set(raw, code);
    }
    return code;
  }

  /** The shared instance of an already normalized code. */
  canonical(code: string): string {
    const known = this.normalized.get(code);
    if (known !== undefined) return known;
    this.normalized.set(code, code);
    return code;
  }
}

const NO_FAILED_FIELDS: ReadonlySet<string> = new Set();

/**
 * A score row whose fields all have the expected types is read here without zod, with exactly the
 * result zod would give (codes and reason NFC-normalized and trimmed). Anything else (a missing
 * code, an empty one, a wrong type) returns undefined and goes through the schema, so its messages
 * are the schema's.
 */
function quickScore(raw: unknown, codes: CodeTable): Fields<z.output<typeof scoreSchema>> | undefined {
  if (!isObject(raw)) return undefined;
  const { unit: rawUnit, criterion: rawCriterion, points, selfPoints, reason, notApplicable } = raw;
  if (typeof rawUnit !== "string" || typeof rawCriterion !== "string") return undefined;
  if (!isDecimalValue(points) || !isDecimalValue(selfPoints)) return undefined;
  if (reason != null && typeof reason !== "string") return undefined;
  if (notApplicable != null && typeof notApplicable !== "boolean") return undefined;
  const unit = codes.normalize(rawUnit);
  const criterion = codes.normalize(rawCriterion);
  if (unit === "" || criterion === "") return undefined;
  return {
    data: {
      unit,
      criterion,
      points,
      selfPoints,
      reason: typeof reason === "string" ? reason.normalize("NFC").trim() : reason,
      notApplicable,
    },
    failed: NO_FAILED_FIELDS,
    complete: true,
  };
}

/** What decimalValueSchema.nullish() accepts: null, undefined, a string or a finite number. */
function isDecimalValue(value: unknown): value is number | string | null | undefined {
  return value == null || typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}

/** Rows (0-based) per referenced code, in order of first use. */
class ReferenceTally {
  private readonly rows = new Map<string, number[]>();
  add(code: string, index: number): void {
    const list = this.rows.get(code);
    if (list) list.push(index);
    else this.rows.set(code, [index]);
  }
  entries(): IterableIterator<[string, number[]]> {
    return this.rows.entries();
  }
}

function leavesUnder(code: string, flat: readonly NormalizedCriterion[]): string[] {
  const inside = new Set([code]);
  const leaves: string[] = [];
  for (const node of flat) {
    // Tree order puts every descendant after its parent, so one pass finds the whole subtree.
    if (node.parentCode !== null && inside.has(node.parentCode)) {
      inside.add(node.code);
      if (node.isLeaf) leaves.push(node.code);
    }
  }
  return leaves;
}

/** A declared code that differs only in case, accents or separators: likely what was meant. */
function closeMatch(code: string, candidates: Iterable<string>): string | undefined {
  const key = looseKey(code);
  for (const candidate of candidates) if (candidate !== code && looseKey(candidate) === key) return candidate;
  return undefined;
}

function looseKey(code: string): string {
  return code
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
}

// =============================================================================================
// zod issues → bilingual issues

function translateZodIssue(zodIssue: z.core.$ZodIssue, root: unknown, base: PathSegment[]): ValidationIssue {
  const relative = zodIssue.path.filter((s): s is PathSegment => typeof s !== "symbol");
  const path = [...base, ...relative];
  const value = valueAt(root, relative);
  const field = [...path].reverse().find((s): s is string => typeof s === "string") ?? "";

  if (value === undefined) return issue("required", path, { field });
  const received = jsonType(value);
  switch (zodIssue.code) {
    case "invalid_type":
      if (zodIssue.message === SCHEMA_MESSAGE_KEYS.expectedCode) return issue("expected_code_string", path, { received });
      return issue("wrong_type", path, { expected: zodIssue.expected, received, value: scalarText(value) });
    case "invalid_union":
      if (zodIssue.message === SCHEMA_MESSAGE_KEYS.expectedDecimal) return issue("expected_decimal", path, { received });
      break;
    case "too_small":
      if (zodIssue.origin === "string") return issue("empty_text", path);
      if (zodIssue.origin === "array") return issue("too_few_items", path, { minimum: String(zodIssue.minimum) });
      return issue("number_too_small", path, { minimum: String(zodIssue.minimum) });
    case "too_big":
      return issue("number_too_big", path, { maximum: String(zodIssue.maximum) });
    case "invalid_value":
      return issue("invalid_option", path, {
        value: typeof value === "string" ? value : JSON.stringify(value) ?? String(value),
        options: zodIssue.values.map(String),
      });
    case "custom":
      if (zodIssue.message === SCHEMA_MESSAGE_KEYS.expectedIsoDate) {
        return issue("expected_iso_date", path, { value: String(value) });
      }
      if (zodIssue.message === SCHEMA_MESSAGE_KEYS.invalidCalendarDate) {
        return issue("invalid_calendar_date", path, { value: String(value) });
      }
      break;
  }
  return issue("invalid_value", path, { detail: zodIssue.message });
}

/** A short rendering of a scalar for a message ("got number 1.5"); nothing for lists and objects. */
function scalarText(value: unknown): string | undefined {
  return typeof value === "number" || typeof value === "string" ? String(value) : undefined;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number") current = current[segment];
    else if (isObject(current) && typeof segment === "string") {
      current = Object.prototype.hasOwnProperty.call(current, segment) ? current[segment] : undefined;
    } else return undefined;
  }
  return current;
}
