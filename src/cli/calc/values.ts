import { ErrorCode, ExcelError } from "../../runtime";

/**
 * Values of the formula engine, with Excel's conversion rules.
 *
 * - A scalar is a number, text, boolean, an Excel error, or null for an empty cell.
 * - A matrix is a non-empty rectangle of scalars, row by row (an array constant, a spill).
 * - A reference is a rectangle of cells on one sheet, resolved lazily: functions such as SUM
 *   treat cells differently from values typed as arguments, and INDEX or OFFSET return
 *   references, so a reference stays one until something needs its values.
 */
export type Scalar = number | string | boolean | ExcelError | null;
export type Matrix = Scalar[][];

/** What a reference points into: the engine's sheet (see ./model). */
export interface SheetLike {
  readonly name: string;
  readonly index: number;
}

export class Ref {
  constructor(
    readonly sheet: SheetLike,
    readonly r0: number,
    readonly c0: number,
    readonly r1: number,
    readonly c1: number,
  ) {}

  get rows(): number {
    return this.r1 - this.r0 + 1;
  }

  get cols(): number {
    return this.c1 - this.c0 + 1;
  }

  get isCell(): boolean {
    return this.r0 === this.r1 && this.c0 === this.c1;
  }
}

/** A union of references, as in `SUM((A1:A3,C1:C3))`. */
export class Union {
  constructor(readonly refs: readonly Ref[]) {}
}

export type Value = Scalar | Matrix | Ref | Union;

export const err = (code: ExcelError["code"], message?: string): ExcelError => new ExcelError(code, message);
export const VALUE = (message?: string) => err(ErrorCode.invalidValue, message);
export const NA = (message?: string) => err(ErrorCode.notAvailable, message);
export const NUM = (message?: string) => err(ErrorCode.invalidNumber, message);
export const DIV0 = () => err(ErrorCode.divisionByZero);
export const REF = (message?: string) => err(ErrorCode.invalidReference, message);
export const NAME = (message?: string) => err(ErrorCode.invalidName, message);

export const isMatrix = (v: Value): v is Matrix => Array.isArray(v);
export const isError = (v: unknown): v is ExcelError => v instanceof ExcelError;

/** A number as a finite cell value, or #NUM!. */
export function finite(n: number): number | ExcelError {
  return Number.isFinite(n) ? n : NUM();
}

/**
 * Text to a number as Excel reads typed text: "1,234.5", " 12 ", "50%", "1E3", "$5", "(3)".
 * Undefined when the text is not a number. Dates typed as text are not read here.
 */
export function parseNumber(text: string): number | undefined {
  let s = text.trim();
  if (s === "") return undefined;
  let scale = 1;
  let sign = 1;
  if (s.startsWith("(") && s.endsWith(")")) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  if (s.endsWith("%")) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(/^([+-]?)\$/, "$1");
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?([eE][+-]?\d+)?$/.test(s) && /\d/.test(s)) {
    const n = Number(s.replace(/,/g, ""));
    if (Number.isFinite(n)) return sign * n * scale;
  }
  return undefined;
}

/** A scalar as a number (Excel's implicit conversion): TRUE is 1, empty 0, numeric text its number. */
export function toNumber(v: Scalar): number | ExcelError {
  if (typeof v === "number") return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof ExcelError) return v;
  const n = parseNumber(v);
  return n === undefined ? VALUE(`"${v.length > 40 ? `${v.slice(0, 40)}...` : v}" is not a number.`) : n;
}

/** A number as Excel turns it into text (General format, 15 significant digits). */
export function numberToText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const p = Number(n.toPrecision(15));
  return String(p).replace("e", "E");
}

export function toText(v: Scalar): string | ExcelError {
  if (typeof v === "string") return v;
  if (v === null) return "";
  if (typeof v === "number") return numberToText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

export function toBool(v: Scalar): boolean | ExcelError {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === null) return false;
  if (v instanceof ExcelError) return v;
  const u = v.trim().toUpperCase();
  if (u === "TRUE") return true;
  if (u === "FALSE") return false;
  return VALUE(`"${v}" is not TRUE or FALSE.`);
}

/** Excel's order of types in comparisons: numbers < text < booleans; empty takes the other's type. */
function rank(v: Scalar): number {
  return typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;
}

/**
 * Compares two scalars as Excel's = < > operators do: text ignores case, an empty cell equals 0,
 * "" and FALSE. Returns negative, zero or positive; errors are handled by the caller.
 */
export function compare(a: Scalar, b: Scalar): number {
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "number") return a - (b as number);
  if (typeof a === "string") {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return (a ? 1 : 0) - ((b as boolean) ? 1 : 0);
}

/** Dimensions of a matrix. */
export const dims = (m: Matrix): [number, number] => [m.length, m[0]!.length];

/** Every element of a matrix through `f`, keeping its shape. */
export function mapMatrix(m: Matrix, f: (v: Scalar) => Scalar): Matrix {
  return m.map((row) => row.map(f));
}

/**
 * Two operands broadcast as Excel broadcasts arrays: a scalar or a single row/column stretches;
 * elements outside a smaller array are #N/A.
 */
export function broadcast(a: Scalar | Matrix, b: Scalar | Matrix, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (!Array.isArray(a) && !Array.isArray(b)) return f(a, b);
  const ma = Array.isArray(a) ? a : [[a]];
  const mb = Array.isArray(b) ? b : [[b]];
  const [ra, ca] = dims(ma);
  const [rb, cb] = dims(mb);
  const rows = Math.max(ra, rb);
  const cols = Math.max(ca, cb);
  const out: Matrix = [];
  for (let i = 0; i < rows; i++) {
    const row: Scalar[] = [];
    for (let j = 0; j < cols; j++) {
      const x = pick(ma, ra, ca, i, j);
      const y = pick(mb, rb, cb, i, j);
      row.push(x === undefined || y === undefined ? NA() : f(x, y));
    }
    out.push(row);
  }
  return out;
}

function pick(m: Matrix, rows: number, cols: number, i: number, j: number): Scalar | undefined {
  const r = rows === 1 ? 0 : i;
  const c = cols === 1 ? 0 : j;
  if (r >= rows || c >= cols) return undefined;
  return m[r]![c]!;
}

/** A matrix with one element is that element. */
export function collapse(m: Matrix): Scalar | Matrix {
  return m.length === 1 && m[0]!.length === 1 ? m[0]![0]! : m;
}

/** Excel date serials (1900 system; 1900-02-29 exists, as in Excel) to and from UTC dates. */
export function serialToDate(serial: number, date1904 = false): Date {
  const days = Math.floor(serial + (date1904 ? 1462 : 0));
  // Serial 60 is Excel's 1900-02-29; before it, serials are one day ahead of a real calendar.
  const offset = days < 60 ? 1 : 0;
  return new Date(Date.UTC(1899, 11, 30 + days + offset));
}

export function dateToSerial(date: Date, date1904 = false): number {
  const days = Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
  const serial = days < 61 ? days - 1 : days;
  return date1904 ? serial - 1462 : serial;
}
