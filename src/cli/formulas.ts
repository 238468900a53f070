import FormulaParser from "fast-formula-parser";
import { CellError, callFunction, functionIds, type CellResult } from "./host";

/**
 * Excel formulas outside Excel, with fast-formula-parser (MIT; a maintained LL(1) parser and
 * evaluator of Excel's grammar with 280 of its functions; see docs/design.md for why not
 * HyperFormula). The GPU.* functions are the adapters Excel calls, through ./host.
 */
const { FormulaError } = FormulaParser;

/** A cell's address as the parser gives it (1-based). */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface RangeRef {
  readonly sheet: string;
  readonly from: { row: number; col: number };
  readonly to: { row: number; col: number };
}

/** Where cell values come from: nothing (a lone formula) or a workbook. */
export interface CellSource {
  cell(ref: CellRef): unknown;
  range(ref: RangeRef): unknown[][];
}

const EMPTY: CellSource = { cell: () => null, range: () => [[]] };

/** An argument as fast-formula-parser passes it to a function. */
interface ParserArg {
  value: unknown;
  omitted?: boolean;
  isRangeRef?: boolean;
  isArray?: boolean;
}

/** Turns the parser's argument into what Excel passes: null when omitted, 2-D arrays for ranges. */
function excelArgument(arg: ParserArg): unknown {
  if (arg.omitted) return null;
  const { value } = arg;
  if (value instanceof FormulaError) return value;
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row : [row]));
  return value === undefined ? null : value;
}

/** The parser's error for an Excel error value, keeping the message. */
function toFormulaError(error: CellError): InstanceType<typeof FormulaError> {
  return new FormulaError(error.code, error.message);
}

export class FormulaEngine {
  private readonly parser: InstanceType<typeof FormulaParser>;

  constructor(source: CellSource = EMPTY) {
    const functions: Record<string, (...args: ParserArg[]) => Promise<unknown>> = {};
    for (const id of functionIds()) {
      functions[`GPU.${id}`] = async (...args) => {
        const values = args.map(excelArgument);
        const bad = values.find((v) => v instanceof FormulaError);
        if (bad) return bad; // an error argument propagates, as in Excel
        const result = await callFunction(id, values);
        if (result instanceof CellError) return toFormulaError(result);
        if (Array.isArray(result)) {
          return result.map((row) => row.map((v) => (v instanceof CellError ? toFormulaError(v) : v)));
        }
        return result;
      };
    }
    this.parser = new FormulaParser({
      functions,
      onCell: (ref: CellRef) => source.cell(ref),
      onRange: (ref: RangeRef) => source.range(ref),
    });
  }

  /**
   * Evaluates `formula` (with or without its leading "=") at `position`. Resolves with the
   * value (a 2-D array for a spill) or a CellError; rejects with a CellError when the formula
   * does not parse or names an unknown function.
   */
  async evaluate(formula: string, position: CellRef = { sheet: "Sheet1", row: 1, col: 1 }): Promise<CellResult> {
    const text = normalizeFormula(formula);
    let value: unknown;
    try {
      value = await this.parser.parseAsync(text, position, true);
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
      const unknown = /Function (\S+) is not implemented/i.exec(message);
      if (unknown) throw new CellError("#NAME?", `Unknown function ${unknown[1]}.`);
      throw new CellError("#ERROR", `The formula does not parse: ${message}`);
    }
    return fromParser(value);
  }
}

/**
 * The formula as the parser reads it: no leading "=", add-in functions as GPU.NAME (some files
 * store them as _xldudf_GPU_NAME), and exponents as Excel writes them (users type 20E18, Excel
 * stores 2E+19; the parser needs the sign). Text inside quotes is left alone.
 */
export function normalizeFormula(formula: string): string {
  return formula
    .trim()
    .replace(/^=/, "")
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/_xldudf_GPU_([A-Z0-9]+)\s*\(/gi, "GPU.$1(").replace(/(\d\.?\d*)[eE](\d)/g, "$1E+$2"),
    )
    .join('"');
}

function fromParser(value: unknown): CellResult {
  if (value instanceof FormulaError) {
    const e = value as InstanceType<typeof FormulaError> & { _error?: string; error?: string };
    return new CellError(e.error ?? e._error ?? "#VALUE!", e.message || e.details?.toString?.() || "");
  }
  if (Array.isArray(value))
    return value.map((row) => (Array.isArray(row) ? row.map(fromParser) : [fromParser(row)])) as CellResult[][];
  if (value === null || value === undefined) return 0;
  if (typeof value === "number" && !Number.isFinite(value)) return new CellError("#NUM!", "not a finite number");
  return value as CellResult;
}
