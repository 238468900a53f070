import { ExcelError } from "../../runtime";
import type { Area } from "../xlsx/sheet";
import type { CompiledFormula } from "./compile";
import { NA, Ref, Union, type Matrix, type Scalar, type SheetLike, type Value } from "./values";

/**
 * The workbook as the engine sees it: sheets of sparse columns (only columns and rows that hold
 * something exist, so a formula in column XFD costs what a formula in column A costs), the
 * formula cells with their state, spill owners, and defined names.
 */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export const enum State {
  Pending = 0,
  Running = 1,
  Done = 2,
}

/** How a formula cell is calculated and what it fills. */
export type FormulaMode =
  /** A plain formula: references in scalar places are implicitly intersected; one value. */
  | "single"
  /** A legacy array formula (Ctrl+Shift+Enter): array evaluation, fills its fixed range. */
  | "array"
  /** A dynamic-array formula: array evaluation, spills its result. */
  | "dynamic";

export class FormulaCell {
  state = State.Pending;
  /** Cells or index nodes this cell still waits for. */
  indegree = 0;
  waiters: FormulaCell[] | undefined;
  /** Why the engine cannot compute this cell (the cached value stays); undefined when it can. */
  unsupported: string | undefined;
  /** The computed result: a value, or a matrix for array and dynamic cells. */
  result: Scalar | Matrix = null;
  /** The area a dynamic cell spills into now (after calculation), its anchor included. */
  spill: Area | undefined;
  /** The area this cell owns while calculating: its array range, or its spill extents. */
  owned: Area | undefined;
  /** Its leaves in the columns' pending indexes, marked done when it completes. */
  leaves: [import("./schedule").PendingIndex, number][] | undefined;

  constructor(
    readonly sheet: Sheet,
    readonly row: number,
    readonly col: number,
    readonly formula: CompiledFormula | undefined,
    readonly text: string,
    readonly mode: FormulaMode,
    /** The fixed range of an array formula, or the extent a dynamic cell spilled to when saved. */
    readonly area: Area | undefined,
    /** The value the file holds for the cell. */
    readonly cached: Scalar,
  ) {}

  get address(): string {
    return `${this.sheet.quoted}!${colName(this.col)}${this.row}`;
  }
}

export function colName(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A sheet name as formulas write it: quoted when it has spaces or punctuation. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** One column: values by row (a holey array, dense where the column is), and its formula owners. */
export class Column {
  values: (Scalar | undefined)[] = [];
  /** The formula cell that owns each row: the cell itself, or the array/spill anchor covering it. */
  owners: (FormulaCell | undefined)[] | undefined;
  /** Rows of owned cells, ascending, for the pending index (built once cells are known). */
  ownedRows: number[] | undefined;
  index: import("./schedule").PendingIndex | undefined;
  maxRow = 0;
  /** Prefix sums for SUM over this column from a start row: start -> sums. */
  prefix: Map<number, PrefixSums> | undefined;

  set(row: number, value: Scalar): void {
    this.values[row] = value;
    if (value !== null && row > this.maxRow) this.maxRow = row;
    if (this.prefix) for (const p of this.prefix.values()) if (p.validTo >= row) p.validTo = row - 1;
  }

  own(row: number, cell: FormulaCell): void {
    (this.owners ??= [])[row] = cell;
    if (row > this.maxRow) this.maxRow = row;
  }
}

/** Running sums of a column's numbers from `start`: sums[i] covers rows start..start+i. */
export interface PrefixSums {
  start: number;
  sums: Float64Array;
  /** Last row whose sum is valid; a write at or above it truncates. */
  validTo: number;
  /** First row (>= start) holding an error, or Infinity. */
  firstError: number;
}

export class Sheet implements SheetLike {
  readonly columns = new Map<number, Column>();
  private sortedCols: number[] | undefined;
  maxRow = 0;
  maxCol = 0;
  readonly formulas = new Map<number, FormulaCell>();
  /** The name as formulas write it. */
  readonly quoted: string;

  constructor(
    readonly name: string,
    readonly index: number,
  ) {
    this.quoted = quoteSheet(name);
  }

  column(col: number): Column | undefined {
    return this.columns.get(col);
  }

  private ensure(col: number): Column {
    let c = this.columns.get(col);
    if (!c) {
      c = new Column();
      this.columns.set(col, c);
      this.sortedCols = undefined;
      if (col > this.maxCol) this.maxCol = col;
    }
    return c;
  }

  set(row: number, col: number, value: Scalar): void {
    if (value === null && !this.columns.has(col)) return;
    this.ensure(col).set(row, value);
    if (value !== null && row > this.maxRow) this.maxRow = row;
  }

  own(row: number, col: number, cell: FormulaCell): void {
    this.ensure(col).own(row, cell);
    if (row > this.maxRow) this.maxRow = row;
  }

  get(row: number, col: number): Scalar {
    const v = this.columns.get(col)?.values[row];
    return v === undefined ? null : v;
  }

  owner(row: number, col: number): FormulaCell | undefined {
    return this.columns.get(col)?.owners?.[row];
  }

  /** Columns with content in [c0, c1], ascending. */
  colsIn(c0: number, c1: number): number[] {
    const cols = (this.sortedCols ??= [...this.columns.keys()].sort((a, b) => a - b));
    let lo = 0;
    let hi = cols.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cols[mid]! < c0) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < cols.length && cols[i]! <= c1; i++) out.push(cols[i]!);
    return out;
  }
}

/** A defined name: a range, a constant or a formula, workbook-wide or local to one sheet. */
export interface DefinedName {
  readonly name: string;
  readonly sheet: Sheet | undefined;
  readonly text: string;
  formula: CompiledFormula | undefined;
  unsupported: string | undefined;
}

