import type { Backend, WorkbookContent } from "./backend";
import { SETTINGS_KEY } from "./document";
import type { ExcelHost, StoreContext, XWorksheet } from "./excelApi";
import { MAX_COLUMNS, MAX_ROWS, SHEET_NAME, SHEET_TITLE, cellName, type SheetEdit } from "./sheetCore";

/*
 * The store's backend in Excel, through office.js (./backend declares what a backend is). In
 * the functions bundle: ./backend, which also holds the in-memory workbook (outside Office
 * only), is not, and writing is ./write, loaded with the editing code (issue 15).
 */

/** How often the store re-reads the workbook where Excel cannot signal changes (no events). */
export const POLL_MS = 15_000;

/**
 * Every batch waits while the user is editing a cell instead of failing
 * (`Excel.RunOptions.delayForCellEdit`, docs: "Delay execution while cell is being edited").
 */
export const RUN: Excel.RunOptions = { delayForCellEdit: true };

/** The window of the sheet that is read: A1 to the caps of ./sheet. */
const WINDOW = `A1:${cellName(MAX_ROWS - 1, MAX_COLUMNS - 1)}`;

function settingText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(typeof value);
  }
}

/** Rows of a used range placed from A1. */
function fromA1(values: unknown, rowIndex: number, columnIndex: number): unknown[][] {
  const rows = Array.isArray(values) ? values : [];
  const lead = Array<unknown>(columnIndex).fill("");
  return [
    ...Array.from({ length: rowIndex }, () => [] as unknown[]),
    ...rows.map((row) => [...lead, ...(Array.isArray(row) ? row : [])]),
  ];
}

export function safely(listener: () => void): void {
  try {
    listener();
  } catch (error) {
    console.error("GPU Cost: a workbook-change listener failed:", error);
  }
}

/**
 * The assumptions sheet through office.js (`Excel.run`). Reads find the sheet by name (or a
 * renamed one by its A1), read its cells from A1 and, where there is no sheet, the 0.1 settings
 * document. Writes touch only the cells of the edit, after reading the sheet in the same batch.
 */
export class ExcelBackend implements Backend {
  /** The id of the assumptions sheet as last read: change events of other sheets are ignored. */
  private sheetId: string | undefined;

  constructor(
    private readonly excel: ExcelHost,
    private readonly pollMs: number = POLL_MS,
  ) {}

  read(): Promise<WorkbookContent> {
    return this.excel.run(RUN, async (context) => (await this.readIn(context)).content);
  }

  /** Reads and writes in one batch (./write, loaded with the editing code: only an edit writes). */
  async update(plan: (content: WorkbookContent) => SheetEdit): Promise<WorkbookContent> {
    const { writeWorkbook } = await import(/* webpackChunkName: "store-edit" */ "./write");
    return writeWorkbook(this.excel, plan, {
      read: (context) => this.readIn(context),
      readSheet: (context, sheet, settings) => this.readSheet(context, sheet, settings),
    });
  }

  watch(listener: () => void): void {
    void this.excel
      .run(RUN, async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.onChanged.add(async (event) => {
          // Our own writes come back as events too (triggerSource, ExcelApi 1.14): the store
          // already holds what it wrote.
          if (event.worksheetId === this.sheetId && event.triggerSource !== "ThisLocalAddin") safely(listener);
        });
        sheets.onAdded.add(async () => safely(listener));
        sheets.onDeleted.add(async () => safely(listener));
        await context.sync();
      })
      .catch(() => {
        // No worksheet events here (ExcelApi 1.9 missing): re-read on a timer instead.
        const timer = setInterval(() => safely(listener), this.pollMs) as unknown as { unref?: () => void };
        timer.unref?.(); // Node (tests, CLI): never keep the process alive for polling.
      });
    void this.excel
      .run(RUN, async (context) => {
        // A 0.1 co-author may still change the settings document of a workbook without a sheet.
        context.workbook.settings.onSettingsChanged.add(async () => safely(listener));
        await context.sync();
      })
      .catch(() => undefined);
  }

  show(): Promise<boolean> {
    return this.excel.run(RUN, async (context) => {
      const { worksheet } = await this.readIn(context, false);
      if (!worksheet) return false;
      worksheet.visibility = "Visible";
      worksheet.activate();
      await context.sync();
      return true;
    });
  }

  /** Finds the sheet and reads it (and the 0.1 settings) in `context`. */
  private async readIn(
    context: StoreContext,
    cells = true,
  ): Promise<{ content: WorkbookContent; worksheet?: XWorksheet }> {
    const sheets = context.workbook.worksheets;
    const named = sheets.getItemOrNullObject(SHEET_NAME);
    named.load("id,name");
    const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    setting.load("value");
    await context.sync();
    const settings = setting.isNullObject ? undefined : settingText(setting.value);
    let worksheet: XWorksheet | undefined = named.isNullObject ? undefined : named;
    let lookalikes: string[] | undefined;
    if (!worksheet) {
      // A renamed assumptions sheet still has its title in A1.
      sheets.load("items/id,items/name");
      await context.sync();
      const firsts = sheets.items.map((s) => {
        const a1 = s.getRange("A1");
        a1.load("values");
        return a1;
      });
      await context.sync();
      const marked = sheets.items.filter((_, i) => {
        const v = firsts[i]!.values[0]?.[0];
        return typeof v === "string" && v.trim() === SHEET_TITLE;
      });
      if (marked.length === 1) worksheet = marked[0];
      else if (marked.length > 1) lookalikes = marked.map((s) => s.name);
    }
    if (!worksheet) {
      this.sheetId = undefined;
      return { content: { ...(settings !== undefined ? { settings } : {}), ...(lookalikes ? { lookalikes } : {}) } };
    }
    if (!cells) return { content: {}, worksheet };
    return { content: await this.readSheet(context, worksheet, settings), worksheet };
  }

  /** The cells of `sheet` from A1 (within the read window), and whether anything lies beyond. */
  private async readSheet(
    context: StoreContext,
    sheet: XWorksheet,
    settings: string | undefined,
  ): Promise<WorkbookContent> {
    const used = sheet.getRange(WINDOW).getUsedRangeOrNullObject(true);
    used.load("values,formulas,rowIndex,columnIndex");
    const all = sheet.getUsedRangeOrNullObject(true);
    all.load("rowIndex,columnIndex,rowCount,columnCount");
    sheet.load("id,name");
    await context.sync();
    this.sheetId = sheet.id;
    const clipped =
      !all.isNullObject && (all.rowIndex + all.rowCount > MAX_ROWS || all.columnIndex + all.columnCount > MAX_COLUMNS);
    const values = used.isNullObject ? [] : fromA1(used.values, used.rowIndex, used.columnIndex);
    const formulas = used.isNullObject ? [] : fromA1(used.formulas, used.rowIndex, used.columnIndex);
    return {
      sheet: { id: sheet.id, name: sheet.name, values, formulas, ...(clipped ? { clipped } : {}) },
      ...(settings !== undefined ? { settings } : {}),
    };
  }
}
