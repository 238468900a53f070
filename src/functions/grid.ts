import { PricingError, invalid } from "../pricing";
import { cellValue, toExcelError, type CellResult } from "./excel";

/**
 * Sensitivity grids the Excel way: a scalar function given ranges or arrays computes once per
 * element and spills, broadcasting as Excel's own functions do. A column of GPU counts
 * against a row of years gives a grid:
 *
 *   =GPU.CLUSTERCOST(A2:A10,"H100-SXM","ondemand",B1:F1)  spills 9 rows x 5 columns
 *
 * Rules (Excel's array arithmetic, as in =A2:A10*B1:F1): a single value is used for every
 * element; an array with one row is repeated down, one column across; otherwise an array
 * supplies its own element, and an element an array lacks is #N/A.
 */
export type Grid = CellResult[][];

/** Most elements a broadcast may compute: a spill of a quarter of a million cells. */
export const MAX_GRID_CELLS = 250_000;

interface Shape {
  readonly rows: number;
  readonly cols: number;
}

/** Whether an argument is a range or an array of more than one element. */
function isArray(arg: unknown): boolean {
  return Array.isArray(arg) && (arg.length > 1 || (Array.isArray(arg[0]) && (arg[0] as unknown[]).length > 1));
}

/** An argument's shape: 1 x 1 for a value, omitted, or a one-cell range. */
function shapeOf(arg: unknown): Shape {
  if (!Array.isArray(arg) || arg.length === 0 || !Array.isArray(arg[0])) return { rows: 1, cols: 1 };
  return { rows: arg.length, cols: (arg[0] as unknown[]).length || 1 };
}

const MISSING = Symbol("missing");

/** The element of `arg` at (r, c), broadcasting singletons; MISSING outside a larger array. */
function elementAt(arg: unknown, shape: Shape, r: number, c: number): unknown {
  if (!Array.isArray(arg) || arg.length === 0 || !Array.isArray(arg[0])) return arg;
  const row = (shape.rows === 1 ? arg[0] : arg[r]) as unknown[] | undefined;
  if (!row) return MISSING;
  const value = shape.cols === 1 ? row[0] : c < row.length ? row[c] : MISSING;
  return value === undefined ? null : value;
}

/**
 * A scalar computation of one element of the broadcast: a context (a live cell's price book),
 * then one value per argument. Passing the context, not capturing it, spares a closure per call.
 */
export type Element<C> = (context: C, ...values: unknown[]) => number;

/**
 * Runs `compute(context, ...values)` for every element of the arguments' broadcast and returns
 * the grid (1 x 1 when every argument is a single value). Each element's error stays in its cell.
 */
export function broadcast<C>(args: readonly unknown[], compute: Element<C>, context: C): Grid {
  // Most cells pass single values: no shapes to work out (a 1 x 1 range is a single value too).
  if (!args.some(isArray)) return [[cellValue(compute, context, args)]];
  const shapes = args.map(shapeOf);
  let rows = 1;
  let cols = 1;
  for (const s of shapes) {
    if (s.rows > 1) rows = Math.max(rows, s.rows);
    if (s.cols > 1) cols = Math.max(cols, s.cols);
  }
  if (rows * cols > MAX_GRID_CELLS) {
    const size = `${rows.toLocaleString("en-US")} x ${cols.toLocaleString("en-US")}`;
    return [
      [
        toExcelError(
          invalid(
            `The arguments' ranges make a grid of ${size} cells; at most ${MAX_GRID_CELLS.toLocaleString("en-US")}. Use smaller ranges.`,
          ),
        ),
      ],
    ];
  }
  const grid: Grid = [];
  for (let r = 0; r < rows; r++) {
    const line: CellResult[] = [];
    for (let c = 0; c < cols; c++) {
      const values = args.map((a, i) => elementAt(a, shapes[i]!, r, c));
      line.push(
        values.includes(MISSING)
          ? toExcelError(new PricingError("na", "No value here: the argument ranges differ in size."))
          : cellValue(compute, context, values),
      );
    }
    grid.push(line);
  }
  return grid;
}
