/**
 * "Insert sensitivity grid": one output against two inputs, the Excel way. Excel's Data Tables
 * do not work with custom functions (#CALC!, office-js #5940); every scalar GPU.* function
 * broadcasts instead (src/functions/grid.ts), so a column of values, a row of values and ONE
 * formula that spills make the grid:
 *
 *   B2  GPU.CLUSTERCOST by gpus (down) and years (across)
 *   B3  gpus \ years   1     2     3     4     5
 *   B4  8              =GPU.CLUSTERCOST(B4:B7,"H100-SXM","reserved3y",C3:G3,"aws")  (spills 4 x 5)
 *   B5  64
 *   ...
 *
 * Pure (tested in Node, the grid evaluated by gpu-cost's engine); ./sensitivityExcel.ts checks
 * that the cells are empty and writes them.
 */
import { DEFAULT_PROVIDER, PRECISIONS, RENT_MODES, type PriceBook } from "../pricing";
import { columnName, FORMATS } from "./modelSheet";
import { formulaArgument, NAMESPACE, type FunctionInfo, type KnownName, type ParamInfo } from "./reference";

/** The parameters a grid can vary: all but `scenario` (a name, or a range of overrides). */
export function gridInputs(f: FunctionInfo): ParamInfo[] {
  return f.params.filter((p) => p.name !== "scenario");
}

/**
 * The functions a grid can be made of: those whose every input takes a range and broadcasts
 * (the scalar functions), with at least two inputs. TCO, CASHFLOWS, FLEETCOST and ASSUMPTIONS
 * spill tables of their own; PRICE and EDITION have fewer than two inputs.
 */
export function gridFunctions(infos: readonly FunctionInfo[]): FunctionInfo[] {
  return infos.filter((f) => {
    const inputs = gridInputs(f);
    return inputs.length >= 2 && inputs.every((p) => p.range);
  });
}

/** The inputs a grid starts with: the first down the rows, `years` (else the second) across. */
export function defaultAxes(f: FunctionInfo): { row: string; col: string } {
  const names = gridInputs(f).map((p) => p.name);
  const row = names[0] ?? "";
  const col = names.find((n) => n === "years" && n !== row) ?? names.find((n) => n !== row) ?? "";
  return { row, col };
}

/** The lists a grid's text inputs step through, from the price book in force. */
export interface GridLists {
  readonly chips: readonly string[];
  readonly providers: readonly string[];
  readonly models: readonly string[];
  readonly apis: readonly string[];
}

/**
 * Chips that can be bought and that the default provider rents on demand (a grid of them against
 * buy and rent modes has no #N/A: GB200 at AWS is sold only in blocks), at most five.
 */
export function gridLists(book: PriceBook): GridLists {
  const chips = [...book.accelerators.values()]
    .filter((a) => {
      if (!a.nodePriceUsd) return false;
      try {
        return book.instance(DEFAULT_PROVIDER, a).hourlyUsd.ondemand !== undefined;
      } catch {
        return false;
      }
    })
    .map((a) => a.id)
    .slice(0, 5);
  return {
    chips,
    providers: book.providers,
    models: [...book.models.values()].map((m) => m.id),
    apis: [...book.apis.values()].map((a) => a.id),
  };
}

/** A number as people type it, to 3 significant digits: 0.3, 64, 1.5E+12. */
function shown(n: number): string {
  const r = Number(n.toPrecision(3));
  return Math.abs(r) >= 1e7 ? r.toExponential().toUpperCase().replace("E+", "E") : String(r);
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i;

function numberOf(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t.replace("%", ""));
  return t.endsWith("%") ? n / 100 : n;
}

/** The default a parameter's description states, e.g. "(default 3)" -> 3. */
function describedDefault(p: ParamInfo): number | undefined {
  const m = /default:?\s*([-+]?[\d.]+(?:E[-+]?\d+)?)/i.exec(p.description);
  return m ? numberOf(m[1]!) : undefined;
}

