/**
 * The task pane's state and actions, apart from the DOM (./templates.ts renders it). It reads
 * the store, keeps only view state of its own (search, filter, open groups, text typed and not
 * saved), and turns the user's actions into store calls.
 *
 * On every store change `sync()` updates the existing models in place: one CellModel per key
 * (created when first shown: the key drivers and the rows of an open group, see `cellOf`), one
 * GroupModel per group, arrays changed by splices. Nothing is rebuilt, so an input keeps
 * its focus, caret and typed text whatever the store does (the reason for this design:
 * issue 14, "typing pue into search leaves e").
 */
import { LATEST_EDITION, bookFor, type Assumption, type PriceBook } from "../pricing";
import { messageOf, type AssumptionStore, type EditionChange, type StoreState } from "../store/store";
import { CellModel, formatNumber, haystackOf, type CellOwner } from "./cells";
import { loadNotes } from "../pricing/book/notes";
import { countsText, groupChanges, type ChangeGroup } from "./edition";
import { groupModel, type GroupModel } from "./groups";
import { groupsOf, keyDrivers, type Usage } from "./layout";
import { branches, observe, syncArray } from "./observe";
import { ReferenceModel } from "./referenceModel";
import { InsertModel, type InsertHost } from "./sensitivityModel";
import { saveText, type FileState, type Location, type SaveText } from "./saveInfo";
import { NO_USAGE, mergeUsage, usageFromCells, usageFromEdits } from "./usage";
import { parseAssumptionInput } from "./validate";
import type { InsertResult } from "./workbook";

/** The notes before they have loaded (PaneModel.notes): none, and known as not loaded yet. */
const NO_NOTES: Readonly<Record<string, string>> = Object.freeze({});

/** What a cell model is brought up to date from (PaneModel.sync keeps it). */
interface CellView {
  readonly book: PriceBook;
  /** The base scenario's book while another scenario is active. */
  readonly base: PriceBook | undefined;
  /** The active scenario's overrides. */
  readonly overrides: StoreState["doc"]["scenarios"][string];
  /** A problem found in the workbook, by key. */
  readonly problemOf: ReadonlyMap<string, string>;
}

/** A cell of the workbook the store could not use (issue 9: listed with its address). */
export interface StoreProblem {
  readonly address: string;
  readonly key?: string;
  readonly message: string;
}

/** The store's state, with the fields a newer store adds (feature-detected). */
type Snapshot = StoreState & {
  readonly problems?: readonly StoreProblem[];
  readonly location?: Location;
  /** The last read of the workbook failed: the values shown are the last good ones. */
  readonly readError?: string;
};

/** `subscribe` as a newer store offers it: the pane also hears of failed reads (cells do not). */
type Subscribe = (listener: () => void, options?: { readErrors?: boolean }) => () => void;

/** What the pane uses of the store: AssumptionStore, and `showSheet` where the store has it. */
export type PaneStore = Pick<
  AssumptionStore,
  | "snapshot"
  | "writable"
  | "canUndo"
  | "undoLabel"
  | "subscribe"
  | "scenarios"
  | "book"
  | "set"
  | "reset"
  | "resetAll"
  | "activate"
  | "addScenario"
  | "removeScenario"
  | "import"
  | "export"
  | "undo"
  | "editionChanges"
  | "updateEdition"
> & { showSheet?: () => Promise<void> };

/** What the pane asks Excel (./workbook.ts in the add-in; stubs in Node tests). */
export interface PaneHost extends InsertHost {
  usedCells(): Promise<unknown[]>;
  fileState(): Promise<FileState>;
  insertIntoSelection(formula: string, replace?: string): Promise<InsertResult>;
  /** functions.json, served beside the pane. */
  functionsMetadata(): Promise<unknown>;
}

export interface Status {
  readonly kind: "info" | "error";
  readonly text: string;
}

