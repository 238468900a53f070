import { DEFAULT_SCENARIO, entryOf, scenarioOf, type AssumptionsDocument, type Patch } from "./document";

/*
 * Applying and inverting a patch (./document declares `Patch`): only an edit runs these, so
 * they live outside the functions bundle, in the store's edit chunk (issue 15).
 */

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
