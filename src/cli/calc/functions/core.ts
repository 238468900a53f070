import { ErrorCode, ExcelError } from "../../../runtime";
import { firstValue, intersect, operand, then1 } from "../compile";
import {
  Ref,
  Union,
  VALUE,
  NA,
  DIV0,
  compare,
  err,
  isError,
  toBool,
  toNumber,
  type Scalar,
  type Value,
} from "../values";
import type { Sheet } from "../model";
import type { Ctx, FnDef, Out, Thunk } from "../types";
import { criterion, fn, numbers, rangeValues, walk } from "./helpers";

/**
 * The functions whose Excel semantics are about references, laziness or mixed types, written
 * here because no library can know them: IF and friends evaluate only the branch taken; SUM and
 * friends count cells differently from typed values; the *IFS family matches Excel's criteria.
 * Each follows Microsoft's function reference; the tests check them against Excel's documented
 * examples.
 */
const cond = (v: Value, ctx: Ctx): boolean | ExcelError => {
  const s = v instanceof Ref ? intersect(v, ctx) : firstValue(v, ctx);
  return toBool(s);
};

/** Evaluates a lazy argument and, for a condition, reads it as one value (or lifts over an array). */
function lazyIf(args: Thunk[], ctx: Ctx): Out {
  const [c, yes, no] = args;
  return then1(c!(ctx as never), (v) => {
    if (v === undefined) return VALUE();
    if (Array.isArray(v) || (v instanceof Ref && !v.isCell && ctx.cell?.mode !== "single")) {
      // An array condition: element-wise, both branches evaluated once (Excel's array IF).
      const m = Array.isArray(v) ? v : ctx.wb.values(v as Ref, ctx.cell);
      const y = yes ? yes(ctx as never) : true;
      const n = no ? no(ctx as never) : false;
      return then1(y, (yv) =>
        then1(n, (nv) => {
          const ya = operand(yv === undefined ? 0 : yv, true, ctx);
          const na = operand(nv === undefined ? 0 : nv, true, ctx);
          return m.map((row, i) =>
            row.map((x, j) => {
              const b = toBool(x);
              if (isError(b)) return b;
              const pick = b ? ya : na;
              return Array.isArray(pick)
                ? (pick[pick.length === 1 ? 0 : i]?.[pick[0]!.length === 1 ? 0 : j] ?? NA())
                : pick;
            }),
          );
        }),
      );
    }
    const b = cond(v, ctx);
    if (isError(b)) return b;
    if (b) return yes ? then1(yes(ctx as never), (x) => (x === undefined ? 0 : x)) : true;
    return no ? then1(no(ctx as never), (x) => (x === undefined ? 0 : x)) : false;
  });
}

const call = (t: Thunk, ctx: Ctx): Out => (t as unknown as (c: Ctx) => Out)(ctx);

function ifs(args: Thunk[], ctx: Ctx, i = 0): Out {
  if (i >= args.length) return NA("No condition of IFS is TRUE.");
  return then1(call(args[i]!, ctx), (v) => {
    const b = cond(v, ctx);
    if (isError(b)) return b;
    return b ? call(args[i + 1]!, ctx) : ifs(args, ctx, i + 2);
  });
}

function switchFn(args: Thunk[], ctx: Ctx): Out {
  return then1(call(args[0]!, ctx), (v) => {
    const target = firstValue(v, ctx);
    if (isError(target)) return target;
    const pairs = args.length - 1;
    const hasDefault = pairs % 2 === 1;
    const step = (i: number): Out => {
      if (i + 1 >= args.length)
        return hasDefault ? call(args[args.length - 1]!, ctx) : NA("No value of SWITCH matches.");
      if (hasDefault && i === args.length - 1) return call(args[i]!, ctx);
      return then1(call(args[i]!, ctx), (c) => {
        const cv = firstValue(c, ctx);
        if (isError(cv)) return cv;
        return compare(cv, target) === 0 && typeof cv === typeof target ? call(args[i + 1]!, ctx) : step(i + 2);
      });
    };
    return step(1);
  });
}

function onError(test: (e: ExcelError) => boolean) {
  return (args: Thunk[], ctx: Ctx): Out =>
    then1(call(args[0]!, ctx), (v) => {
      const s = v instanceof Ref ? (v.isCell ? intersect(v, ctx) : v) : v;
      if (Array.isArray(s)) {
        const fallback = call(args[1]!, ctx);
        return then1(fallback, (f) => {
          const fb = operand(f, true, ctx);
          return s.map((row) => row.map((x) => (isError(x) && test(x) ? (Array.isArray(fb) ? fb[0]![0]! : fb) : x)));
        });
      }
      if (isError(s) && test(s)) return call(args[1]!, ctx);
      return s;
    });
}