/** One key driver row: a cell and the words beside it (a heading starts a block). */
export class DriverModel {
  declare label: string;
  declare heading: string;
  declare detail: string;
  /** The first driver under its heading (the heading is shown above it). */
  declare first: boolean;
  /**
   * The driver last focused: its source and date show under it until another driver is
   * focused. Not while focused only: hiding them when focus leaves would move everything below
   * between a click's press and release, and the click would land on nothing.
   */
  declare selected: boolean;
  /** Its note is shown ("Why this figure" open under the source line). */
  declare noteOpen: boolean;
  constructor(
    readonly cell: CellModel,
    label: string,
    heading: string,
  ) {
    this.label = label;
    this.heading = heading;
    this.detail = "";
    this.first = false;
    this.selected = false;
    this.noteOpen = false;
  }
}
observe(DriverModel, "label", "heading", "detail", "first", "selected", "noteOpen");

/** The pane's tabs, each with its panel. */
export type PaneTab = "assumptions" | "functions" | "insert";

/** A group of the edition update's list of changes (expandable). */
export class ChangeGroupModel {
  declare open: boolean;
  constructor(readonly group: ChangeGroup) {
    this.open = false;
  }
  get counts(): string {
    return countsText(this.group);
  }
  get id(): string {
    return `changes-${this.group.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  }
}
observe(ChangeGroupModel, "open");

export class PaneModel implements CellOwner {
  declare tab: PaneTab;
  declare status: Status;
  declare search: string;
  declare changedOnly: boolean;
  declare active: string;
  declare edition: string;
  /** The loaded notes of the edition in force (see `notes`). */
  declare loadedNotes: Readonly<Record<string, string>>;
  declare writable: boolean;
  declare canUndo: boolean;
  declare undoLabel: string;
  declare warning: string;
  declare readError: string;
  declare hasRaw: boolean;
  declare location: Location | undefined;
  declare file: FileState;
  declare problems: readonly StoreProblem[];
  declare naming: boolean;
  declare confirmingReset: boolean;
  declare exportOpen: boolean;
  declare exportText: string;
  declare driversNote: string;
  /** The latest edition's changes, grouped; empty when the workbook is on the latest edition. */
  declare changeTotal: number;
  readonly scenarios: string[] = [];
  readonly drivers: DriverModel[] = [];
  readonly groups: GroupModel[] = [];
  readonly changeGroups: ChangeGroupModel[] = [];
  readonly reference: ReferenceModel;
  /** The Insert tab: model sheet and sensitivity grid. */
  readonly insert: InsertModel;

  /** The cell models created so far, by key (see `cellOf`). */
  private readonly cells = new Map<string, CellModel>();
  /** The store's state as of the last `sync`, which a cell created later starts from. */
  private view!: CellView;
  private readonly driverModels = new Map<string, DriverModel>();
  private layoutId = "";
  /** The edition whose notes were asked for. */
  private notesFor = "";
  private changesId = "";
  private cellUsage: Usage = NO_USAGE;
  private fileTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly store: PaneStore,
    private readonly host: PaneHost,
  ) {
    this.tab = "assumptions";
    this.status = { kind: "info", text: "" };
    this.search = "";
    this.changedOnly = false;
    this.active = "base";
    this.edition = "";
    this.loadedNotes = NO_NOTES;
    this.writable = true;
    this.canUndo = false;
    this.undoLabel = "";
    this.warning = "";
    this.readError = "";
    this.hasRaw = false;
    this.location = undefined;
    this.file = {};
    this.problems = [];
    this.naming = false;
    this.confirmingReset = false;
    this.exportOpen = false;
    this.exportText = "";
    this.driversNote = "";
    this.changeTotal = 0;
    this.reference = new ReferenceModel(
      host,
      (s) => (this.status = s),
      (text) => this.knows(text),
    );
    this.insert = new InsertModel(host, {
      book: () => this.book(),
      chips: () => this.cellUsage.gpus,
      known: (text) => this.knows(text),
      done: (s) => (this.status = s),
    });
    this.sync();
    (store.subscribe as Subscribe).call(store, () => this.sync(), { readErrors: true });
  }

  /**
   * The edition's notes on its figures (./cells note): a chunk of their own, loaded when a note
   * is first shown (a key driver's "Why this figure" opened, a group's rows), not for the first
   * screen; empty until it has loaded (the figures show at once without their notes).
   */
  get notes(): Readonly<Record<string, string>> {
    const edition = this.edition;
    if (this.notesFor !== edition) {
      this.notesFor = edition;
      loadNotes(edition).then(
        (notes) => {
          if (this.edition === edition) this.loadedNotes = notes;
        },
        () => undefined, // notes are footnotes: the pane works without them
      );
    }
    return this.loadedNotes;
  }

  /** Whether the notes have loaded (reading it starts their load, as `notes` does). */
  get notesLoaded(): boolean {
    return this.notes !== NO_NOTES;
  }

  /** Reads the workbook's cells for the chips it prices (once, after the first screen). */
  async scanWorkbook(): Promise<void> {
    try {
      this.cellUsage = usageFromCells(await this.host.usedCells(), this.book());
    } catch {
      this.cellUsage = NO_USAGE; // a hint only: the default chip and recent edits stand in
    }
    this.syncDrivers(this.book());
  }

  /** Asks Excel whether the file still has to be saved (on open and after each change). */
  async refreshFile(): Promise<void> {
    this.file = await this.host.fileState().catch(() => ({}));
  }

  get saveText(): SaveText {
    return saveText(this.location, this.file, this.edition);
  }

  get canShowSheet(): boolean {
    branches();
    return typeof this.store.showSheet === "function" && this.location !== "none" && this.location !== "settings";
  }

  /** Another scenario than base is active: values are shown beside base's. */
  get comparing(): boolean {
    return this.active !== "base";
  }

  get filtering(): boolean {
    branches();
    return this.search.trim() !== "" || this.changedOnly;
  }

  get latestEdition(): string {
    return LATEST_EDITION;
  }

  get problemsTitle(): string {
    const n = this.problems.length;
    return `${n} ${n === 1 ? "cell" : "cells"} of the workbook's assumptions could not be used; the edition's defaults stand in for ${n === 1 ? "it" : "them"}:`;
  }

  /** A chip, provider or rent mode of the book in force, or a scenario of the workbook (any case). */
  private knows(text: string): boolean {
    const t = text.toLowerCase();
    const book = this.book();
    return (
      book.accelerators.has(t) ||
      this.scenarios.includes(t) ||
      (book.data.instances ?? []).some((i) => i.provider.toLowerCase() === t || Object.hasOwn(i.hourlyUsd, t))
    );
  }

  private book(): PriceBook {
    return this.store.book();
  }

  /** Brings every model up to date with the store, in place. */
  sync(): void {
    const state = this.store.snapshot as Snapshot;
    const doc = state.doc;
    let book: PriceBook;
    let base: PriceBook | undefined;
    try {
      book = this.book();
      base = doc.activeScenario === "base" ? undefined : this.store.book("base");
    } catch (error) {
      this.status = { kind: "error", text: messageOf(error) };
      return;
    }
    this.active = doc.activeScenario;
    if (this.edition !== doc.bookVersion) this.loadedNotes = NO_NOTES;
    this.edition = doc.bookVersion;
    this.writable = this.store.writable;
    this.syncUndo();
    this.warning = state.warning ?? "";
    this.readError = state.readError ?? "";
    this.hasRaw = state.raw !== undefined;
    this.location = state.location;
    this.problems = state.problems ?? [];
    syncArray(this.scenarios, this.store.scenarios());

    const problemOf = new Map<string, string>();
    for (const p of this.problems) if (p.key) problemOf.set(p.key, `${p.address}: ${p.message}`);
    this.view = { book, base, overrides: doc.scenarios[doc.activeScenario] ?? {}, problemOf };
    // Only the cells created so far (shown once, or typed into); the others start from `view`.
    for (const cell of this.cells.values()) {
      const a = book.assumptions.get(cell.key);
      if (a) this.refresh(cell, a);
    }
    this.syncLayout(book);
    this.syncDrivers(book);
    this.applyFilter();
    this.syncEdition(book);
    this.scheduleFileRefresh();
  }

  /**
   * The one model of `key` (a key of the book in force), created on first use: the pane makes
   * the cells it shows (key drivers, open groups), not one per assumption.
   */
  cellOf(key: string): CellModel {
    let cell = this.cells.get(key);
    if (!cell) {
      const a = this.view.book.assumptions.get(key);
      if (!a) throw new Error(`No assumption ${key} in price book ${this.view.book.version}.`);
      this.cells.set(key, (cell = new CellModel(key, this, a)));
      this.refresh(cell, a);
    }
    return cell;
  }

  /** Brings `cell` up to date with the store's state (`view`) and the assumption in force `a`. */
  private refresh(cell: CellModel, a: Assumption): void {
    const { overrides, base, problemOf } = this.view;
    const moved = cell.update(a);
    if (moved && cell.draft !== undefined && cell.savingText === undefined && !this.means(cell, a.value)) {
      cell.remote = `The workbook now has ${formatNumber(a.value)} (changed while you typed): Enter saves your text, Escape takes ${formatNumber(a.value)}.`;
    }
    const entry = Object.hasOwn(overrides, a.key) ? overrides[a.key] : undefined;
    cell.changed = entry !== undefined;
    cell.changedAt = entry?.changedAt ?? "";
    cell.readonly = !this.writable;
    cell.problem = problemOf.get(a.key) ?? "";
    const b = base?.assumptions.get(a.key)?.value;
    cell.base = base ? formatNumber(b) : "";
    cell.differsFromBase = base !== undefined && b !== a.value;
  }

  /** Overridden in the active scenario (differs from the edition's default). */
  private isChanged(key: string): boolean {
    const o = this.view.overrides;
    return Object.hasOwn(o, key) && o[key] !== undefined;
  }

  /** The store records an undo step after its save notified us: read again after each action. */
  private syncUndo(): void {
    this.canUndo = this.store.canUndo;
    this.undoLabel = this.store.undoLabel ?? "";
  }

  /** Whether the text typed in `cell` means `value` (then a co-author's value is no news). */
  private means(cell: CellModel, value: number): boolean {
    const parsed = parseAssumptionInput(cell.draft ?? "", cell.assumption);
    return parsed.ok && parsed.value === value;
  }

  /** Rebuilds the groups only when the set of keys changed (an edition update). */
  private syncLayout(book: PriceBook): void {
    const id = `${book.version}\n${[...book.assumptions.keys()].join("\n")}`;
    if (id === this.layoutId) return;
    this.layoutId = id;
    const open = new Map(this.groups.map((g) => [g.name, g.open]));
    const groups = groupsOf(book).map((layout) => {
      const g = groupModel(layout, (key) => this.cellOf(key));
      g.open = open.get(g.name) ?? false;
      return g;
    });
    syncArray(this.groups, groups);
  }

  private syncDrivers(book: PriceBook): void {
    const doc = this.store.snapshot.doc;
    const edits = usageFromEdits(doc.scenarios[doc.activeScenario] ?? {}, book);
    const usage = mergeUsage(this.cellUsage, edits);
    const drivers = keyDrivers(book, usage).map((d, i, all) => {
      let m = this.driverModels.get(d.key);
      const cell = this.cellOf(d.key);
      if (!m) this.driverModels.set(d.key, (m = new DriverModel(cell, d.label, d.heading)));
      m.label = d.label;
      m.heading = d.heading;
      m.detail = d.detail ?? "";
      m.first = i === 0 || all[i - 1]!.heading !== d.heading;
      return m;
    });
    syncArray(this.drivers, drivers);
    const found = this.cellUsage.gpus;
    this.driversNote =
      found.length > 0
        ? `Chips named in this workbook's cells: ${found.join(", ")}.`
        : edits.gpus.length > 0
          ? `Chips of your recent edits: ${edits.gpus.join(", ")}.`
          : "No cell of this workbook names a chip yet: showing the default chip.";
  }

