/**
 * Compares two plain decimal strings ("85.86", "100", "-1.5") exactly, without turning them into
 * binary floating point, where values that differ in a far decimal place can compare equal. Used
 * where a browser sorts published scores: it should not have to download a decimal library for that.
 */
export function compareDecimalStrings(a: string, b: string): number {
  const x = parsePlainDecimal(a);
  const y = parsePlainDecimal(b);
  if (x.negative !== y.negative) return x.negative ? -1 : 1;
  const magnitude = compareMagnitudes(x, y);
  return x.negative ? -magnitude : magnitude;
}

type PlainDecimal = { negative: boolean; integer: string; fraction: string };

const PLAIN_DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

export class InvalidDecimalStringError extends Error {
  readonly code = "INVALID_DECIMAL_STRING";
  constructor(value: string) {
    super(`Not a plain decimal string: "${value}"`);
    this.name = "InvalidDecimalStringError";
  }
}

function parsePlainDecimal(value: string): PlainDecimal {
  const match = PLAIN_DECIMAL.exec(value.trim());
  if (!match) throw new InvalidDecimalStringError(value);
  const integer = (match[2] ?? "").replace(/^0+(?=\d)/, "");
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  // −0 and +0 are the same number.
  const negative = match[1] === "-" && !(integer === "0" && fraction === "");
  return { negative, integer, fraction };
}

function compareMagnitudes(x: PlainDecimal, y: PlainDecimal): number {
  if (x.integer.length !== y.integer.length) return x.integer.length < y.integer.length ? -1 : 1;
  if (x.integer !== y.integer) return x.integer < y.integer ? -1 : 1;
  const width = Math.max(x.fraction.length, y.fraction.length);
  const xf = x.fraction.padEnd(width, "0");
  const yf = y.fraction.padEnd(width, "0");
  return xf === yf ? 0 : xf < yf ? -1 : 1;
}
