import { readSheetWith, type SheetEdit, type SheetRead, type SheetReadOptions } from "./sheetCore";
import { SHEET_TEXT } from "./sheetText";

export { qualified } from "./sheetText";

/**
 * The assumptions sheet (its layout and reading: ./sheetCore) with the words of its problems
 * (./sheetText), and what only a new sheet holds: its note and row labels. What the CLI, the
 * editing code and the tests import. The store's reading path imports ./sheetCore alone and
 * loads the words only when a sheet has a problem, so that the functions bundle, which every
 * workbook open loads, does not carry them (issue 15).
 */
export * from "./sheetCore";

/** B1 of a new sheet: what the sheet is and how to edit it. */
export const SHEET_NOTE =
  'Written by the GPU Cost add-in. To override a default, type a number in a scenario column; clear the cell to use the default again. Rows may be sorted; keep the keys in column A as they are. A column headed "Notes" is yours: the add-in ignores it.';
/** Column A labels of the rows above the header, as a new sheet holds them (read in any case). */
export const META_LABELS = {
  schema: "Schema",
  edition: "Price book edition",
  active: "Active scenario",
  key: "Key",
} as const;

/**
 * Reads the assumptions sheet, its problems worded: see `readSheetWith` (./sheetCore). Never
 * throws, whatever the grid holds.
 *
 * Example: `readSheet(newSheet(emptyDocument()).cells)` is `{ status: "ok", doc: emptyDocument(),
 * problems: [], layout }`.
 */
export function readSheet(values: unknown, options: SheetReadOptions = {}): SheetRead {
  return readSheetWith(values, options, SHEET_TEXT);
}

/** The cells of a sheet after `edit`: what the Excel and in-memory backends apply. */
export function applyEdit(values: readonly (readonly unknown[])[], edit: SheetEdit): unknown[][] {
  if (edit.kind === "create") return edit.cells.map((row) => [...row]);
  const out = values.map((row) => [...row]);
  for (const w of edit.writes) {
    while (out.length <= w.row) out.push([]);
    const row = out[w.row]!;
    while (row.length <= w.column) row.push("");
    row[w.column] = w.value;
  }
  return out;
}
