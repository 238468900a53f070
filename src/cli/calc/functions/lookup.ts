import { parseA1Ref, parseR1C1Ref } from "@borgar/fx";
import { ErrorCode } from "../../../runtime";
import { firstValue, intersect, operand } from "../compile";
import { MAX_COLS, MAX_ROWS, NotReady, State, Unsupported, type Sheet } from "../model";
import type { Ctx, FnDef } from "../types";
import {
  NA,
  REF,
  Ref,
  Union,
  VALUE,
  compare,
  err,
  isError,
  toBool,
  toNumber,
  toText,
  type Matrix,
  type Scalar,
  type Value,
} from "../values";
import { fn, integer, matrixOf, wildcard } from "./helpers";

/**
 * Lookup and reference functions (Microsoft's function reference for each). They return
 * references where Excel does (INDEX, OFFSET, INDIRECT), so `SUM(A1:INDEX(B:B,5))` works.
 */

/** A one-dimensional view of a lookup array: a single row or column. */
function vector(m: Matrix): Scalar[] | undefined {
  if (m.length === 1) return m[0]!;
  if (m[0]!.length === 1) return m.map((r) => r[0]!);
  return undefined;
}

const sameType = (a: Scalar, b: Scalar) =>
  (typeof a === "number" && typeof b === "number") ||
  (typeof a === "string" && typeof b === "string") ||
  (typeof a === "boolean" && typeof b === "boolean");

/**
 * Position (0-based) of `value` in `list`: mode 0 exact (text wildcards when `wild`), 1 the
 * largest <= value in ascending data (binary search, as Excel), -1 the smallest >= value in
 * descending data. -1 when not found.
 */
function position(value: Scalar, list: Scalar[], mode: number, wild: boolean): number {
  if (mode === 0) {
    if (wild && typeof value === "string" && /[*?~]/.test(value)) {
      const re = wildcard(value);
      return list.findIndex((v) => typeof v === "string" && re.test(v));
    }
    return list.findIndex((v) => v !== null && sameType(v, value) && compare(v, value) === 0);
  }
  // Binary search over the values of the lookup value's type, as Excel's approximate match.
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    let m = mid;
    while (m <= hi && !(list[m] !== null && sameType(list[m]!, value))) m++;
    if (m > hi) {
      hi = mid - 1;
      continue;
    }
    const c = compare(list[m]!, value);
    if (mode === 1 ? c <= 0 : c >= 0) {
      found = m;
      lo = m + 1;
    } else hi = mid - 1;
  }
  return found;
}

function matchFn([value, array, type]: [Scalar, Matrix, Scalar | undefined]): Value {
  const list = vector(array);
  if (!list) return NA("MATCH looks in one row or one column.");
  const t = type === undefined || type === null ? 1 : toNumber(type);
  if (isError(t)) return t;
  const i = position(value, list, Math.sign(t), true);
  return i < 0 ? NA("MATCH found no match.") : i + 1;
}

/** XMATCH/XLOOKUP: match_mode 0 exact, -1 exact or next smaller, 1 exact or next larger, 2 wildcard. */
function xposition(value: Scalar, list: Scalar[], matchMode: number, searchMode: number): number | undefined {
  const order =
    searchMode === -1 || searchMode === -2 ? list.map((_, i) => list.length - 1 - i) : list.map((_, i) => i);
  if (matchMode === 2 && typeof value === "string") {
    const re = wildcard(value);
    return order.find((i) => typeof list[i] === "string" && re.test(list[i] as string));
  }
  let best: number | undefined;
  for (const i of order) {
    const v = list[i]!;
    if (v === null || !sameType(v, value)) continue;
    const c = compare(v, value);
    if (c === 0) return i;
    if (matchMode === -1 && c < 0 && (best === undefined || compare(v, list[best]!) > 0)) best = i;
    if (matchMode === 1 && c > 0 && (best === undefined || compare(v, list[best]!) < 0)) best = i;
  }
  return best;
}

