import { EXCEL_ERRORS, ErrorCode, ExcelError } from "../../runtime";
import { cellKey, parseArea, readSheet, type Area, type CellWrite, type RawCell } from "../xlsx/sheet";
import type { WorkbookInfo } from "../xlsx/workbook";
import type { Package } from "../xlsx/zip";
import { CompileError, areaAt, compileFormula, type CompiledFormula } from "./compile";
import {
  FormulaCell,
  MAX_COLS,
  MAX_ROWS,
  NotReady,
  State,
  Unsupported,
  Workbook,
  type FormulaMode,
  type Sheet,
} from "./model";
import { PendingIndex, ReadyQueue } from "./schedule";
import type { Ctx, Env } from "./types";
import { err, isError, type Matrix, type Scalar } from "./values";

/**
 * Recalculation of a workbook: load its cells, order its formulas (./schedule), compute them
 * (GPU.* calls concurrently, everything else synchronously), spill dynamic arrays, and say what
 * changed. A cell the engine cannot compute keeps its cached value and is listed with the reason.
 */

interface RawFormulaCell {
  readonly sheet: Sheet;
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly compiled: CompiledFormula | undefined;
  readonly mode: FormulaMode;
  readonly area: Area | undefined;
  readonly cached: Scalar;
  readonly unsupported: string | undefined;
}

/** Everything read from the package that calculation needs, read once. */
export interface LoadedCells {
  readonly info: WorkbookInfo;
  /** Per sheet index: cells as the file holds them. */
  readonly sheets: { name: string; part: string | undefined; values: RawCell[] }[];
}

export async function readCells(pkg: Package, info: WorkbookInfo): Promise<LoadedCells> {
  const sheets: LoadedCells["sheets"] = [];
  let count = 0;
  for (const s of info.sheets) {
    const values: RawCell[] = [];
    if (s.kind === "worksheet" && s.part && pkg.has(s.part)) {
      await readSheet(pkg, s.part, info.sharedStrings, (c) => {
        if (c.value === null && !c.formula) return; // styled empty cells: nothing to compute
        if (++count > 20_000_000) throw new CompileError("The workbook has more than 20 million cells.", true);
        values.push(c);
      });
    }
    sheets.push({ name: s.name, part: s.part, values });
  }
  return { info, sheets };
}

export interface CellChange {
  readonly address: string;
  readonly before: Scalar;
  readonly after: Scalar;
}

export interface RecalcResult {
  readonly formulas: number;
  readonly changes: CellChange[];
  readonly errors: { address: string; code: string; message: string }[];
  readonly unsupported: { address: string; formula: string; reason: string }[];
  /** New value of every formula cell (a spill's anchor shows its first value), by address. */
  readonly values: Map<string, Scalar | Matrix>;
  readonly labels: Map<string, string>;
  /** Cells to write, by sheet index, and the area new cells cover (for <dimension>). */
  readonly writes: Map<number, { cells: Map<number, CellWrite>; grow: Area | undefined }>;
  /** Passes made (a second when a spill grew into cells read before it spilled). */
  readonly passes: number;
}

const identical = (a: Scalar, b: Scalar): boolean => {
  if (a instanceof ExcelError || b instanceof ExcelError) {
    return a instanceof ExcelError && b instanceof ExcelError && a.code === b.code;
  }
  return a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));
};

/** Equal as a reader would judge: numbers within 1e-12 relative (floating-point noise). */
export const close = (a: Scalar, b: Scalar): boolean => {
  if (typeof a === "number" && typeof b === "number") {
    return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  }
  return identical(a, b);
};

const union = (a: Area | undefined, b: Area | undefined): Area | undefined =>
  !a
    ? b
    : !b
      ? a
      : { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };

const inArea = (a: Area, r: number, c: number) => r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1;

/** One calculation pass over a fresh model. */
class Pass {
  readonly wb: Workbook;
  readonly cells: FormulaCell[] = [];
  /** Values the file holds for cells inside array ranges and spills, by sheet index and key. */
  readonly originals = new Map<number, Map<number, Scalar>>();
  private readonly queue = new ReadyQueue();
  private inFlight = 0;
  private wake: (() => void) | undefined;
  grew = false;

