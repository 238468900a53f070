import { EXCEL_ERRORS, ErrorCode } from "../../../runtime";
import { operand } from "../compile";
import type { Ctx, FnDef } from "../types";
import { VALUE, compare, err, isError, toBool, toNumber, type Matrix, type Scalar, type Value } from "../values";
import { fn, integer } from "./helpers";

/**
 * Dynamic-array functions (FILTER, SORT, SORTBY, UNIQUE, SEQUENCE, TAKE, DROP, stacking), after
 * Microsoft's reference. @formulajs/formulajs lacks FILTER and SEQUENCE and its UNIQUE compares
 * rows by identity, so these are the engine's own.
 */
const CALC = (message: string) => err(EXCEL_ERRORS.calc, message);

function filter([array, include, ifEmpty]: [Matrix, Matrix, Value?], ctx: Ctx): Value {
  const byRow = include[0]!.length === 1 && include.length === array.length;
  const byCol = include.length === 1 && include[0]!.length === array[0]!.length;
  if (!byRow && !byCol) return VALUE("FILTER's include must match the array's height or width.");
  const keep: boolean[] = [];
  for (const v of byRow ? include.map((r) => r[0]!) : include[0]!) {
    if (isError(v)) return v;
    const b = toBool(v);
    if (isError(b)) return b;
    keep.push(b);
  }
  const out = byRow ? array.filter((_, i) => keep[i]) : array.map((r) => r.filter((_, j) => keep[j]));
  if (out.length === 0 || out[0]!.length === 0) {
    if (ifEmpty !== undefined) return operand(ifEmpty, true, ctx);
    return CALC("FILTER kept nothing.");
  }
  return out;
}

function order(a: Scalar, b: Scalar): number {
  // Excel sorts numbers < text < booleans < errors; blanks last.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (isError(a) || isError(b)) return isError(a) === isError(b) ? 0 : isError(a) ? 1 : -1;
  return compare(a, b);
}

function sortRows(rows: Scalar[][], keys: Scalar[][], orders: number[]): Scalar[][] {
  const idx = rows.map((_, i) => i);
  idx.sort((x, y) => {
    for (let k = 0; k < orders.length; k++) {
      const c = order(keys[x]![k]!, keys[y]![k]!);
      if (c !== 0) return c * orders[k]!;
    }
    return x - y;
  });
  return idx.map((i) => rows[i]!);
}

const transpose = (m: Matrix): Matrix => m[0]!.map((_, j) => m.map((r) => r[j]!));

function sort([array, index, sortOrder, byCol]: [Matrix, Scalar?, Scalar?, Scalar?]): Value {
  const cols = byCol === undefined || byCol === null ? false : toBool(byCol);
  if (isError(cols)) return cols;
  const m = cols ? transpose(array) : array;
  const i = integer(index ?? null, "sort_index", 1);
  const o = integer(sortOrder ?? null, "sort_order", 1);
  if (isError(i)) return i;
  if (isError(o)) return o;
  if (i < 1 || i > m[0]!.length) return VALUE("sort_index is past the array.");
  if (o !== 1 && o !== -1) return VALUE("sort_order is 1 or -1.");
  const sorted = sortRows(
    m,
    m.map((r) => [r[i - 1]!]),
    [o],
  );
  return cols ? transpose(sorted) : sorted;
}

function sortby(args: (Matrix | Scalar | undefined)[]): Value {
  const array = args[0] as Matrix;
  const keys: Scalar[][] = array.map(() => []);
  const orders: number[] = [];
  for (let k = 1; k < args.length; k += 2) {
    const by = args[k] as Matrix;
    const col = by[0]!.length === 1 ? by.map((r) => r[0]!) : undefined;
    if (!col || col.length !== array.length) return VALUE("SORTBY sorts rows by columns of the same height.");
    col.forEach((v, i) => keys[i]!.push(v));
    const o = integer((args[k + 1] as Matrix | undefined)?.[0]?.[0] ?? null, "sort_order", 1);
    if (isError(o)) return o;
    orders.push(o);
  }
  return sortRows(array, keys, orders);
}

