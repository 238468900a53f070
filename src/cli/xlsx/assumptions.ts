import { ExcelError } from "../../runtime";
import type { SheetContent, WorkbookContent } from "../../store/backend";
import { SETTINGS_KEY } from "../../store/document";
import { MAX_COLUMNS, MAX_ROWS, SHEET_NAME, SHEET_TITLE, isBlank } from "../../store/sheet";
import { XlsxError } from "./errors";
import { addWorksheet } from "./parts";
import { cellKey, readSheet, writeSheet, type Area, type CellWrite, type RawCell } from "./sheet";
import { readStoredSetting, type WorkbookInfo } from "./workbook";
import type { Package } from "./zip";

/**
 * A workbook's assumptions as the add-in stores them, read from and written to the .xlsx
 * package: the `GPU Assumptions` worksheet (found by name, or, renamed, by its title in A1, as
 * the store finds it in Excel), else the 0.1 settings document of the web-extension parts.
 * What the cells mean is src/store's business (`readSheet`, `planEdit`): this module only turns
 * a worksheet part into the grid `Range.values`/`Range.formulas` would give, and a changed grid
 * back into the writes of only the cells that changed (or a new hidden sheet).
 */

/** The assumptions of a package, as src/store reads them, and where the sheet lives. */
export interface PackageAssumptions {
  readonly content: WorkbookContent;
  /** The assumptions sheet read (index in workbook order, name, part). */
  readonly sheet?: { readonly index: number; readonly name: string; readonly part: string };
}

/** Stops a streamed read early (the first cell is all a sheet's title needs). */
class StopReading extends XlsxError {}

