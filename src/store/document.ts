import { z } from "zod";
import { EDITIONS, LATEST_EDITION, boundsProblem, bookFor, closest, listOf, quote } from "../pricing";

/**
 * What a workbook stores about its assumptions: the changes from the shipped defaults (by
 * scenario), the schema of this document, and the price-book edition the numbers are built
 * on. Pure data and pure functions: the Office side lives in ./backend.
 */
export const SCHEMA_VERSION = 1;

// zod compiles validators with `new Function` when it can; the pane's CSP forbids that, and
// nothing here is hot enough to need it.
z.config({ jitless: true });

/** Key of the document in the workbook's settings. */
export const SETTINGS_KEY = "gpuCost.assumptions";

export const DEFAULT_SCENARIO = "base";

/**
 * Office documents a 2 MB budget for one add-in's settings (Office.Settings reference); the
 * document is refused before saving past it, counted as UTF-16 bytes of its JSON (2 bytes a
 * character), the most conservative reading of a limit the docs give no unit for.
 */
export const SETTINGS_LIMIT_BYTES = 2 * 1024 * 1024;

/** Limits of an imported or stored document: a hostile file cannot make us do unbounded work. */
export const LIMITS = { scenarios: 50, overridesPerScenario: 2_000, nameLength: 40, importBytes: 1024 * 1024 } as const;

export interface OverrideEntry {
  readonly value: number;
  /** ISO 8601 time of the change. */
  readonly changedAt: string;
}

/** Overrides of one scenario, by lower-case assumption key. */
export type ScenarioOverrides = Readonly<Record<string, OverrideEntry>>;

export interface AssumptionsDocument {
  readonly schema: number;
  readonly bookVersion: string;
  readonly activeScenario: string;
  /** By lower-case scenario name. */
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

const NAME = /^[a-z0-9][a-z0-9 _.-]*$/;
const entrySchema = z.strictObject({
  value: z.number().refine(Number.isFinite, "must be a finite number"),
  changedAt: z.iso.datetime({ offset: true }),
});
const documentSchema = z.strictObject({
  schema: z.literal(SCHEMA_VERSION),
  bookVersion: z.string().max(LIMITS.nameLength),
  activeScenario: z.string().max(LIMITS.nameLength).regex(NAME),
  scenarios: z
    .record(
      z.string().max(LIMITS.nameLength).regex(NAME),
      z.record(z.string().max(120), entrySchema).refine((o) => Object.keys(o).length <= LIMITS.overridesPerScenario, {
        message: `at most ${LIMITS.overridesPerScenario} overrides a scenario`,
      }),
    )
    .refine((s) => Object.keys(s).length <= LIMITS.scenarios, { message: `at most ${LIMITS.scenarios} scenarios` }),
});

/** Why a document cannot be used, in words for the task pane. */
export class DocumentError extends Error {
  override name = "DocumentError";
}

/**
 * Checks a parsed document: shape (zod), a shipped edition, the active scenario exists, every
 * key known to that edition and every value inside its bounds. Returns the document typed.
 */
export function validateDocument(data: unknown): AssumptionsDocument {
  const parsed = documentSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join(".") : "document";
    throw new DocumentError(`${where}: ${issue.message}`);
  }
  const doc = parsed.data;
  if (!EDITIONS.has(doc.bookVersion)) {
    throw new DocumentError(
      `bookVersion "${doc.bookVersion}" is not an edition this add-in ships (${listOf([...EDITIONS.keys()])}).`,
    );
  }
  if (!(doc.activeScenario in doc.scenarios))
    throw new DocumentError(`activeScenario "${doc.activeScenario}" is not among the scenarios.`);
  const book = bookFor(new Map(), doc.bookVersion);
  for (const [scenario, overrides] of Object.entries(doc.scenarios)) {
    for (const [key, entry] of Object.entries(overrides)) {
      const assumption = book.assumptions.get(key);
      if (!assumption) {
        throw new DocumentError(
          `scenario ${quote(scenario)}: unknown key ${quote(key)} (closest: ${listOf(closest(key, book.assumptions.keys()))}).`,
        );
      }
      const problem = boundsProblem(entry.value, assumption.bounds);
      if (problem)
        throw new DocumentError(
          `scenario "${scenario}": ${key} ${problem} (${assumption.shipped.unit}); got ${entry.value}.`,
        );
    }
  }
  return doc;
}