function chooseFn(args: Thunk[], ctx: Ctx): Out {
  return then1(call(args[0]!, ctx), (v) => {
    const n = toNumber(firstValue(v, ctx));
    if (isError(n)) return n;
    const i = Math.trunc(n);
    if (i < 1 || i >= args.length) return VALUE(`CHOOSE's index ${i} is not between 1 and ${args.length - 1}.`);
    return call(args[i]!, ctx);
  });
}

/** AND, OR, XOR: booleans from cells (text ignored) and typed values. */
function logical(kind: "and" | "or" | "xor") {
  return (args: Value[], ctx: Ctx): Value => {
    const bools: boolean[] = [];
    let bad: ExcelError | undefined;
    const e = walk(args, ctx, (v, direct) => {
      if (typeof v === "boolean") bools.push(v);
      else if (typeof v === "number") bools.push(v !== 0);
      else if (direct) {
        const b = toBool(v);
        if (isError(b)) bad ??= b;
        else bools.push(b);
      }
    });
    if (e ?? bad) return (e ?? bad)!;
    if (bools.length === 0) return VALUE(`${kind.toUpperCase()} found no logical values.`);
    if (kind === "and") return bools.every(Boolean);
    if (kind === "or") return bools.some(Boolean);
    return bools.filter(Boolean).length % 2 === 1;
  };
}

/** SUM with a running-sum cache: a long single-column range from a fixed start row is O(1) amortized. */
function sumRef(ref: Ref, ctx: Ctx): number | ExcelError {
  const sheet = ref.sheet as Sheet;
  ctx.wb.ready(ref, ctx.cell);
  if (ref.c0 === ref.c1 && ref.r1 - ref.r0 >= 64) {
    const column = sheet.column(ref.c0);
    if (!column) return 0;
    const last = Math.min(ref.r1, column.maxRow);
    if (last < ref.r0) return 0;
    const map = (column.prefix ??= new Map());
    let p = map.get(ref.r0);
    if (!p) {
      if (map.size >= 16) map.clear();
      p = {
        start: ref.r0,
        sums: new Float64Array(Math.max(64, last - ref.r0 + 1)),
        validTo: ref.r0 - 1,
        firstError: Infinity,
      };
      map.set(ref.r0, p);
    }
    if (p.validTo < last) {
      if (p.sums.length < last - ref.r0 + 1) {
        const grown = new Float64Array(Math.max(p.sums.length * 2, last - ref.r0 + 1));
        grown.set(p.sums);
        p.sums = grown;
      }
      if (p.firstError <= p.validTo === false) p.firstError = Infinity;
      let acc = p.validTo >= ref.r0 ? p.sums[p.validTo - ref.r0]! : 0;
      for (let r = p.validTo + 1; r <= last; r++) {
        const v = column.values[r];
        if (typeof v === "number") acc += v;
        else if (v instanceof ExcelError && p.firstError === Infinity) p.firstError = r;
        p.sums[r - ref.r0] = acc;
      }
      p.validTo = last;
    }
    if (p.firstError <= last) return column.values[p.firstError] as ExcelError;
    const total = p.sums[last - ref.r0]!;
    return Number.isFinite(total) ? total : err(ErrorCode.invalidNumber);
  }
  let total = 0;
  let bad: ExcelError | undefined;
  ctx.wb.each(ref, ctx.cell, (v) => {
    if (typeof v === "number") total += v;
    else if (isError(v)) bad ??= v;
  });
  return bad ?? total;
}

function sum(args: Value[], ctx: Ctx): Value {
  let total = 0;
  for (const a of args) {
    if (a instanceof Ref) {
      const s = sumRef(a, ctx);
      if (isError(s)) return s;
      total += s;
      continue;
    }
    const e = walk([a], ctx, (v, direct) => {
      if (typeof v === "number") total += v;
      else if (direct) {
        const n = toNumber(v);
        total += isError(n) ? NaN : n;
      }
    });
    if (e) return e;
    if (Number.isNaN(total)) return VALUE("SUM was given text that is not a number.");
  }
  return Number.isFinite(total) ? total : err(ErrorCode.invalidNumber);
}

function stat(f: (xs: number[]) => number | ExcelError) {
  return (args: Value[], ctx: Ctx): Value => {
    const xs = numbers(args, ctx);
    return isError(xs) ? xs : f(xs);
  };
}