  /** Applies the search box and "Changed from defaults" to every group. */
  applyFilter(): void {
    const needle = this.search.trim().toLowerCase();
    const changed = (key: string) => this.isChanged(key);
    // Worth listing under "Changed from defaults": overridden, or a cell holding unsaved text.
    const pending = (key: string) => changed(key) || (this.cells.get(key)?.pending ?? false);
    const haystack = (key: string) => {
      const a = this.view.book.assumptions.get(key);
      return a ? haystackOf(a) : key;
    };
    const visible = (key: string) => (!needle || haystack(key).includes(needle)) && (!this.changedOnly || pending(key));
    for (const g of this.groups) g.filter(visible, changed, this.filtering);
  }

  private syncEdition(book: PriceBook): void {
    let changes: EditionChange[] = [];
    try {
      changes = this.store.editionChanges();
    } catch {
      changes = [];
    }
    const id = changes.map((c) => `${c.key}=${c.from}>${c.to}`).join("\n");
    if (id === this.changesId) return;
    this.changesId = id;
    this.changeTotal = changes.length;
    if (changes.length === 0) {
      syncArray(this.changeGroups, []);
      return;
    }
    const open = new Map(this.changeGroups.map((g) => [g.group.name, g.open]));
    const grouped = groupChanges(changes, book, bookFor(new Map(), LATEST_EDITION)).map((g) => {
      const m = new ChangeGroupModel(g);
      m.open = open.get(g.name) ?? false;
      return m;
    });
    syncArray(this.changeGroups, grouped);
  }

