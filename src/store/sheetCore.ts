import { isEdition, bookFor, boundsProblem } from "../pricing";
import {
  DEFAULT_SCENARIO,
  LIMITS,
  SCHEMA_VERSION,
  emptyDocument,
  isIsoTime,
  scenarioNameFault,
  type AssumptionsDocument,
  type OverrideEntry,
} from "./document";

/**
 * The worksheet `GPU Assumptions`: where a workbook keeps its assumptions, in cells, so that
 * every install, platform, co-author and the gpu-cost CLI read the same numbers and Excel's
 * co-authoring merges edits to different keys (docs/design.md). Pure: a grid of cell values in,
 * a document and its problems out (this file); a patch in, the writes of only the cells it
 * touches out (./plan). No Office import, so the CLI reads and writes .xlsx files with the same
 * code.
 *
 * Layout (row and column numbers as Excel shows them; the rows above the header are found by
 * their label in column A, so inserting a row above them does no harm):
 *
 *   A1  GPU Cost assumptions         B1  what the sheet is and how to edit it
 *   A2  Schema                       B2  1
 *   A3  Price book edition           B3  2023.10-1
 *   A4  Active scenario              B4  base
 *   A6  Key | Label | Unit | Default | Source | As of | base | changed at | bull | changed at ...
 *   A7… one row per assumption key: its label, unit, default, source and as-of date (for
 *       reference; the add-in never reads them back as values), then for each scenario the
 *       value in force (an empty cell means the edition's default) and the time of the last
 *       change made through the add-in.
 *
 * Rows are found by their key (column A), columns by their header (row 6): rows may be sorted
 * or moved. Every read validates every cell; what does not validate is listed as a problem
 * with its address and not used, and every other key still applies.
 */
export const SHEET_NAME = "GPU Assumptions";
/** A1 of the sheet: also how a renamed assumptions sheet is recognised. */
export const SHEET_TITLE = "GPU Cost assumptions";
/** A header starting with "note" marks the user's own column, which the add-in never reads. */
export const NOTES_HEADER = /^notes?\b/i;

const META = { schema: "schema", edition: "price book edition", active: "active scenario", key: "key" } as const;
export const INFO_COLUMNS = ["Label", "Unit", "Default", "Source", "As of"] as const;
type InfoColumn = (typeof INFO_COLUMNS)[number];
export const CHANGED_AT = "changed at";

/** Rows of a new sheet (0-based): title, schema, edition, active scenario, a blank row, the header. */
export const NEW_ROWS = { title: 0, schema: 1, edition: 2, active: 3, header: 5 } as const;
/** Meta labels are looked for in this many first rows. */
const META_SCAN_ROWS = 40;
/** A sheet is read up to this size; anything further is reported, not read. */
export const MAX_ROWS = 5_000;
export const MAX_COLUMNS = 2 * LIMITS.scenarios + INFO_COLUMNS.length + 20;
/** Problems listed at most (a pasted block of junk must not produce a million lines). */
export const MAX_PROBLEMS = 200;

/** A cell that does not validate: where, which key, and why (in words for the pane and the CLI). */
export interface SheetProblem {
  /** `'GPU Assumptions'!G12` */
  readonly address: string;
  readonly key?: string;
  readonly message: string;
}

/** Where things are on a sheet as read: what a patch needs to find its cells. 0-based. */
export interface SheetLayout {
  readonly sheetName: string;
  readonly headerRow: number;
  readonly metaRows: Partial<Record<"schema" | "edition" | "active", number>>;
  /** Every row a key appears in (more than one: a duplicate, used nowhere). */
  readonly keyRows: ReadonlyMap<string, readonly number[]>;
  readonly infoColumns: ReadonlyMap<InfoColumn, number>;
  readonly scenarioColumns: ReadonlyMap<string, { readonly value: number; readonly changed?: number }>;
  /** Rows and columns holding anything (the grid's extent, capped at MAX_ROWS/MAX_COLUMNS). */
  readonly height: number;
  readonly width: number;
  /** The cell values as read, for comparing writes against. */
  readonly cells: readonly (readonly unknown[])[];
}

export interface SheetRead {
  /** ok: usable and editable (problems or not); future: a newer add-in's sheet; corrupt: no layout to read. */
  readonly status: "ok" | "future" | "corrupt";
  /** What computes: the valid cells; the shipped defaults of the latest edition when not ok. */
  readonly doc: AssumptionsDocument;
  readonly problems: readonly SheetProblem[];
  /** Why the sheet cannot be used or edited (future, corrupt). */
  readonly warning?: string;
  /** Present when status is ok. */
  readonly layout?: SheetLayout;
}