/** Thrown (never caught by formulas) when a cell reads a formula cell not computed yet. */
export class NotReady {
  constructor(readonly cell: FormulaCell) {}
}

/** Thrown when a cell needs something the engine does not do; the cell keeps its cached value. */
export class Unsupported {
  constructor(readonly reason: string) {}
}

export class Workbook {
  readonly sheets: Sheet[] = [];
  private readonly bySheetName = new Map<string, Sheet>();
  /** Names by upper-case name: workbook scope under "", sheet scope under the sheet's index. */
  private readonly names = new Map<string, Map<number | "", DefinedName>>();

  constructor(readonly date1904 = false) {}

  addSheet(name: string): Sheet {
    const sheet = new Sheet(name, this.sheets.length);
    this.sheets.push(sheet);
    this.bySheetName.set(name.toUpperCase(), sheet);
    return sheet;
  }

  sheet(name: string): Sheet | undefined {
    return this.bySheetName.get(name.toUpperCase());
  }

  addName(def: DefinedName): void {
    const key = def.name.toUpperCase();
    let scopes = this.names.get(key);
    if (!scopes) this.names.set(key, (scopes = new Map()));
    scopes.set(def.sheet ? def.sheet.index : "", def);
  }

  /** The name visible from `from`: its sheet's own first, then the workbook's. */
  name(name: string, from: Sheet | undefined, scope?: Sheet): DefinedName | undefined {
    const scopes = this.names.get(name.toUpperCase());
    if (!scopes) return undefined;
    if (scope) return scopes.get(scope.index);
    return (from && scopes.get(from.index)) ?? scopes.get("");
  }

  allNames(): DefinedName[] {
    return [...this.names.values()].flatMap((m) => [...m.values()]);
  }

  /** The value of one cell, or NotReady when a formula cell (other than `self`) has not been computed. */
  cell(sheet: Sheet, row: number, col: number, self: FormulaCell | undefined): Scalar {
    const column = sheet.columns.get(col);
    if (!column) return null;
    const owner = column.owners?.[row];
    if (owner !== undefined && owner.state !== State.Done && owner !== self) throw new NotReady(owner);
    const v = column.values[row];
    return v === undefined ? null : v;
  }

  /** Throws NotReady when a formula cell of `ref` (other than `self`) is not computed yet. */
  ready(ref: Ref, self: FormulaCell | undefined): void {
    const sheet = ref.sheet as Sheet;
    if (ref.isCell) {
      const owner = sheet.owner(ref.r0, ref.c0);
      if (owner !== undefined && owner.state !== State.Done && owner !== self) throw new NotReady(owner);
      return;
    }
    for (const col of sheet.colsIn(ref.c0, ref.c1)) {
      const index = sheet.columns.get(col)!.index;
      if (!index) continue;
      const pending = index.firstPending(ref.r0, ref.r1, self);
      if (pending) throw new NotReady(pending);
    }
  }

  /**
   * A reference's values as a matrix. A whole column (or row) is cut to the sheet's used range:
   * as long as the sheet's last row with content, not a million rows. Empty cells are null.
   */
  values(ref: Ref, self: FormulaCell | undefined): Matrix {
    this.ready(ref, self);
    const sheet = ref.sheet as Sheet;
    const r1 = ref.r1 === MAX_ROWS ? Math.max(Math.min(ref.r1, sheet.maxRow), ref.r0) : ref.r1;
    const c1 = ref.c1 === MAX_COLS ? Math.max(Math.min(ref.c1, sheet.maxCol), ref.c0) : ref.c1;
    const rows = r1 - ref.r0 + 1;
    const cols = c1 - ref.c0 + 1;
    if (rows * cols > 50_000_000) throw new Unsupported(`a range of ${rows} x ${cols} cells is too large`);
    const out: Matrix = new Array(rows);
    for (let i = 0; i < rows; i++) out[i] = new Array<Scalar>(cols).fill(null);
    for (const col of sheet.colsIn(ref.c0, c1)) {
      const column = sheet.columns.get(col)!;
      const last = Math.min(r1, column.maxRow);
      const j = col - ref.c0;
      for (let r = ref.r0; r <= last; r++) {
        const v = column.values[r];
        if (v !== undefined) out[r - ref.r0]![j] = v;
      }
    }
    return out;
  }

  /** Calls `f` for every non-empty cell of `ref`, row by row within each column. */
  each(ref: Ref, self: FormulaCell | undefined, f: (v: Scalar) => void): void {
    this.ready(ref, self);
    const sheet = ref.sheet as Sheet;
    if (ref.c0 === ref.c1) {
      const column = sheet.columns.get(ref.c0);
      if (!column) return;
      const last = Math.min(ref.r1, column.maxRow);
      for (let r = ref.r0; r <= last; r++) {
        const v = column.values[r];
        if (v !== undefined && v !== null) f(v);
      }
      return;
    }
    // Row by row, as Excel walks a range.
    const cols = sheet.colsIn(ref.c0, ref.c1).map((c) => sheet.columns.get(c)!);
    const last = Math.min(ref.r1, sheet.maxRow);
    for (let r = ref.r0; r <= last; r++) {
      for (const column of cols) {
        const v = column.values[r];
        if (v !== undefined && v !== null) f(v);
      }
    }
  }
}

/** Every cell reference of a value, for functions that take ranges: refs and unions. */
export function refsOf(v: Value): Ref[] | undefined {
  if (v instanceof Ref) return [v];
  if (v instanceof Union) return [...v.refs];
  return undefined;
}

export function isNotReady(e: unknown): e is NotReady {
  return e instanceof NotReady;
}

export { ExcelError, NA };