  /** After changes settle (a burst of edits asks once), ask Excel again whether the file needs saving. */
  private scheduleFileRefresh(): void {
    if (this.fileTimer !== undefined) clearTimeout(this.fileTimer);
    this.fileTimer = setTimeout(() => {
      this.fileTimer = undefined;
      void this.refreshFile();
    }, 1000);
  }

  // ---- the user's actions -------------------------------------------------------------------

  setSearch(text: string): void {
    const was = this.search.trim() !== "";
    this.search = text;
    const now = text.trim() !== "";
    this.applyFilter();
    // A search opens the groups it finds something in, and closing it restores them.
    for (const g of this.groups) {
      if (now && !was) g.openBeforeSearch = g.open;
      if (now) g.open = g.shownCount > 0;
      else if (was) {
        g.open = g.openBeforeSearch ?? g.open;
        g.openBeforeSearch = undefined;
      }
    }
  }

  setChangedOnly(on: boolean): void {
    this.changedOnly = on;
    this.applyFilter();
    if (on) for (const g of this.groups) if (g.shownCount > 0) g.open = true;
  }

  typed(cell: CellModel, text: string): void {
    cell.draft = text;
    cell.message = "";
  }

  /** Enter or leaving the field: validate, then save; a refused value stays with its message. */
  commit(cell: CellModel): void {
    const text = cell.draft;
    if (text === undefined || text === cell.savingText) return;
    const parsed = parseAssumptionInput(text, cell.assumption);
    if (!parsed.ok) {
      cell.message = parsed.message;
      this.status = { kind: "error", text: `Not saved: ${parsed.message}` };
      return;
    }
    if (parsed.value === cell.value) {
      cell.draft = undefined;
      cell.remote = "";
      return;
    }
    cell.savingText = text;
    cell.saving = true;
    const label = cell.label;
    this.store.set(cell.key, parsed.value).then(
      () => {
        if (cell.draft === text) {
          cell.draft = undefined;
          cell.remote = "";
        }
        this.finishSave(cell);
        this.status = { kind: "info", text: `Saved ${label} = ${formatNumber(parsed.value)} ${cell.unit}.` };
      },
      (error: unknown) => {
        this.finishSave(cell);
        cell.message = `Not saved: ${messageOf(error)}`;
        this.status = { kind: "error", text: `Not saved: ${messageOf(error)}` };
      },
    );
  }