  constructor(
    private readonly loaded: LoadedCells,
    private readonly env: Env,
    private readonly extents: Map<string, Area>,
  ) {
    this.wb = new Workbook(loaded.info.date1904);
  }

  load(): void {
    const { wb } = this;
    for (const s of this.loaded.sheets) wb.addSheet(s.name);
    for (const n of this.loaded.info.names) {
      const sheet = n.localSheet === undefined ? undefined : wb.sheets[n.localSheet];
      const compiled = compileFormula(n.formula, 1, 1, "array");
      wb.addName({
        name: n.name,
        sheet,
        text: n.formula,
        formula: compiled,
        unsupported: compiled.unsupported,
      });
    }
    const raw: RawFormulaCell[] = [];
    this.loaded.sheets.forEach((s, i) => {
      const sheet = wb.sheets[i]!;
      const shared = new Map<number, { text: string; row: number; col: number }>();
      for (const c of s.values) {
        sheet.set(c.row, c.col, c.value);
        const f = c.formula;
        if (!f) continue;
        let text = f.text;
        let at = { row: c.row, col: c.col };
        if (f.type === "shared" && f.si !== undefined) {
          if (text !== undefined && text !== "") shared.set(f.si, { text, row: c.row, col: c.col });
          else {
            const master = shared.get(f.si);
            if (master) {
              text = master.text;
              at = { row: master.row, col: master.col };
            }
          }
        }
        const mode: FormulaMode =
          f.type === "array"
            ? c.cm !== undefined && this.loaded.info.dynamicArrayCm.has(c.cm)
              ? "dynamic"
              : "array"
            : "single";
        let unsupported: string | undefined;
        let compiled: CompiledFormula | undefined;
        if (f.type === "dataTable") unsupported = "data tables (What-If analysis) are not computed";
        else if (text === undefined || text === "") unsupported = "a shared formula whose master cell is missing";
        else {
          compiled = compileFormula(text, at.row, at.col, mode === "single" ? "single" : "array");
          unsupported = compiled.unsupported;
        }
        raw.push({
          sheet,
          row: c.row,
          col: c.col,
          text: text ?? "",
          compiled,
          mode,
          area: f.type === "array" && f.ref ? parseArea(f.ref) : undefined,
          cached: c.value,
          unsupported,
        });
      }
    });
    for (const r of raw) {
      const cell = new FormulaCell(r.sheet, r.row, r.col, r.compiled, r.text, r.mode, r.area, r.cached);
      cell.unsupported = r.unsupported;
      const override = this.extents.get(`${r.sheet.index}!${cellKey(r.row, r.col)}`);
      cell.owned = r.mode === "single" ? undefined : union(r.area ?? anchorArea(r), override);
      this.cells.push(cell);
      r.sheet.formulas.set(cellKey(r.row, r.col), cell);
    }
    // Ownership: each formula cell owns itself; array and spill anchors own their ranges.
    for (const cell of this.cells) {
      const { sheet } = cell;
      const a = cell.owned;
      if (a && (a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1) > 10_000_000) {
        cell.unsupported = "an array range of more than 10 million cells";
        cell.owned = undefined;
      }
      if (!cell.owned) {
        sheet.own(cell.row, cell.col, cell);
        continue;
      }
      let originals = this.originals.get(sheet.index);
      if (!originals) this.originals.set(sheet.index, (originals = new Map()));
      for (let r = cell.owned.r0; r <= cell.owned.r1; r++) {
        for (let c = cell.owned.c0; c <= cell.owned.c1; c++) {
          const other = sheet.owner(r, c);
          if (other && other !== cell && other.row === r && other.col === c) continue; // a formula of its own
          sheet.own(r, c, cell);
          originals.set(cellKey(r, c), sheet.get(r, c));
        }
      }
    }
    // Pending indexes per column, and each cell's leaves in them.
    for (const sheet of wb.sheets) {
      for (const [, column] of sheet.columns) {
        if (!column.owners) continue;
        const owned: { row: number; cell: FormulaCell }[] = [];
        column.owners.forEach((cell, row) => {
          if (cell) owned.push({ row, cell });
        });
        const index = new PendingIndex(owned, (c) => this.release(c));
        column.index = index;
        owned.forEach((o, i) => (o.cell.leaves ??= []).push([index, i]));
      }
    }
  }

