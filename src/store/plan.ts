import { bookFor, boundsProblem, quote, type PriceBook } from "../pricing";
import {
  DEFAULT_SCENARIO,
  DocumentError,
  SCHEMA_VERSION,
  entryOf,
  scenarioOf,
  type AssumptionsDocument,
  type OverrideEntry,
  type Patch,
  type ScenarioOverrides,
} from "./document";
import { applyPatch } from "./patch";
import {
  CHANGED_AT,
  INFO_COLUMNS,
  META_LABELS,
  NEW_ROWS,
  SHEET_NAME,
  SHEET_NOTE,
  SHEET_TITLE,
  isBlank,
  qualified,
  type CellValue,
  type CellWrite,
  type SheetEdit,
  type SheetLayout,
  type SheetRead,
} from "./sheet";

/**
 * Writing the assumptions sheet (its layout: ./sheet): the cells of a new sheet, and the writes
 * of only the cells a patch touches. Pure; the gpu-cost CLI writes .xlsx sheets with it too.
 */

/** The row of an assumption as a new sheet holds it: key, label, unit, default, source, as of. */
function infoRow(book: PriceBook, key: string): CellValue[] {
  const a = book.assumptions.get(key)!;
  return [a.key, a.label, a.shipped.unit, a.shipped.value, a.shipped.source, a.shipped.asOf];
}

/** Every cell of a new sheet holding `doc`: its layout, one row per key of the edition. */
export function newSheet(doc: AssumptionsDocument): { cells: CellValue[][]; headerRow: number } {
  const book = bookFor(new Map(), doc.bookVersion);
  const names = [DEFAULT_SCENARIO, ...Object.keys(doc.scenarios).filter((s) => s !== DEFAULT_SCENARIO)];
  const width = 1 + INFO_COLUMNS.length + 2 * names.length;
  const blank = () => Array<CellValue>(width).fill("");
  const cells: CellValue[][] = [];
  const row = (...values: CellValue[]) => {
    const r = blank();
    values.forEach((v, i) => (r[i] = v));
    cells.push(r);
  };
  row(SHEET_TITLE, SHEET_NOTE);
  row(META_LABELS.schema, SCHEMA_VERSION);
  row(META_LABELS.edition, doc.bookVersion);
  row(META_LABELS.active, doc.activeScenario);
  row();
  row(META_LABELS.key, ...INFO_COLUMNS, ...names.flatMap((n) => [n, CHANGED_AT]));
  for (const key of book.assumptions.keys()) {
    const r = infoRow(book, key);
    for (const name of names) {
      const entry = entryOf(doc, name, key);
      r.push(entry ? entry.value : "", entry?.changedAt ?? "");
    }
    cells.push(r);
  }
  return { cells, headerRow: NEW_ROWS.header };
}

/**
 * The edit that saves `patch`. `read` is the sheet as read in the same Excel batch (undefined
 * when the workbook has none); `before` is the document in force (the sheet's, or the 0.1
 * settings document being migrated). Without a sheet, the sheet is created holding the whole
 * document with the patch applied; with one, only the cells the patch touches are written.
 * Throws a DocumentError (nothing written) when the sheet cannot take the patch.
 */
export function planEdit(read: SheetRead | undefined, before: AssumptionsDocument, patch: Patch): SheetEdit {
  if (!read) {
    const { cells, headerRow } = newSheet(applyPatch(before, patch));
    return { kind: "create", cells, headerRow };
  }
  if (read.status !== "ok" || !read.layout) {
    throw new DocumentError(read.warning ?? "The assumptions sheet cannot be edited.");
  }
  return { kind: "cells", writes: new Planner(read.layout, read.doc).plan(patch) };
}

/**
 * The cell holding `key`'s value in `scenario`, or where saving one would put it (a new row or
 * scenario column when the sheet lacks them; the new sheet's layout when there is no sheet),
 * as `'GPU Assumptions'!G12`: how the gpu-cost CLI names the cell of a value it refuses.
 * Undefined when the sheet cannot be edited.
 */