async function cellsOf(pkg: Package, part: string, strings: string[], first = false): Promise<RawCell[]> {
  const cells: RawCell[] = [];
  try {
    await readSheet(pkg, part, strings, (c) => {
      if (c.value === null && !c.formula) return;
      if (first) {
        if (c.row === 1 && c.col === 1) cells.push(c);
        throw new StopReading("first cell read");
      }
      cells.push(c);
    });
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
  return cells;
}

/** A cell value as `Range.values` gives it: errors as their code, empty as "". */
function rangeValue(value: RawCell["value"]): unknown {
  if (value === null) return "";
  if (value instanceof ExcelError) return value.code;
  return value;
}

/** The grid of a sheet's cells from A1, capped as src/store reads a sheet. */
export function gridOf(cells: readonly RawCell[], id: string, name: string): SheetContent {
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  let clipped = false;
  for (const c of cells) {
    if (c.row > MAX_ROWS || c.col > MAX_COLUMNS) {
      if (!isBlank(rangeValue(c.value)) || c.formula) clipped = true;
      continue;
    }
    const r = c.row - 1;
    const col = c.col - 1;
    while (values.length <= r) {
      values.push([]);
      formulas.push([]);
    }
    values[r]![col] = rangeValue(c.value);
    if (c.formula) formulas[r]![col] = `=${c.formula.text ?? "(shared formula)"}`;
  }
  // Sparse rows as dense ones, "" where nothing is.
  for (const grid of [values, formulas]) {
    for (const row of grid) for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = "";
  }
  return { id, name, values, formulas, ...(clipped ? { clipped } : {}) };
}

/**
 * Reads the assumptions of a package. `loaded`, when the caller has read every sheet's cells
 * already (recalc), saves reading them again.
 */
export async function readPackageAssumptions(
  pkg: Package,
  info: WorkbookInfo,
  loaded?: readonly { values: RawCell[] }[],
): Promise<PackageAssumptions> {
  const settings = await readStoredSetting(pkg, SETTINGS_KEY);
  const withSettings = settings !== undefined ? { settings } : {};
  const worksheets = info.sheets
    .map((s, index) => ({ ...s, index }))
    .filter((s): s is typeof s & { part: string } => s.kind === "worksheet" && s.part !== undefined && pkg.has(s.part));
  const cells = async (s: { index: number; part: string }, first = false) =>
    loaded?.[s.index]?.values ?? (await cellsOf(pkg, s.part, info.sharedStrings, first));

  // Excel's getItem is case-insensitive: so is the lookup by name.
  let found = worksheets.find((s) => s.name.toLowerCase() === SHEET_NAME.toLowerCase());
  if (!found) {
    const marked: typeof worksheets = [];
    for (const s of worksheets) {
      // Cells come in row-major order: A1, when the sheet has it, is the first.
      const first = (await cells(s, true))[0];
      const a1 = first?.row === 1 && first.col === 1 ? first : undefined;
      if (typeof a1?.value === "string" && !a1.formula && a1.value.trim() === SHEET_TITLE) marked.push(s);
    }
    if (marked.length > 1) return { content: { ...withSettings, lookalikes: marked.map((s) => s.name) } };
    found = marked[0];
  }
  if (!found) return { content: withSettings };
  const sheet = gridOf(await cells(found), found.part, found.name);
  return {
    content: { sheet, ...withSettings },
    sheet: { index: found.index, name: found.name, part: found.part },
  };
}

/** Column widths of a new assumptions sheet: key, label, unit, default, source, as of, then scenario pairs. */
const NEW_SHEET_WIDTHS = [34, 44, 22, 14, 60, 10, 14, 26, 14, 26];

/**
 * The package's changes that take the assumptions from `before` to `after` (both as src/store
 * reads them): the cells of the existing sheet whose value changed (constants: a formula
 * overwritten becomes a value, text is written as text), or a new hidden `GPU Assumptions`
 * sheet holding `after`'s cells. Returns what Package.write takes.
 */
export async function assumptionChanges(
  pkg: Package,
  info: WorkbookInfo,
  before: PackageAssumptions,
  after: WorkbookContent,
): Promise<{
  replace: Map<string, (emit: (text: string) => void) => Promise<void>>;
  add: { name: string; text: string }[];
  cells: number;
}> {
  const replace = new Map<string, (emit: (text: string) => void) => Promise<void>>();
  if (!after.sheet) return { replace, add: [], cells: 0 };
  if (!before.sheet || !before.content.sheet) {
    const rows = after.sheet.values.map((row) =>
      row.map((v) => (typeof v === "number" || typeof v === "string" ? v : "")),
    );
    const addition = await addWorksheet(pkg, info.workbookPart, SHEET_NAME, rows, {
      hidden: true,
      widths: NEW_SHEET_WIDTHS,
    });
    for (const [part, text] of addition.replace) replace.set(part, async (emit) => emit(text));
    const cells = rows.reduce((n, row) => n + row.filter((v) => v !== "").length, 0);
    return { replace, add: addition.add, cells };
  }
  const sheetText = await pkg.text(before.sheet.part);
  if (/<(?:[A-Za-z_][\w.-]*:)?sheetProtection\b[^>]*\ssheet\s*=\s*["'](?:1|true)["']/.test(sheetText)) {
    throw new XlsxError(
      `${pkg.name}: the '${before.sheet.name}' sheet is protected (Review > Unprotect Sheet), so its cells cannot be changed, in Excel either. Nothing was written.`,
    );
  }
  const old = before.content.sheet;
  const writes = new Map<number, CellWrite>();
  let grow: Area | undefined;
  const height = Math.max(old.values.length, after.sheet.values.length);
  for (let r = 0; r < height; r++) {
    const a = old.values[r] ?? [];
    const b = after.sheet.values[r] ?? [];
    const fa = old.formulas?.[r] ?? [];
    const fb = after.sheet.formulas?.[r] ?? [];
    for (let c = 0; c < Math.max(a.length, b.length); c++) {
      const was = a[c];
      const now = b[c];
      const formulaGone = typeof fa[c] === "string" && (fa[c] as string).startsWith("=") && !fb[c];
      if (!formulaGone && (was === now || (isBlank(was) && isBlank(now)))) continue;
      if (typeof now !== "number" && typeof now !== "string" && now !== undefined && now !== null) {
        throw new XlsxError(`internal: the assumptions sheet's cell ${r + 1},${c + 1} would hold ${typeof now}.`);
      }
      const value = now === undefined || now === null || (typeof now === "string" && now === "") ? null : now;
      writes.set(cellKey(r + 1, c + 1), { value, constant: true });
      if (value !== null) {
        const cell = { r0: r + 1, c0: c + 1, r1: r + 1, c1: c + 1 };
        grow = grow
          ? {
              r0: Math.min(grow.r0, cell.r0),
              c0: Math.min(grow.c0, cell.c0),
              r1: Math.max(grow.r1, cell.r1),
              c1: Math.max(grow.c1, cell.c1),
            }
          : cell;
      }
    }
  }
  const part = before.sheet.part;
  if (writes.size) replace.set(part, (emit) => writeSheet(pkg, part, writes, grow, emit));
  return { replace, add: [], cells: writes.size };
}
