import { LATEST_EDITION, bookFor, boundsProblem, listOf, loadEditions, quote } from "../pricing";
import type { WorkbookContent } from "./backend";
import {
  DEFAULT_SCENARIO,
  DocumentError,
  LIMITS,
  emptyDocument,
  entryOf,
  hasScenario,
  scenarioOf,
  type AssumptionsDocument,
  type Patch,
} from "./document";
import { applyPatch, inverse } from "./patch";
import { planEdit } from "./plan";
import { SHEET_NAME, type SheetEdit } from "./sheet";
import { SHEET_TEXT } from "./sheetText";
import { interpretWith, messageOf, type AssumptionStore, type EditionChange } from "./store";
import { interpretSettings, scenarioName, settingsEditions, validateDocument } from "./validate";

/**
 * Editing the assumptions: what each of the store's edits (`AssumptionStore.set`, `import`...)
 * means as a patch, with its checks and messages, and the planning of the cells that save it.
 * Only an edit runs this, so it is a chunk of its own (`store-edit.js`, with ./plan, ./patch and
 * ./validate), loaded by the store on the first edit: opening a workbook never loads it, and the
 * functions bundle every open loads stays small (issue 15).
 */

export { SHEET_TEXT, interpretSettings, inverse, settingsEditions };

/** The edits, by the name of the store's method, with that method's arguments. */
export interface EditArgs {
  set: [key: string, value: number, scenario?: string];
  reset: [key: string, scenario?: string];
  resetAll: [scenario?: string];
  activate: [scenario: string];
  addScenario: [name: string, copyOf?: string];
  removeScenario: [name: string];
  import: [text: string];
  updateEdition: [];
}
export type EditOp = keyof EditArgs;

/** A patch and its label for the pane's Undo button. */
export interface PlannedChange {
  readonly patch: Patch;
  readonly label: string;
}

type Planner<K extends EditOp> = (
  store: AssumptionStore,
  now: string,
  ...args: EditArgs[K]
) => PlannedChange | Promise<PlannedChange>;

const EDITS: { readonly [K in EditOp]: Planner<K> } = {
  set: (store, now, key, value, scenario) => {
    const name = scenarioOrActive(store, scenario);
    const assumption = store.book(name).assumption(key);
    const problem = boundsProblem(value, assumption.bounds);
    if (problem) throw new DocumentError(`${assumption.label} ${problem} (${assumption.shipped.unit}).`);
    const entry = { value, changedAt: now };
    return { patch: { kind: "set", scenario: name, key: assumption.key, entry }, label: `set ${assumption.key}` };
  },
  reset: (store, _now, key, scenario) => {
    const name = scenarioOrActive(store, scenario);
    const assumption = store.book(name).assumption(key);
    return {
      patch: { kind: "set", scenario: name, key: assumption.key, entry: null },
      label: `reset ${assumption.key}`,
    };
  },
  resetAll: (store, _now, scenario) => {
    const name = scenarioOrActive(store, scenario);
    return { patch: { kind: "resetScenario", scenario: name, overrides: {} }, label: `reset all of ${name}` };
  },
  activate: (store, _now, scenario) => ({
    patch: { kind: "activate", scenario: scenarioOrActive(store, scenario) },
    label: "switch scenario",
  }),
  addScenario: (store, _now, name, copyOf) => {
    const { doc } = store.snapshot;
    const n = scenarioName(name);
    if (hasScenario(doc, n)) throw new DocumentError(`Scenario "${n}" exists already.`);
    if (Object.keys(doc.scenarios).length >= LIMITS.scenarios) {
      throw new DocumentError(`A workbook holds at most ${LIMITS.scenarios} scenarios.`);
    }
    const from = scenarioOf(doc, scenarioOrActive(store, copyOf)) ?? {};
    return { patch: { kind: "addScenario", scenario: n, overrides: from }, label: `add scenario ${n}` };
  },
  removeScenario: (store, _now, name) => {
    const n = scenarioOrActive(store, name);
    if (n === DEFAULT_SCENARIO) throw new DocumentError(`The "${DEFAULT_SCENARIO}" scenario cannot be removed.`);
    return { patch: { kind: "removeScenario", scenario: n }, label: `remove scenario ${n}` };
  },
  import: async (_store, _now, text) => ({ patch: { kind: "replace", doc: await imported(text) }, label: "import" }),
  updateEdition: () => ({ patch: { kind: "edition", bookVersion: LATEST_EDITION }, label: "update the price book" }),
};

