import type { PriceBook } from "../pricing";
import type { AssumptionStore } from "../store/store";
import { assumptionStore } from "../store/instance";
import { excelResult, sameResult, toExcelError, type CellResult } from "./excel";
import { broadcast, type Element as GridElement } from "./grid";
import * as P from "./params";

/** The streaming invocation Excel passes last to every GPU.* function that reads the price book. */
export type Live = CustomFunctions.StreamingInvocation<any[][]>;

/** A function that spills a table, computed whole from the price book in force. */
type Table = (book: PriceBook) => CellResult[][];

/**
 * A scalar function's arithmetic for one element of its arguments' broadcast (./grid): the
 * price book in force, then one value per argument as Excel passed it. Adapters declare it
 * once, at module level, so that an open cell keeps its arguments and no closure of its own.
 */
type Element = GridElement<PriceBook>;

/**
 * The `Element` of a function that reads its input from its arguments (`read`: the values as
 * Excel passed them, with the book's defaults) and computes one figure from it:
 * `reading(run, trainEnergyMwh)` is GPU.TRAINENERGY's. Made once, at module level.
 */
export function reading<A extends unknown[], I>(
  read: (book: PriceBook, ...values: A) => I,
  compute: (book: PriceBook, input: I) => number,
): (book: PriceBook, ...values: A) => number {
  return (book, ...values) => compute(book, read(book, ...values));
}

/**
 * One open cell of a GPU.* function that reads the price book: what it needs to compute again
 * and what it last sent. A workbook keeps thousands of these open, and every object a cell keeps
 * is work for the garbage collector on each collection while it stays open: a cell is this
 * object, its arguments, its bound `cancel` and its last value, and the store's change signal
 * reaches the cells through one listener per store (`OpenCells`), not one subscription each.
 */
class LiveCell {
  private last: unknown = undefined;
  private sent = false;
  cancelled = false;

  constructor(
    private readonly open: OpenCells,
    private readonly invocation: Live,
    /** The scenario argument as Excel passed it: read again on each computation, never kept parsed. */
    private readonly scenario: unknown,
    /** A scalar function's arguments, broadcast over `compute`; undefined for a table. */
    private readonly args: readonly unknown[] | undefined,
    private readonly compute: Element | Table,
  ) {}

  /** Computes with the price book in force and sends the result to Excel if it changed. */
  push(): void {
    let grid: CellResult[][];
    try {
      const s = P.scenario(this.scenario);
      const book = this.open.store.book(s.name, s.overrides);
      grid = this.args ? broadcast(this.args, this.compute as Element, book) : (this.compute as Table)(book);
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
    this.open.cells.push(this);
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.open.closed();
  }
}

/**
 * The open cells of a store, and the store's one listener that recomputes them when what
 * computes changes. A cell whose computation or whose `setResult` throws stops no other.
 * Cells are kept in an array in the order they opened: a closed cell is skipped, and the array
 * is compacted once half of it is closed (cheaper than a set's hashing for thousands of cells).
 */
class OpenCells {
  cells: LiveCell[] = [];
  private closedCount = 0;

  constructor(readonly store: AssumptionStore) {
    store.subscribe(() => this.update());
  }

  /** Counts a cell closed; compacts the array when half of it is. */
  closed(): void {
    if (++this.closedCount * 2 > this.cells.length) {
      this.cells = this.cells.filter((c) => !c.cancelled);
      this.closedCount = 0;
    }
  }

  private update(): void {
    // Cells that open or close during the update do so in the next one.
    for (const cell of this.cells.slice()) {
      if (cell.cancelled) continue;
      try {
        cell.push();
      } catch (error) {
        console.error("GPU Cost: a cell could not be updated:", error);
      }
    }
  }
}

const openCellsOf = new WeakMap<AssumptionStore, OpenCells>();

function openCells(store: AssumptionStore): OpenCells {
  let open = openCellsOf.get(store);
  if (!open) openCellsOf.set(store, (open = new OpenCells(store)));
  return open;
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
 * a cell's inputs costs Excel nothing. Errors are values in the grid (./grid, ./excel), never
 * thrown.
 *
 * A scalar function passes its arguments and its `Element`: every argument may be a range,
 * and the cell spills their broadcast. A function that spills a table passes `(book) => grid`.
 */
export function live(invocation: Live, scenario: unknown, table: Table): void;
export function live<const A extends readonly unknown[]>(
  invocation: Live,
  scenario: unknown,
  args: A,
  element: (book: PriceBook, ...values: { -readonly [K in keyof A]: unknown }) => number,
): void;
export function live(
  invocation: Live,
  scenario: unknown,
  argsOrTable: readonly unknown[] | Table,
  element?: (book: PriceBook, ...values: never[]) => number,
): void {
  const open = openCells(assumptionStore());
  const cell =
    typeof argsOrTable === "function"
      ? new LiveCell(open, invocation, scenario, undefined, argsOrTable)
      : new LiveCell(open, invocation, scenario, argsOrTable, element as Element);
  invocation.onCanceled = cell.cancel.bind(cell);
  // Once the workbook is read, a new cell answers at once (no promise per cell, thousands per recalc).
  if (open.store.isReady) cell.start();
  else void open.store.ready.then(() => cell.start());
}

/** Functions that never read the price book (TRAINFLOPS, SCALEGAIN): plain, not streaming. */
export function plain(grid: CellResult[][]): any[][] {
  const result = excelResult(grid);
  if (result instanceof CustomFunctions.Error) throw result;
  return result;
}
