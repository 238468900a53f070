import * as F from "@formulajs/formulajs";
import { format as formatNumber, parseValue } from "numfmt";
import type { Ctx, FnDef, Kind } from "../types";
import { VALUE, isError, serialToDate, toNumber, toText, type Matrix, type Scalar, type Value } from "../values";
import { fn, fromLibrary, numbers } from "./helpers";

/**
 * Excel functions taken from @formulajs/formulajs (MIT, maintained): financial (PMT, IPMT, PPMT,
 * FV, PV, RATE, NPER, NPV, XNPV, IRR, XIRR, MIRR...), dates (EDATE, EOMONTH, YEARFRAC...), text,
 * maths and statistics. The engine prepares their arguments as Excel would (numbers only from
 * ranges, blanks as Excel reads them), turns their Date results into serials and their Error
 * results into Excel errors. TEXT and VALUE use numfmt (MIT), Excel's number-format language.
 */
type Lib = (...args: any[]) => unknown;
const lib = F as unknown as Record<string, Lib>;

/** Scalar arguments as formulajs takes them: blanks as null, omitted as undefined. */
function scalarFn(name: string, f: Lib | undefined, min: number, max: number): FnDef {
  if (!f) throw new Error(`@formulajs/formulajs has no ${name}`);
  return fn(min, max, ["scalar"], (args: (Scalar | undefined)[], ctx: Ctx) => fromLibrary(f(...args), ctx.wb.date1904));
}

/** Functions whose first `leading` arguments are scalars and the rest numbers from ranges. */
function numbersFn(f: Lib, min: number, max: number, spread: boolean): FnDef {
  return fn(min, max, ["any"], (args: Value[], ctx: Ctx) => {
    const xs = numbers(args, ctx);
    if (isError(xs)) return xs;
    return fromLibrary(spread ? f(...xs) : f(xs), ctx.wb.date1904);
  });
}

/** (array of numbers, then scalars): LARGE(array, k), PERCENTILE(array, k)... */
function arrayThenScalars(f: Lib, min: number, max: number): FnDef {
  return fn(
    min,
    max,
    ["array", "scalar"],
    ([array, ...rest]: [Value, ...Scalar[]], ctx: Ctx) => {
      const xs = numbers([array], ctx);
      if (isError(xs)) return xs;
      return fromLibrary(f(xs, ...rest), ctx.wb.date1904);
    },
    { noLift: false },
  );
}

/** Pairs of numbers from two same-sized arrays (CORREL, SLOPE...): pairs where both are numbers. */
function pairsFn(f: Lib, leading = 0): FnDef {
  const kinds: Kind[] = [...Array<Kind>(leading).fill("scalar"), "array", "array"];
  return fn(2 + leading, 2 + leading, kinds, (args: unknown[], ctx: Ctx) => {
    const lead = args.slice(0, leading) as Scalar[];
    const ys = (args[leading] as Matrix).flat();
    const xs = (args[leading + 1] as Matrix).flat();
    if (ys.length !== xs.length) return { error: true } as never;
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < ys.length; i++) {
      const y = ys[i]!;
      const x = xs[i]!;
      if (isError(y)) return y;
      if (isError(x)) return x;
      if (typeof y === "number" && typeof x === "number") {
        a.push(y);
        b.push(x);
      }
    }
    return fromLibrary(f(...lead, a, b), ctx.wb.date1904);
  });
}

/** Cash flows (and dates) as numbers: IRR(values, guess), XNPV(rate, values, dates)... */
function flowsFn(f: Lib, layout: ("rate" | "flows" | "dates" | "scalar")[], min: number): FnDef {
  // Cash flows and dates are array parameters: `IRR(A1:A5*{-1;1;1;1;1})` is evaluated as an array.
  const kinds = layout.map((k): Kind => (k === "flows" || k === "dates" ? "array" : "scalar"));
  return fn(min, layout.length, kinds, (args: Value[], ctx: Ctx) => {
    const prepared: unknown[] = [];
    for (let i = 0; i < args.length; i++) {
      const kind = layout[i]!;
      const a = args[i];
      if (kind === "flows" || kind === "dates") {
        const xs = numbers(a === undefined ? [] : [a], ctx);
        if (isError(xs)) return xs;
        prepared.push(xs);
      } else prepared.push(a);
    }
    return fromLibrary(f(...prepared), ctx.wb.date1904);
  });
}

