import { State, type FormulaCell } from "./model";

/**
 * Dependency order without recursion or quadratic edges (Kahn's algorithm).
 *
 * A formula that reads one cell waits for that cell's owner (the formula cell, or the array or
 * spill anchor covering it). A formula that reads a range waits for the formula cells inside
 * it through a segment tree per column: the range maps to at most 2·log2(n) tree nodes, and a
 * node releases its waiters when its last pending cell is done. So a running total
 * `=SUM(A$1:A100000)` over a column of 100,000 formulas costs O(n log n) edges, not n²/2.
 */
export class PendingIndex {
  /** Owned rows of the column, ascending, and the cell owning each. */
  private readonly rows: number[];
  private readonly cells: FormulaCell[];
  private readonly size: number;
  private readonly pending: Int32Array;
  private readonly waiters = new Map<number, FormulaCell[]>();

  constructor(
    owned: readonly { row: number; cell: FormulaCell }[],
    private readonly release: (cell: FormulaCell) => void,
  ) {
    this.rows = owned.map((o) => o.row);
    this.cells = owned.map((o) => o.cell);
    let size = 1;
    while (size < Math.max(1, owned.length)) size *= 2;
    this.size = size;
    this.pending = new Int32Array(2 * size);
    for (let i = 0; i < owned.length; i++) this.pending[size + i] = 1;
    for (let n = size - 1; n >= 1; n--) this.pending[n] = this.pending[2 * n]! + this.pending[2 * n + 1]!;
  }

  /** Index of the first owned row >= row. */
  private lower(row: number): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid]! < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The leaf positions of this column that `cell` owns (called once, when it completes). */
  leavesOf(cell: FormulaCell, r0: number, r1: number): number[] {
    const out: number[] = [];
    for (let i = this.lower(r0); i < this.rows.length && this.rows[i]! <= r1; i++) {
      if (this.cells[i] === cell) out.push(i);
    }
    return out;
  }

  /** Makes `cell` wait for every pending cell of rows r0..r1; returns how many nodes it waits on. */
  wait(cell: FormulaCell, r0: number, r1: number): number {
    let l = this.lower(r0) + this.size;
    let r = this.lower(r1 + 1) + this.size;
    let count = 0;
    const add = (node: number) => {
      if (this.pending[node]! <= 0) return;
      let list = this.waiters.get(node);
      if (!list) this.waiters.set(node, (list = []));
      list.push(cell);
      count++;
    };
    while (l < r) {
      if (l & 1) add(l++);
      if (r & 1) add(--r);
      l >>= 1;
      r >>= 1;
    }
    cell.indegree += count;
    return count;
  }

  /** Marks leaf i done; nodes whose last pending cell this was release their waiters. */
  done(i: number): void {
    for (let node = this.size + i; node >= 1; node >>= 1) {
      const left = --this.pending[node]!;
      if (left === 0) {
        const list = this.waiters.get(node);
        if (list) {
          this.waiters.delete(node);
          for (const c of list) this.release(c);
        }
      }
    }
  }

  /** The first cell of rows r0..r1 not computed yet, other than `self`. */
  firstPending(r0: number, r1: number, self: FormulaCell | undefined): FormulaCell | undefined {
    const lo = this.lower(r0);
    const hi = this.lower(r1 + 1);
    if (lo >= hi || this.count(lo, hi) === 0) return undefined;
    for (let i = lo; i < hi; i++) {
      const c = this.cells[i]!;
      if (this.pending[this.size + i]! > 0 && c !== self && c.state !== State.Done) return c;
    }
    return undefined;
  }

  /** Pending cells among leaves [lo, hi). */
  private count(lo: number, hi: number): number {
    let sum = 0;
    let l = lo + this.size;
    let r = hi + this.size;
    while (l < r) {
      if (l & 1) sum += this.pending[l++]!;
      if (r & 1) sum += this.pending[--r]!;
      l >>= 1;
      r >>= 1;
    }
    return sum;
  }

  /** A pending cell among rows r0..r1 (for naming a cycle), or undefined. */
  anyPending(r0: number, r1: number): FormulaCell | undefined {
    return this.firstPending(r0, r1, undefined);
  }
}

/** A FIFO of cells ready to compute. */
export class ReadyQueue {
  private items: FormulaCell[] = [];
  private head = 0;

  push(cell: FormulaCell): void {
    this.items.push(cell);
  }

  shift(): FormulaCell | undefined {
    if (this.head >= this.items.length) return undefined;
    const c = this.items[this.head++];
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return c;
  }

  get size(): number {
    return this.items.length - this.head;
  }
}