/**
 * Values a grid starts with for `param`, as the form shows them (comma-separated), stepping
 * around `current` (what its field holds) or the price book's lists:
 * years 1-5; GPU counts 8 to 4,096 by eights; shares 30%-70%; other numbers x1/4 to x4; chips,
 * clouds, rent modes, precisions, models and APIs from the book.
 */
export function suggestedValues(f: FunctionInfo, param: ParamInfo, current: string, lists: GridLists): string {
  const name = param.name;
  switch (name) {
    case "gpu":
      return lists.chips.join(", ");
    case "provider":
      return lists.providers.join(", ");
    case "pricing": {
      const own = /"buy"/.test(param.description) ? ["buy"] : [];
      return [...RENT_MODES.filter((m) => m !== "spot" && m !== "block"), ...own].join(", ");
    }
    case "precision":
      return PRECISIONS.filter((p) => p !== "int8" && p !== "tf32").join(", ");
    case "law":
      return "fixed-tokens, chinchilla";
    case "model":
      return (f.name === "APICOST" ? lists.apis : lists.models).slice(0, 5).join(", ");
    case "years":
      return "1, 2, 3, 4, 5";
    case "gpus":
      return "8, 64, 512, 4096";
    case "utilization":
    case "mfu":
      return "0.3, 0.4, 0.5, 0.6, 0.7";
    case "cost_reduction":
      return "0.25, 0.5, 0.75, 0.9";
  }
  const base = numberOf(current) ?? describedDefault(param);
  if (name === "params" && base === undefined) return lists.models.slice(0, 5).join(", ");
  if (base === undefined || base === 0) return "1, 2, 4, 8";
  return [0.25, 0.5, 1, 2, 4].map((k) => shown(base * k)).join(", ");
}

/** Most values an axis takes (a grid of 100 x 100 cells at most). */
export const MAX_AXIS_VALUES = 100;

export type Parsed = { ok: true; values: (number | string)[] } | { ok: false; message: string };

/**
 * The values typed for an axis, separated by commas or semicolons: numbers as numbers (5%,
 * 1.5E12), anything else as text ("H100-SXM", quotes optional). No thousands separators: a
 * comma separates. parseValues("8, 64, B200") -> [8, 64, "B200"].
 */
export function parseValues(text: string, what: string): Parsed {
  const parts = text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (parts.length === 0) return { ok: false, message: `Type the values of ${what}, separated by commas.` };
  if (parts.length > MAX_AXIS_VALUES)
    return { ok: false, message: `${what} has ${parts.length} values; at most ${MAX_AXIS_VALUES}.` };
  const values: (number | string)[] = [];
  for (const p of parts) {
    if (p.startsWith("=")) return { ok: false, message: `${what}: "${p}" is a formula; type values.` };
    const n = numberOf(p);
    values.push(n ?? p.replace(/^"(.*)"$/s, "$1"));
  }
  return { ok: true, values };
}

/** What the form holds when Insert is pressed. */
export interface GridRequest {
  readonly fn: FunctionInfo;
  /** The parameter down the rows, and its values as typed. */
  readonly row: string;
  readonly rowText: string;
  /** The parameter across the columns, and its values as typed. */
  readonly col: string;
  readonly colText: string;
  /** The other parameters' fields, by parameter name. */
  readonly texts: Readonly<Record<string, string>>;
}

export interface GridPlan {
  readonly rows: number;
  readonly cols: number;
  /** The cells from the anchor (title, corner, the two axes, the formula); null: left empty, for the spill. */
  readonly cells: (string | number | null)[][];
  /** Number formats: the spilled results', null elsewhere. */
  readonly formats: (string | null)[][];
  readonly formula: string;
  /** Offsets from the anchor of the cells in input style (the two axes). */
  readonly inputs: { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number }[];
}