/** How a stored text reads: usable, absent, or unusable (kept read-only, never overwritten). */
export type Loaded =
  | { readonly status: "ok"; readonly doc: AssumptionsDocument }
  | { readonly status: "empty"; readonly doc: AssumptionsDocument }
  | {
      readonly status: "future" | "corrupt";
      readonly doc: AssumptionsDocument;
      readonly raw: string;
      readonly warning: string;
    };

/** Reads what the workbook stores. Never throws: an unusable text becomes defaults, read-only. */
export function readStored(raw: string | undefined | null): Loaded {
  if (raw === undefined || raw === null || raw === "") return { status: "empty", doc: emptyDocument() };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return unusable("corrupt", raw, "The workbook's stored assumptions are not valid JSON.");
  }
  const schema = (data as { schema?: unknown } | null)?.schema;
  if (typeof schema === "number" && schema > SCHEMA_VERSION) {
    return unusable(
      "future",
      raw,
      `These assumptions were saved by a newer version of the add-in (schema ${schema}; this one reads ${SCHEMA_VERSION}). Update the add-in to edit them.`,
    );
  }
  try {
    return { status: "ok", doc: validateDocument(data) };
  } catch (error) {
    const why = error instanceof DocumentError ? error.message : String(error);
    const future = !EDITIONS.has(String((data as { bookVersion?: unknown }).bookVersion));
    return future
      ? unusable(
          "future",
          raw,
          `These assumptions use a price book this add-in does not have. Update the add-in. (${why})`,
        )
      : unusable("corrupt", raw, `The workbook's stored assumptions are damaged: ${why}`);
  }
}

function unusable(status: "future" | "corrupt", raw: string, warning: string): Loaded {
  return {
    status,
    raw,
    warning: `${warning} Showing the shipped defaults, read-only; the stored text is kept untouched.`,
    doc: emptyDocument(),
  };
}

/** The text saved in the workbook. */
export function serialize(doc: AssumptionsDocument): string {
  return JSON.stringify(doc);
}

/** Bytes the text takes against Office's settings budget (UTF-16). */
export function storedBytes(text: string): number {
  return text.length * 2;
}

/** Refuses a document too large for the workbook's settings, before anything is written. */
export function assertFits(text: string): void {
  const bytes = storedBytes(text);
  if (bytes > SETTINGS_LIMIT_BYTES) {
    throw new DocumentError(
      `The assumptions would take ${(bytes / 1048576).toFixed(2)} MB, over Office's ${SETTINGS_LIMIT_BYTES / 1048576} MB limit for an add-in's settings. Remove scenarios or overrides first.`,
    );
  }
}

/** Lower-case, trimmed scenario name, or a DocumentError saying what a name may be. */
export function scenarioName(name: string): string {
  const n = name.trim().toLowerCase();
  if (n.length === 0 || n.length > LIMITS.nameLength || !NAME.test(n)) {
    throw new DocumentError(
      `A scenario name is 1-${LIMITS.nameLength} letters, digits, spaces, "_", "-" or "."; got ${quote(name)}.`,
    );
  }
  return n;
}

/**
 * One change to a document. Changes are replayed onto the latest stored document before
 * every save, so co-authors' edits to other keys survive (see docs/design.md).
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
      const current = { ...(doc.scenarios[patch.scenario] ?? {}) };
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

/** A scenario's overrides as the pricing engine takes them. */
export function overridesOf(doc: AssumptionsDocument, scenario: string): Map<string, number> {
  return new Map(Object.entries(doc.scenarios[scenario] ?? {}).map(([k, e]) => [k, e.value]));
}
