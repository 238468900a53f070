/**
 * Writes a sensitivity grid (./sensitivity.ts) at the selected cell: one `Excel.run`, two
 * syncs. The first reads the block the grid needs (from the selected cell, down and right:
 * `getSelectedRange().getCell(0, 0).getResizedRange(...)`, ExcelApi 1.2) and its contents; if
 * any cell holds something, nothing is written and the caller is told which. Otherwise the
 * second writes the block at once (`formulas` and `numberFormat`, null leaving the spill's
 * cells empty; ExcelApi 1.1), the two axes in Excel's Input style (`Range.style`, 1.7; the
 * style's fill and font colours before that) and the title in bold.
 */
import { INPUT_LOOK, NOT_IN_EXCEL } from "./modelSheetExcel";
import type { GridPlan } from "./sensitivity";
import { host, RUN, supports, type PaneExcel } from "./workbook";

export type GridOutcome =
  | { readonly kind: "inserted"; readonly address: string; readonly formula: string }
  /** The block holds something: its address and the first cells that are not empty. */
  | { readonly kind: "occupied"; readonly address: string; readonly filled: readonly string[] };

/** "Sheet1!B2:G7" -> the sheet, and the top-left cell's 1-based row and column. */
export function anchorOf(address: string): { sheet: string; row: number; col: number } {
  const bang = address.lastIndexOf("!");
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(address.slice(bang + 1))!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { sheet: address.slice(0, bang), row: Number(m[2]), col };
}

function name(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * Writes the grid `plan(anchor)` makes at the selected cell, if the `size` cells from there are
 * empty. `plan` is called with the anchor once it is known (the formula names its cells).
 */
export async function insertGrid(
  size: { readonly rows: number; readonly cols: number },
  plan: (anchor: { row: number; col: number }) => GridPlan,
  excel: PaneExcel | undefined = host(),
): Promise<GridOutcome> {
  if (!excel) throw new Error(NOT_IN_EXCEL);
  const style = supports("1.7");
  return excel.run(RUN, async (context) => {
    const block = context.workbook
      .getSelectedRange()
      .getCell(0, 0)
      .getResizedRange(size.rows - 1, size.cols - 1);
    block.load("address,formulas,values");
    await context.sync();
    const anchor = anchorOf(block.address);
    const filled: string[] = [];
    // Values too: a cell another formula spills into has no formula of its own.
    const values: unknown[][] = block.values;
    block.formulas.forEach((line, i) =>
      line.forEach((f, j) => {
        const v = values[i]?.[j];
        if ((f !== "" && f !== null) || (v !== "" && v !== null && v !== undefined))
          filled.push(`${name(anchor.col + j)}${anchor.row + i}`);
      }),
    );
    if (filled.length > 0) return { kind: "occupied", address: block.address, filled };
    const grid = plan(anchor);
    block.formulas = grid.cells;
    block.numberFormat = grid.formats;
    block.getCell(0, 0).format.font.bold = true;
    for (const area of grid.inputs) {
      const range = block.getCell(area.row, area.col).getResizedRange(area.rows - 1, area.cols - 1);
      if (style) range.style = "Input";
      else {
        range.format.fill.color = INPUT_LOOK.fill;
        range.format.font.color = INPUT_LOOK.font;
      }
    }
    await context.sync();
    return { kind: "inserted", address: block.address, formula: grid.formula };
  });
}