/* ------------------------------------------------------------------------------------------ */
/* Addresses                                                                                  */

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnName(column: number): string {
  let n = column + 1;
  let name = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** "G12" for (row 11, column 6). */
export function cellName(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

/* ------------------------------------------------------------------------------------------ */
/* Cells                                                                                      */

const ERROR_VALUE =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|CONNECT!|UNKNOWN!|PYTHON!)$/;

export type Cell =
  | { readonly kind: "empty" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "formula"; readonly formula: string }
  | { readonly kind: "other"; readonly shown: string };

function rowsOf(grid: unknown): readonly unknown[][] {
  return Array.isArray(grid) ? grid.map((row) => (Array.isArray(row) ? row : [])) : [];
}

class Grid {
  readonly values: readonly unknown[][];
  private readonly formulas: readonly unknown[][];
  readonly height: number;
  readonly width: number;
  readonly clipped: boolean;

  constructor(values: unknown, formulas: unknown, clipped: boolean) {
    const all = rowsOf(values);
    this.values = all.slice(0, MAX_ROWS).map((row) => row.slice(0, MAX_COLUMNS));
    this.formulas = rowsOf(formulas);
    let height = 0;
    let width = 0;
    this.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (!isBlank(v)) {
          height = Math.max(height, r + 1);
          width = Math.max(width, c + 1);
        }
      }),
    );
    this.height = height;
    this.width = width;
    this.clipped =
      clipped ||
      all.length > MAX_ROWS ||
      all.some((row) => row.length > MAX_COLUMNS && row.slice(MAX_COLUMNS).some((v) => !isBlank(v)));
  }

  raw(row: number, column: number): unknown {
    return this.values[row]?.[column];
  }

  cell(row: number, column: number): Cell {
    const formula = this.formulas[row]?.[column];
    if (typeof formula === "string" && formula.startsWith("=")) return { kind: "formula", formula };
    const v = this.raw(row, column);
    if (isBlank(v)) return { kind: "empty" };
    if (typeof v === "number")
      return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "other", shown: String(v) };
    if (typeof v === "string")
      return ERROR_VALUE.test(v.trim()) ? { kind: "other", shown: v.trim() } : { kind: "text", text: v };
    if (typeof v === "boolean") return { kind: "other", shown: v ? "TRUE" : "FALSE" };
    return { kind: "other", shown: typeof v };
  }

  /** The cell as trimmed text ("" when empty or not text). */
  text(row: number, column: number): string {
    const v = this.raw(row, column);
    return typeof v === "string" ? v.trim() : typeof v === "number" && Number.isFinite(v) ? String(v) : "";
  }
}

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/** Excel's serial date (days since 1899-12-30) as an ISO time: a time Excel turned into a date. */
function serialToIso(serial: number): string | undefined {
  if (!(serial > 0 && serial < 2958466)) return undefined; // up to 9999-12-31
  const ms = Math.round((serial - 25569) * 86_400_000);
  return new Date(ms).toISOString();
}

/* ------------------------------------------------------------------------------------------ */
/* Reading                                                                                    */

export interface SheetReadOptions {
  /** The formulas of the same cells (`Range.formulas`), when known: tells typed formulas from values. */
  readonly formulas?: unknown;
  /** The sheet's name, for addresses (GPU Assumptions by default). */
  readonly sheetName?: string;
  /** The reader left cells beyond MAX_ROWS x MAX_COLUMNS unread. */
  readonly clipped?: boolean;
}

/** Problems of a sheet as a read finds them (./sheetText keeps the list). */
export interface ProblemList {
  add(row: number, column: number, message: string, key?: string): void;
  done(): SheetProblem[];
}

/**
 * The words of every problem and warning of a sheet (./sheetText's SHEET_TEXT): passed to the
 * reader, so that the functions bundle, which reads the sheet on every open, does not carry the
 * text only a sheet with problems shows (issue 15). Rows and columns are 0-based.
 */
