import { UseCaseError } from "@/lib/domain/use-case-error";

// PostgreSQL text cannot hold U+0000, and UTF-8 cannot carry half of a surrogate pair: the driver
// turns it into U+FFFD (stored as something else than typed) and jsonb refuses it outright. Such a
// string typed or forged into any form, address or file would otherwise end as a database error
// (a 500 page, an "unexpected" form) or as silently changed text. One check here, at the only
// door to the database, rather than in each of the hundreds of fields that take text.

const WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert"]);
/** The parts of a write's arguments that become stored values. */
const STORED_KEYS = new Set(["data", "create", "update"]);

export class UnstorableTextError extends UseCaseError<"invalid_text"> {
  constructor() {
    super(
      "invalid_text",
      "Nội dung có ký tự không lưu được (ký tự rỗng NUL hoặc nửa ký tự Unicode). Vui lòng xóa ký tự đó rồi thử lại.",
      "The text holds a character that cannot be stored (a NUL character or half of a Unicode character). Please remove it and try again.",
    );
  }
}

const isUnstorable = (text: string) => text.includes("\u0000") || !text.isWellFormed();

function isPlain(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function holdsUnstorable(value: unknown): boolean {
  if (typeof value === "string") return isUnstorable(value);
  if (!isPlain(value)) return false;
  return (Array.isArray(value) ? value : Object.values(value)).some(holdsUnstorable);
}

/** Text made storable where it is a record of what was asked (an audit row), not a value to keep exactly. */
export function storableText(text: string): string {
  return isUnstorable(text) ? text.toWellFormed().replaceAll("\u0000", "\ufffd") : text;
}

/**
 * A condition's text as compared: a stored value never holds these characters, so comparing them as
 * U+FFFD (which no write here stores in their place) finds what the condition would have: nothing.
 */
function comparable(value: unknown): unknown {
  if (typeof value === "string") return storableText(value);
  if (!isPlain(value)) return value;
  if (Array.isArray(value)) return value.some(holdsUnstorable) ? value.map(comparable) : value;
  return holdsUnstorable(value) ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, comparable(inner)])) : value;
}

/** The values a raw query sends: a tagged template's (Prisma.Sql) or an unsafe query's after its text. */
function rawValues(args: unknown): unknown[] {
  if (Array.isArray(args)) return args.slice(1);
  const values = (args as { values?: unknown } | null)?.values;
  return Array.isArray(values) ? values : [];
}

/**
 * A query's arguments made safe to send: a write that would store such text is refused with a
 * message in both languages (before anything is written, so a transaction rolls back whole); a
 * read compares it as text that matches nothing. A raw query (row locks, bulk inserts) cannot be
 * told a read from a write, so it is refused too.
 */
export function withStorableText(operation: string, args: unknown): unknown {
  if (operation.startsWith("$")) {
    if (rawValues(args).some(holdsUnstorable)) throw new UnstorableTextError();
    return args;
  }
  if (!isPlain(args) || Array.isArray(args) || !holdsUnstorable(args)) return args;
  if (WRITES.has(operation) && Object.entries(args).some(([key, value]) => STORED_KEYS.has(key) && holdsUnstorable(value))) {
    throw new UnstorableTextError();
  }
  return comparable(args);
}
