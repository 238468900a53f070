import { EDITION_IDS, closest, listOf, quote } from "../pricing";
import { DEFAULT_SCENARIO, LIMITS, SCHEMA_VERSION } from "./document";
import {
  CHANGED_AT,
  MAX_COLUMNS,
  MAX_PROBLEMS,
  MAX_ROWS,
  NEW_ROWS,
  cellName,
  columnName,
  type Cell,
  type ProblemList,
  type SheetProblem,
  type SheetText,
} from "./sheetCore";
import { scenarioNameProblem } from "./validate";

/**
 * What the assumptions sheet's problems and warnings say, in words for the pane and the CLI:
 * each names the cell, what it holds and what is accepted. Only a workbook whose sheet has a
 * problem (or that has no usable sheet) shows them, so the store loads this with its editing code
 * (the store-edit chunk), not in the functions bundle every workbook open loads (issue 15);
 * ./sheetCore finds the problems and calls these. Rows and columns are 0-based.
 */
export const SHEET_TEXT: SheetText = {
  readOnly: (status) =>
    status === "future"
      ? " Showing the shipped defaults, read-only; the sheet is never overwritten."
      : " Showing the shipped defaults, read-only; nothing on the sheet is changed.",
  noHeader: (sheetName, scanRows) =>
    `The sheet '${sheetName}' has no header row: a cell of column A in its first ${scanRows} rows should read "Key" (A${NEW_ROWS.header + 1} as the add-in wrote it).`,
  noSchemaRow: (sheetName) =>
    `The sheet '${sheetName}' has no "Schema" row above its header (A${NEW_ROWS.schema + 1}).`,
  newerSchema: (sheetName, schema, row) =>
    `The sheet '${sheetName}' was written by a newer version of the add-in (schema ${schema} in ${qualified(sheetName, row, 1)}; this one reads ${SCHEMA_VERSION}). Update the add-in to edit it.`,
  badSchema: (sheetName, row, cell) =>
    `${qualified(sheetName, row, 1)} should hold the schema number ${SCHEMA_VERSION}; it holds ${shown(cell)}.`,
  noEditionRow: (sheetName) =>
    `The sheet '${sheetName}' has no "Price book edition" row above its header (A${NEW_ROWS.edition + 1}).`,
  newerEdition: (sheetName, row, edition) =>
    `${qualified(sheetName, row, 1)} names the price book "${edition}", which this add-in does not have (it ships ${listOf(EDITION_IDS)}). Update the add-in to edit it.`,
  badEdition: (sheetName, row, cell) =>
    `${qualified(sheetName, row, 1)} should name a price-book edition (${listOf(EDITION_IDS)}); it holds ${shown(cell)}.`,
  unnamedColumn: (headerRow, c) =>
    `Column ${columnName(c)} has values but no scenario name in ${cellName(headerRow, c)}; they are not used.`,
  headerNotText: (cell, c) =>
    `A header is a scenario name typed as text; ${shown(cell)} is not. Column ${columnName(c)} is not used.`,
  secondInfo: (info) => `A second "${info}" column; only the first is the reference.`,
  strayChangedAt: () => `A "${CHANGED_AT}" column belongs right of a scenario column; this one is not used.`,
  badScenarioName: (name, c) => `${scenarioNameProblem(name)} Column ${columnName(c)} is not used.`,
  secondScenario: (name, first) =>
    `Scenario "${name}" has a column already (${columnName(first)}); this one is not used.`,
  tooManyScenarios: (c) =>
    `A workbook holds at most ${LIMITS.scenarios} scenarios; column ${columnName(c)} is not used.`,
  valueWithoutKey: (r, scenario) =>
    `A value in row ${r + 1} (scenario "${scenario}") has no key in column A; it is not used.`,
  keyNotText: (cell, r) => `A key is text such as "facility.pue"; ${shown(cell)} is not. Row ${r + 1} is not used.`,
  unknownKey: (key, known, r) =>
    `Unknown key ${quote(key)} (closest: ${listOf(closest(key, known))}); row ${r + 1} is not used.`,
  duplicateKey: (key, rows) =>
    `${key} appears in ${rows.map((r) => cellName(r, 0)).join(", ")}; none of them is used until one remains.`,
  defaultChanged: (key, shipped, r, baseColumn) =>
    `The Default column shows the edition's value of ${key} (${shipped}) for reference; changing it has no effect${baseColumn !== undefined ? `: type your value in ${cellName(r, baseColumn)}` : ""}.`,
  staleTime: (cell) => `Not a time (${shown(cell)}); ignored.`,
  formula: (key, scenario, formula, shipped) =>
    `${where(key, scenario)} holds a formula (${quote(formula)}); type the number itself. A formula's result can change without the add-in knowing. ${fallback(shipped)}`,
  notNumber: (key, scenario, unit, cell, shipped) =>
    `${where(key, scenario)} must be a number (${unit}); ${shown(cell)} is not. ${fallback(shipped)}`,
  outOfBounds: (key, scenario, problem, unit, value, shipped) =>
    `${where(key, scenario)} ${problem} (${unit}); got ${value}. ${fallback(shipped)}`,
  badTime: (cell) => `Not a time (${shown(cell)}); the value still applies.`,
  noActiveRow: () => `No "Active scenario" row above the header; "${DEFAULT_SCENARIO}" is active.`,
  notAScenario: (named, scenarios) =>
    `${named ? quote(named) : "An empty cell"} is not a scenario of this sheet (${listOf(scenarios)}); "${DEFAULT_SCENARIO}" is active.`,
  clipped: () =>
    `The sheet is read up to row ${MAX_ROWS} and column ${columnName(MAX_COLUMNS - 1)}; cells beyond are not used.`,
  problems: (sheetName) => problemList(sheetName, (said) => said),
  lookalikes: (names, sheetName) =>
    `Several sheets look like the assumptions sheet (${listOf(names)}) and none is named "${sheetName}". Rename the one to use "${sheetName}". Showing the shipped defaults, read-only.`,
  sheetGone: (sheetName, location) =>
    `The "${sheetName}" sheet is gone (deleted or renamed): the workbook computes with ${location === "settings" ? "its 0.1 settings" : "the shipped defaults"}. Undo in Excel restores it; otherwise your next change creates a new one.`,
};

