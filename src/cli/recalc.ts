import type ExcelJS from "exceljs";
import FormulaParser from "fast-formula-parser";
import { FormulaEngine, normalizeFormula, type CellRef, type CellSource, type RangeRef } from "./formulas";
import { CellError, type CellResult } from "./host";

/**
 * Recalculates every formula of a workbook, GPU.* calls and the Excel functions around them,
 * in dependency order, and writes the values back as the cells' cached results.
 */
const { DepParser } = FormulaParser;

export class RecalcError extends Error {
  override name = "RecalcError";
}

interface FormulaCell {
  readonly key: string;
  readonly ref: CellRef;
  readonly address: string;
  readonly formula: string;
  readonly cell: ExcelJS.Cell;
}

/** A cached value that changed. */
export interface Change {
  readonly address: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface RecalcReport {
  readonly formulas: number;
  readonly changes: Change[];
  /** Cells whose value is an Excel error, with its message. */
  readonly errors: { address: string; code: string; message: string }[];
  /** New values by address ("Sheet!B3"). */
  readonly values: Map<string, unknown>;
  /** The text nearest to the left of each formula cell, by address: what the model calls it. */
  readonly labels: Map<string, string>;
}

const keyOf = (sheet: string, row: number, col: number) => `${sheet}!${row},${col}`;
const MAX_CELLS_PER_RANGE = 1_000_000;

/** A cached or computed value as a formula sees it. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000; // Excel serial
  if (value instanceof CellError) return new FormulaParser.FormulaError(value.code, value.message);
  const v = value as { result?: unknown; text?: string; richText?: { text: string }[]; error?: string };
  if ("result" in v) return plain(v.result);
  if (v.richText) return v.richText.map((r) => r.text).join("");
  if (typeof v.text === "string") return v.text;
  if (typeof v.error === "string") return new FormulaParser.FormulaError(v.error);
  return null;
}

function formulaCells(workbook: ExcelJS.Workbook): FormulaCell[] {
  const cells: FormulaCell[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        const formula = cell.formula;
        if (!formula) return;
        cells.push({
          key: keyOf(sheet.name, r, c),
          ref: { sheet: sheet.name, row: r, col: c },
          address: `${sheet.name}!${cell.address}`,
          formula,
          cell,
        });
      });
    });
  });
  return cells;
}

/** Formula cells in dependency order; a cycle is a RecalcError naming it. */
function dependencyOrder(cells: FormulaCell[]): FormulaCell[] {
  const byKey = new Map(cells.map((c) => [c.key, c]));
  const bySheet = new Map<string, FormulaCell[]>();
  for (const c of cells) bySheet.set(c.ref.sheet, [...(bySheet.get(c.ref.sheet) ?? []), c]);
  const deps = new Map<string, FormulaCell[]>();
  const parser = new DepParser();
  for (const c of cells) {
    let refs: ReturnType<typeof parser.parse> = [];
    try {
      refs = parser.parse(normalizeFormula(c.formula), c.ref);
    } catch {
      refs = []; // reported when the cell is evaluated
    }
    const found: FormulaCell[] = [];
    for (const ref of refs) {
      const sheet = ref.sheet ?? c.ref.sheet;
      if ("from" in ref) {
        for (const other of bySheet.get(sheet) ?? []) {
          const { row, col } = other.ref;
          if (row >= ref.from.row && row <= ref.to.row && col >= ref.from.col && col <= ref.to.col) found.push(other);
        }
      } else {
        const other = byKey.get(keyOf(sheet, ref.row, ref.col));
        if (other) found.push(other);
      }
    }
    deps.set(c.key, found);
  }
  const order: FormulaCell[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (c: FormulaCell, path: FormulaCell[]) => {
    const s = state.get(c.key);
    if (s === "done") return;
    if (s === "visiting") {
      const cycle = [...path.slice(path.indexOf(c)), c].map((x) => x.address).join(" -> ");
      throw new RecalcError(`Circular reference: ${cycle}.`);
    }
    state.set(c.key, "visiting");
    for (const d of deps.get(c.key)!) visit(d, [...path, c]);
    state.set(c.key, "done");
    order.push(c);
  };
  for (const c of cells) visit(c, []);
  return order;
}

/** What a cell stores as its cached result: a value, or {error} for an Excel error. */
function stored(result: CellResult): number | string | boolean | { error: string } {
  if (result instanceof CellError) return { error: result.code };
  if (Array.isArray(result)) return stored((result[0]?.[0] ?? 0) as CellResult); // a spill keeps its corner
  return result;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number")
    return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  if (a && b && typeof a === "object" && typeof b === "object") return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

function labelOf(sheet: ExcelJS.Worksheet, row: number, col: number): string {
  for (let c = col - 1; c >= 1; c--) {
    const v = sheet.getCell(row, c).value;
    if (typeof v === "string" && v.trim()) return v;
  }
  return "";
}

export async function recalcWorkbook(workbook: ExcelJS.Workbook): Promise<RecalcReport> {
  const cells = formulaCells(workbook);
  const order = dependencyOrder(cells);
  const computed = new Map<string, CellResult>();
  const value = (sheet: string, row: number, col: number): unknown => {
    const key = keyOf(sheet, row, col);
    if (computed.has(key)) return plain(computed.get(key));
    const ws = workbook.getWorksheet(sheet);
    return ws ? plain(ws.getCell(row, col).value) : null;
  };
  const source: CellSource = {
    cell: (ref) => value(ref.sheet, ref.row, ref.col),
    range: (ref: RangeRef) => {
      const ws = workbook.getWorksheet(ref.sheet);
      const lastRow = Math.min(ref.to.row, ws?.rowCount ?? 0);
      const lastCol = Math.min(ref.to.col, ws?.columnCount ?? 0);
      if ((lastRow - ref.from.row + 1) * (lastCol - ref.from.col + 1) > MAX_CELLS_PER_RANGE) {
        throw new RecalcError(`A range on ${ref.sheet} covers more than ${MAX_CELLS_PER_RANGE} cells.`);
      }
      const rows: unknown[][] = [];
      for (let r = ref.from.row; r <= lastRow; r++) {
        const row: unknown[] = [];
        for (let c = ref.from.col; c <= lastCol; c++) row.push(value(ref.sheet, r, c));
        rows.push(row);
      }
      return rows.length ? rows : [[]];
    },
  };
  const engine = new FormulaEngine(source);
  const report: RecalcReport = {
    formulas: cells.length,
    changes: [],
    errors: [],
    values: new Map(),
    labels: new Map(),
  };
  for (const c of order) {
    let result: CellResult;
    try {
      result = await engine.evaluate(c.formula, c.ref);
    } catch (error) {
      const e = error as CellError;
      throw new RecalcError(
        `${c.address} =${c.formula}: ${e.code === "#NAME?" ? "unknown function" : "error"}: ${e.message}`,
      );
    }
    computed.set(c.key, result);
    const before = plain(c.cell.result ?? null);
    const after = stored(result);
    if (after && typeof after === "object")
      report.errors.push({ address: c.address, code: after.error, message: (result as CellError).message ?? "" });
    const beforeStored =
      before instanceof FormulaParser.FormulaError ? { error: (before as { error: string }).error } : before;
    if (!same(beforeStored, after)) report.changes.push({ address: c.address, before: beforeStored, after });
    c.cell.value = { formula: c.formula, result: after } as ExcelJS.CellFormulaValue;
    report.values.set(c.address, after);
    report.labels.set(c.address, labelOf(c.cell.worksheet, c.ref.row, c.ref.col));
  }
  return report;
}
