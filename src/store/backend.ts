import { SETTINGS_KEY } from "./document";
import type { ExcelHost, StoreContext, XWorksheet } from "./excelApi";
import { MAX_COLUMNS, MAX_ROWS, SHEET_NAME, SHEET_TITLE, applyEdit, cellName, type SheetEdit } from "./sheet";

export type { ExcelHost } from "./excelApi";

/** The assumptions sheet as read: its cells from A1. */
export interface SheetContent {
  readonly id: string;
  readonly name: string;
  /** Cell values from A1 (`Range.values`), at most MAX_ROWS x MAX_COLUMNS. */
  readonly values: readonly (readonly unknown[])[];
  /** Formulas of the same cells (`Range.formulas`), when known. */
  readonly formulas?: readonly (readonly unknown[])[];
  /** Something lies beyond MAX_ROWS x MAX_COLUMNS and was not read. */
  readonly clipped?: boolean;
}

/** What the workbook holds for the add-in. */
export interface WorkbookContent {
  /** The sheet named GPU Assumptions, or else the one sheet whose A1 reads "GPU Cost assumptions". */
  readonly sheet?: SheetContent;
  /** The 0.1 settings document (read for migration, never written). */
  readonly settings?: string;
  /** No sheet is named GPU Assumptions and several look like it: their names. */
  readonly lookalikes?: readonly string[];
}

/**
 * Where the assumptions live. The store reads the workbook's content and saves patches through
 * this interface; the Office side stays this small and everything above it runs in Node.
 */
export interface Backend {
  /** Reads the workbook; rejects when Office reports an error (the caller keeps what it had). */
  read(): Promise<WorkbookContent>;
  /**
   * Reads the workbook and, in the same batch, writes the edit `plan` returns for what it read;
   * resolves with the content after the write. When `plan` throws, nothing is written.
   */
  update(plan: (content: WorkbookContent) => SheetEdit): Promise<WorkbookContent>;
  /** Calls `listener` when the assumptions may have changed elsewhere (a co-author, a typed cell). */
  watch(listener: () => void): void;
  /** Makes the assumptions sheet visible and active; false when the workbook has none. */
  show(): Promise<boolean>;
}

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

/** A copy of plain data (the content is JSON: cells, texts). */
function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function safely(listener: () => void): void {
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

/**
 * The workbook in memory: outside Office (the gpu-cost CLI, Node, a browser without Excel) and
 * in tests. Holds a sheet's cells and/or a 0.1 settings text and applies edits as Excel would.
 */
export class MemoryBackend implements Backend {
  private readonly listeners = new Set<() => void>();
  private content: WorkbookContent;

  /** `source`: a 0.1 settings text (or an exported file's), or a whole workbook content. */
  constructor(source: string | WorkbookContent | undefined = undefined) {
    this.content = typeof source === "string" ? { settings: source } : (source ?? {});
  }

  async read(): Promise<WorkbookContent> {
    return clone(this.content);
  }

  async update(plan: (content: WorkbookContent) => SheetEdit): Promise<WorkbookContent> {
    const edit = plan(clone(this.content));
    const sheet = this.content.sheet;
    // A written cell holds a value, no longer a formula.
    const formulas =
      edit.kind === "cells" && sheet?.formulas
        ? applyEdit(sheet.formulas, { kind: "cells", writes: edit.writes.map((w) => ({ ...w, value: "" })) })
        : undefined;
    this.content = {
      ...this.content,
      sheet: {
        id: sheet?.id ?? "memory",
        name: sheet?.name ?? SHEET_NAME,
        values: applyEdit(edit.kind === "create" ? [] : (sheet?.values ?? []), edit),
        ...(formulas ? { formulas } : {}),
      },
    };
    return clone(this.content);
  }

  watch(listener: () => void): void {
    this.listeners.add(listener);
  }

  async show(): Promise<boolean> {
    return this.content.sheet !== undefined;
  }

  /** The workbook as it is now. */
  get current(): WorkbookContent {
    return clone(this.content);
  }

  /** Simulates another author's change: replaces the content and fires the change event. */
  external(content: WorkbookContent): void {
    this.content = clone(content);
    for (const l of this.listeners) safely(l);
  }
}