/**
 * The patch of the edit `op` (the store's method of that name) with that method's arguments, on
 * what `store` holds now, or a DocumentError saying why it is refused (an unknown key or
 * scenario, a value out of bounds, a file that does not validate). `now` is the time of the
 * change (ISO 8601).
 *
 * Example: `patchFor(store, now, "set", ["Facility.PUE", 1.3])` on a workbook whose active
 * scenario is "base" is `{ kind: "set", scenario: "base", key: "facility.pue", entry: { value:
 * 1.3, changedAt: now } }`, labelled "set facility.pue".
 */
export async function patchFor<K extends EditOp>(
  store: AssumptionStore,
  now: string,
  op: K,
  args: EditArgs[K],
): Promise<PlannedChange> {
  return (EDITS[op] as Planner<K>)(store, now, ...args);
}

/** The scenario a user named (trimmed, any case), the active one when none; refused when unknown. */
function scenarioOrActive(store: AssumptionStore, scenario: string | undefined): string {
  const { doc } = store.snapshot;
  if (scenario === undefined || scenario === "") return doc.activeScenario;
  const n = scenario.trim().toLowerCase();
  if (!hasScenario(doc, n))
    throw new DocumentError(`Unknown scenario ${quote(scenario)}. This workbook has ${listOf(store.scenarios())}.`);
  return n;
}

/** An imported file's document: at most LIMITS.importBytes, JSON, and valid; else why not. */
async function imported(text: string): Promise<AssumptionsDocument> {
  if (text.length * 2 > LIMITS.importBytes) {
    const kb = (text.length * 2) / 1024;
    throw new DocumentError(
      `The file is ${kb.toFixed(0)} KB; an assumptions file is at most ${LIMITS.importBytes / 1024} KB.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DocumentError(`The file is not JSON: ${messageOf(error)}`);
  }
  await loadEditions(); // the file may name any shipped edition
  try {
    return validateDocument(data);
  } catch (error) {
    throw error instanceof DocumentError ? new DocumentError(`The file was not imported. ${error.message}`) : error;
  }
}

/**
 * The cells that save `patch` on the workbook as read in the write's batch (`current`), and the
 * document it applies to (for undo). Refused, with nothing written, when what is stored is
 * read-only (a newer add-in's sheet, a damaged one), or when the result would not validate.
 */
export function planSave(current: WorkbookContent, patch: Patch): { edit: SheetEdit; before: AssumptionsDocument } {
  const seen = interpretWith(current, interpretSettings, SHEET_TEXT);
  const overSettings = patch.kind === "replace" && seen.location === "settings";
  if (seen.status !== "ok" && seen.status !== "empty" && !overSettings) {
    throw new DocumentError(`The assumptions are read-only. ${seen.warning ?? ""}`.trim());
  }
  const before = seen.status === "ok" || seen.status === "empty" ? seen.doc : emptyDocument();
  validateDocument(applyPatch(before, patch));
  return { edit: planEdit(seen.read, before, patch), before };
}

/**
 * What moving to the latest price book would change in the active scenario of what `store`
 * holds (`AssumptionStore.editionChanges`): every key whose value in force differs between the
 * workbook's edition and the latest, the workbook's own overrides kept (they stay through an
 * update). Example: a workbook on 2023.10-1 lists aws.p5.48xlarge.ondemand from 98.32 to 55.04.
 */
export function editionChanges(store: AssumptionStore): EditionChange[] {
  const { doc } = store.snapshot;
  if (doc.bookVersion === LATEST_EDITION) return [];
  const now = store.book();
  const next = bookFor(new Map(), LATEST_EDITION);
  const keys = new Set([...now.assumptions.keys(), ...next.assumptions.keys()]);
  const changes: EditionChange[] = [];
  for (const key of keys) {
    const from = now.assumptions.get(key);
    const to = entryOf(doc, doc.activeScenario, key)?.value ?? next.assumptions.get(key)?.value;
    if (from?.value !== to)
      changes.push({ key, label: (from ?? next.assumptions.get(key))!.label, from: from?.value, to });
  }
  return changes;
}

/** Why Show sheet does nothing on a workbook without the sheet. */
export const NO_SHEET = `This workbook has no "${SHEET_NAME}" sheet yet: the add-in creates it, hidden, with the first change you save.`;