/** Texts of every argument, ranges flattened (CONCAT, TEXTJOIN's texts). */
function texts(args: Value[], ctx: Ctx): string[] | Scalar {
  const out: string[] = [];
  for (const a of args as (Value | undefined)[]) {
    if (a === undefined) continue;
    const m: Matrix =
      a !== null && typeof a === "object" && "r0" in a
        ? ctx.wb.values(a as never, ctx.cell)
        : Array.isArray(a)
          ? a
          : [[a as Scalar]];
    for (const row of m) {
      for (const v of row) {
        const t = toText(v);
        if (isError(t)) return t;
        out.push(t);
      }
    }
  }
  return out;
}

function text([value, fmt]: [Scalar, Scalar], ctx: Ctx): Value {
  const pattern = toText(fmt);
  if (isError(pattern)) return pattern;
  if (isError(value)) return value;
  let v: Scalar = value;
  if (typeof v === "string") {
    const parsed = parseValue(v);
    if (parsed && typeof parsed.v === "number") v = parsed.v;
    else return v;
  }
  try {
    return formatNumber(pattern, v === null ? 0 : v, { dateSpanLarge: false, leap1900: !ctx.wb.date1904 });
  } catch {
    return VALUE(`"${pattern}" is not a number format.`);
  }
}

function value([v]: [Scalar]): Value {
  if (typeof v === "number") return v;
  if (v === null) return 0;
  if (isError(v)) return v;
  if (typeof v === "boolean") return VALUE("VALUE takes text.");
  const n = toNumber(v);
  if (!isError(n)) return n;
  const parsed = parseValue(v);
  return parsed && typeof parsed.v === "number" ? parsed.v : VALUE(`"${v}" is not a number.`);
}

const S = (name: string, min: number, max: number, f = lib[name.replace(/\./g, "")]) => scalarFn(name, f, min, max);