export interface SheetText {
  /** The sentence after an unusable sheet's warning. */
  readOnly(status: "future" | "corrupt"): string;
  noHeader(sheetName: string, scanRows: number): string;
  noSchemaRow(sheetName: string): string;
  /** The schema cell is column B of `row`. */
  newerSchema(sheetName: string, schema: number, row: number): string;
  badSchema(sheetName: string, row: number, cell: Cell): string;
  noEditionRow(sheetName: string): string;
  /** The edition cell is column B of `row`. */
  newerEdition(sheetName: string, row: number, edition: string): string;
  badEdition(sheetName: string, row: number, cell: Cell): string;
  unnamedColumn(headerRow: number, column: number): string;
  headerNotText(cell: Cell, column: number): string;
  secondInfo(info: string): string;
  strayChangedAt(): string;
  /** `name` (lower-case) is not a scenario name (`scenarioNameFault`). */
  badScenarioName(name: string, column: number): string;
  secondScenario(name: string, firstColumn: number): string;
  tooManyScenarios(column: number): string;
  valueWithoutKey(row: number, scenario: string): string;
  keyNotText(cell: Cell, row: number): string;
  unknownKey(key: string, known: Iterable<string>, row: number): string;
  duplicateKey(key: string, rows: readonly number[]): string;
  defaultChanged(key: string, shipped: number, row: number, baseColumn: number | undefined): string;
  staleTime(cell: Cell): string;
  formula(key: string, scenario: string, formula: string, shipped: number): string;
  notNumber(key: string, scenario: string, unit: string, cell: Cell, shipped: number): string;
  outOfBounds(key: string, scenario: string, problem: string, unit: string, value: number, shipped: number): string;
  badTime(cell: Cell): string;
  noActiveRow(): string;
  notAScenario(named: string, scenarios: readonly string[]): string;
  clipped(): string;
  /** The list a read fills: at most MAX_PROBLEMS, each with its address, then a summary. */
  problems(sheetName: string): ProblemList;
  /** No sheet is named GPU Assumptions and several look like it (store). */
  lookalikes(names: readonly string[], sheetName: string): string;
  /** The sheet was there and is gone (store). */
  sheetGone(sheetName: string, location: "settings" | "none"): string;
}

function unreadable(status: "future" | "corrupt", warning: string, text: SheetText): SheetRead {
  return { status, doc: emptyDocument(), problems: [], warning: `${warning}${text.readOnly(status)}` };
}

/**
 * The edition a sheet records (the "Price book edition" row above its header), if it reads as
 * text: what must be loaded before `readSheet` can check its keys. Never throws.
 */
export function recordedEdition(values: unknown): string | undefined {
  const grid = new Grid(values, undefined, false);
  for (let r = 0; r < Math.min(grid.height, META_SCAN_ROWS); r++) {
    if (grid.text(r, 0).toLowerCase() === META.edition) return grid.text(r, 1) || undefined;
  }
  return undefined;
}

/**
 * Reads the assumptions sheet. `values` is the sheet's cells from A1 (rows of cells, as
 * `Range.values` gives them); `formulas`, when known, tells typed formulas from values;
 * `clipped` says the reader left cells beyond MAX_ROWS x MAX_COLUMNS unread; `text` words the
 * problems (`readSheet` in ./sheet passes SHEET_TEXT). Never throws, whatever the grid holds.
 */