  private finishSave(cell: CellModel): void {
    cell.saving = false;
    cell.savingText = undefined;
    this.syncUndo();
    this.applyFilter();
  }

  /** Escape: drop the typed text, show the value in force. */
  revert(cell: CellModel): void {
    cell.draft = undefined;
    cell.message = "";
    cell.remote = "";
    this.applyFilter();
  }

  /** Reset on a row: back to the default, and what was typed there is dropped too. */
  resetCell(cell: CellModel): void {
    cell.draft = undefined;
    cell.message = "";
    cell.remote = "";
    const label = cell.label;
    const shipped = cell.assumption.shipped;
    this.run(() => this.store.reset(cell.key), `${label} reset to ${formatNumber(shipped.value)} ${shipped.unit}.`);
  }

  focused(cell: CellModel): void {
    for (const g of this.groups) g.focus(cell);
    if (this.drivers.some((d) => d.cell === cell)) for (const d of this.drivers) d.selected = d.cell === cell;
  }

  toggleGroup(group: GroupModel, open: boolean): void {
    group.open = open;
  }

  activate(scenario: string): void {
    this.run(() => this.store.activate(scenario), `Scenario "${scenario}" is active.`);
  }

  startNaming(): void {
    this.naming = true;
  }

  cancelNaming(): void {
    this.naming = false;
  }

