import { EDITION_IDS, isEdition, bookFor, boundsProblem, closest, listOf, quote } from "../pricing";
import {
  DEFAULT_SCENARIO,
  LIMITS,
  SCHEMA_VERSION,
  emptyDocument,
  isIsoTime,
  scenarioNameProblem,
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
export const SHEET_NOTE =
  'Written by the GPU Cost add-in. To override a default, type a number in a scenario column; clear the cell to use the default again. Rows may be sorted; keep the keys in column A as they are. A column headed "Notes" is yours: the add-in ignores it.';
/** A header starting with "note" marks the user's own column, which the add-in never reads. */
export const NOTES_HEADER = /^notes?\b/i;

const META = { schema: "schema", edition: "price book edition", active: "active scenario", key: "key" } as const;
export const META_LABELS = {
  schema: "Schema",
  edition: "Price book edition",
  active: "Active scenario",
  key: "Key",
} as const;
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

/** `'GPU Assumptions'!G12`: a sheet-qualified address as Excel writes it. */
export function qualified(sheetName: string, row: number, column: number): string {
  return `'${sheetName.replace(/'/g, "''")}'!${cellName(row, column)}`;
}

/* ------------------------------------------------------------------------------------------ */
/* Cells                                                                                      */

const ERROR_VALUE =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|CONNECT!|UNKNOWN!|PYTHON!)$/;

type Cell =
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

class Problems {
  readonly list: SheetProblem[] = [];
  private dropped = 0;
  constructor(private readonly sheetName: string) {}

  add(row: number, column: number, message: string, key?: string): void {
    if (this.list.length >= MAX_PROBLEMS) {
      this.dropped++;
      return;
    }
    const address = qualified(this.sheetName, row, column);
    this.list.push(key === undefined ? { address, message } : { address, key, message });
  }

  done(): SheetProblem[] {
    if (this.dropped > 0) {
      this.list.push({
        address: `'${this.sheetName.replace(/'/g, "''")}'`, // the sheet itself: a summary, not a cell
        message: `${this.dropped} more cells do not validate; fix the ones above first.`,
      });
    }
    return this.list;
  }
}