export function cellOfEntry(
  read: SheetRead | undefined,
  doc: AssumptionsDocument,
  scenario: string,
  key: string,
): string | undefined {
  if (!read) {
    const withScenario = scenarioOf(doc, scenario)
      ? doc
      : applyPatch(doc, { kind: "addScenario", scenario, overrides: {} });
    const { cells, headerRow } = newSheet(withScenario);
    const column = cells[headerRow]!.indexOf(scenario);
    const row = cells.findIndex((r, i) => i > headerRow && r[0] === key);
    return column < 0 || row < 0 ? undefined : qualified(SHEET_NAME, row, column);
  }
  if (read.status !== "ok" || !read.layout) return undefined;
  const planner = new Planner(read.layout, read.doc);
  try {
    const { row, column } = planner.locate(scenario, key);
    return qualified(read.layout.sheetName, row, column);
  } catch {
    return undefined; // a key on two rows: the problem names them
  }
}

/** Turns a patch into cell writes on a sheet as read. */
class Planner {
  private readonly writes = new Map<string, CellWrite>();
  private readonly keyRows: Map<string, readonly number[]>;
  private readonly scenarioColumns: Map<string, { value: number; changed?: number }>;
  private nextRow: number;
  private book: PriceBook;

  constructor(
    private readonly layout: SheetLayout,
    private readonly doc: AssumptionsDocument,
  ) {
    this.keyRows = new Map(layout.keyRows);
    this.scenarioColumns = new Map(layout.scenarioColumns);
    this.nextRow = Math.max(layout.height, layout.headerRow + 1);
    this.book = bookFor(new Map(), doc.bookVersion);
  }

  plan(patch: Patch): CellWrite[] {
    switch (patch.kind) {
      case "set":
        this.setEntry(patch.scenario, patch.key, patch.entry);
        break;
      case "resetScenario":
        this.fillScenario(patch.scenario, patch.overrides);
        break;
      case "addScenario":
        if (this.scenarioColumns.has(patch.scenario))
          throw new DocumentError(`Scenario "${patch.scenario}" exists already.`);
        this.fillScenario(patch.scenario, patch.overrides);
        break;
      case "activate":
        this.activate(patch.scenario);
        break;
      case "removeScenario":
        this.removeScenario(patch.scenario);
        if (this.doc.activeScenario === patch.scenario) this.activate(DEFAULT_SCENARIO);
        break;
      case "edition":
        this.edition(patch.bookVersion);
        break;
      case "replace":
        this.replace(patch.doc);
        break;
    }
    // Only what differs from the cell as read is written: nothing else is touched.
    return [...this.writes.values()].filter((w) => !sameCell(this.layout.cells[w.row]?.[w.column], w.value));
  }

  /** Where `key`'s value in `scenario` is or would be written. */
  locate(scenario: string, key: string): { row: number; column: number } {
    const column = this.columnsOf(scenario).value;
    return { row: this.rowOf(key), column };
  }

  private write(row: number, column: number, value: CellValue): void {
    this.writes.set(`${row},${column}`, { row, column, value });
  }

  private metaRow(name: "edition" | "active", what: string): number {
    const row = this.layout.metaRows[name];
    if (row === undefined) {
      throw new DocumentError(
        `The assumptions sheet has no "${what}" row above its header; type "${what}" in column A of an empty row above "Key" to restore it.`,
      );
    }
    return row;
  }

  private activate(scenario: string): void {
    if (scenario !== DEFAULT_SCENARIO && !this.scenarioColumns.has(scenario)) {
      throw new DocumentError(`Scenario ${quote(scenario)} has no column on the assumptions sheet.`);
    }
    this.write(this.metaRow("active", META_LABELS.active), 1, scenario);
  }

  /** The single row of `key`, appended (with its reference cells) when the sheet lacks it. */
  private rowOf(key: string): number {
    const rows = this.keyRows.get(key) ?? [];
    if (rows.length > 1) {
      const where = rows.map((r) => qualified(this.layout.sheetName, r, 0)).join(" and ");
      throw new DocumentError(
        `${key} appears more than once on the assumptions sheet (${where}); delete all but one row first.`,
      );
    }
    if (rows[0] !== undefined) return rows[0];
    const row = this.nextRow++;
    this.keyRows.set(key, [row]);
    this.write(row, 0, key);
    this.writeInfo(row, key, this.book);
    return row;
  }

  private writeInfo(row: number, key: string, book: PriceBook): void {
    const values = infoRow(book, key).slice(1);
    INFO_COLUMNS.forEach((name, i) => {
      const column = this.layout.infoColumns.get(name);
      if (column !== undefined) this.write(row, column, values[i]!);
    });
  }