function counta(args: Value[], ctx: Ctx): Value {
  let n = 0;
  for (const a of args) {
    if (a === undefined) continue;
    if (a instanceof Ref || a instanceof Union) {
      for (const r of a instanceof Ref ? [a] : a.refs) ctx.wb.each(r, ctx.cell, () => n++);
    } else if (Array.isArray(a)) n += a.flat().filter((v) => v !== null).length;
    else n++;
  }
  return n;
}

function countblank(args: Value[], ctx: Ctx): Value {
  const r = args[0];
  if (!(r instanceof Ref)) return VALUE("COUNTBLANK takes a range.");
  const m = ctx.wb.values(r, ctx.cell);
  let filled = 0;
  for (const row of m) for (const v of row) if (v !== null && v !== "") filled++;
  return r.rows * r.cols - filled;
}

/** SUMIF / COUNTIF / AVERAGEIF and their *IFS forms. */
function ifsAggregate(kind: "sum" | "count" | "average" | "max" | "min", single: boolean) {
  return (args: Value[], ctx: Ctx): Value => {
    let target: Value | undefined;
    const pairs: [Value, Scalar][] = [];
    if (single) {
      pairs.push([args[0]!, firstValue(args[1]!, ctx)]);
      target = kind === "count" ? undefined : (args[2] ?? args[0]);
    } else if (kind === "count") {
      for (let i = 0; i + 1 < args.length; i += 2) pairs.push([args[i]!, firstValue(args[i + 1]!, ctx)]);
    } else {
      target = args[0];
      for (let i = 1; i + 1 < args.length; i += 2) pairs.push([args[i]!, firstValue(args[i + 1]!, ctx)]);
    }
    const ranges = pairs.map(([r]) => rangeValues(r, ctx));
    for (const r of ranges) if (isError(r)) return r;
    const tests = pairs.map(([, c]) => criterion(c));
    const first = ranges[0] as Scalar[][];
    let values: Scalar[][] | undefined;
    if (target !== undefined) {
      if (target instanceof Ref && single) {
        // SUMIF's sum_range takes the criteria range's shape from its top-left cell.
        const shape = pairs[0]![0];
        const rows = shape instanceof Ref ? shape.rows : first.length;
        const cols = shape instanceof Ref ? shape.cols : first[0]!.length;
        target = new Ref(target.sheet, target.r0, target.c0, target.r0 + rows - 1, target.c0 + cols - 1);
      }
      const t = rangeValues(target, ctx);
      if (isError(t)) return t;
      values = t;
    }
    let total = 0;
    let count = 0;
    let best: number | undefined;
    const rows = first.length;
    const cols = first[0]?.length ?? 0;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        let ok = true;
        for (let k = 0; k < tests.length && ok; k++) {
          const v = (ranges[k] as Scalar[][])[i]?.[j] ?? null;
          ok = tests[k]!(v);
        }
        if (!ok) continue;
        if (kind === "count") {
          count++;
          continue;
        }
        const v = values?.[i]?.[j] ?? null;
        if (isError(v)) return v;
        if (typeof v !== "number") continue;
        total += v;
        count++;
        best = best === undefined ? v : kind === "max" ? Math.max(best, v) : Math.min(best, v);
      }
    }
    if (kind === "count") return count;
    if (kind === "sum") return total;
    if (kind === "average") return count ? total / count : DIV0();
    return best ?? 0;
  };
}

function sumproduct(args: Value[]): Value {
  const ms = args as Scalar[][][];
  const rows = ms[0]!.length;
  const cols = ms[0]![0]!.length;
  for (const m of ms)
    if (m.length !== rows || m[0]!.length !== cols) return VALUE("SUMPRODUCT's arrays differ in size.");
  let total = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let p = 1;
      for (const m of ms) {
        const v = m[i]![j]!;
        if (isError(v)) return v;
        p *= typeof v === "number" ? v : 0;
      }
      total += p;
    }
  }
  return total;
}

const isKind = (test: (v: Scalar) => boolean) =>
  fn(1, 1, ["scalar"], ([v]: Scalar[]) => test(v === undefined ? null : v!), { passErrors: true });

