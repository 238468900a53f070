import {
  FOUNDING_EDITION,
  EDITION_IDS,
  isEdition,
  LATEST_EDITION,
  boundsProblem,
  bookFor,
  closest,
  listOf,
  quote,
} from "../pricing";

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

/** Why `name` (already lower-case) is not a scenario name, or undefined when it is one. */
export function scenarioNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > LIMITS.nameLength || !NAME.test(name)) {
    return `A scenario name is 1-${LIMITS.nameLength} letters, digits, spaces, "_", "-" or "." starting with a letter or digit; got ${quote(name)}.`;
  }
  if (RESERVED.has(name)) return `${quote(name)} is a reserved word, not a scenario name.`;
  if (/^notes?\b/.test(name)) return `${quote(name)} starts with "note", which marks a column of notes on the sheet.`;
  return undefined;
}

/** Lower-case, trimmed scenario name, or a DocumentError saying what a name may be. */
export function scenarioName(name: string): string {
  const n = name.trim().toLowerCase();
  const problem = scenarioNameProblem(n);
  if (problem) throw new DocumentError(problem);
  return n;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether `text` is an ISO 8601 date-time with an offset (as the add-in writes them). */
export function isIsoTime(text: unknown): text is string {
  return typeof text === "string" && ISO_TIME.test(text) && !Number.isNaN(Date.parse(text));
}

/* ---------------------------------------------------------------------------------------------
 * Validation of a document read from JSON (an imported file, the 0.1 settings): a small
 * hand-written checker instead of a schema library, so that the functions bundle stays small
 * (issue 15). Each check names the path of what is wrong.
 */

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** `scenarios.base["facility.pue"].value`: where a problem is, as a reader would write it. */
function pathOf(parts: readonly string[]): string {
  return parts
    .map((p, i) => (i > 0 && !/^[a-z_][a-z0-9_]*$/i.test(p) ? `[${JSON.stringify(p)}]` : i ? `.${p}` : p))
    .join("");
}

function fail(parts: readonly string[], message: string): never {
  throw new DocumentError(`${parts.length ? pathOf(parts) : "document"}: ${message}`);
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "a list";
  if (typeof x === "string") return `the text ${quote(x)}`;
  return typeof x === "object" ? "an object" : `${typeof x} ${String(x)}`;
}

function onlyFields(x: Record<string, unknown>, allowed: readonly string[], at: string[]): void {
  for (const k of Object.keys(x)) {
    if (!allowed.includes(k)) fail(at, `Unrecognized field ${quote(k)}; a document has only ${listOf(allowed)}.`);
  }
}

function entryFrom(x: unknown, at: string[]): OverrideEntry {
  if (!isRecord(x)) fail(at, `expected an object with "value" and "changedAt"; got ${describe(x)}.`);
  onlyFields(x, ["value", "changedAt"], at);
  const value = x["value"];
  if (typeof value !== "number" || !Number.isFinite(value))
    fail([...at, "value"], `expected a finite number; got ${describe(value)}.`);
  const changedAt = x["changedAt"];
  if (changedAt === undefined) return { value };
  if (!isIsoTime(changedAt))
    fail([...at, "changedAt"], `expected an ISO 8601 time such as "2026-11-25T10:00:00Z"; got ${describe(changedAt)}.`);
  return { value, changedAt };
}

/**
 * Checks parsed JSON: its shape, a shipped edition, the active scenario exists, every scenario
 * name allowed, every key known to that edition and every value inside its bounds. Returns
 * the document typed (rebuilt from the checked parts: nothing unchecked is carried over), or
 * throws a DocumentError naming what is wrong. Never throws anything else.
 */
export function validateDocument(data: unknown): AssumptionsDocument {
  if (!isRecord(data)) fail([], `expected an object; got ${describe(data)}.`);
  onlyFields(data, ["schema", "bookVersion", "activeScenario", "scenarios"], []);
  if (data["schema"] !== SCHEMA_VERSION)
    fail(["schema"], `expected ${SCHEMA_VERSION}; got ${describe(data["schema"])}.`);
  const bookVersion = data["bookVersion"];
  if (typeof bookVersion !== "string" || bookVersion.length > LIMITS.nameLength)
    fail(["bookVersion"], `expected an edition such as "${LATEST_EDITION}"; got ${describe(bookVersion)}.`);
  if (!isEdition(bookVersion)) {
    fail(["bookVersion"], `"${bookVersion}" is not an edition this add-in ships (${listOf(EDITION_IDS)}).`);
  }
  const active = data["activeScenario"];
  if (typeof active !== "string") fail(["activeScenario"], `expected a scenario name; got ${describe(active)}.`);
  const scenariosIn = data["scenarios"];
  if (!isRecord(scenariosIn)) fail(["scenarios"], `expected an object of scenarios; got ${describe(scenariosIn)}.`);
  const names = Object.keys(scenariosIn);
  if (names.length > LIMITS.scenarios)
    fail(["scenarios"], `at most ${LIMITS.scenarios} scenarios; got ${names.length}.`);
  const book = bookFor(new Map(), bookVersion);
  const scenarios: Record<string, ScenarioOverrides> = {};
  for (const name of names) {
    const nameProblem = scenarioNameProblem(name);
    if (nameProblem) fail(["scenarios"], nameProblem);
    const overridesIn = scenariosIn[name];
    if (!isRecord(overridesIn))
      fail(["scenarios", name], `expected an object of overrides; got ${describe(overridesIn)}.`);
    const keys = Object.keys(overridesIn);
    if (keys.length > LIMITS.overridesPerScenario)
      fail(["scenarios", name], `at most ${LIMITS.overridesPerScenario} overrides a scenario; got ${keys.length}.`);
    const overrides: Record<string, OverrideEntry> = {};
    for (const key of keys) {
      const assumption = book.assumptions.get(key);
      if (!assumption) {
        fail(
          ["scenarios", name],
          `unknown key ${quote(key)} (closest: ${listOf(closest(key, book.assumptions.keys()))}).`,
        );
      }
      const entry = entryFrom(overridesIn[key], ["scenarios", name, key]);
      const problem = boundsProblem(entry.value, assumption.bounds);
      if (problem) fail(["scenarios", name, key], `${problem} (${assumption.shipped.unit}); got ${entry.value}.`);
      overrides[key] = entry;
    }
    scenarios[name] = overrides;
  }
  if (!own(scenarios, active))
    fail(["activeScenario"], `${quote(active)} is not among the scenarios (${listOf(names)}).`);
  if (!own(scenarios, DEFAULT_SCENARIO)) fail(["scenarios"], `the "${DEFAULT_SCENARIO}" scenario is missing.`);
  return { schema: SCHEMA_VERSION, bookVersion, activeScenario: active, scenarios };
}

/** How a stored 0.1 settings text reads: usable, absent, or unusable (kept read-only, never overwritten). */
export type Loaded =
  | { readonly status: "ok"; readonly doc: AssumptionsDocument }
  | { readonly status: "empty"; readonly doc: AssumptionsDocument }
  | {
      readonly status: "future" | "corrupt";
      readonly doc: AssumptionsDocument;
      readonly raw: string;
      readonly warning: string;
    };

/**
 * Reads the 0.1 settings document. Never throws, whatever the text (`null`, `{"bookVersion":
 * {"toString":1}}`...): an unusable text becomes the shipped defaults, read-only, with a warning.
 */
export function readStored(raw: unknown): Loaded {
  if (raw === undefined || raw === null || raw === "") return { status: "empty", doc: emptyDocument() };
  const text = typeof raw === "string" ? raw : safeJson(raw);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return unusable("corrupt", text, "The workbook's stored assumptions are not valid JSON.");
  }
  const schema = isRecord(data) ? data["schema"] : undefined;
  if (typeof schema === "number" && schema > SCHEMA_VERSION) {
    return unusable(
      "future",
      text,
      `These assumptions were saved by a newer version of the add-in (schema ${schema}; this one reads ${SCHEMA_VERSION}). Update the add-in to edit them.`,
    );
  }
  try {
    return { status: "ok", doc: validateDocument(data) };
  } catch (error) {
    const why = error instanceof DocumentError ? error.message : "unreadable";
    const edition = isRecord(data) ? data["bookVersion"] : undefined;
    return typeof edition === "string" && !isEdition(edition) && /^\d{4}\.\d{2}-\d+$/.test(edition)
      ? unusable(
          "future",
          text,
          `These assumptions use a price book this add-in does not have. Update the add-in. (${why})`,
        )
      : unusable("corrupt", text, `The workbook's stored assumptions are damaged: ${why}`);
  }
}