/** Number formats of the results, by function (USD, months, counts...). */
const RESULT_FORMATS: Readonly<Record<string, string>> = {
  CLUSTERCOST: FORMATS.usd,
  BREAKEVEN: FORMATS.months,
  HOURLY: FORMATS.usdCents,
  QUERYCOST: FORMATS.usdQuery,
  QUERYENERGY: "0.000",
  FLEETSIZE: FORMATS.count,
  TOKENSPERSEC: FORMATS.count,
  TOKENCOST: FORMATS.usdCents,
  APICOST: FORMATS.usdCents,
  TRAINFLOPS: FORMATS.scientific,
  TRAINDAYS: FORMATS.days,
  TRAINCOST: FORMATS.usd,
  TRAINENERGY: FORMATS.count,
  TRAINCO2: FORMATS.count,
  CHIPROI: FORMATS.usd,
  CHIPBREAKEVEN: FORMATS.count,
  GPUSFOR: FORMATS.count,
  FLOPS: FORMATS.scientific,
  SCALEGAIN: "0.00",
};

/** How many cells the grid takes (title and corner rows, the row axis column). */
export function gridSize(rowValues: number, colValues: number): { rows: number; cols: number } {
  return { rows: rowValues + 2, cols: colValues + 1 };
}

/**
 * The grid at `anchor` (1-based row and column of its top-left cell), or why it cannot be made.
 * planGrid(CLUSTERCOST gpus x years, { row: 1, col: 1 }).formula =
 * '=GPU.CLUSTERCOST(A3:A6,"H100-SXM","reserved3y",B2:F2,"aws")'.
 */
export function planGrid(
  req: GridRequest,
  anchor: { readonly row: number; readonly col: number },
  known?: KnownName,
): { ok: true; plan: GridPlan } | { ok: false; message: string } {
  const { fn } = req;
  const inputs = gridInputs(fn);
  if (!inputs.some((p) => p.name === req.row) || !inputs.some((p) => p.name === req.col))
    return { ok: false, message: `Choose two inputs of ${NAMESPACE}.${fn.name}.` };
  if (req.row === req.col) return { ok: false, message: "Choose two different inputs, one down and one across." };
  const down = parseValues(req.rowText, req.row);
  if (!down.ok) return down;
  const across = parseValues(req.colText, req.col);
  if (!across.ok) return across;
  const m = down.values.length;
  const n = across.values.length;
  const { rows, cols } = gridSize(m, n);
  const r0 = anchor.row;
  const c0 = anchor.col;
  const rowRange = `${columnName(c0)}${r0 + 2}${m > 1 ? `:${columnName(c0)}${r0 + 1 + m}` : ""}`;
  const colRange = `${columnName(c0 + 1)}${r0 + 1}${n > 1 ? `:${columnName(c0 + n)}${r0 + 1}` : ""}`;

  const args = fn.params.map((p) =>
    p.name === req.row ? rowRange : p.name === req.col ? colRange : formulaArgument(req.texts[p.name] ?? "", p, known),
  );
  const missing = fn.params.filter((p, i) => !p.optional && args[i] === "").map((p) => p.name);
  if (missing.length > 0)
    return {
      ok: false,
      message: `Fill in ${missing.join(", ")}: ${missing.length === 1 ? "it is" : "they are"} required.`,
    };
  while (args.length > 0 && args[args.length - 1] === "") args.pop();
  const formula = `=${NAMESPACE}.${fn.name}(${args.join(",")})`;

  const cells: (string | number | null)[][] = Array.from({ length: rows }, () => new Array(cols).fill(null));
  const formats: (string | null)[][] = Array.from({ length: rows }, () => new Array(cols).fill(null));
  cells[0]![0] = `${NAMESPACE}.${fn.name} by ${req.row} (down) and ${req.col} (across)`;
  cells[1]![0] = `${req.row} \\ ${req.col}`;
  across.values.forEach((v, j) => (cells[1]![1 + j] = v));
  down.values.forEach((v, i) => (cells[2 + i]![0] = v));
  cells[2]![1] = formula;
  const format = RESULT_FORMATS[fn.name.toUpperCase()];
  if (format) for (let i = 2; i < rows; i++) for (let j = 1; j < cols; j++) formats[i]![j] = format;
  return {
    ok: true,
    plan: {
      rows,
      cols,
      cells,
      formats,
      formula,
      inputs: [
        { row: 1, col: 1, rows: 1, cols: n },
        { row: 2, col: 0, rows: m, cols: 1 },
      ],
    },
  };
}
