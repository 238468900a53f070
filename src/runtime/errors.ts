/**
 * Excel's error values: the one map of codes for the whole project (the functions, the CLI, the
 * Node test harness). Pure: no Office import, safe in every bundle.
 *
 * `ErrorCode` mirrors office.js's `CustomFunctions.ErrorCode` (the seven codes a custom function
 * may return); `EXCEL_ERRORS` adds the codes only Excel itself produces (#SPILL!, #CALC!...), which
 * the CLI's formula engine needs. Source: the CustomFunctions.ErrorCode enum of
 * @types/custom-functions-runtime, and Microsoft's "Excel error values" list.
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** Every error value a cell can hold, by the name Excel's object model gives it. */
export const EXCEL_ERRORS = {
  ...ErrorCode,
  spill: "#SPILL!",
  calc: "#CALC!",
  busy: "#BUSY!",
  gettingData: "#GETTING_DATA",
  connect: "#CONNECT!",
  blocked: "#BLOCKED!",
  field: "#FIELD!",
  unknown: "#UNKNOWN!",
} as const;

export type ExcelErrorCode = (typeof EXCEL_ERRORS)[keyof typeof EXCEL_ERRORS];

const CODES: ReadonlySet<string> = new Set(Object.values(EXCEL_ERRORS));

/** Whether `text` is an Excel error value as written in a cell or a formula ("#N/A"...). */
export function isErrorCode(text: string): text is ExcelErrorCode {
  return CODES.has(text);
}

/**
 * An Excel error value with an optional message: what `new CustomFunctions.Error(code, message)`
 * builds in Excel. The CLI and the Node tests install this class as `CustomFunctions.Error`.
 * Only #VALUE! and #N/A show their message in Excel (office-notes.md); the CLI prints every one.
 */
export class ExcelError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    message?: string,
  ) {
    super(message ?? "");
    this.name = "ExcelError";
  }

  override toString(): string {
    return this.message ? `${this.code} ${this.message}` : this.code;
  }
}

/**
 * The pricing engine's error kinds (src/pricing/errors.ts) as Excel codes: "value" is a wrong
 * kind or range (#VALUE!), "na" a key not in the price book (#N/A), "num" a result that is not
 * a finite number (#NUM!). src/functions/excel.ts maps PricingError kinds with this table.
 */
export const PRICING_ERROR_CODES = {
  value: ErrorCode.invalidValue,
  na: ErrorCode.notAvailable,
  num: ErrorCode.invalidNumber,
} as const;

/**
 * Reads any error-like value as an ExcelError: an ExcelError itself, an office.js
 * `CustomFunctions.Error` or any object with a known `code`, or an Error whose message is a code
 * (how @formulajs/formulajs reports errors). Anything else is undefined.
 */
export function asExcelError(value: unknown): ExcelError | undefined {
  if (value instanceof ExcelError) return value;
  if (!value || typeof value !== "object") return undefined;
  const { code, message } = value as { code?: unknown; message?: unknown };
  if (typeof code === "string" && isErrorCode(code)) {
    return new ExcelError(code, typeof message === "string" ? message : "");
  }
  if (value instanceof Error && isErrorCode(value.message)) return new ExcelError(value.message);
  return undefined;
}
