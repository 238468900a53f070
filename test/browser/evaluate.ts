/**
 * Evaluates a sheet the mocked Excel holds (test/harness/fakeExcel.ts stores formulas, not
 * their results) with gpu-cost's own formula engine (src/cli/calc), as dynamic-array Excel
 * computes it: every formula may spill. Used to prove that every formula of an inserted model
 * sheet or sensitivity grid evaluates, and to render the inserted sheet for the README.
 */
import { recalculate, type Env } from "../../src/cli/calc/engine";
import type { RawCell } from "../../src/cli/xlsx/sheet";
import type { WorkbookInfo } from "../../src/cli/xlsx/workbook";
import { ExcelError } from "../../src/runtime";
import type { FakeCell } from "../harness/fakeExcel";

export type CellValue = number | string | boolean | ExcelError | null;

export interface EvaluatedSheet {
  /** Every cell's value after calculation, spilled cells included, by A1 address. */
  readonly values: Map<string, CellValue>;
  /** Formula cells by A1 address, as written. */
  readonly formulas: Map<string, string>;
  /** Formula cells whose result (or any element of their spill) is an error. */
  readonly errors: { address: string; code: string; message: string }[];
  /** Formulas the engine cannot compute, with the reason. */
  readonly unsupported: { address: string; formula: string; reason: string }[];
}

export function columnName(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** "B12" -> { row: 12, col: 2 } */
export function parseAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address)!;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/**
 * Calculates `cells` (the fake's storage: "row,col" zero-based -> cell) as sheet `name` of a
 * one-sheet workbook.
 */
export async function evaluateSheet(name: string, cells: Record<string, FakeCell>, env: Env): Promise<EvaluatedSheet> {
  const raw: RawCell[] = [];
  const formulas = new Map<string, string>();
  const values = new Map<string, CellValue>();
  for (const [key, c] of Object.entries(cells)) {
    const [r, col] = key.split(",").map(Number) as [number, number];
    const address = `${columnName(col + 1)}${r + 1}`;
    if (c.formula) {
      formulas.set(address, c.formula);
      raw.push({
        row: r + 1,
        col: col + 1,
        value: null,
        formula: { text: c.formula.replace(/^=/, ""), type: "array", ref: address, si: undefined },
        cm: 1,
      });
    } else if (c.value !== "") {
      values.set(address, c.value);
      raw.push({ row: r + 1, col: col + 1, value: c.value, formula: undefined, cm: undefined });
    }
  }
  const info: WorkbookInfo = {
    workbookPart: "xl/workbook.xml",
    sheets: [{ name, part: undefined, kind: "worksheet" }],
    names: [],
    date1904: false,
    iterate: false,
    externalLinks: 0,
    sharedStrings: [],
    dynamicArrayCm: new Set([1]),
  };
  const result = await recalculate({ info, sheets: [{ name, part: undefined, values: raw }] }, env);
  const errors: EvaluatedSheet["errors"] = [];
  for (const [qualified, value] of result.values) {
    const address = qualified.slice(qualified.lastIndexOf("!") + 1);
    const { row, col } = parseAddress(address);
    const grid = Array.isArray(value) ? value : [[value]];
    grid.forEach((line, i) =>
      line.forEach((v, j) => {
        values.set(`${columnName(col + j)}${row + i}`, v as CellValue);
        if (v instanceof ExcelError)
          errors.push({ address: `${columnName(col + j)}${row + i}`, code: v.code, message: v.message });
      }),
    );
  }
  return { values, formulas, errors, unsupported: result.unsupported };
}
