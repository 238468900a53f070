/**
 * The collapsible groups of the pane (Accelerators, Cloud rates, Facility, Methods...), each
 * with its count, as a list of rows or a compact table. A group renders its rows only while
 * open, and creates the models of its cells only then (the key drivers create their own), so
 * the first screen builds a handful of elements and models, not hundreds.
 */
import type { CellModel } from "./cells";
import type { GroupLayout, TableColumn } from "./layout";
import { branches, observe, syncArray } from "./observe";

/** A table slot without a figure (the chip has no such value): shown as a dash. */
export interface NoCell {
  readonly none: true;
  readonly key: string;
}

export type Slot = CellModel | NoCell;

export function isCell(slot: Slot): slot is CellModel {
  return !("none" in slot);
}

export class TableRowModel {
  constructor(
    readonly id: string,
    readonly label: string,
    readonly detail: string,
    readonly slots: readonly Slot[],
  ) {}

  get cells(): CellModel[] {
    return this.slots.filter(isCell);
  }
}

export class TableModel {
  /** Rows passing the search and filter, in book order (an observable array, changed in place). */
  readonly shown: TableRowModel[] = [];
  /** The cell whose details the line under the table shows (the last one focused). */
  declare focused: CellModel | null;

  constructor(
    readonly columns: readonly TableColumn[],
    readonly rows: readonly TableRowModel[],
  ) {
    this.focused = null;
  }
}
observe(TableModel, "focused");

export class GroupModel {
  declare open: boolean;
  declare shownCount: number;
  declare changedCount: number;
  declare filtering: boolean;
  /**
   * List groups: the cells passing the search and filter (an observable array, changed in
   * place), filled while the group is open: a closed group creates no cell models.
   */
  readonly shown: CellModel[] = [];
  /** Open before a search opened it, restored when the search is cleared. */
  openBeforeSearch: boolean | undefined;
  private tableModel: TableModel | undefined;
  /** The last filter applied (a key passes or not), to apply to a table built later. */
  private visible: (key: string) => boolean = () => true;
  /** The keys passing the last filter, in book order. */
  private shownKeys: readonly string[];

  constructor(
    readonly name: string,
    /** The group's assumption keys, in book order. */
    readonly keys: readonly string[],
    /** The pane's one CellModel of a key (created on first use). */
    private readonly cellOf: (key: string) => CellModel,
    /** Builds the group's table (groups shown as tables), when first needed: a closed group needs none. */
    private readonly buildTable: (() => TableModel) | undefined,
  ) {
    this.shownKeys = keys;
    this.open = false;
    this.shownCount = keys.length;
    this.changedCount = 0;
    this.filtering = false;
    this.openBeforeSearch = undefined;
  }

  /** Every cell of the group (creates the ones not created yet). */
  get cells(): CellModel[] {
    return this.keys.map(this.cellOf);
  }

  get isTable(): boolean {
    return this.buildTable !== undefined;
  }

  /** The table of a table group, built on first use (and filtered as the group is). */
  get table(): TableModel | undefined {
    if (!this.tableModel && this.buildTable) {
      this.tableModel = this.buildTable();
      this.syncTable();
    }
    return this.tableModel;
  }

  get total(): number {
    return this.keys.length;
  }

  /** "97", or "3 of 97" while a search or filter hides some. */
  get countText(): string {
    branches();
    return this.filtering ? `${this.shownCount} of ${this.total}` : String(this.total);
  }

  get changedText(): string {
    return this.changedCount > 0 ? `${this.changedCount} changed` : "";
  }

  get id(): string {
    return `group-${this.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  }

  /** A cell of this group's table got the focus: the line under the table describes it. */
  focus(cell: CellModel): void {
    if (this.tableModel?.rows.some((r) => r.slots.includes(cell))) this.tableModel.focused = cell;
  }

  /**
   * Applies the search and filter: `visible(key)` says whether a key passes, `changed(key)`
   * whether it is overridden in the active scenario (the count beside the group's name).
   */
  filter(visible: (key: string) => boolean, changed: (key: string) => boolean, filtering: boolean): void {
    this.visible = visible;
    this.filtering = filtering;
    this.changedCount = this.keys.filter(changed).length;
    this.shownKeys = this.keys.filter(visible);
    this.shownCount = this.shownKeys.length;
    this.syncTable();
    this.syncShown();
  }

  /** FAST calls this when `open` changes: opening a list group creates the rows it shows. */
  openChanged(): void {
    this.syncShown();
  }

  private syncShown(): void {
    if (this.open && !this.buildTable) syncArray(this.shown, this.shownKeys.map(this.cellOf));
  }

  private syncTable(): void {
    if (this.tableModel)
      syncArray(
        this.tableModel.shown,
        this.tableModel.rows.filter((r) => r.cells.some((c) => this.visible(c.key))),
      );
  }
}
observe(GroupModel, "open", "shownCount", "changedCount", "filtering");

/** Builds a group's model over the pane's cells (one CellModel per key, shared). */
export function groupModel(layout: GroupLayout, cellOf: (key: string) => CellModel): GroupModel {
  const keys = layout.assumptions.map((a) => a.key);
  if (!layout.table) return new GroupModel(layout.name, keys, cellOf, undefined);
  const table = layout.table;
  return new GroupModel(layout.name, keys, cellOf, () => {
    const rows = table().rows.map(
      (r) =>
        new TableRowModel(
          r.id,
          r.label,
          r.detail ?? "",
          r.keys.map((k, i): Slot => (k === undefined ? { none: true, key: `${r.id}|${i}` } : cellOf(k))),
        ),
    );
    return new TableModel(table().columns, rows);
  });
}