function safeJson(x: unknown): string {
  try {
    return JSON.stringify(x) ?? String(typeof x);
  } catch {
    return String(typeof x);
  }
}

/**
 * A 0.1 settings document that cannot be used: read-only, with the defaults of the edition
 * every 0.1 workbook was built on (0.1 shipped 2023.10-1 alone), never the latest's.
 */
function unusable(status: "future" | "corrupt", raw: string, warning: string): Loaded {
  return {
    status,
    raw,
    warning: `${warning} Showing the shipped defaults of edition ${FOUNDING_EDITION} (the one 0.1 workbooks were built on), read-only; the stored text is kept untouched.`,
    doc: emptyDocument(FOUNDING_EDITION),
  };
}

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

/** The document with `patch` applied; the input is never modified. */
export function applyPatch(doc: AssumptionsDocument, patch: Patch): AssumptionsDocument {
  switch (patch.kind) {
    case "set": {
      const current = { ...(scenarioOf(doc, patch.scenario) ?? {}) };
      if (patch.entry) current[patch.key] = patch.entry;
      else delete current[patch.key];
      return { ...doc, scenarios: { ...doc.scenarios, [patch.scenario]: current } };
    }
    case "resetScenario":
    case "addScenario":
      return { ...doc, scenarios: { ...doc.scenarios, [patch.scenario]: patch.overrides } };
    case "activate":
      return { ...doc, activeScenario: patch.scenario };
    case "removeScenario": {
      const scenarios = { ...doc.scenarios };
      delete scenarios[patch.scenario];
      const activeScenario = doc.activeScenario === patch.scenario ? DEFAULT_SCENARIO : doc.activeScenario;
      return { ...doc, scenarios: { [DEFAULT_SCENARIO]: {}, ...scenarios }, activeScenario };
    }
    case "edition":
      return { ...doc, bookVersion: patch.bookVersion };
    case "replace":
      return patch.doc;
  }
}

/** The patch that undoes `patch` applied to `before` (for what it touched). */
export function inverse(before: AssumptionsDocument, patch: Patch): Patch {
  switch (patch.kind) {
    case "set":
      return { ...patch, entry: entryOf(before, patch.scenario, patch.key) ?? null };
    case "resetScenario":
      return { ...patch, overrides: scenarioOf(before, patch.scenario) ?? {} };
    case "activate":
      return { kind: "activate", scenario: before.activeScenario };
    case "addScenario":
      return { kind: "removeScenario", scenario: patch.scenario };
    case "removeScenario":
      return { kind: "addScenario", scenario: patch.scenario, overrides: scenarioOf(before, patch.scenario) ?? {} };
    case "edition":
      return { kind: "edition", bookVersion: before.bookVersion };
    case "replace":
      return { kind: "replace", doc: before };
  }
}

/** A scenario's overrides as the pricing engine takes them. */
export function overridesOf(doc: AssumptionsDocument, scenario: string): Map<string, number> {
  return new Map(Object.entries(scenarioOf(doc, scenario) ?? {}).map(([k, e]) => [k, e.value]));
}