function unreadable(status: "future" | "corrupt", warning: string, problems: SheetProblem[] = []): SheetRead {
  const tail =
    status === "future"
      ? " Showing the shipped defaults, read-only; the sheet is never overwritten."
      : " Showing the shipped defaults, read-only; nothing on the sheet is changed.";
  return { status, doc: emptyDocument(), problems, warning: `${warning}${tail}` };
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
 * `clipped` says the reader left cells beyond MAX_ROWS x MAX_COLUMNS unread. Never throws,
 * whatever the grid holds.
 */
export function readSheet(
  values: unknown,
  options: { readonly formulas?: unknown; readonly sheetName?: string; readonly clipped?: boolean } = {},
): SheetRead {
  const sheetName = options.sheetName ?? SHEET_NAME;
  const grid = new Grid(values, options.formulas, options.clipped === true);
  const problems = new Problems(sheetName);
  const at = (row: number, column: number) => qualified(sheetName, row, column);

  // Rows above the header, found by their label in column A.
  const meta: Partial<Record<keyof typeof META, number>> = {};
  for (let r = 0; r < Math.min(grid.height, META_SCAN_ROWS); r++) {
    const label = grid.text(r, 0).toLowerCase();
    for (const [name, text] of Object.entries(META) as [keyof typeof META, string][]) {
      if (label === text && meta[name] === undefined && (name === "key" || meta.key === undefined)) meta[name] = r;
    }
  }
  if (meta.key === undefined) {
    return unreadable(
      "corrupt",
      `The sheet '${sheetName}' has no header row: a cell of column A in its first ${META_SCAN_ROWS} rows should read "Key" (A${NEW_ROWS.header + 1} as the add-in wrote it).`,
    );
  }
  const headerRow = meta.key;
  if (meta.schema === undefined || meta.schema > headerRow) {
    return unreadable(
      "corrupt",
      `The sheet '${sheetName}' has no "Schema" row above its header (A${NEW_ROWS.schema + 1}).`,
    );
  }
  const schemaCell = grid.cell(meta.schema, 1);
  if (schemaCell.kind === "number" && schemaCell.value > SCHEMA_VERSION) {
    return unreadable(
      "future",
      `The sheet '${sheetName}' was written by a newer version of the add-in (schema ${schemaCell.value} in ${at(meta.schema, 1)}; this one reads ${SCHEMA_VERSION}). Update the add-in to edit it.`,
    );
  }
  if (schemaCell.kind !== "number" || schemaCell.value !== SCHEMA_VERSION) {
    return unreadable(
      "corrupt",
      `${at(meta.schema, 1)} should hold the schema number ${SCHEMA_VERSION}; it holds ${shown(schemaCell)}.`,
    );
  }
  if (meta.edition === undefined || meta.edition > headerRow) {
    return unreadable(
      "corrupt",
      `The sheet '${sheetName}' has no "Price book edition" row above its header (A${NEW_ROWS.edition + 1}).`,
    );
  }
  const edition = grid.text(meta.edition, 1);
  if (!isEdition(edition)) {
    const known = listOf(EDITION_IDS);
    return /^\d{4}\.\d{2}-\d+$/.test(edition)
      ? unreadable(
          "future",
          `${at(meta.edition, 1)} names the price book "${edition}", which this add-in does not have (it ships ${known}). Update the add-in to edit it.`,
        )
      : unreadable(
          "corrupt",
          `${at(meta.edition, 1)} should name a price-book edition (${known}); it holds ${shown(grid.cell(meta.edition, 1))}.`,
        );
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
        problems.add(
          headerRow,
          c,
          `Column ${columnName(c)} has values but no scenario name in ${cellName(headerRow, c)}; they are not used.`,
        );
      }
      continue;
    }
    if (cell.kind === "formula" || cell.kind === "other") {
      problems.add(
        headerRow,
        c,
        `A header is a scenario name typed as text; ${shown(cell)} is not. Column ${columnName(c)} is not used.`,
      );
      continue;
    }
    if (info) {
      if (infoColumns.has(info))
        problems.add(headerRow, c, `A second "${info}" column; only the first is the reference.`);
      else infoColumns.set(info, c);
      continue;
    }
    if (NOTES_HEADER.test(lower)) continue;
    if (lower === CHANGED_AT) {
      const owner = scenarioBefore === undefined ? undefined : scenarioColumns.get(scenarioBefore);
      if (owner && owner.changed === undefined) scenarioColumns.set(scenarioBefore!, { ...owner, changed: c });
      else
        problems.add(
          headerRow,
          c,
          `A "${CHANGED_AT}" column belongs right of a scenario column; this one is not used.`,
        );
      continue;
    }
    const nameProblem = scenarioNameProblem(lower);
    if (nameProblem) {
      problems.add(headerRow, c, `${nameProblem} Column ${columnName(c)} is not used.`);
      continue;
    }
    if (scenarioColumns.has(lower)) {
      problems.add(
        headerRow,
        c,
        `Scenario "${lower}" has a column already (${columnName(scenarioColumns.get(lower)!.value)}); this one is not used.`,
      );
      continue;
    }
    if (scenarioColumns.size >= LIMITS.scenarios) {
      problems.add(
        headerRow,
        c,
        `A workbook holds at most ${LIMITS.scenarios} scenarios; column ${columnName(c)} is not used.`,
      );
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
          problems.add(
            r,
            col.value,
            `A value in row ${r + 1} (scenario "${name}") has no key in column A; it is not used.`,
          );
          break;
        }
      }
      continue;
    }
    if (cell.kind !== "text") {
      problems.add(r, 0, `A key is text such as "facility.pue"; ${shown(cell)} is not. Row ${r + 1} is not used.`);
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
        problems.add(
          r,
          0,
          `Unknown key ${quote(key)} (closest: ${listOf(closest(key, book.assumptions.keys()))}); row ${r + 1} is not used.`,
          key,
        );
      }
      continue;
    }
    if (rows.length > 1) {
      const where = rows.map((r) => cellName(r, 0)).join(", ");
      for (const r of rows) {
        problems.add(r, 0, `${key} appears in ${where}; none of them is used until one remains.`, key);
      }
      continue;
    }
    const r = rows[0]!;
    const defaultColumn = infoColumns.get("Default");
    if (defaultColumn !== undefined) {
      const d = grid.cell(r, defaultColumn);
      if (d.kind !== "number" || d.value !== assumption.shipped.value) {
        const where = scenarioColumns.get(DEFAULT_SCENARIO);
        problems.add(
          r,
          defaultColumn,
          `The Default column shows the edition's value of ${key} (${assumption.shipped.value}) for reference; changing it has no effect${where ? `: type your value in ${cellName(r, where.value)}` : ""}.`,
          key,
        );
      }
    }
    for (const [name, col] of scenarioColumns) {
      const cell = grid.cell(r, col.value);
      if (cell.kind === "empty") {
        const stale = col.changed === undefined ? undefined : grid.cell(r, col.changed);
        if (stale && stale.kind !== "empty" && !isTime(stale)) {
          problems.add(r, col.changed!, `Not a time (${shown(stale)}); ignored.`, key);
        }
        continue;
      }
      const where = `${key} (scenario "${name}")`;
      const fallback = `Not used: the default ${assumption.shipped.value} applies.`;
      if (cell.kind === "formula") {
        problems.add(
          r,
          col.value,
          `${where} holds a formula (${quote(cell.formula)}); type the number itself. A formula's result can change without the add-in knowing. ${fallback}`,
          key,
        );
        continue;
      }
      if (cell.kind !== "number") {
        problems.add(
          r,
          col.value,
          `${where} must be a number (${assumption.shipped.unit}); ${shown(cell)} is not. ${fallback}`,
          key,
        );
        continue;
      }
      const problem = boundsProblem(cell.value, assumption.bounds);
      if (problem) {
        problems.add(
          r,
          col.value,
          `${where} ${problem} (${assumption.shipped.unit}); got ${cell.value}. ${fallback}`,
          key,
        );
        continue;
      }
      let changedAt: string | undefined;
      if (col.changed !== undefined) {
        const t = grid.cell(r, col.changed);
        changedAt = timeOf(t);
        if (t.kind !== "empty" && changedAt === undefined) {
          problems.add(r, col.changed, `Not a time (${shown(t)}); the value still applies.`, key);
        }
      }
      const value = cell.value + 0; // -0 is 0
      scenarios.get(name)![key] = changedAt === undefined ? { value } : { value, changedAt };
    }
  }

  if (!scenarios.has(DEFAULT_SCENARIO)) scenarios.set(DEFAULT_SCENARIO, {});
  let activeScenario = DEFAULT_SCENARIO;
  if (meta.active === undefined || meta.active > headerRow) {
    problems.add(0, 0, `No "Active scenario" row above the header; "${DEFAULT_SCENARIO}" is active.`);
  } else {
    const named = grid.text(meta.active, 1).toLowerCase();
    if (named && scenarios.has(named)) activeScenario = named;
    else {
      problems.add(
        meta.active,
        1,
        `${named ? quote(named) : "An empty cell"} is not a scenario of this sheet (${listOf([...scenarios.keys()])}); "${DEFAULT_SCENARIO}" is active.`,
      );
    }
  }
  if (grid.clipped) {
    problems.add(
      Math.min(grid.height, MAX_ROWS - 1),
      0,
      `The sheet is read up to row ${MAX_ROWS} and column ${columnName(MAX_COLUMNS - 1)}; cells beyond are not used.`,
    );
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

function shown(cell: Cell): string {
  switch (cell.kind) {
    case "empty":
      return "nothing";
    case "number":
      return `the number ${cell.value}`;
    case "text":
      return `the text ${quote(cell.text)}`;
    case "formula":
      return `the formula ${quote(cell.formula)}`;
    case "other":
      return cell.shown;
  }
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
