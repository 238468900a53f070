import { safely } from "./excelBackend";
import { SHEET_NAME, applyEdit, type SheetEdit } from "./sheet";

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

export { ExcelBackend, POLL_MS, RUN } from "./excelBackend";

/** A copy of plain data (the content is JSON: cells, texts). */
function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
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
