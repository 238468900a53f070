import { EXCEL_ERRORS, ErrorCode, ExcelError } from "../../../runtime";
import { arrayArg } from "../compile";
import { Unsupported, type Sheet } from "../model";
import type { Ctx, FnDef, Kind, Out } from "../types";
import {
  NUM,
  Ref,
  Union,
  VALUE,
  compare,
  dateToSerial,
  err,
  isError,
  parseNumber,
  toNumber,
  type Matrix,
  type Scalar,
  type Value,
} from "../values";

/** A function definition: arity, argument kinds (the last repeats), implementation. */
export function fn(
  min: number,
  max: number,
  kinds: Kind[],
  impl: (args: any, ctx: Ctx) => Out,
  options: { passErrors?: boolean; noLift?: boolean; volatile?: boolean } = {},
): FnDef {
  return { min, max, kinds, impl, ...options };
}

/** The cells of reference arguments and the values of the others, in order, for aggregates. */
export interface Collected {
  /** A value typed as an argument (converted as Excel converts it) or read from a cell/array. */
  (value: Scalar, direct: boolean): void;
}

/**
 * Walks aggregate arguments as SUM does: values typed directly are converted (TRUE is 1, "3" is
 * 3, "x" is #VALUE!); cells of references and elements of arrays are taken as they are.
 * Returns the first error met, if any.
 */
export function walk(args: Value[], ctx: Ctx, f: Collected): ExcelError | undefined {
  for (const a of args) {
    if (a === undefined) continue;
    if (a instanceof Ref) {
      let bad: ExcelError | undefined;
      ctx.wb.each(a, ctx.cell, (v) => {
        if (!bad) {
          if (isError(v)) bad = v;
          else f(v, false);
        }
      });
      if (bad) return bad;
    } else if (a instanceof Union) {
      const bad = walk([...a.refs], ctx, f);
      if (bad) return bad;
    } else if (Array.isArray(a)) {
      for (const row of a) {
        for (const v of row) {
          if (isError(v)) return v;
          if (v !== null) f(v, false);
        }
      }
    } else {
      if (isError(a)) return a;
      f(a, true);
    }
  }
  return undefined;
}

/** Numbers for statistics: from cells and arrays only numbers; typed values converted. */
export function numbers(args: Value[], ctx: Ctx): number[] | ExcelError {
  const out: number[] = [];
  let bad: ExcelError | undefined;
  const e = walk(args, ctx, (v, direct) => {
    if (typeof v === "number") out.push(v);
    else if (direct) {
      const n = toNumber(v);
      if (isError(n)) bad ??= n;
      else out.push(n);
    }
  });
  return e ?? bad ?? out;
}

/** Every element of a matrix, row by row. */
export function flat(m: Matrix): Scalar[] {
  const out: Scalar[] = [];
  for (const row of m) for (const v of row) out.push(v);
  return out;
}

/** A scalar argument as an integer >= min, or an error naming the argument. */
export function integer(v: Scalar | undefined, name: string, dflt?: number): number | ExcelError {
  if (v === undefined || v === null) {
    if (dflt !== undefined) return dflt;
    return VALUE(`${name} is required.`);
  }
  const n = toNumber(v);
  if (isError(n)) return n;
  return Math.trunc(n);
}

export function num(v: Scalar | undefined, dflt = 0): number | ExcelError {
  if (v === undefined || v === null) return dflt;
  return toNumber(v);
}

/** Values of a matrix-kind argument that must be one. */
export function matrixOf(v: Value, ctx: Ctx): Matrix | ExcelError {
  return arrayArg(v, ctx);
}

/**
 * Excel's criteria (SUMIF, COUNTIFS...): "=5", ">=2", "<>x", "a*", "~*", a number, "" (blank).
 * Text compares ignoring case with * and ? wildcards; numbers compare as numbers.
 */
export function criterion(c: Scalar): (v: Scalar) => boolean {
  if (isError(c)) return (v) => isError(v) && v.code === c.code;
  if (typeof c === "number" || typeof c === "boolean") {
    return (v) => (typeof c === "number" ? typeof v === "number" && v === c : v === c);
  }
  if (c === null) return (v) => v === 0; // a blank criterion cell means = 0 in Excel
  const m = /^(<=|>=|<>|=|<|>)?(.*)$/s.exec(c)!;
  const op = m[1] ?? "=";
  const text = m[2]!;
  const n = parseNumber(text);
  const upper = text.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") {
    const b = upper === "TRUE";
    return (v) => (op === "<>" ? v !== b : op === "=" ? v === b : false);
  }
  if (op === "=" || op === "<>") {
    let test: (v: Scalar) => boolean;
    if (text === "") test = (v) => v === null || v === "";
    else if (n !== undefined)
      test = (v) => (typeof v === "number" ? v === n : typeof v === "string" && parseNumber(v) === n);
    else {
      const re = wildcard(text);
      test = (v) => typeof v === "string" && re.test(v);
    }
    return op === "=" ? test : (v) => !test(v);
  }
  const cmp = (v: Scalar): number | undefined => {
    if (n !== undefined) return typeof v === "number" ? v - n : undefined;
    return typeof v === "string" ? compare(v, text) : undefined;
  };
  const ok: Record<string, (d: number) => boolean> = {
    "<": (d) => d < 0,
    ">": (d) => d > 0,
    "<=": (d) => d <= 0,
    ">=": (d) => d >= 0,
  };
  return (v) => {
    const d = cmp(v);
    return d !== undefined && ok[op]!(d);
  };
}

/** A case-insensitive whole-text pattern for Excel wildcards (* ? and ~ to escape). */
export function wildcard(text: string): RegExp {
  let re = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "~" && i + 1 < text.length) re += escapeRe(text[++i]!);
    else if (ch === "*") re += "[\\s\\S]*";
    else if (ch === "?") re += "[\\s\\S]";
    else re += escapeRe(ch);
  }
  return new RegExp(`^${re}$`, "i");
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A range argument of a *IFS function: its cells as a matrix, and its shape. */
export function rangeValues(v: Value, ctx: Ctx): Matrix | ExcelError {
  if (v instanceof Ref) {
    // Criteria ranges keep their full shape (cut to the used range, like every range here).
    return ctx.wb.values(v, ctx.cell);
  }
  if (Array.isArray(v)) return v;
  return VALUE("A criteria range must be a range.");
}

/** The values a library function returns, as cell values: dates to serials, errors to Excel errors. */
export function fromLibrary(v: unknown, date1904: boolean): Value {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? VALUE() : dateToSerial(v, date1904);
  if (v instanceof ExcelError) return v;
  if (v instanceof Error) {
    const code = v.message as ExcelError["code"];
    return new ExcelError(
      ["#VALUE!", "#N/A", "#NUM!", "#DIV/0!", "#NULL!", "#NAME?", "#REF!"].includes(code)
        ? code
        : ErrorCode.invalidValue,
    );
  }
  if (typeof v === "number") return Number.isFinite(v) ? v : NUM();
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v === null || v === undefined) return 0;
  if (Array.isArray(v)) {
    const rows = (v.every(Array.isArray) ? v : [v]) as unknown[][];
    const width = rows[0]?.length ?? 0;
    if (rows.length === 0 || width === 0) return err(EXCEL_ERRORS.calc);
    return rows.map((r) => {
      const row = r.map((x) => fromLibrary(x, date1904) as Scalar);
      while (row.length < width) row.push(err(ErrorCode.notAvailable));
      return row;
    });
  }
  return VALUE();
}

export function sheetOfRef(ref: Ref): Sheet {
  return ref.sheet as Sheet;
}

export { Unsupported };