export const LIBRARY: Record<string, FnDef> = {
  // Financial
  PMT: S("PMT", 3, 5),
  IPMT: S("IPMT", 4, 6),
  PPMT: S("PPMT", 4, 6),
  FV: S("FV", 3, 5),
  PV: S("PV", 3, 5),
  RATE: S("RATE", 3, 6),
  NPER: S("NPER", 3, 5),
  CUMIPMT: S("CUMIPMT", 6, 6),
  CUMPRINC: S("CUMPRINC", 6, 6),
  ISPMT: S("ISPMT", 4, 4),
  SLN: S("SLN", 3, 3),
  SYD: S("SYD", 4, 4),
  DB: S("DB", 4, 5),
  DDB: S("DDB", 4, 5),
  EFFECT: S("EFFECT", 2, 2),
  NOMINAL: S("NOMINAL", 2, 2),
  PDURATION: S("PDURATION", 3, 3),
  RRI: S("RRI", 3, 3),
  NPV: fn(2, 255, ["scalar", "any"], (args: Value[], ctx: Ctx) => {
    const [rate, ...flows] = args;
    const xs = numbers(flows, ctx);
    if (isError(xs)) return xs;
    return fromLibrary(lib.NPV!(rate, ...xs), ctx.wb.date1904);
  }),
  IRR: flowsFn(lib.IRR!, ["flows", "scalar"], 1),
  MIRR: flowsFn(lib.MIRR!, ["flows", "scalar", "scalar"], 3),
  XNPV: flowsFn(lib.XNPV!, ["rate", "flows", "dates"], 3),
  XIRR: flowsFn(lib.XIRR!, ["flows", "dates", "scalar"], 2),
  FVSCHEDULE: flowsFn(lib.FVSCHEDULE!, ["scalar", "flows"], 2),
  // Dates (serials in, serials out)
  DATE: S("DATE", 3, 3),
  TIME: S("TIME", 3, 3),
  YEAR: S("YEAR", 1, 1),
  MONTH: S("MONTH", 1, 1),
  DAY: S("DAY", 1, 1),
  HOUR: S("HOUR", 1, 1),
  MINUTE: S("MINUTE", 1, 1),
  SECOND: S("SECOND", 1, 1),
  EDATE: S("EDATE", 2, 2),
  EOMONTH: S("EOMONTH", 2, 2),
  DAYS: S("DAYS", 2, 2),
  DAYS360: S("DAYS360", 2, 3),
  DATEDIF: S("DATEDIF", 3, 3),
  YEARFRAC: S("YEARFRAC", 2, 3),
  WEEKDAY: S("WEEKDAY", 1, 2),
  WEEKNUM: S("WEEKNUM", 1, 2),
  ISOWEEKNUM: S("ISOWEEKNUM", 1, 1),
  DATEVALUE: S("DATEVALUE", 1, 1),
  TIMEVALUE: S("TIMEVALUE", 1, 1),
  NETWORKDAYS: flowsFn(lib.NETWORKDAYS!, ["scalar", "scalar", "dates"], 2),
  WORKDAY: flowsFn(lib.WORKDAY!, ["scalar", "scalar", "dates"], 2),
  TODAY: fn(0, 0, [], (_a: unknown[], ctx: Ctx) => Math.floor(ctx.env.now), { volatile: true }),
  NOW: fn(0, 0, [], (_a: unknown[], ctx: Ctx) => ctx.env.now, { volatile: true }),
  // Maths
  ABS: S("ABS", 1, 1),
  ROUND: S("ROUND", 1, 2),
  ROUNDUP: S("ROUNDUP", 1, 2),
  ROUNDDOWN: S("ROUNDDOWN", 1, 2),
  MROUND: S("MROUND", 2, 2),
  INT: S("INT", 1, 1),
  TRUNC: S("TRUNC", 1, 2),
  MOD: S("MOD", 2, 2),
  QUOTIENT: S("QUOTIENT", 2, 2),
  SQRT: S("SQRT", 1, 1),
  EXP: S("EXP", 1, 1),
  LN: S("LN", 1, 1),
  LOG: S("LOG", 1, 2),
  LOG10: S("LOG10", 1, 1),
  POWER: S("POWER", 2, 2),
  SIGN: S("SIGN", 1, 1),
  PI: S("PI", 0, 0),
  CEILING: S("CEILING", 1, 3),
  "CEILING.MATH": S("CEILING.MATH", 1, 3, lib.CEILINGMATH),
  FLOOR: S("FLOOR", 1, 3),
  "FLOOR.MATH": S("FLOOR.MATH", 1, 3, lib.FLOORMATH),
  EVEN: S("EVEN", 1, 1),
  ODD: S("ODD", 1, 1),
  FACT: S("FACT", 1, 1),
  COMBIN: S("COMBIN", 2, 2),
  GCD: numbersFn(lib.GCD!, 1, 255, true),
  LCM: numbersFn(lib.LCM!, 1, 255, true),
  RAND: fn(0, 0, [], () => Math.random(), { volatile: true }),
  RANDBETWEEN: { ...S("RANDBETWEEN", 2, 2), volatile: true },
  ISEVEN: S("ISEVEN", 1, 1),
  ISODD: S("ISODD", 1, 1),
  // Statistics
  MEDIAN: numbersFn(lib.MEDIAN!, 1, 255, true),
  STDEV: numbersFn(lib.STDEVS!, 1, 255, true),
  "STDEV.S": numbersFn(lib.STDEVS!, 1, 255, true),
  STDEVP: numbersFn(lib.STDEVP!, 1, 255, true),
  "STDEV.P": numbersFn(lib.STDEVP!, 1, 255, true),
  VAR: numbersFn(lib.VARS!, 1, 255, true),
  "VAR.S": numbersFn(lib.VARS!, 1, 255, true),
  VARP: numbersFn(lib.VARP!, 1, 255, true),
  "VAR.P": numbersFn(lib.VARP!, 1, 255, true),
  MODE: numbersFn(lib.MODESNGL!, 1, 255, true),
  "MODE.SNGL": numbersFn(lib.MODESNGL!, 1, 255, true),
  GEOMEAN: numbersFn(lib.GEOMEAN!, 1, 255, true),
  HARMEAN: numbersFn(lib.HARMEAN!, 1, 255, true),
  AVEDEV: numbersFn(lib.AVEDEV!, 1, 255, true),
  DEVSQ: numbersFn(lib.DEVSQ!, 1, 255, true),
  LARGE: arrayThenScalars(lib.LARGE!, 2, 2),
  SMALL: arrayThenScalars(lib.SMALL!, 2, 2),
  PERCENTILE: arrayThenScalars(lib.PERCENTILEINC!, 2, 2),
  "PERCENTILE.INC": arrayThenScalars(lib.PERCENTILEINC!, 2, 2),
  "PERCENTILE.EXC": arrayThenScalars(lib.PERCENTILEEXC!, 2, 2),
  QUARTILE: arrayThenScalars(lib.QUARTILEINC!, 2, 2),
  "QUARTILE.INC": arrayThenScalars(lib.QUARTILEINC!, 2, 2),
  "QUARTILE.EXC": arrayThenScalars(lib.QUARTILEEXC!, 2, 2),
  RANK: fn(2, 3, ["scalar", "any", "scalar"], ([x, ref, order]: [Scalar, Value, Scalar?], ctx: Ctx) => {
    const xs = numbers([ref], ctx);
    return isError(xs) ? xs : fromLibrary(lib.RANKEQ!(x, xs, order ?? 0), ctx.wb.date1904);
  }),
  "RANK.EQ": fn(2, 3, ["scalar", "any", "scalar"], ([x, ref, order]: [Scalar, Value, Scalar?], ctx: Ctx) => {
    const xs = numbers([ref], ctx);
    return isError(xs) ? xs : fromLibrary(lib.RANKEQ!(x, xs, order ?? 0), ctx.wb.date1904);
  }),
  CORREL: pairsFn(lib.CORREL!),
  PEARSON: pairsFn(lib.PEARSON!),
  RSQ: pairsFn(lib.RSQ!),
  SLOPE: pairsFn(lib.SLOPE!),
  INTERCEPT: pairsFn(lib.INTERCEPT!),
  STEYX: pairsFn(lib.STEYX!),
  "COVARIANCE.P": pairsFn(lib.COVARIANCEP!),
  "COVARIANCE.S": pairsFn(lib.COVARIANCES!),
  FORECAST: pairsFn(lib.FORECAST!, 1),
  "FORECAST.LINEAR": pairsFn(lib.FORECAST!, 1),
  // Text
  LEN: S("LEN", 1, 1),
  LEFT: S("LEFT", 1, 2),
  RIGHT: S("RIGHT", 1, 2),
  MID: S("MID", 3, 3),
  UPPER: S("UPPER", 1, 1),
  LOWER: S("LOWER", 1, 1),
  PROPER: S("PROPER", 1, 1),
  TRIM: S("TRIM", 1, 1),
  CLEAN: S("CLEAN", 1, 1),
  SUBSTITUTE: S("SUBSTITUTE", 3, 4),
  REPLACE: S("REPLACE", 4, 4),
  FIND: S("FIND", 2, 3),
  SEARCH: S("SEARCH", 2, 3),
  REPT: S("REPT", 2, 2),
  EXACT: S("EXACT", 2, 2),
  CHAR: S("CHAR", 1, 1),
  CODE: S("CODE", 1, 1),
  UNICHAR: S("UNICHAR", 1, 1),
  UNICODE: S("UNICODE", 1, 1),
  FIXED: S("FIXED", 1, 3),
  DOLLAR: S("DOLLAR", 1, 2),
  CONCATENATE: fn(1, 255, ["scalar"], (args: Scalar[]) => {
    let s = "";
    for (const a of args) {
      const t = toText(a ?? null);
      if (isError(t)) return t;
      s += t;
    }
    return s;
  }),
  CONCAT: fn(1, 254, ["any"], (args: Value[], ctx: Ctx) => {
    const t = texts(args, ctx);
    return Array.isArray(t) ? t.join("") : t;
  }),
  TEXTJOIN: fn(3, 252, ["scalar", "scalar", "any"], (args: Value[], ctx: Ctx) => {
    const [delim, ignore, ...rest] = args as [Scalar, Scalar, ...Value[]];
    const d = toText(delim ?? "");
    if (isError(d)) return d;
    const t = texts(rest, ctx);
    if (!Array.isArray(t)) return t;
    const skip = ignore === true || (typeof ignore === "number" && ignore !== 0);
    const joined = (skip ? t.filter((x) => x !== "") : t).join(d);
    return joined.length > 32_767 ? VALUE("TEXTJOIN's result is longer than 32,767 characters.") : joined;
  }),
  TEXT: fn(2, 2, ["scalar"], text as never),
  VALUE: fn(1, 1, ["scalar"], value as never),
  NUMBERVALUE: S("NUMBERVALUE", 1, 3),
};

export { serialToDate };
