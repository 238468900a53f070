import { LATEST_EDITION } from "../pricing";

/**
 * The assumptions of a workbook as data: the changes from the price book's defaults (by
 * scenario, with the time of each change), the schema of this data and the price-book edition
 * the numbers are built on. Pure data and pure functions, no Office import: ./sheet lays this
 * out in the workbook's cells, ./backend talks to Excel.
 *
 * The same shape is the JSON file the pane exports and imports, and the settings document of
 * version 0.1 (read, never written: see docs/design.md).
 */
export const SCHEMA_VERSION = 1;

/** Key of the 0.1 document in the workbook's settings (read for migration only). */
export const SETTINGS_KEY = "gpuCost.assumptions";

export const DEFAULT_SCENARIO = "base";

/** Limits of an imported or stored document: a hostile file cannot make us do unbounded work. */
export const LIMITS = { scenarios: 50, overridesPerScenario: 2_000, nameLength: 40, importBytes: 1024 * 1024 } as const;

export interface OverrideEntry {
  readonly value: number;
  /**
   * ISO 8601 time of the last change made through the add-in (pane or CLI); absent for a value
   * typed straight into the sheet.
   */
  readonly changedAt?: string;
}

/** Overrides of one scenario, by lower-case assumption key. */
export type ScenarioOverrides = Readonly<Record<string, OverrideEntry>>;

export interface AssumptionsDocument {
  readonly schema: number;
  readonly bookVersion: string;
  readonly activeScenario: string;
  /** By lower-case scenario name; look names up with `scenarioOf`/`hasScenario`, never `in`. */
  readonly scenarios: Readonly<Record<string, ScenarioOverrides>>;
}

export function emptyDocument(bookVersion: string = LATEST_EDITION): AssumptionsDocument {
  return {
    schema: SCHEMA_VERSION,
    bookVersion,
    activeScenario: DEFAULT_SCENARIO,
    scenarios: { [DEFAULT_SCENARIO]: {} },
  };
}

/**
 * Whether `object` has `key` as its own property: never a member of Object.prototype
 * ("constructor", "__proto__"). `Object.hasOwn` in ES2020 terms (the Office webviews this add-in
 * supports need not have ES2022's).
 */
export function own(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Whether the document has this scenario (own property only: "constructor" is not one). */
export function hasScenario(doc: AssumptionsDocument, name: string): boolean {
  return own(doc.scenarios, name);
}

/** A scenario's overrides, or undefined; safe for any name the user typed. */
export function scenarioOf(doc: AssumptionsDocument, name: string): ScenarioOverrides | undefined {
  return own(doc.scenarios, name) ? doc.scenarios[name] : undefined;
}

/** One override of a scenario, or undefined; safe for any key. */
export function entryOf(doc: AssumptionsDocument, scenario: string, key: string): OverrideEntry | undefined {
  const overrides = scenarioOf(doc, scenario);
  return overrides && own(overrides, key) ? overrides[key] : undefined;
}

/** Why a document (or a value, or a name) cannot be used, in words for the task pane. */
export class DocumentError extends Error {
  override name = "DocumentError";
}

const NAME = /^[a-z0-9][a-z0-9 _.-]*$/;

/**
 * Names that are members of every JavaScript object ("constructor", "toString", "__proto__"...):
 * never scenario names, so that no lookup anywhere can mistake a prototype member for one. The
 * sheet's own headers are reserved too.
 */
const RESERVED = new Set([
  ...Object.getOwnPropertyNames(Object.prototype).map((n) => n.toLowerCase()),
  // Headers of the assumptions sheet (./sheet): a scenario named so could not be told from them.
  ...["key", "label", "unit", "default", "source", "as of", "changed at"],
]);

/**
 * What is wrong with `name` (already lower-case) as a scenario name, or undefined when it is
 * one: "form" (1-40 letters, digits, spaces, "_", "-" or "." starting with a letter or digit),
 * "reserved" or "note" (it starts with "note"). The words are ./validate's `scenarioNameProblem`
 * (loaded with the editing code: the sheet's reader only needs to know).
 */
export function scenarioNameFault(name: string): "form" | "reserved" | "note" | undefined {
  if (name.length === 0 || name.length > LIMITS.nameLength || !NAME.test(name)) return "form";
  if (RESERVED.has(name)) return "reserved";
  if (/^notes?\b/.test(name)) return "note";
  return undefined;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether `text` is an ISO 8601 date-time with an offset (as the add-in writes them). */
export function isIsoTime(text: unknown): text is string {
  return typeof text === "string" && ISO_TIME.test(text) && !Number.isNaN(Date.parse(text));
}

/*
 * Validation of a document read from JSON (an imported file, the 0.1 settings) is ./validate,
 * and applying a patch ./patch: only an edit or a 0.1 workbook runs them, so the store loads
 * them on demand, outside the functions bundle that every workbook open loads (issue 15). Never
 * import or re-export them here: anything this file imports is in that bundle.
 */

/** The document as JSON text (what Export writes and Import reads). */
export function serialize(doc: AssumptionsDocument): string {
  return JSON.stringify(doc);
}

/**
 * One change to the assumptions. The store turns a patch into the writes of only the cells it
 * touches (./sheet), so co-authors' edits to other keys are never rewritten.
 */
export type Patch =
  | { readonly kind: "set"; readonly scenario: string; readonly key: string; readonly entry: OverrideEntry | null }
  | { readonly kind: "resetScenario"; readonly scenario: string; readonly overrides: ScenarioOverrides }
  | { readonly kind: "activate"; readonly scenario: string }
  | { readonly kind: "addScenario"; readonly scenario: string; readonly overrides: ScenarioOverrides }
  | { readonly kind: "removeScenario"; readonly scenario: string }
  | { readonly kind: "edition"; readonly bookVersion: string }
  | { readonly kind: "replace"; readonly doc: AssumptionsDocument };

/** A scenario's overrides as the pricing engine takes them. */
export function overridesOf(doc: AssumptionsDocument, scenario: string): Map<string, number> {
  return new Map(Object.entries(scenarioOf(doc, scenario) ?? {}).map(([k, e]) => [k, e.value]));
}
