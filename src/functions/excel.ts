import { PricingError } from "../pricing";

/**
 * The boundary between the engine and Excel: runs a computation and returns only what a cell
 * can hold. A result that is not a finite number becomes #NUM!; an engine error becomes the
 * matching Excel error with its message; anything unexpected becomes #VALUE! with a message,
 * never an unhandled exception (which Excel would show as a bare #VALUE!).
 */
export type CellValue = number | string | boolean;

const CODE = {
  value: "#VALUE!",
  na: "#N/A",
  num: "#NUM!",
} as const;

function toExcelError(error: unknown): CustomFunctions.Error {
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

function checkNumber(value: number): number {
  if (!Number.isFinite(value)) throw tooLarge();
  return value;
}

/** What a cell of a spilled table may hold: a value, or the engine's reason it has none. */
export type TableCell = CellValue | PricingError;

/** Runs a computation that spills a table; errors inside it become error cells. */
export function table(compute: () => TableCell[][]): (CellValue | CustomFunctions.Error)[][] {
  try {
    return compute().map((row) =>
      row.map((v) => {
        if (v instanceof PricingError) return toExcelError(v);
        if (typeof v === "number" && !Number.isFinite(v)) return toExcelError(tooLarge());
        return v;
      }),
    );
  } catch (error) {
    throw toExcelError(error);
  }
}

/** Runs a scalar computation for a cell. */
export function cell(compute: () => number): number {
  try {
    return checkNumber(compute());
  } catch (error) {
    throw toExcelError(error);
  }
}
