import { PricingError } from "../pricing";

/**
 * The boundary between the engine and Excel: runs a computation and returns only what a cell
 * can hold. A result that is not a finite number becomes #NUM!; an engine error becomes the
 * matching Excel error with its message; anything unexpected becomes #VALUE! with a message,
 * never an unhandled exception (which Excel would show as a bare #VALUE!).
 */
export type CellValue = number | string | boolean;

/** What a cell of a result holds: a value or an Excel error. */
export type CellResult = CellValue | CustomFunctions.Error;

const CODE = {
  value: "#VALUE!",
  na: "#N/A",
  num: "#NUM!",
} as const;

export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (error instanceof PricingError) {
    return new CustomFunctions.Error(CODE[error.kind] as CustomFunctions.ErrorCode, error.message);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(
    "#VALUE!" as CustomFunctions.ErrorCode,
    `Unexpected error: ${detail}. Please report it with the formula.`,
  );
}

const tooLarge = () => new PricingError("num", "The result is too large to represent.");

/** Runs a scalar computation, `compute(context, ...values)`: its finite number, or the Excel error saying why not. */
export function cellValue<C>(
  compute: (context: C, ...values: unknown[]) => number,
  context: C,
  values: readonly unknown[],
): number | CustomFunctions.Error {
  try {
    const value = compute(context, ...values);
    return Number.isFinite(value) ? value : toExcelError(tooLarge());
  } catch (error) {
    return toExcelError(error);
  }
}

/** What a cell of a spilled table may hold: a value, or the engine's reason it has none. */
export type TableCell = CellValue | PricingError;

/**
 * Runs a computation that spills a table; errors inside it become error cells, and a table
 * that cannot be computed at all becomes one Excel error.
 */
export function table(compute: () => TableCell[][]): CellResult[][] {
  try {
    return compute().map((row) =>
      row.map((v) => {
        if (v instanceof PricingError) return toExcelError(v);
        if (typeof v === "number" && !Number.isFinite(v)) return toExcelError(tooLarge());
        return v;
      }),
    );
  } catch (error) {
    return [[toExcelError(error)]];
  }
}

/**
 * What a function hands Excel: a lone error as the error itself (so Excel shows its message),
 * anything else as the matrix.
 */
export function excelResult(grid: CellResult[][]): CellResult[][] | CustomFunctions.Error {
  const only = grid.length === 1 && grid[0]!.length === 1 ? grid[0]![0] : undefined;
  return only instanceof CustomFunctions.Error ? only : grid;
}

/** Whether two results show the same thing (a live cell sends only changes to Excel). */
export function sameResult(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof CustomFunctions.Error && b instanceof CustomFunctions.Error) {
    return a.code === b.code && a.message === b.message;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((row, i) => sameResult(row, b[i]));
  }
  return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
}
