import type { PriceBook } from "../pricing";
import { assumptionStore } from "../store/instance";
import * as P from "./params";

/** The streaming invocation Excel passes last to every GPU.* function. */
export type Live<T> = CustomFunctions.StreamingInvocation<T>;

/**
 * Runs a GPU.* function as a live cell. Every function streams so that a change to the
 * workbook's assumptions (an edit in the pane, an import, a co-author's save) reaches every
 * cell on every platform: Office.js has no call that makes Excel re-run non-volatile custom
 * functions, and Calculate Now does not (docs/design.md).
 *
 * The first result waits for the store's first load, so a workbook never shows the shipped
 * defaults' numbers before its own assumptions are read. `boundary` (cell or table) turns
 * whatever happens into a value or an Excel error; streaming functions must report errors
 * through setResult, as Excel ignores what they throw.
 */
export function live<T, R>(
  invocation: Live<R>,
  scenario: unknown,
  boundary: (compute: () => T) => R,
  compute: (book: PriceBook) => T,
): void {
  const store = assumptionStore();
  let cancelled = false;
  let unsubscribe = () => {};
  // The scenario argument does not change during an invocation (Excel starts a new one when
  // it does): read it once, not on every assumption change.
  let parsed: P.ScenarioArg | undefined;
  const push = () => {
    let result: R | CustomFunctions.Error;
    try {
      result = boundary(() => {
        const s = (parsed ??= P.scenario(scenario));
        return compute(store.book(s.name, s.overrides));
      });
    } catch (error) {
      result = error as CustomFunctions.Error;
    }
    invocation.setResult(result);
  };
  invocation.onCanceled = () => {
    cancelled = true;
    unsubscribe();
  };
  void store.ready.then(() => {
    if (cancelled) return;
    push();
    unsubscribe = store.subscribe(push);
  });
}
