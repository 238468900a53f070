import type { FormulaCell, Sheet, Workbook } from "./model";
import type { Value } from "./values";

/** Where and for whom a formula is being evaluated. */
export interface Ctx {
  readonly wb: Workbook;
  readonly sheet: Sheet;
  readonly row: number;
  readonly col: number;
  /** The formula cell being computed; undefined for `gpu-cost eval` and defined names. */
  readonly cell: FormulaCell | undefined;
  /** LET's values, by slot. */
  locals: Value[] | undefined;
  readonly env: Env;
}

/** What the engine is given: custom functions and the clock. */
export interface Env {
  /** Calls a custom function (GPU.*) by id as Excel does; undefined when it is not one. */
  customFunction(name: string): CustomFunction | undefined;
  /** Serial date-time of "now" (NOW, TODAY), fixed for one recalculation as in Excel. */
  readonly now: number;
}

export interface CustomFunction {
  readonly name: string;
  /** Per parameter: takes a range (matrix) or one value. */
  readonly matrix: readonly boolean[];
  call(args: unknown[], address: string | undefined): Promise<Value>;
}

export type Out = Value | Promise<Value>;
export type Thunk = (ctx?: Ctx) => Out;

/**
 * How a function takes each argument:
 * - scalar: one value; in array evaluation an array argument calls the function per element
 *   ("lifting"), in a plain formula a range is implicitly intersected with the formula's cell.
 * - any: as written: a reference stays a reference (SUM counts cells differently from values).
 * - array: values as a matrix, the argument itself evaluated as an array formula (SUMPRODUCT).
 * - ref: must be a reference (OFFSET, ROW...).
 * - lazy: not evaluated unless the function asks (IF's branches).
 */
export type Kind = "scalar" | "any" | "array" | "ref" | "lazy";

export interface FnDef {
  readonly min: number;
  readonly max: number;
  /** The kind of each parameter; the last repeats for further arguments. */
  readonly kinds: readonly Kind[];
  /** Errors in scalar arguments are passed to the function instead of being its result. */
  readonly passErrors?: boolean;
  /** No lifting over array arguments in scalar places. */
  readonly noLift?: boolean;
  /** The result depends on more than the arguments (NOW, RAND, INDIRECT, OFFSET). */
  readonly volatile?: boolean;
  readonly impl: (args: any, ctx: Ctx) => Out;
}
