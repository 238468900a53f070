import {
  EDITION_IDS,
  FOUNDING_EDITION,
  LATEST_EDITION,
  bookFor,
  boundsProblem,
  closest,
  isEdition,
  listOf,
  quote,
} from "../pricing";
import {
  DEFAULT_SCENARIO,
  DocumentError,
  LIMITS,
  SCHEMA_VERSION,
  emptyDocument,
  isIsoTime,
  own,
  scenarioNameFault,
  type AssumptionsDocument,
  type OverrideEntry,
  type ScenarioOverrides,
} from "./document";
import type { WorkbookContent } from "./backend";
import { SHEET_TEXT } from "./sheetText";
import { interpretWith, type Interpreted } from "./store";

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

/**
 * What a workbook's content means for the store, a 0.1 settings document included: pure, never
 * throws. The CLI and the tests use this; the store itself loads this file only when it edits or
 * reads a 0.1 workbook (see `interpretWith`).
 */
export function interpret(content: WorkbookContent): Interpreted {
  return interpretWith(content, interpretSettings, SHEET_TEXT);
}

/**
 * The editions a 0.1 settings document needs loaded: the latest, 2023.10-1 (whose defaults an
 * unusable one shows) and the one it names, if it parses.
 */
export function settingsEditions(settings: unknown): string[] {
  let recorded: unknown;
  try {
    const doc: unknown = typeof settings === "string" ? JSON.parse(settings) : settings;
    recorded = (doc as { bookVersion?: unknown } | null)?.bookVersion;
  } catch {
    recorded = undefined;
  }
  return [LATEST_EDITION, FOUNDING_EDITION, ...(typeof recorded === "string" ? [recorded] : [])];
}

/** What a 0.1 settings document means for the store (see `readStored`): never throws. */
export function interpretSettings(settings: unknown): Interpreted {
  const loaded = readStored(settings);
  if (loaded.status === "empty") return { status: "empty", doc: loaded.doc, problems: [], location: "none" };
  if (loaded.status === "ok") return { status: "ok", doc: loaded.doc, problems: [], location: "settings" };
  return {
    status: loaded.status,
    doc: loaded.doc,
    problems: [],
    location: "settings",
    warning: loaded.warning,
    raw: loaded.raw,
  };
}

/** Why `name` (already lower-case) is not a scenario name, or undefined when it is one. */
export function scenarioNameProblem(name: string): string | undefined {
  switch (scenarioNameFault(name)) {
    case "form":
      return `A scenario name is 1-${LIMITS.nameLength} letters, digits, spaces, "_", "-" or "." starting with a letter or digit; got ${quote(name)}.`;
    case "reserved":
      return `${quote(name)} is a reserved word, not a scenario name.`;
    case "note":
      return `${quote(name)} starts with "note", which marks a column of notes on the sheet.`;
    case undefined:
      return undefined;
  }
}

/** Lower-case, trimmed scenario name, or a DocumentError saying what a name may be. */
export function scenarioName(name: string): string {
  const n = name.trim().toLowerCase();
  const problem = scenarioNameProblem(n);
  if (problem) throw new DocumentError(problem);
  return n;
}