/** `'GPU Assumptions'!G12`: a sheet-qualified address as Excel writes it. */
export function qualified(sheetName: string, row: number, column: number): string {
  return `'${sheetName.replace(/'/g, "''")}'!${cellName(row, column)}`;
}

/**
 * The problems of a sheet: each with its address (`'GPU Assumptions'!G12`), at most
 * MAX_PROBLEMS (a pasted block of junk must not produce a million lines), then one line saying
 * how many more there are. `message` rewords each (the store's fallback when these words could
 * not be loaded).
 */
export function problemList(sheetName: string, message: (said: string) => string): ProblemList {
  const list: SheetProblem[] = [];
  let dropped = 0;
  return {
    add(row, column, said, key) {
      if (list.length >= MAX_PROBLEMS) {
        dropped++;
        return;
      }
      const address = qualified(sheetName, row, column);
      list.push(key === undefined ? { address, message: message(said) } : { address, key, message: message(said) });
    },
    done() {
      if (dropped > 0) {
        list.push({
          address: `'${sheetName.replace(/'/g, "''")}'`, // the sheet itself: a summary, not a cell
          message: `${dropped} more cells do not validate; fix the ones above first.`,
        });
      }
      return list;
    },
  };
}

/** `facility.pue (scenario "bull")` */
function where(key: string, scenario: string): string {
  return `${key} (scenario "${scenario}")`;
}

function fallback(shipped: number): string {
  return `Not used: the default ${shipped} applies.`;
}

/** A cell as a sentence names it: "the number 3", "the text "x"", "#N/A", "nothing". */
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