  /** Static dependencies: every reference written in a formula, and in the names it uses. */
  link(): void {
    for (const cell of this.cells) {
      if (cell.unsupported || !cell.formula) continue;
      const refs = [...cell.formula.refs.map((ref) => ({ ref, sheet: ref.sheet }))];
      const seen = new Set<string>();
      const stack = cell.formula.names.map((n) => ({ ...n, from: cell.sheet }));
      while (stack.length) {
        const n = stack.pop()!;
        const scope = n.sheet === undefined ? undefined : this.wb.sheet(n.sheet);
        const def = this.wb.name(n.name, n.from, scope);
        const id = `${def?.sheet?.index ?? ""}!${n.name.toUpperCase()}`;
        if (!def?.formula || seen.has(id)) continue;
        seen.add(id);
        for (const ref of def.formula.refs) refs.push({ ref, sheet: ref.sheet });
        for (const m of def.formula.names) stack.push({ ...m, from: n.from });
      }
      for (const { ref, sheet: name } of refs) {
        const sheet = name === undefined ? cell.sheet : this.wb.sheet(name);
        const a = areaAt(ref, cell.row, cell.col);
        if (!sheet || !a) continue;
        if (a.r0 === a.r1 && a.c0 === a.c1) {
          const owner = sheet.owner(a.r0, a.c0);
          if (owner) {
            (owner.waiters ??= []).push(cell);
            cell.indegree++;
          }
          continue;
        }
        const r1 = Math.min(a.r1, sheet.maxRow);
        if (r1 < a.r0) continue;
        for (const col of sheet.colsIn(a.c0, a.c1)) sheet.column(col)!.index?.wait(cell, a.r0, r1);
      }
    }
  }

  private release(cell: FormulaCell): void {
    cell.indegree--;
    if (cell.indegree === 0 && cell.state === State.Pending) this.queue.push(cell);
  }

  /** A function call in flight may take this long without any call completing. */
  static readonly STALL_MS = 30_000;
  static readonly MAX_IN_FLIGHT = 2_000;
  private readonly running = new Set<FormulaCell>();