function modes(m: Scalar | undefined, s: Scalar | undefined): [number, number] | ReturnType<typeof VALUE> {
  const mm = m === undefined || m === null ? 0 : toNumber(m);
  const sm = s === undefined || s === null ? 1 : toNumber(s);
  if (isError(mm)) return mm;
  if (isError(sm)) return sm;
  if (![0, -1, 1, 2].includes(mm)) return VALUE("match_mode is 0, -1, 1 or 2.");
  if (![1, -1, 2, -2].includes(sm)) return VALUE("search_mode is 1, -1, 2 or -2.");
  return [mm, sm];
}

function xmatch([value, array, m, s]: [Scalar, Matrix, Scalar?, Scalar?]): Value {
  const list = vector(array);
  if (!list) return VALUE("XMATCH looks in one row or one column.");
  const md = modes(m, s);
  if (isError(md)) return md;
  const i = xposition(value, list, md[0], md[1]);
  return i === undefined ? NA("XMATCH found no match.") : i + 1;
}

function xlookup(args: [Scalar, Matrix, Matrix, Value?, Scalar?, Scalar?], ctx: Ctx): Value {
  const [value, lookup, results, notFound, m, s] = args;
  const list = vector(lookup);
  if (!list) return VALUE("XLOOKUP's lookup_array is one row or one column.");
  const md = modes(m, s);
  if (isError(md)) return md;
  const byRow = lookup[0]!.length === 1; // a column: return the matching row of results
  if (byRow ? results.length !== list.length : results[0]!.length !== list.length) {
    return VALUE("XLOOKUP's return_array does not match the size of lookup_array.");
  }
  const i = xposition(value, list, md[0], md[1]);
  if (i === undefined) {
    if (notFound !== undefined) return operand(notFound, true, ctx);
    return NA("XLOOKUP found no match.");
  }
  const out = byRow ? [results[i]!] : results.map((r) => [r[i]!]);
  return out.length === 1 && out[0]!.length === 1 ? out[0]![0]! : out;
}

function vlookup(horizontal: boolean) {
  return ([value, table, index, approx]: [Scalar, Matrix, Scalar, Scalar?]): Value => {
    const n = toNumber(index);
    if (isError(n)) return n;
    const k = Math.trunc(n);
    const width = horizontal ? table.length : table[0]!.length;
    if (k < 1) return VALUE("The index is at least 1.");
    if (k > width) return REF("The index is past the table's last column.");
    const a = approx === undefined || approx === null ? true : toBool(approx);
    if (isError(a)) return a;
    const keys = horizontal ? table[0]! : table.map((r) => r[0]!);
    const i = position(value, keys, a ? 1 : 0, !a);
    if (i < 0) return NA("No match.");
    return horizontal ? table[k - 1]![i]! : table[i]![k - 1]!;
  };
}

function index([source, row, col, area]: [Value, Scalar?, Scalar?, Scalar?], ctx: Ctx): Value {
  let target = source;
  if (target instanceof Union) {
    const a = integer(area ?? null, "area_num", 1);
    if (isError(a)) return a;
    target = target.refs[a - 1] ?? REF("area_num is past the last area.");
    if (isError(target)) return target;
  }
  const r = integer(row ?? null, "row_num", 0);
  const c = integer(col ?? null, "column_num", 0);
  if (isError(r)) return r;
  if (isError(c)) return c;
  if (r < 0 || c < 0) return VALUE("row_num and column_num are 0 or more.");
  if (target instanceof Ref) {
    const ref = target;
    // One row or column: a single index picks along it.
    let rr = r;
    let cc = c;
    if (col === undefined && ref.rows === 1 && ref.cols > 1) {
      cc = r;
      rr = 1;
    }
    if (rr > ref.rows || cc > ref.cols) return REF("INDEX is past the range.");
    const r0 = rr === 0 ? ref.r0 : ref.r0 + rr - 1;
    const r1 = rr === 0 ? ref.r1 : r0;
    const c0 = cc === 0 ? ref.c0 : ref.c0 + cc - 1;
    const c1 = cc === 0 ? ref.c1 : c0;
    return new Ref(ref.sheet, r0, c0, r1, c1);
  }
  const m = Array.isArray(target) ? target : [[target as Scalar]];
  let rr = r;
  let cc = c;
  if (col === undefined && m.length === 1 && m[0]!.length > 1) {
    cc = r;
    rr = 1;
  }
  if (rr > m.length || cc > m[0]!.length) return REF("INDEX is past the array.");
  if (rr === 0 && cc === 0) return m;
  if (rr === 0) return m.map((x) => [x[cc - 1]!]);
  if (cc === 0) return [m[rr - 1]!];
  return m[rr - 1]![cc - 1]!;
  void ctx;
}

