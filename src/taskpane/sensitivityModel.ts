/**
 * The pane's "Insert" tab: "Insert model sheet" (./modelSheet.ts, written by
 * ./modelSheetExcel.ts) and "Insert sensitivity grid" with its small form (./sensitivity.ts,
 * written by ./sensitivityExcel.ts). View state only; the workbook is written by the writers,
 * through the pane's host where it offers them (Node tests), else through Excel.
 */
import type { PriceBook } from "../pricing";
import { messageOf } from "../store/store";
import type { ModelSheetLayout } from "./modelSheet";
import type { InsertedSheet } from "./modelSheetExcel";
import { branches, observe, syncArray } from "./observe";
import { exampleTexts, parseMetadata, type FunctionInfo, type KnownName, type ParamInfo } from "./reference";
import { ParamField } from "./referenceModel";
import type { GridPlan, GridRequest } from "./sensitivity";
import type { GridOutcome } from "./sensitivityExcel";

/** The Insert tab's chunk (./sensitivityChunk.ts), loaded once, when first needed. */
type InsertLib = typeof import("./sensitivityChunk");
let lib: Promise<InsertLib> | undefined;
export function loadInsert(): Promise<InsertLib> {
  lib ??= import(/* webpackChunkName: "insert" */ "./sensitivityChunk");
  return lib;
}

/** What the Insert tab asks of the host (Excel by default). */
export interface InsertHost {
  functionsMetadata(): Promise<unknown>;
  insertModelSheet?(layout: ModelSheetLayout): Promise<InsertedSheet>;
  insertGrid?(
    size: { rows: number; cols: number },
    plan: (anchor: { row: number; col: number }) => GridPlan,
  ): Promise<GridOutcome>;
}

/** What the tab needs from the pane: the price book in force, the workbook's chips, names it knows, the status line. */
export interface InsertContext {
  book(): PriceBook;
  chips(): readonly string[];
  known: KnownName;
  done(status: { kind: "info" | "error"; text: string }): void;
}

export class InsertModel {
  declare sheetBusy: boolean;
  declare sheetMessage: string;
  readonly grid: GridForm;

  constructor(
    private readonly host: InsertHost,
    private readonly context: InsertContext,
  ) {
    this.sheetBusy = false;
    this.sheetMessage = "";
    this.grid = new GridForm(host, context);
  }

  /** Adds a model sheet built on the price book in force and the workbook's chips. */
  async insertSheet(): Promise<void> {
    this.sheetBusy = true;
    this.sheetMessage = "";
    try {
      const insert = await loadInsert();
      const layout = insert.modelSheet(this.context.book(), { chips: this.context.chips() });
      const write =
        this.host.insertModelSheet?.bind(this.host) ?? ((l: ModelSheetLayout) => insert.insertModelSheet(l));
      const { name } = await write(layout);
      this.sheetMessage = `Added the sheet "${name}": inputs in orange (B${layout.at.chip!.slice(1)} to B${layout.at.programmeYears!.slice(1)}), live GPU.* outputs below them, the monthly table from row ${layout.table.header} and its chart.`;
      this.context.done({ kind: "info", text: `Inserted the model sheet "${name}".` });
    } catch (error) {
      this.sheetMessage = `Not inserted: ${messageOf(error)}`;
      this.context.done({ kind: "error", text: this.sheetMessage });
    } finally {
      this.sheetBusy = false;
    }
  }
}
observe(InsertModel, "sheetBusy", "sheetMessage");

/** The sensitivity grid's form. */
export class GridForm {
  declare state: "idle" | "loading" | "ready" | "error";
  declare error: string;
  declare fnName: string;
  declare row: string;
  declare col: string;
  declare rowText: string;
  declare colText: string;
  declare busy: boolean;
  declare message: string;
  /** The functions a grid can be made of (scalar, two inputs or more). */
  readonly functions: FunctionInfo[] = [];
  /** The chosen function's inputs, for the two axis lists. */
  readonly inputs: ParamInfo[] = [];
  /** Fields of the arguments that are not an axis. */
  readonly others: ParamField[] = [];
  /** What each parameter's field held, kept while it is an axis. */
  private texts = new Map<string, string>();
  /** The chunk's functions, once load() has them. */
  private lib: InsertLib | undefined;

  constructor(
    private readonly host: InsertHost,
    private readonly context: InsertContext,
  ) {
    this.state = "idle";
    this.error = "";
    this.fnName = "";
    this.row = "";
    this.col = "";
    this.rowText = "";
    this.colText = "";
    this.busy = false;
    this.message = "";
  }

  /** Reads functions.json once (again after a failure) and starts on CLUSTERCOST. */
  async load(): Promise<void> {
    if (this.state === "loading" || this.state === "ready") return;
    this.state = "loading";
    try {
      const [insert, metadata] = await Promise.all([loadInsert(), this.host.functionsMetadata()]);
      this.lib = insert;
      const all = insert.gridFunctions(parseMetadata(metadata));
      if (all.length === 0) throw new Error("functions.json lists no function a grid can vary");
      syncArray(this.functions, all);
      this.state = "ready";
      this.choose((all.find((f) => f.name === "CLUSTERCOST") ?? all[0]!).name);
    } catch (error) {
      this.error = `The function list could not be loaded: ${messageOf(error)}`;
      this.state = "error";
    }
  }

