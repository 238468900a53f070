import type { PriceBook } from "../pricing";
import { assumptionStore } from "../store/instance";
import { excelResult, sameResult, toExcelError, type CellResult } from "./excel";
import * as P from "./params";

/** The streaming invocation Excel passes last to every GPU.* function that reads the price book. */
export type Live = CustomFunctions.StreamingInvocation<any[][]>;

/**
 * Runs a GPU.* function as a live cell. Functions that read the price book stream so that a
 * change to the workbook's assumptions (an edit in the pane, an import, a co-author's edit)
 * reaches every cell on every platform: Office.js has no call that makes Excel re-run
 * non-volatile custom functions, and Calculate Now does not (docs/design.md).
 *
 * The first result waits for the store's first load, so a workbook never shows the shipped
 * defaults' numbers before its own assumptions are read. After that a cell sends Excel a
 * result only when it differs from the last one sent: an assumption edit that does not touch
 * a cell's inputs costs Excel nothing. `compute` returns the cell's grid (./grid, ./excel):
 * errors are values in it, never thrown.
 */
export function live(
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
  scenario: unknown,
  compute: (book: PriceBook) => CellResult[][],
): void {
  const store = assumptionStore();
  let cancelled = false;
  let unsubscribe = () => {};
  // The scenario argument does not change during an invocation (Excel starts a new one when
  // it does): read it once, not on every assumption change.
  let parsed: P.ScenarioArg | undefined;
  let last: unknown = undefined;
  let sent = false;
  const push = () => {
    let grid: CellResult[][];
    try {
      const s = (parsed ??= P.scenario(scenario));
      grid = compute(store.book(s.name, s.overrides));
    } catch (error) {
      grid = [[toExcelError(error)]];
    }
    const result = excelResult(grid);
    if (sent && sameResult(result, last)) return;
    sent = true;
    last = result;
    invocation.setResult(result as any[][]);
  };
  invocation.onCanceled = () => {
    cancelled = true;
    unsubscribe();
  };
  const start = () => {
    if (cancelled) return;
    push();
    unsubscribe = store.subscribe(push);
  };
  // Once the workbook is read, a new cell answers at once (no promise per cell, thousands per recalc).
  if (store.isReady) start();
  else void store.ready.then(start);
}

/** Functions that never read the price book (TRAINFLOPS, SCALEGAIN): plain, not streaming. */
export function plain(grid: CellResult[][]): any[][] {
  const result = excelResult(grid);
  if (result instanceof CustomFunctions.Error) throw result;
  return result;
}