function unique([array, byCol, exactlyOnce]: [Matrix, Scalar?, Scalar?]): Value {
  const cols = byCol === undefined || byCol === null ? false : toBool(byCol);
  const once = exactlyOnce === undefined || exactlyOnce === null ? false : toBool(exactlyOnce);
  if (isError(cols)) return cols;
  if (isError(once)) return once;
  const m = cols ? transpose(array) : array;
  const key = (r: Scalar[]) =>
    JSON.stringify(r.map((v) => (typeof v === "string" ? `s${v.toLowerCase()}` : isError(v) ? `e${v.code}` : v)));
  const counts = new Map<string, number>();
  for (const r of m) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  const seen = new Set<string>();
  const out = m.filter((r) => {
    const k = key(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return !once || counts.get(k) === 1;
  });
  if (out.length === 0) return CALC("UNIQUE found no value that occurs once.");
  return cols ? transpose(out) : out;
}

function sequence([rows, cols, start, step]: Scalar[]): Value {
  const r = integer(rows ?? null, "rows", 1);
  const c = integer(cols ?? null, "columns", 1);
  const s = start === undefined || start === null ? 1 : toNumber(start);
  const d = step === undefined || step === null ? 1 : toNumber(step);
  for (const v of [r, c, s, d]) if (isError(v)) return v;
  if ((r as number) < 1 || (c as number) < 1) return CALC("SEQUENCE needs at least one row and one column.");
  if ((r as number) * (c as number) > 10_000_000) return VALUE("SEQUENCE is too large.");
  const out: Matrix = [];
  for (let i = 0; i < (r as number); i++) {
    const row: Scalar[] = [];
    for (let j = 0; j < (c as number); j++) row.push((s as number) + (i * (c as number) + j) * (d as number));
    out.push(row);
  }
  return out;
}

function takeDrop(kind: "take" | "drop") {
  return ([array, rows, cols]: [Matrix, Scalar?, Scalar?]): Value => {
    let m = array;
    const pick = (len: number, n: number) => {
      if (kind === "take") return n >= 0 ? [0, Math.min(n, len)] : [Math.max(0, len + n), len];
      return n >= 0 ? [Math.min(n, len), len] : [0, Math.max(0, len + n)];
    };
    if (rows !== undefined && rows !== null) {
      const n = integer(rows, "rows");
      if (isError(n)) return n;
      const [a, b] = pick(m.length, n);
      m = m.slice(a, b);
    }
    if (cols !== undefined && cols !== null && m.length) {
      const n = integer(cols, "columns");
      if (isError(n)) return n;
      const [a, b] = pick(m[0]!.length, n);
      m = m.map((r) => r.slice(a, b));
    }
    if (m.length === 0 || m[0]!.length === 0) return CALC(`${kind.toUpperCase()} left an empty array.`);
    return m;
  };
}

function stack(kind: "h" | "v") {
  return (arrays: Matrix[]): Value => {
    if (kind === "v") {
      const width = Math.max(...arrays.map((m) => m[0]!.length));
      return arrays.flatMap((m) =>
        m.map((r) => [...r, ...Array<Scalar>(width - r.length).fill(err(ErrorCode.notAvailable))]),
      );
    }
    const height = Math.max(...arrays.map((m) => m.length));
    return Array.from({ length: height }, (_, i) =>
      arrays.flatMap((m) => m[i] ?? Array<Scalar>(m[0]!.length).fill(err(ErrorCode.notAvailable))),
    );
  };
}

function choose(kind: "rows" | "cols") {
  return (args: (Matrix | Scalar)[]): Value => {
    const m = kind === "rows" ? (args[0] as Matrix) : transpose(args[0] as Matrix);
    const out: Matrix = [];
    for (const a of args.slice(1)) {
      const n = integer(a as Scalar, "index");
      if (isError(n)) return n;
      const i = n < 0 ? m.length + n : n - 1;
      if (n === 0 || i < 0 || i >= m.length) return VALUE("The index is outside the array.");
      out.push(m[i]!);
    }
    return kind === "rows" ? out : transpose(out);
  };
}

function toVector(kind: "col" | "row") {
  return ([array, ignore]: [Matrix, Scalar?]): Value => {
    const mode = integer(ignore ?? null, "ignore", 0);
    if (isError(mode)) return mode;
    const values = array
      .flat()
      .filter((v) => !((mode === 1 || mode === 3) && v === null) && !((mode === 2 || mode === 3) && isError(v)));
    if (values.length === 0) return CALC("Nothing left.");
    return kind === "col" ? values.map((v) => [v]) : [values];
  };
}

export const ARRAYS: Record<string, FnDef> = {
  FILTER: fn(2, 3, ["array", "array", "any"], filter as never),
  SORT: fn(1, 4, ["array", "scalar"], sort as never, { noLift: true }),
  SORTBY: fn(2, 255, ["array"], ((args: unknown[]) => sortby(args as never)) as never),
  UNIQUE: fn(1, 3, ["array", "scalar"], unique as never, { noLift: true }),
  SEQUENCE: fn(1, 4, ["scalar"], sequence as never, { noLift: true }),
  TAKE: fn(2, 3, ["array", "scalar"], takeDrop("take") as never, { noLift: true }),
  DROP: fn(2, 3, ["array", "scalar"], takeDrop("drop") as never, { noLift: true }),
  HSTACK: fn(1, 254, ["array"], stack("h") as never),
  VSTACK: fn(1, 254, ["array"], stack("v") as never),
  CHOOSEROWS: fn(2, 255, ["array", "scalar"], choose("rows") as never, { noLift: true }),
  CHOOSECOLS: fn(2, 255, ["array", "scalar"], choose("cols") as never, { noLift: true }),
  TOCOL: fn(1, 3, ["array", "scalar"], toVector("col") as never, { noLift: true }),
  TOROW: fn(1, 3, ["array", "scalar"], toVector("row") as never, { noLift: true }),
};