  get fn(): FunctionInfo | undefined {
    return this.functions.find((f) => f.name === this.fnName);
  }

  get description(): string {
    branches();
    return this.fn?.description.split("\n")[0] ?? "";
  }

  /** Picks a function: its example's arguments fill the fields, its first inputs become the axes. */
  choose(name: string): void {
    const fn = this.functions.find((f) => f.name === name);
    const insert = this.lib;
    if (!fn || !insert) return;
    this.fnName = fn.name;
    const example = exampleTexts(fn);
    this.texts = new Map(fn.params.map((p, i) => [p.name, example[i] ?? ""]));
    syncArray(this.inputs, insert.gridInputs(fn));
    const axes = insert.defaultAxes(fn);
    this.row = axes.row;
    this.col = axes.col;
    this.rowText = this.suggest(axes.row);
    this.colText = this.suggest(axes.col);
    this.message = "";
    this.syncOthers();
  }

  /** Another input down the rows (the two swap when it was across). */
  setRow(name: string): void {
    if (name === this.row) return;
    this.keepOthers();
    if (name === this.col) {
      [this.col, this.colText] = [this.row, this.rowText];
    }
    this.row = name;
    this.rowText = this.suggest(name);
    this.syncOthers();
  }

  setCol(name: string): void {
    if (name === this.col) return;
    this.keepOthers();
    if (name === this.row) {
      [this.row, this.rowText] = [this.col, this.colText];
    }
    this.col = name;
    this.colText = this.suggest(name);
    this.syncOthers();
  }

  private suggest(name: string): string {
    const fn = this.fn;
    const param = fn?.params.find((p) => p.name === name);
    if (!fn || !param || !this.lib) return "";
    return this.lib.suggestedValues(fn, param, this.texts.get(name) ?? "", this.lib.gridLists(this.context.book()));
  }

  /** Remembers what the other fields hold before they are rebuilt. */
  private keepOthers(): void {
    for (const f of this.others) this.texts.set(f.info.name, f.text);
  }

  private syncOthers(): void {
    const fn = this.fn;
    if (!fn) return syncArray(this.others, []);
    const kept = new Map(this.others.map((f) => [f.info.name, f]));
    const next = fn.params
      .filter((p) => p.name !== this.row && p.name !== this.col)
      .map((p) => {
        const field = kept.get(p.name);
        return field && field.info === p ? field : new ParamField(p, this.texts.get(p.name) ?? "");
      });
    syncArray(this.others, next);
  }

  /** The form as a request for ./sensitivity.ts. */
  get request(): GridRequest | undefined {
    const fn = this.fn;
    if (!fn) return undefined;
    return {
      fn,
      row: this.row,
      rowText: this.rowText,
      col: this.col,
      colText: this.colText,
      texts: Object.fromEntries(this.others.map((f) => [f.info.name, f.text])),
    };
  }

  /** The formula the grid would hold with its title at A1 (the real one names the cells where it lands). */
  get preview(): string {
    branches();
    const req = this.request;
    if (!req || !this.lib) return "";
    const planned = this.lib.planGrid(req, { row: 1, col: 1 }, this.context.known);
    return planned.ok ? planned.plan.formula : planned.message;
  }

  /** "4 x 5 cells of results (6 x 6 with the labels)". */
  get sizeText(): string {
    branches();
    const insert = this.lib;
    if (!insert) return "";
    const down = insert.parseValues(this.rowText, this.row);
    const across = insert.parseValues(this.colText, this.col);
    if (!down.ok || !across.ok) return "";
    const size = insert.gridSize(down.values.length, across.values.length);
    return `${down.values.length} x ${across.values.length} results; the grid takes ${size.rows} rows x ${size.cols} columns from the selected cell.`;
  }

  /** Writes the grid at the selected cell, only where every cell it needs is empty. */
  async insert(): Promise<void> {
    const req = this.request;
    const insert = this.lib;
    if (!req || !insert) return;
    const checked = insert.planGrid(req, { row: 1, col: 1 }, this.context.known);
    if (!checked.ok) {
      this.message = checked.message;
      return;
    }
    this.busy = true;
    this.message = "";
    try {
      const write = this.host.insertGrid?.bind(this.host) ?? ((s, p) => insert.insertGrid(s, p));
      const outcome = await write({ rows: checked.plan.rows, cols: checked.plan.cols }, (anchor) => {
        const planned = insert.planGrid(req, anchor, this.context.known);
        if (!planned.ok) throw new Error(planned.message);
        return planned.plan;
      });
      if (outcome.kind === "occupied") {
        const shown = outcome.filled.slice(0, 3).join(", ") + (outcome.filled.length > 3 ? "…" : "");
        this.message = `Nothing was written: the grid needs ${outcome.address}, and ${shown} ${outcome.filled.length === 1 ? "is" : "are"} not empty. Select a cell with room below and to the right, then insert again.`;
        this.context.done({ kind: "error", text: this.message });
      } else {
        this.message = `Inserted at ${outcome.address}: ${outcome.formula}`;
        this.context.done({ kind: "info", text: `Inserted a sensitivity grid at ${outcome.address}.` });
      }
    } catch (error) {
      this.message = `Not inserted: ${messageOf(error)}`;
      this.context.done({ kind: "error", text: this.message });
    } finally {
      this.busy = false;
    }
  }
}
observe(GridForm, "state", "error", "fnName", "row", "col", "rowText", "colText", "busy", "message");