  /** The columns of `scenario`, allocated (header and "changed at") when the sheet lacks them. */
  private columnsOf(scenario: string): { value: number; changed?: number } {
    const found = this.scenarioColumns.get(scenario);
    if (found) return found;
    const used = new Set<number>([0, ...this.layout.infoColumns.values()]);
    for (const c of this.scenarioColumns.values()) {
      used.add(c.value);
      if (c.changed !== undefined) used.add(c.changed);
    }
    let column = 1;
    while (used.has(column) || used.has(column + 1) || !this.columnIsFree(column) || !this.columnIsFree(column + 1))
      column++;
    const columns = { value: column, changed: column + 1 };
    this.scenarioColumns.set(scenario, columns);
    this.write(this.layout.headerRow, column, scenario);
    this.write(this.layout.headerRow, column + 1, CHANGED_AT);
    return columns;
  }

  private columnIsFree(column: number): boolean {
    for (let r = this.layout.headerRow; r < this.layout.height; r++) {
      if (!isBlank(this.layout.cells[r]?.[column]) || this.writes.has(`${r},${column}`)) return false;
    }
    return true;
  }

  private setEntry(scenario: string, key: string, entry: OverrideEntry | null): void {
    const assumption = this.book.assumptions.get(key);
    if (!assumption) throw new DocumentError(`${quote(key)} is not a key of the price book ${this.doc.bookVersion}.`);
    const problem = entry ? boundsProblem(entry.value, assumption.bounds) : undefined;
    if (problem) throw new DocumentError(`${key} ${problem} (${assumption.shipped.unit}); got ${entry!.value}.`);
    const columns = this.columnsOf(scenario);
    const row = this.rowOf(key);
    this.write(row, columns.value, entry ? entry.value : "");
    if (columns.changed !== undefined) this.write(row, columns.changed, entry?.changedAt ?? "");
  }

  /** Clears every cell of a scenario's columns (bad ones included), then writes `overrides`. */
  private fillScenario(scenario: string, overrides: ScenarioOverrides): void {
    const columns = this.columnsOf(scenario);
    for (let r = this.layout.headerRow + 1; r < this.layout.height; r++) {
      for (const c of [columns.value, columns.changed]) {
        if (c !== undefined && !isBlank(this.layout.cells[r]?.[c])) this.write(r, c, "");
      }
    }
    for (const [key, entry] of Object.entries(overrides)) this.setEntry(scenario, key, entry);
  }

  private removeScenario(scenario: string): void {
    const columns = this.scenarioColumns.get(scenario);
    if (!columns) return;
    for (let r = this.layout.headerRow; r < this.layout.height; r++) {
      for (const c of [columns.value, columns.changed]) {
        if (c !== undefined && !isBlank(this.layout.cells[r]?.[c])) this.write(r, c, "");
      }
    }
    this.scenarioColumns.delete(scenario);
  }

  /** The edition cell, the reference cells of every key in the new edition, rows for new keys. */
  private edition(bookVersion: string): void {
    this.write(this.metaRow("edition", META_LABELS.edition), 1, bookVersion);
    this.book = bookFor(new Map(), bookVersion);
    for (const key of this.book.assumptions.keys()) {
      const rows = this.keyRows.get(key);
      if (rows && rows.length === 1) this.writeInfo(rows[0]!, key, this.book);
      else if (!rows) this.rowOf(key);
    }
  }

  private replace(doc: AssumptionsDocument): void {
    if (doc.bookVersion !== this.doc.bookVersion) this.edition(doc.bookVersion);
    for (const name of [...this.scenarioColumns.keys()]) {
      if (!scenarioOf(doc, name)) this.removeScenario(name);
    }
    for (const [name, overrides] of Object.entries(doc.scenarios)) this.fillScenario(name, overrides);
    // Written when the row exists (unchanged cells are dropped later); refused only if it must change.
    if (this.layout.metaRows.active !== undefined || doc.activeScenario !== this.doc.activeScenario)
      this.activate(doc.activeScenario);
  }
}

/** Whether a cell as read already holds what would be written. */
function sameCell(current: unknown, value: CellValue): boolean {
  if (value === "") return isBlank(current);
  return current === value;
}