export const CORE: Record<string, FnDef> = {
  IF: fn(1, 3, ["lazy"], lazyIf as never),
  IFS: fn(2, 254, ["lazy"], ifs as never),
  SWITCH: fn(3, 254, ["lazy"], switchFn as never),
  IFERROR: fn(2, 2, ["lazy"], onError(() => true) as never),
  IFNA: fn(2, 2, ["lazy"], onError((e) => e.code === ErrorCode.notAvailable) as never),
  CHOOSE: fn(2, 255, ["lazy"], chooseFn as never),
  AND: fn(1, 255, ["any"], logical("and")),
  OR: fn(1, 255, ["any"], logical("or")),
  XOR: fn(1, 255, ["any"], logical("xor")),
  NOT: fn(1, 1, ["scalar"], ([v]: Scalar[]) => {
    const b = toBool(v ?? null);
    return isError(b) ? b : !b;
  }),
  TRUE: fn(0, 0, [], () => true),
  FALSE: fn(0, 0, [], () => false),
  NA: fn(0, 0, [], () => NA()),
  ISBLANK: isKind((v) => v === null),
  ISERROR: isKind((v) => isError(v)),
  ISERR: isKind((v) => isError(v) && v.code !== ErrorCode.notAvailable),
  ISNA: isKind((v) => isError(v) && v.code === ErrorCode.notAvailable),
  ISNUMBER: isKind((v) => typeof v === "number"),
  ISTEXT: isKind((v) => typeof v === "string"),
  ISNONTEXT: isKind((v) => typeof v !== "string"),
  ISLOGICAL: isKind((v) => typeof v === "boolean"),
  ISREF: fn(1, 1, ["any"], ([v]: Value[]) => v instanceof Ref || v instanceof Union, { passErrors: true }),
  "ERROR.TYPE": fn(
    1,
    1,
    ["scalar"],
    ([v]: Scalar[]) => {
      const codes = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"];
      const i = isError(v) ? codes.indexOf(v.code) : -1;
      return i < 0 ? NA() : i + 1;
    },
    { passErrors: true },
  ),
  N: fn(1, 1, ["scalar"], ([v]: Scalar[]) => (typeof v === "number" ? v : v === true ? 1 : isError(v) ? v : 0), {
    passErrors: true,
  }),
  T: fn(1, 1, ["scalar"], ([v]: Scalar[]) => (typeof v === "string" ? v : isError(v) ? v : ""), { passErrors: true }),
  TYPE: fn(
    1,
    1,
    ["any"],
    ([v]: Value[]) =>
      Array.isArray(v) || (v instanceof Ref && !v.isCell)
        ? 64
        : typeof v === "number" || v === null
          ? 1
          : typeof v === "string"
            ? 2
            : typeof v === "boolean"
              ? 4
              : 16,
    { passErrors: true },
  ),
  SUM: fn(1, 255, ["any"], sum),
  PRODUCT: fn(
    1,
    255,
    ["any"],
    stat((xs) => xs.reduce((a, b) => a * b, xs.length ? 1 : 0)),
  ),
  AVERAGE: fn(
    1,
    255,
    ["any"],
    stat((xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : DIV0())),
  ),
  MIN: fn(
    1,
    255,
    ["any"],
    stat((xs) => (xs.length ? Math.min(...xs) : 0)),
  ),
  MAX: fn(
    1,
    255,
    ["any"],
    stat((xs) => (xs.length ? Math.max(...xs) : 0)),
  ),
  COUNT: fn(1, 255, ["any"], (args: Value[], ctx: Ctx) => {
    let n = 0;
    walk(args, ctx, (v, direct) => {
      if (typeof v === "number" || (direct && (typeof v === "boolean" || !isError(toNumber(v))))) n++;
    });
    return n;
  }),
  COUNTA: fn(1, 255, ["any"], counta),
  COUNTBLANK: fn(1, 1, ["ref"], countblank),
  SUMSQ: fn(
    1,
    255,
    ["any"],
    stat((xs) => xs.reduce((a, b) => a + b * b, 0)),
  ),
  SUMPRODUCT: fn(1, 255, ["array"], sumproduct),
  SUMIF: fn(2, 3, ["any"], ifsAggregate("sum", true), { noLift: true }),
  SUMIFS: fn(3, 255, ["any"], ifsAggregate("sum", false), { noLift: true }),
  COUNTIF: fn(2, 2, ["any"], ifsAggregate("count", true), { noLift: true }),
  COUNTIFS: fn(2, 255, ["any"], ifsAggregate("count", false), { noLift: true }),
  AVERAGEIF: fn(2, 3, ["any"], ifsAggregate("average", true), { noLift: true }),
  AVERAGEIFS: fn(3, 255, ["any"], ifsAggregate("average", false), { noLift: true }),
  MAXIFS: fn(3, 255, ["any"], ifsAggregate("max", false), { noLift: true }),
  MINIFS: fn(3, 255, ["any"], ifsAggregate("min", false), { noLift: true }),
};

export { err };