  async run(): Promise<void> {
    for (const cell of this.cells) if (cell.indegree === 0) this.queue.push(cell);
    for (;;) {
      let cell: FormulaCell | undefined;
      // At most MAX_IN_FLIGHT function calls at once: memory stays bounded, and a few thousand
      // concurrent calls already keep the event loop busy.
      while (this.inFlight < Pass.MAX_IN_FLIGHT && (cell = this.queue.shift())) this.start(cell);
      if (this.inFlight === 0) {
        if (this.queue.size === 0) break;
        continue;
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const progressed = await new Promise<boolean>((resolve) => {
        this.wake = () => resolve(true);
        timer = setTimeout(() => resolve(false), Pass.STALL_MS);
      });
      clearTimeout(timer);
      if (!progressed) {
        // Nothing completed for STALL_MS: the calls still running never answered.
        for (const c of this.running) {
          c.unsupported = `a function gave no result within ${Pass.STALL_MS / 1000} s`;
          this.keepCached(c);
        }
        this.running.clear();
        this.inFlight = 0;
      }
    }
  }

  private start(cell: FormulaCell): void {
    if (cell.state !== State.Pending) return;
    if (cell.unsupported || !cell.formula) {
      this.keepCached(cell);
      return;
    }
    cell.state = State.Running;
    const ctx: Ctx = {
      wb: this.wb,
      sheet: cell.sheet,
      row: cell.row,
      col: cell.col,
      cell,
      locals: undefined,
      env: this.env,
    };
    let result: Scalar | Matrix | Promise<Scalar | Matrix>;
    try {
      result = cell.formula.run(ctx);
    } catch (error) {
      this.failed(cell, error);
      return;
    }
    if (result instanceof Promise) {
      this.inFlight++;
      this.running.add(cell);
      result.then(
        (v) => {
          if (!this.running.delete(cell)) return; // given up on by the watchdog
          this.inFlight--;
          this.complete(cell, v);
          this.wake?.();
        },
        (error: unknown) => {
          if (!this.running.delete(cell)) return;
          this.inFlight--;
          this.failed(cell, error);
          this.wake?.();
        },
      );
      return;
    }
    this.complete(cell, result);
  }

  private failed(cell: FormulaCell, error: unknown): void {
    if (error instanceof NotReady) {
      cell.state = State.Pending;
      const blocker = error.cell;
      if (blocker.state === State.Done) {
        this.queue.push(cell);
        return;
      }
      (blocker.waiters ??= []).push(cell);
      cell.indegree++;
      return;
    }
    if (error instanceof Unsupported) cell.unsupported = error.reason;
    else if (error instanceof CompileError) cell.unsupported = error.message;
    else if (error instanceof RangeError) cell.unsupported = "the calculation is nested too deeply";
    else cell.unsupported = `internal error: ${(error as Error)?.message ?? String(error)}`;
    this.keepCached(cell);
  }

  /** A cell the engine cannot compute: the file's values stay, and cells reading it read them. */
  private keepCached(cell: FormulaCell): void {
    cell.result = cell.cached;
    cell.spill = cell.mode === "dynamic" ? (cell.area ?? anchorArea(cell)) : undefined;
    this.done(cell);
  }

  private complete(cell: FormulaCell, result: Scalar | Matrix): void {
    const { sheet } = cell;
    cell.result = result;
    if (cell.mode === "single") {
      sheet.set(cell.row, cell.col, Array.isArray(result) ? result[0]![0]! : result);
    } else if (cell.mode === "array") {
      const a = cell.area ?? anchorArea(cell);
      const m = Array.isArray(result) ? result : [[result]];
      for (let r = a.r0; r <= a.r1; r++) {
        for (let c = a.c0; c <= a.c1; c++) sheet.set(r, c, fill(m, r - a.r0, c - a.c0));
      }
    } else this.spill(cell, Array.isArray(result) ? result : [[result]]);
    this.done(cell);
  }

  private spill(cell: FormulaCell, m: Matrix): void {
    const { sheet } = cell;
    const area = { r0: cell.row, c0: cell.col, r1: cell.row + m.length - 1, c1: cell.col + m[0]!.length - 1 };
    let blocked: string | undefined;
    if (area.r1 > MAX_ROWS || area.c1 > MAX_COLS) blocked = "the array would spill off the sheet";
    else {
      outer: for (let r = area.r0; r <= area.r1; r++) {
        for (let c = area.c0; c <= area.c1; c++) {
          if (r === cell.row && c === cell.col) continue;
          const owner = sheet.owner(r, c);
          if (owner ? owner !== cell : sheet.get(r, c) !== null) {
            blocked = `cell ${colName(c)}${r} is not empty`;
            break outer;
          }
        }
      }
    }
    const owned = cell.owned ?? anchorArea(cell);
    // Cells of the previous spill that this one no longer covers become empty.
    for (let r = owned.r0; r <= owned.r1; r++) {
      for (let c = owned.c0; c <= owned.c1; c++) {
        if (sheet.owner(r, c) === cell && (blocked || !inArea(area, r, c))) sheet.set(r, c, null);
      }
    }
    if (blocked) {
      cell.result = err(EXCEL_ERRORS.spill, `The array cannot spill: ${blocked}.`);
      sheet.set(cell.row, cell.col, cell.result as Scalar);
      cell.spill = anchorArea(cell);
      return;
    }
    for (let r = area.r0; r <= area.r1; r++) {
      for (let c = area.c0; c <= area.c1; c++) {
        sheet.set(r, c, m[r - area.r0]![c - area.c0]!);
        if (!inArea(owned, r, c)) this.grew = true;
      }
    }
    cell.spill = area;
  }

  private done(cell: FormulaCell): void {
    cell.state = State.Done;
    const waiters = cell.waiters;
    cell.waiters = undefined;
    if (waiters) for (const w of waiters) this.release(w);
    if (cell.leaves) for (const [index, i] of cell.leaves) index.done(i);
    cell.leaves = undefined;
  }

  /** Cells left pending wait on each other: name each cycle's cells. */
  cycles(): FormulaCell[][] {
    const left = this.cells.filter((c) => c.state !== State.Done);
    if (left.length === 0) return [];
    const blockerOf = (cell: FormulaCell): FormulaCell | undefined => {
      if (!cell.formula) return undefined;
      for (const ref of cell.formula.refs) {
        const sheet = ref.sheet === undefined ? cell.sheet : this.wb.sheet(ref.sheet);
        const a = areaAt(ref, cell.row, cell.col);
        if (!sheet || !a) continue;
        for (const col of sheet.colsIn(a.c0, a.c1)) {
          const index = sheet.column(col)!.index;
          const p = index?.anyPending(a.r0, a.r1);
          if (p) return p;
        }
      }
      return left.find((c) => c.waiters?.includes(cell));
    };
    const reported = new Set<FormulaCell>();
    const out: FormulaCell[][] = [];
    for (const start of left) {
      if (reported.has(start)) continue;
      const path: FormulaCell[] = [];
      const at = new Map<FormulaCell, number>();
      let c: FormulaCell | undefined = start;
      while (c && !at.has(c) && !reported.has(c) && path.length < 100_000) {
        at.set(c, path.length);
        path.push(c);
        c = blockerOf(c);
      }
      const cycle = c && at.has(c) ? path.slice(at.get(c)!) : [start];
      for (const x of path) reported.add(x);
      out.push(cycle);
    }
    return out;
  }
}

function colName(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const anchorArea = (c: { row: number; col: number }): Area => ({ r0: c.row, c0: c.col, r1: c.row, c1: c.col });

/** An array formula's value at (i, j) of its range: a single row or column repeats; beyond, #N/A. */
function fill(m: Matrix, i: number, j: number): Scalar {
  const r = m.length === 1 ? 0 : i;
  const c = m[0]!.length === 1 ? 0 : j;
  return m[r]?.[c] ?? err(ErrorCode.notAvailable);
}

/**
 * Recalculates `loaded`. Resolves with what changed and what to write; never rejects for a
 * workbook's content (cycles and unsupported cells are reported, not thrown).
 */
export async function recalculate(loaded: LoadedCells, env: Env): Promise<RecalcResult> {
  const extents = new Map<string, Area>();
  let pass: Pass;
  let passes = 0;
  for (;;) {
    passes++;
    pass = new Pass(loaded, env, extents);
    pass.load();
    pass.link();
    await pass.run();
    if (!pass.grew || passes >= 3) break;
    for (const c of pass.cells)
      if (c.spill && c.mode === "dynamic") extents.set(`${c.sheet.index}!${cellKey(c.row, c.col)}`, c.spill);
  }
  const unsupported: RecalcResult["unsupported"] = [];
  for (const cycle of pass.cycles()) {
    const names = cycle.map((c) => c.address);
    const reason =
      cycle.length === 1
        ? "a circular reference (it reads itself)"
        : `a circular reference: ${[...names, names[0]].join(" -> ")}`;
    for (const c of cycle) {
      c.unsupported = reason;
      c.result = c.cached;
    }
  }
  // Cells left pending outside the cycles themselves wait on a cycle.
  for (const c of pass.cells) {
    if (c.state !== State.Done && !c.unsupported) {
      c.unsupported = "it depends on a circular reference";
      c.result = c.cached;
    }
  }
  if (loaded.info.iterate) {
    for (const c of pass.cells)
      if (c.unsupported?.startsWith("a circular"))
        c.unsupported += " (the workbook turns on iterative calculation, which gpu-cost does not do)";
  }

  const changes: CellChange[] = [];
  const errors: RecalcResult["errors"] = [];
  const values = new Map<string, Scalar | Matrix>();
  const labels = new Map<string, string>();
  const writes: RecalcResult["writes"] = new Map();
  const writeFor = (sheet: Sheet) => {
    let w = writes.get(sheet.index);
    if (!w) writes.set(sheet.index, (w = { cells: new Map(), grow: undefined }));
    return w;
  };
  for (const cell of pass.cells) {
    const { sheet } = cell;
    if (cell.unsupported) {
      unsupported.push({ address: cell.address, formula: cell.text, reason: cell.unsupported });
      continue;
    }
    const result = cell.result;
    const top = Array.isArray(result) ? result[0]![0]! : result;
    values.set(cell.address, result);
    labels.set(cell.address, labelOf(sheet, cell.row, cell.col));
    if (isError(top)) errors.push({ address: cell.address, code: top.code, message: top.message });
    if (cell.mode === "single") {
      if (!close(cell.cached, top)) changes.push({ address: cell.address, before: cell.cached, after: top });
      if (!identical(cell.cached, top)) writeFor(sheet).cells.set(cellKey(cell.row, cell.col), { value: top });
      continue;
    }
    // Array ranges and spills: every cell they cover now or covered in the file.
    const originals = pass.originals.get(sheet.index) ?? new Map<number, Scalar>();
    const covered = cell.mode === "array" ? (cell.area ?? anchorArea(cell)) : cell.spill!;
    const region = union(cell.owned, covered)!;
    const spillChanged =
      cell.mode === "dynamic" && cell.area && (cell.area.r1 !== covered.r1 || cell.area.c1 !== covered.c1);
    for (let r = region.r0; r <= region.r1; r++) {
      for (let c = region.c0; c <= region.c1; c++) {
        const key = cellKey(r, c);
        const isAnchor = r === cell.row && c === cell.col;
        if (!isAnchor && sheet.owner(r, c) !== cell && !inArea(covered, r, c)) continue;
        const before = isAnchor ? cell.cached : (originals.get(key) ?? null);
        const after = inArea(covered, r, c) ? sheet.get(r, c) : null;
        const address = `${cell.address.slice(0, cell.address.lastIndexOf("!") + 1)}${colName(c)}${r}`;
        if (!close(before, after)) changes.push({ address, before, after });
        const refChanged = isAnchor && spillChanged;
        if (!identical(before, after) || refChanged) {
          const write: CellWrite = refChanged
            ? { value: after, arrayRef: areaRef(covered) }
            : { value: isAnchor && after === null ? 0 : after };
          const w = writeFor(sheet);
          w.cells.set(key, write);
          if (after !== null) w.grow = union(w.grow, { r0: r, c0: c, r1: r, c1: c });
        }
      }
    }
  }
  return { formulas: pass.cells.length, changes, errors, unsupported, values, labels, writes, passes };
}

function areaRef(a: Area): string {
  const from = `${colName(a.c0)}${a.r0}`;
  return a.r0 === a.r1 && a.c0 === a.c1 ? from : `${from}:${colName(a.c1)}${a.r1}`;
}

/** The text nearest to the left of a cell: what the model calls it. */
function labelOf(sheet: Sheet, row: number, col: number): string {
  const cols = sheet.colsIn(1, col - 1);
  for (let i = cols.length - 1; i >= 0; i--) {
    const v = sheet.get(row, cols[i]!);
    if (typeof v === "string" && v.trim()) return v;
  }
  return "";
}

/** `gpu-cost eval`: one formula, as typed in a cell of an empty sheet (dynamic-array Excel). */
export async function evaluateFormula(
  text: string,
  env: Env,
): Promise<{ value: Scalar | Matrix } | { invalid: string } | { unsupported: string }> {
  const compiled = compileFormula(text, 1, 1, "array");
  if (compiled.unsupported)
    return compiled.invalid ? { invalid: compiled.unsupported } : { unsupported: compiled.unsupported };
  const wb = new Workbook();
  const sheet = wb.addSheet("Sheet1");
  const ctx: Ctx = { wb, sheet, row: 1, col: 1, cell: undefined, locals: undefined, env };
  try {
    return { value: await compiled.run(ctx) };
  } catch (error) {
    if (error instanceof Unsupported) return { unsupported: error.reason };
    if (error instanceof CompileError)
      return error.unsupported ? { unsupported: error.message } : { invalid: error.message };
    if (error instanceof RangeError) return { unsupported: "the calculation is nested too deeply" };
    throw error;
  }
}

export type { Env };