  createScenario(name: string): void {
    const n = name.trim();
    if (!n) return;
    this.naming = false;
    this.run(async () => {
      await this.store.addScenario(n);
      await this.store.activate(n);
    }, `Scenario "${n.toLowerCase()}" created, a copy of "${this.active}".`);
  }

  removeScenario(): void {
    const name = this.active;
    this.run(() => this.store.removeScenario(name), `Scenario "${name}" removed.`);
  }

  undo(): void {
    const label = this.undoLabel;
    this.run(() => this.store.undo(), `Undone: ${label}.`);
  }

  askResetAll(): void {
    this.confirmingReset = true;
  }

  cancelResetAll(): void {
    this.confirmingReset = false;
  }

  confirmResetAll(): void {
    this.confirmingReset = false;
    this.run(() => this.store.resetAll(), `Every assumption of "${this.active}" is back to the defaults.`);
  }

  importText(text: string, from: string): void {
    this.run(() => this.store.import(text), `Imported ${from}.`);
  }

  openExport(): void {
    this.exportText = this.store.export();
    this.exportOpen = true;
  }

  closeExport(): void {
    this.exportOpen = false;
  }

  get exportName(): string {
    return this.hasRaw ? "gpu-cost-stored-assumptions.txt" : "gpu-cost-assumptions.json";
  }

  exported(how: "copied" | "downloaded" | "copy-failed"): void {
    this.status =
      how === "copied"
        ? { kind: "info", text: "Copied to the clipboard." }
        : how === "downloaded"
          ? { kind: "info", text: `Downloading ${this.exportName}.` }
          : { kind: "error", text: "This host does not let the pane copy: select the text below and copy it." };
  }

  updateEdition(): void {
    const to = LATEST_EDITION;
    this.run(() => this.store.updateEdition(), `This workbook now uses the price book of ${to}; Undo goes back.`);
  }

  showSheet(): void {
    const show = this.store.showSheet;
    if (show) this.run(() => show.call(this.store), "The assumptions sheet is shown.");
  }

  setTab(tab: PaneTab): void {
    this.tab = tab;
    if (tab === "functions") void this.reference.load();
    if (tab === "insert") void this.insert.grid.load();
  }

  private run(action: () => Promise<unknown>, done: string): void {
    action().then(
      () => {
        this.status = { kind: "info", text: done };
        this.syncUndo();
        this.applyFilter();
      },
      (error: unknown) => {
        this.status = { kind: "error", text: messageOf(error) };
      },
    );
  }
}
observe(
  PaneModel,
  "tab",
  "status",
  "search",
  "changedOnly",
  "active",
  "edition",
  "loadedNotes",
  "writable",
  "canUndo",
  "undoLabel",
  "warning",
  "readError",
  "hasRaw",
  "location",
  "file",
  "problems",
  "naming",
  "confirmingReset",
  "exportOpen",
  "exportText",
  "driversNote",
  "changeTotal",
);
