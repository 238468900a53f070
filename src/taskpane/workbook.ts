/**
 * What the pane asks Excel directly (the store owns the assumptions; this is the rest): the
 * cells that say which chips the workbook prices, whether the file still has to be saved, and
 * writing a formula into the selected cell. Every call is one `Excel.run` batch with as few
 * syncs as the answer needs, and every failure is reported to the caller, never thrown past it.
 *
 * In the headless-browser tests `__GPU_COST_EXCEL__` is a mocked Excel (test/browser/).
 */
import { ASSUMPTIONS_SHEET, type FileState } from "./saveInfo";

/** `Excel.run` as the pane calls it: with options (delayForCellEdit), on a full request context. */
export interface PaneExcel {
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * Waits while the user is typing in a cell rather than fail (Excel.run refuses to run batches
 * in cell-edit mode otherwise).
 */
export const RUN: Excel.RunOptions = { delayForCellEdit: true };

/** office.js's `Excel` inside Excel, the tests' mock in the browser tests, else undefined. */
export function host(): PaneExcel | undefined {
  const mock = (globalThis as { __GPU_COST_EXCEL__?: unknown }).__GPU_COST_EXCEL__;
  if (mock) return mock as PaneExcel;
  return typeof Excel !== "undefined" && typeof Office !== "undefined" && Office.context?.requirements
    ? Excel
    : undefined;
}

/** Whether Excel supports an ExcelApi requirement set (true for the tests' mock, which declares none). */
export function supports(version: string): boolean {
  const requirements = typeof Office === "undefined" ? undefined : Office.context?.requirements;
  return requirements ? requirements.isSetSupported("ExcelApi", version) : true;
}

function platform(): string | undefined {
  const p = typeof Office === "undefined" ? undefined : (Office.context?.platform as unknown);
  return typeof p === "string" ? p : undefined;
}

/** At most this many cells are read to find the chips a workbook uses: a hint, kept cheap. */
export const SCAN_CELL_LIMIT = 200_000;

/**
 * The contents of the workbook's used cells (formulas as typed, constants as values), sheet by
 * sheet until `limit` cells, skipping the assumptions sheet and any sheet that alone exceeds
 * what is left. Two syncs for the sizes, one for the contents.
 */
export async function usedCells(limit: number = SCAN_CELL_LIMIT): Promise<unknown[]> {
  const excel = host();
  if (!excel) return [];
  return excel.run(RUN, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const used = sheets.items
      .filter((s) => s.name !== ASSUMPTIONS_SHEET)
      .map((s) => {
        const range = s.getUsedRangeOrNullObject(true);
        range.load("cellCount");
        return range;
      });
    await context.sync();
    let budget = limit;
    const picked: Excel.Range[] = [];
    for (const range of used) {
      if (range.isNullObject || range.cellCount > budget) continue;
      budget -= range.cellCount;
      range.load("formulas");
      picked.push(range);
    }
    await context.sync();
    return picked.flatMap((r) => (r.formulas as unknown[][]).flat());
  });
}

/** What Excel says about saving this file; fields it does not give stay undefined. */
export async function fileState(): Promise<FileState> {
  const base = { platform: platform() };
  const excel = host();
  if (!excel || !supports("1.9")) return base;
  try {
    return await excel.run(RUN, async (context) => {
      const wb = context.workbook;
      wb.load("autoSave,isDirty,previouslySaved,readOnly");
      await context.sync();
      return {
        ...base,
        autoSave: wb.autoSave,
        isDirty: wb.isDirty,
        previouslySaved: wb.previouslySaved,
        readOnly: wb.readOnly,
      };
    });
  } catch {
    return base;
  }
}

export type InsertResult =
  | { readonly kind: "inserted"; readonly address: string }
  | { readonly kind: "occupied"; readonly address: string; readonly existing: string };

/**
 * Writes `formula` into the selected cell (the top-left one of a selected range) as a formula.
 * A cell that holds something is left alone and reported ("occupied"), unless it is the cell
 * the user agreed to replace (`replace` = its address).
 */
export async function insertIntoSelection(formula: string, replace?: string): Promise<InsertResult> {
  const excel = host();
  if (!excel) throw new Error("Insert works inside Excel: open this pane from Excel's ribbon.");
  return excel.run(RUN, async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.load("address,formulas");
    await context.sync();
    const existing = cell.formulas[0]?.[0];
    const text = existing === undefined || existing === null ? "" : String(existing);
    if (text !== "" && cell.address !== replace) return { kind: "occupied", address: cell.address, existing: text };
    cell.formulas = [[formula]];
    await context.sync();
    return { kind: "inserted", address: cell.address };
  });
}
