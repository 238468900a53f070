import type { PriceBook } from "../pricing";
import type { AssumptionStore } from "../store/store";
import { assumptionStore } from "../store/instance";
import { excelResult, sameResult, toExcelError, type CellResult } from "./excel";
import * as P from "./params";

/** The streaming invocation Excel passes last to every GPU.* function that reads the price book. */
export type Live = CustomFunctions.StreamingInvocation<any[][]>;

type Compute = (book: PriceBook) => CellResult[][];

/**
 * One open cell of a GPU.* function that reads the price book: what it needs to compute again
 * and what it last sent. A workbook keeps thousands of these open, and every object a cell keeps
 * is work for the garbage collector on each collection while it stays open: a cell is one
 * object, its bound `cancel` and its last value, and the store's change signal reaches the cells
 * through one listener per store (`openCells`), not one subscription each.
 */
class LiveCell {
  private last: unknown = undefined;
  private sent = false;
  cancelled = false;

  constructor(
    private readonly store: AssumptionStore,
    private readonly invocation: Live,
    /** The scenario argument as Excel passed it: read again on each computation, never kept parsed. */
    private readonly scenario: unknown,
    private readonly compute: Compute,
  ) {}

  /** Computes with the price book in force and sends the result to Excel if it changed. */
  push(): void {
    let grid: CellResult[][];
    try {
      const s = P.scenario(this.scenario);
      grid = this.compute(this.store.book(s.name, s.overrides));
    } catch (error) {
      grid = [[toExcelError(error)]];
    }
    const result = excelResult(grid);
    // A scalar cell remembers its value, not the 1 x 1 grid around it: less to keep per open cell.
    const shown = Array.isArray(result) && result.length === 1 && result[0]!.length === 1 ? result[0]![0] : result;
    if (this.sent && sameResult(shown, this.last)) return;
    this.sent = true;
    this.last = shown;
    this.invocation.setResult(result as any[][]);
  }

  /** The first result, then every change: once the store has read the workbook. */
  start(): void {
    if (this.cancelled) return;
    this.push();
    openCells(this.store).add(this);
  }

  cancel(): void {
    this.cancelled = true;
    openCells(this.store).delete(this);
  }
}

const cellsOfStore = new WeakMap<AssumptionStore, Set<LiveCell>>();

/**
 * The open cells of a store, and the store's one listener that recomputes them when what
 * computes changes. A cell whose computation or whose `setResult` throws stops no other.
 */
function openCells(store: AssumptionStore): Set<LiveCell> {
  let cells = cellsOfStore.get(store);
  if (!cells) {
    const open = (cells = new Set());
    cellsOfStore.set(store, open);
    store.subscribe(() => {
      for (const cell of [...open]) {
        try {
          if (!cell.cancelled) cell.push();
        } catch (error) {
          console.error("GPU Cost: a cell could not be updated:", error);
        }
      }
    });
  }
  return cells;
}

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
export function live(invocation: Live, scenario: unknown, compute: Compute): void {
  const store = assumptionStore();
  const cell = new LiveCell(store, invocation, scenario, compute);
  invocation.onCanceled = cell.cancel.bind(cell);
  // Once the workbook is read, a new cell answers at once (no promise per cell, thousands per recalc).
  if (store.isReady) cell.start();
  else void store.ready.then(() => cell.start());
}

/** Functions that never read the price book (TRAINFLOPS, SCALEGAIN): plain, not streaming. */
export function plain(grid: CellResult[][]): any[][] {
  const result = excelResult(grid);
  if (result instanceof CustomFunctions.Error) throw result;
  return result;
}