function offset([base, rows, cols, height, width]: [Value, Scalar, Scalar, Scalar?, Scalar?]): Value {
  if (!(base instanceof Ref)) return VALUE("OFFSET starts from a reference.");
  const dr = integer(rows, "rows", 0);
  const dc = integer(cols, "cols", 0);
  const h = integer(height ?? null, "height", base.rows);
  const w = integer(width ?? null, "width", base.cols);
  for (const v of [dr, dc, h, w]) if (isError(v)) return v;
  if ((h as number) < 1 || (w as number) < 1) return REF("OFFSET's height and width are at least 1.");
  const r0 = base.r0 + (dr as number);
  const c0 = base.c0 + (dc as number);
  const r1 = r0 + (h as number) - 1;
  const c1 = c0 + (w as number) - 1;
  if (r0 < 1 || c0 < 1 || r1 > MAX_ROWS || c1 > MAX_COLS) return REF("OFFSET falls off the sheet.");
  return new Ref(base.sheet, r0, c0, r1, c1);
}

function indirect([text, a1]: [Scalar, Scalar?], ctx: Ctx): Value {
  const t = toText(text);
  if (isError(t)) return t;
  const style = a1 === undefined || a1 === null ? true : toBool(a1);
  if (isError(style)) return style;
  const parsed = (style ? parseA1Ref(t) : parseR1C1Ref(t)) as
    { context?: string[]; range?: Record<string, number | boolean | null>; name?: string } | undefined;
  if (!parsed) return REF(`INDIRECT: "${t}" is not a reference.`);
  const context = parsed.context ?? [];
  if (context.length > 1 || /^\[/.test(t)) throw new Unsupported(`INDIRECT("${t}") reads another workbook`);
  const sheet = context[0] === undefined ? ctx.sheet : ctx.wb.sheet(context[0]);
  if (!sheet) return REF(`INDIRECT: no sheet named "${context[0]}".`);
  if (parsed.name) {
    const def = ctx.wb.name(parsed.name, ctx.sheet, context[0] === undefined ? undefined : sheet);
    if (!def?.formula) return REF(`INDIRECT: no name "${parsed.name}".`);
    return def.formula.run(ctx) as Value;
  }
  const r = parsed.range!;
  const pos = (v: unknown, abs: unknown, at: number, whole: number) =>
    v === null || v === undefined ? whole : style || abs ? (v as number) + 1 : at + (v as number);
  const top = style ? ("top" in r ? r.top : r.r0) : r.r0;
  const bottom = style ? ("bottom" in r ? r.bottom : r.r1) : r.r1;
  const left = style ? ("left" in r ? r.left : r.c0) : r.c0;
  const right = style ? ("right" in r ? r.right : r.c1) : r.c1;
  const r0 = pos(top, style ? true : r.$r0, ctx.row, 1);
  const r1 = pos(bottom, style ? true : r.$r1, ctx.row, MAX_ROWS);
  const c0 = pos(left, style ? true : r.$c0, ctx.col, 1);
  const c1 = pos(right, style ? true : r.$c1, ctx.col, MAX_COLS);
  if (r0 < 1 || c0 < 1 || r1 > MAX_ROWS || c1 > MAX_COLS) return REF("INDIRECT points off the sheet.");
  return new Ref(sheet, Math.min(r0, r1), Math.min(c0, c1), Math.max(r0, r1), Math.max(c0, c1));
}

function rowOrColumn(which: "row" | "col") {
  return ([ref]: [Value?], ctx: Ctx): Value => {
    if (ref === undefined) return which === "row" ? ctx.row : ctx.col;
    if (!(ref instanceof Ref)) return VALUE(`${which === "row" ? "ROW" : "COLUMN"} takes a reference.`);
    if (which === "row") return ref.rows === 1 ? ref.r0 : Array.from({ length: ref.rows }, (_, i) => [ref.r0 + i]);
    return ref.cols === 1 ? ref.c0 : [Array.from({ length: ref.cols }, (_, i) => ref.c0 + i)];
  };
}

function size(which: "rows" | "cols") {
  return ([v]: [Value], ctx: Ctx): Value => {
    if (v instanceof Ref) return which === "rows" ? v.rows : v.cols;
    const m = matrixOf(v, ctx);
    if (isError(m)) return m;
    return which === "rows" ? m.length : m[0]!.length;
  };
}

function anchorArray([v]: [Value], ctx: Ctx): Value {
  if (!(v instanceof Ref) || !v.isCell) return REF("ANCHORARRAY takes a cell.");
  const owner = (v.sheet as Sheet).owner(v.r0, v.c0);
  if (owner && owner !== ctx.cell && owner.state !== State.Done) throw new NotReady(owner);
  if (!owner?.spill || owner.row !== v.r0 || owner.col !== v.c0) return REF("No spilled array there.");
  const s = owner.spill;
  return new Ref(v.sheet, s.r0, s.c0, s.r1, s.c1);
}

function transpose([m]: [Matrix]): Value {
  return m[0]!.map((_, j) => m.map((row) => row[j]!));
}

export const LOOKUP: Record<string, FnDef> = {
  MATCH: fn(2, 3, ["scalar", "array", "scalar"], matchFn as never),
  XMATCH: fn(2, 4, ["scalar", "array", "scalar"], xmatch as never),
  XLOOKUP: fn(3, 6, ["scalar", "array", "array", "any", "scalar"], xlookup as never),
  VLOOKUP: fn(3, 4, ["scalar", "array", "scalar"], vlookup(false) as never),
  HLOOKUP: fn(3, 4, ["scalar", "array", "scalar"], vlookup(true) as never),
  LOOKUP: fn(2, 3, ["scalar", "array", "array"], (([value, lookup, result]: [Scalar, Matrix, Matrix?]) => {
    const keys = vector(lookup) ?? (lookup.length >= lookup[0]!.length ? lookup.map((r) => r[0]!) : lookup[0]!);
    const i = position(value, keys, 1, false);
    if (i < 0) return NA("LOOKUP found no match.");
    const values = result
      ? vector(result)
      : (vector(lookup) ??
        (lookup.length >= lookup[0]!.length ? lookup.map((r) => r[r.length - 1]!) : lookup[lookup.length - 1]!));
    return values?.[i] ?? NA();
  }) as never),
  INDEX: fn(2, 4, ["any", "scalar"], index as never, { noLift: true }),
  OFFSET: fn(3, 5, ["ref", "scalar"], offset as never, { volatile: true, noLift: true }),
  INDIRECT: fn(1, 2, ["scalar"], indirect as never, { volatile: true, noLift: true }),
  ROW: fn(0, 1, ["ref"], rowOrColumn("row") as never),
  COLUMN: fn(0, 1, ["ref"], rowOrColumn("col") as never),
  ROWS: fn(1, 1, ["any"], size("rows") as never),
  COLUMNS: fn(1, 1, ["any"], size("cols") as never),
  TRANSPOSE: fn(1, 1, ["array"], transpose as never),
  ANCHORARRAY: fn(1, 1, ["ref"], anchorArray as never),
  SINGLE: fn(1, 1, ["any"], (([v]: [Value], ctx: Ctx) =>
    v instanceof Ref ? intersect(v, ctx) : firstValue(v, ctx)) as never),
};

export { err, ErrorCode };