export function readSheetWith(values: unknown, options: SheetReadOptions, text: SheetText): SheetRead {
  const sheetName = options.sheetName ?? SHEET_NAME;
  const grid = new Grid(values, options.formulas, options.clipped === true);
  const problems = text.problems(sheetName);

  // Rows above the header, found by their label in column A.
  const meta: Partial<Record<keyof typeof META, number>> = {};
  for (let r = 0; r < Math.min(grid.height, META_SCAN_ROWS); r++) {
    const label = grid.text(r, 0).toLowerCase();
    for (const [name, text] of Object.entries(META) as [keyof typeof META, string][]) {
      if (label === text && meta[name] === undefined && (name === "key" || meta.key === undefined)) meta[name] = r;
    }
  }
  if (meta.key === undefined) {
    return unreadable("corrupt", text.noHeader(sheetName, META_SCAN_ROWS), text);
  }
  const headerRow = meta.key;
  if (meta.schema === undefined || meta.schema > headerRow) {
    return unreadable("corrupt", text.noSchemaRow(sheetName), text);
  }
  const schemaCell = grid.cell(meta.schema, 1);
  if (schemaCell.kind === "number" && schemaCell.value > SCHEMA_VERSION) {
    return unreadable("future", text.newerSchema(sheetName, schemaCell.value, meta.schema), text);
  }
  if (schemaCell.kind !== "number" || schemaCell.value !== SCHEMA_VERSION) {
    return unreadable("corrupt", text.badSchema(sheetName, meta.schema, schemaCell), text);
  }
  if (meta.edition === undefined || meta.edition > headerRow) {
    return unreadable("corrupt", text.noEditionRow(sheetName), text);
  }
  const edition = grid.text(meta.edition, 1);
  if (!isEdition(edition)) {
    return /^\d{4}\.\d{2}-\d+$/.test(edition)
      ? unreadable("future", text.newerEdition(sheetName, meta.edition, edition), text)
      : unreadable("corrupt", text.badEdition(sheetName, meta.edition, grid.cell(meta.edition, 1)), text);
  }
  const book = bookFor(new Map(), edition);

  // The header: information columns, scenario columns, and a "changed at" right of a scenario.
  const infoColumns = new Map<InfoColumn, number>();
  const scenarioColumns = new Map<string, { value: number; changed?: number }>();
  let previousScenario: string | undefined;
  for (let c = 1; c < grid.width; c++) {
    const cell = grid.cell(headerRow, c);
    const header = grid.text(headerRow, c);
    const lower = header.toLowerCase();
    const info = INFO_COLUMNS.find((i) => i.toLowerCase() === lower);
    const scenarioBefore = previousScenario;
    previousScenario = undefined;
    if (cell.kind === "empty") {
      if (columnHasValues(grid, headerRow, c)) {
        problems.add(headerRow, c, text.unnamedColumn(headerRow, c));
      }
      continue;
    }
    if (cell.kind === "formula" || cell.kind === "other") {
      problems.add(headerRow, c, text.headerNotText(cell, c));
      continue;
    }
    if (info) {
      if (infoColumns.has(info)) problems.add(headerRow, c, text.secondInfo(info));
      else infoColumns.set(info, c);
      continue;
    }
    if (NOTES_HEADER.test(lower)) continue;
    if (lower === CHANGED_AT) {
      const owner = scenarioBefore === undefined ? undefined : scenarioColumns.get(scenarioBefore);
      if (owner && owner.changed === undefined) scenarioColumns.set(scenarioBefore!, { ...owner, changed: c });
      else problems.add(headerRow, c, text.strayChangedAt());
      continue;
    }
    if (scenarioNameFault(lower)) {
      problems.add(headerRow, c, text.badScenarioName(lower, c));
      continue;
    }
    if (scenarioColumns.has(lower)) {
      problems.add(headerRow, c, text.secondScenario(lower, scenarioColumns.get(lower)!.value));
      continue;
    }
    if (scenarioColumns.size >= LIMITS.scenarios) {
      problems.add(headerRow, c, text.tooManyScenarios(c));
      continue;
    }
    scenarioColumns.set(lower, { value: c });
    previousScenario = lower;
  }

  // Key rows: every row a key appears in; a duplicate is used nowhere.
  const keyRows = new Map<string, number[]>();
  for (let r = headerRow + 1; r < grid.height; r++) {
    const cell = grid.cell(r, 0);
    if (cell.kind === "empty") {
      for (const [name, col] of scenarioColumns) {
        if (grid.cell(r, col.value).kind !== "empty") {
          problems.add(r, col.value, text.valueWithoutKey(r, name));
          break;
        }
      }
      continue;
    }
    if (cell.kind !== "text") {
      problems.add(r, 0, text.keyNotText(cell, r));
      continue;
    }
    const key = cell.text.trim().toLowerCase();
    const rows = keyRows.get(key);
    if (rows) rows.push(r);
    else keyRows.set(key, [r]);
  }

  const scenarios = new Map<string, Record<string, OverrideEntry>>();
  for (const name of scenarioColumns.keys()) scenarios.set(name, {});
  for (const [key, rows] of keyRows) {
    const assumption = book.assumptions.get(key);
    if (!assumption) {
      for (const r of rows) {
        problems.add(r, 0, text.unknownKey(key, book.assumptions.keys(), r), key);
      }
      continue;
    }
    if (rows.length > 1) {
      const message = text.duplicateKey(key, rows);
      for (const r of rows) problems.add(r, 0, message, key);
      continue;
    }
    const r = rows[0]!;
    const defaultColumn = infoColumns.get("Default");
    if (defaultColumn !== undefined) {
      const d = grid.cell(r, defaultColumn);
      if (d.kind !== "number" || d.value !== assumption.shipped.value) {
        const base = scenarioColumns.get(DEFAULT_SCENARIO)?.value;
        problems.add(r, defaultColumn, text.defaultChanged(key, assumption.shipped.value, r, base), key);
      }
    }
    for (const [name, col] of scenarioColumns) {
      const cell = grid.cell(r, col.value);
      if (cell.kind === "empty") {
        const stale = col.changed === undefined ? undefined : grid.cell(r, col.changed);
        if (stale && stale.kind !== "empty" && !isTime(stale)) {
          problems.add(r, col.changed!, text.staleTime(stale), key);
        }
        continue;
      }
      const { unit, value: shipped } = assumption.shipped;
      if (cell.kind === "formula") {
        problems.add(r, col.value, text.formula(key, name, cell.formula, shipped), key);
        continue;
      }
      if (cell.kind !== "number") {
        problems.add(r, col.value, text.notNumber(key, name, unit, cell, shipped), key);
        continue;
      }
      const problem = boundsProblem(cell.value, assumption.bounds);
      if (problem) {
        problems.add(r, col.value, text.outOfBounds(key, name, problem, unit, cell.value, shipped), key);
        continue;
      }
      let changedAt: string | undefined;
      if (col.changed !== undefined) {
        const t = grid.cell(r, col.changed);
        changedAt = timeOf(t);
        if (t.kind !== "empty" && changedAt === undefined) {
          problems.add(r, col.changed, text.badTime(t), key);
        }
      }
      const value = cell.value + 0; // -0 is 0
      scenarios.get(name)![key] = changedAt === undefined ? { value } : { value, changedAt };
    }
  }

  if (!scenarios.has(DEFAULT_SCENARIO)) scenarios.set(DEFAULT_SCENARIO, {});
  let activeScenario = DEFAULT_SCENARIO;
  if (meta.active === undefined || meta.active > headerRow) {
    problems.add(0, 0, text.noActiveRow());
  } else {
    const named = grid.text(meta.active, 1).toLowerCase();
    if (named && scenarios.has(named)) activeScenario = named;
    else {
      problems.add(meta.active, 1, text.notAScenario(named, [...scenarios.keys()]));
    }
  }
  if (grid.clipped) {
    problems.add(Math.min(grid.height, MAX_ROWS - 1), 0, text.clipped());
  }

  const doc: AssumptionsDocument = {
    schema: SCHEMA_VERSION,
    bookVersion: edition,
    activeScenario,
    scenarios: Object.fromEntries(scenarios),
  };
  const layout: SheetLayout = {
    sheetName,
    headerRow,
    metaRows: {
      schema: meta.schema,
      edition: meta.edition,
      ...(meta.active !== undefined ? { active: meta.active } : {}),
    },
    keyRows,
    infoColumns,
    scenarioColumns,
    height: grid.height,
    width: grid.width,
    cells: grid.values,
  };
  return { status: "ok", doc, problems: problems.done(), layout };
}

function columnHasValues(grid: Grid, headerRow: number, column: number): boolean {
  for (let r = headerRow + 1; r < grid.height; r++) if (grid.cell(r, column).kind !== "empty") return true;
  return false;
}

function isTime(cell: Cell): boolean {
  return timeOf(cell) !== undefined;
}

function timeOf(cell: Cell): string | undefined {
  if (cell.kind === "text") return isIsoTime(cell.text.trim()) ? cell.text.trim() : undefined;
  if (cell.kind === "number") return serialToIso(cell.value);
  return undefined;
}

/* ------------------------------------------------------------------------------------------ */
/* Writing                                                                                    */

/** A value to write in one cell: a number, a text (written as text, never parsed), or "" to clear. */
export type CellValue = number | string;

export interface CellWrite {
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
}

/**
 * What saving a patch does to the workbook: create the sheet with these cells (a block from
 * A1), or write these cells of the existing one. Text cells are written with the "@" (text)
 * number format first, so that Excel never turns "2023-07" into a date or "-x" into a formula.
 */
export type SheetEdit =
  | { readonly kind: "create"; readonly cells: readonly (readonly CellValue[])[]; readonly headerRow: number }
  | { readonly kind: "cells"; readonly writes: readonly CellWrite[] };
