import {
  LATEST_EDITION,
  bookFor,
  derivedBook,
  loadEditions,
  listOf,
  notAvailable,
  quote,
  type Overrides,
  type PriceBook,
} from "../pricing";
import type { Backend, WorkbookContent } from "./backend";
import {
  DocumentError,
  emptyDocument,
  hasScenario,
  overridesOf,
  type AssumptionsDocument,
  type Patch,
} from "./document";
import type { EditArgs, EditOp } from "./edit";
import {
  MAX_PROBLEMS,
  SHEET_NAME,
  readSheetWith,
  recordedEdition,
  type SheetProblem,
  type SheetRead,
  type ProblemList,
  type SheetText,
} from "./sheetCore";

/** Where the assumptions in force were read from. */
export type StoreLocation = "sheet" | "settings" | "none";

/** What the store holds: the document in force, where it came from, and whether it may be edited. */
export interface StoreState {
  /** ok: read and editable; empty: nothing stored yet (editable); future, corrupt: read-only. */
  readonly status: "ok" | "empty" | "future" | "corrupt";
  readonly doc: AssumptionsDocument;
  /** What the pane must say first: why the assumptions are read-only, or that the sheet is gone. */
  readonly warning?: string;
  /** The unusable stored content (settings text, or the sheet's cells as JSON), kept for export. */
  readonly raw?: string;
  /** Increases with every change of what computes; books are cached per version. */
  readonly version: number;
  /** Cells of the sheet that do not validate and are not used, with their address. */
  readonly problems: readonly SheetProblem[];
  /** sheet: the GPU Assumptions sheet; settings: a 0.1 workbook's settings; none: nothing stored. */
  readonly location: StoreLocation;
  /** The last read of the workbook failed: the values are the last good ones; the store retries. */
  readonly readError?: string;
}

/** One line of "what would change" when moving to the latest price book. */
export interface EditionChange {
  readonly key: string;
  readonly label: string;
  readonly from: number | undefined;
  readonly to: number | undefined;
}

export interface StoreOptions {
  /** The time of a change, ISO 8601. */
  readonly clock?: () => string;
  /** Retries of a failed read: after `firstMs`, doubling up to `maxMs`. */
  readonly retry?: { readonly firstMs: number; readonly maxMs: number };
  /**
   * How the editing code (./edit, the `store-edit` chunk) is loaded: by default the chunk, on
   * the first edit or the first read of a 0.1 settings document. Tests pass a slow or failing one.
   */
  readonly loadEdits?: () => Promise<EditModule>;
}

/** The editing code: only an edit, or a 0.1 workbook's settings document, needs it. */
export type EditModule = typeof import("./edit");

const loadEditChunk = (): Promise<EditModule> => import(/* webpackChunkName: "store-edit" */ "./edit");

/** What a 0.1 settings document means (./validate's `interpretSettings`). */
type SettingsReader = (settings: unknown) => Interpreted;

export interface Interpreted {
  readonly status: StoreState["status"];
  readonly doc: AssumptionsDocument;
  readonly warning?: string;
  readonly raw?: string;
  readonly problems: readonly SheetProblem[];
  readonly location: StoreLocation;
  /** The sheet as read (for planning writes). */
  readonly read?: SheetRead;
}

/**
 * The editions a workbook's content needs loaded before it is interpreted: the latest (a
 * workbook with no record computes with it) and the one the content records, if any. A 0.1
 * settings document's are `settingsEditions`' (./validate, loaded with the editing code).
 */
export function editionsFor(content: WorkbookContent, settingsEditions?: (settings: unknown) => string[]): string[] {
  if (content.sheet) {
    const recorded = recordedEdition(content.sheet.values);
    return recorded ? [LATEST_EDITION, recorded] : [LATEST_EDITION];
  }
  return noSettings(content.settings) || !settingsEditions ? [LATEST_EDITION] : settingsEditions(content.settings);
}

/** Whether interpreting `content` reads a 0.1 settings document (the editing code does that). */
function readsSettings(content: WorkbookContent): boolean {
  return !content.sheet && !content.lookalikes && !noSettings(content.settings);
}

function noSettings(settings: unknown): boolean {
  return settings === undefined || settings === null || settings === "";
}

/**
 * What a workbook's content means for the store: pure, never throws once the reader of 0.1
 * settings documents is given. The reader (./validate's `readStored`) and the words of the
 * sheet's problems (`text`, ./sheetText) are in the store's edit chunk: the store passes them
 * once loaded, so that opening a workbook whose sheet has no problem loads neither.
 * `interpret` (./validate) is this with both, for the CLI and the tests.
 */
export function interpretWith(
  content: WorkbookContent,
  readSettings: SettingsReader | undefined,
  text: SheetText,
): Interpreted {
  if (content.sheet) {
    const read = readSheetWith(
      content.sheet.values,
      { formulas: content.sheet.formulas, sheetName: content.sheet.name, clipped: content.sheet.clipped === true },
      text,
    );
    return {
      status: read.status,
      doc: read.doc,
      problems: read.problems,
      location: "sheet",
      read,
      ...(read.warning !== undefined ? { warning: read.warning, raw: JSON.stringify(content.sheet.values) } : {}),
    };
  }
  if (content.lookalikes) {
    return {
      status: "corrupt",
      doc: emptyDocument(),
      problems: [],
      location: "none",
      warning: text.lookalikes(content.lookalikes, SHEET_NAME),
    };
  }
  if (noSettings(content.settings)) {
    return { status: "empty", doc: emptyDocument(), problems: [], location: "none" };
  }
  if (!readSettings) throw new Error("0.1 settings reader not loaded");
  return readSettings(content.settings);
}

/**
 * Words that say `say()` for every problem and warning, each problem listed with the sheet's
 * name as its address (at most MAX_PROBLEMS): the store's first pass over a sheet, which only
 * notes that words are needed, and its fallback when they cannot be loaded.
 */
function sameWords(say: () => string): SheetText {
  const problems = (sheetName: string): ProblemList => {
    const list: SheetProblem[] = [];
    return {
      add(_row, _column, _said, key) {
        if (list.length < MAX_PROBLEMS)
          list.push({ address: `'${sheetName}'`, message: say(), ...(key ? { key } : {}) });
      },
      done: () => list,
    };
  };
  return new Proxy({} as SheetText, { get: (_, name) => (name === "problems" ? problems : say) });
}

function fingerprint(s: Interpreted | StoreState): string {
  return JSON.stringify([s.status, s.doc, s.warning, s.raw, s.problems, s.location]);
}

/**
 * The workbook's assumptions, shared by the task pane and the custom functions of one runtime.
 *
 * - Reads: on creation (retried until one succeeds: `ready` waits for it, so cells never compute
 *   with numbers that are not the workbook's), and whenever the workbook signals a change. A
 *   failed read keeps the last good values, tells no cell, and is retried.
 * - Writes: every edit is a `Patch`; the backend reads the sheet and writes only the cells the
 *   patch touches, in one batch. Nothing is written on open; the sheet is created by the first
 *   saved edit (migrating a 0.1 settings document into it, the settings left untouched).
 * - Subscribers hear every change of what computes, local or remote; one that throws never
 *   stops the others nor fails the edit that caused it.
 */
export class AssumptionStore {
  readonly ready: Promise<void>;
  /** Whether the first read has completed (`ready` has resolved): cells then compute at once. */
  get isReady(): boolean {
    return this.loaded;
  }
  private state: StoreState = { status: "empty", doc: emptyDocument(), version: 0, problems: [], location: "none" };
  private readonly listeners = new Set<() => void>();
  private readonly healthListeners = new Set<() => void>();
  private readonly undoStack: { patch: Patch; label: string }[] = [];
  private books = new Map<string, PriceBook>();
  /** Reads and writes run one at a time, in order: a read never lands on top of a newer write. */
  private queue: Promise<unknown> = Promise.resolve();
  private pendingReload: Promise<void> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryAttempt = 0;
  private loaded = false;
  private resolveReady!: () => void;
  /** The sheet was there and is gone (deleted, or renamed beyond recognition). */
  private sheetLost = false;
  private readonly clock: () => string;
  private readonly retry: { readonly firstMs: number; readonly maxMs: number };
  private readonly loadEdits: () => Promise<EditModule>;
  /** The editing code, once its load has started (undefined again after a failed load). */
  private edits: Promise<EditModule> | undefined;
  /** The editing code once loaded: the 0.1 settings reader, the words of the sheet's problems. */
  private editCode: EditModule | undefined;

  constructor(
    private readonly backend: Backend,
    options: StoreOptions | (() => string) = {},
  ) {
    const o = typeof options === "function" ? { clock: options } : options;
    this.clock = o.clock ?? (() => new Date().toISOString());
    this.retry = o.retry ?? { firstMs: 500, maxMs: 30_000 };
    this.loadEdits = o.loadEdits ?? loadEditChunk;
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    // Every workbook loads the latest edition: fetch its chunk while the first read runs, not after.
    loadEditions([LATEST_EDITION]).catch(() => undefined);
    this.reload().catch(() => undefined);
    backend.watch(() => this.reload().catch(() => undefined));
  }

  get snapshot(): StoreState {
    return this.state;
  }

  get writable(): boolean {
    return this.state.status === "ok" || this.state.status === "empty";
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /** What the last undoable change was, for the pane's Undo button. */
  get undoLabel(): string | undefined {
    return this.undoStack[this.undoStack.length - 1]?.label;
  }

  /**
   * Calls `listener` whenever what computes changes (an edit, a co-author's, a typed cell, a
   * scenario switch...). With `{ readErrors: true }` (the pane) also when a read of the
   * workbook fails or recovers, and when what only the pane shows arrives (`editionChanges`),
   * which change nothing that computes.
   */
  subscribe(listener: () => void, options?: { readErrors?: boolean }): () => void {
    this.listeners.add(listener);
    if (options?.readErrors) this.healthListeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      this.healthListeners.delete(listener);
    };
  }

  /** Names of the scenarios, the active one first. */
  scenarios(): string[] {
    const { doc } = this.state;
    return [
      doc.activeScenario,
      ...Object.keys(doc.scenarios)
        .filter((s) => s !== doc.activeScenario)
        .sort(),
    ];
  }

  /**
   * The price book of a scenario (the active one when omitted), optionally with further
   * overrides on top (a range passed to a function). Built once per store version. An unknown
   * scenario, "constructor" and "__proto__" included, is #N/A.
   */
  book(scenario?: string, extra?: Overrides): PriceBook {
    const { doc } = this.state;
    const name = scenario === undefined ? doc.activeScenario : scenario.trim().toLowerCase();
    if (!hasScenario(doc, name)) {
      throw notAvailable(`Unknown scenario ${quote(scenario ?? "")}. This workbook has ${listOf(this.scenarios())}.`);
    }
    let book = this.books.get(name);
    if (!book) {
      book = bookFor(overridesOf(doc, name), doc.bookVersion);
      this.books.set(name, book);
    }
    // A cell's own override range: the scenario's book patched, cached per book and range.
    return extra && extra.size > 0 ? derivedBook(book, extra) : book;
  }

  /**
   * Reads the workbook again (it happens on its own on open and on every change signal). Rejects
   * when the read fails; the values in force then stay as they were and a retry is scheduled.
   */
  reload(): Promise<void> {
    if (this.pendingReload) return this.pendingReload;
    const run = this.enqueue(async () => {
      this.pendingReload = undefined;
      let next: Interpreted;
      try {
        const content = await this.backend.read();
        const edits = readsSettings(content) ? await this.editing() : undefined;
        await loadEditions(editionsFor(content, edits?.settingsEditions));
        // A 0.1 workbook, or a sheet with a problem, loads the editing code (words, reader).
        next = await this.understand(content);
      } catch (error) {
        this.readFailed(error);
        throw error;
      }
      this.readSucceeded(next);
    });
    this.pendingReload = run;
    return run;
  }

  /*
   * The edits. Their checks, messages and patches are the editing code (./edit), loaded on the
   * first edit: an edit made before it arrives waits for it, then saves in order; when it cannot
   * be loaded the edit fails with a DocumentError saying so, nothing is written, and the next
   * edit tries again.
   */

  /** Sets `key` to `value` in a scenario (the active one by default). */
  set(key: string, value: number, scenario?: string): Promise<void> {
    return this.edit("set", key, value, scenario);
  }

  /** Back to the edition's default. */
  reset(key: string, scenario?: string): Promise<void> {
    return this.edit("reset", key, scenario);
  }

  resetAll(scenario?: string): Promise<void> {
    return this.edit("resetAll", scenario);
  }

  activate(scenario: string): Promise<void> {
    return this.edit("activate", scenario);
  }

  /** A new scenario, starting as a copy of another (the active one by default). */
  addScenario(name: string, copyOf?: string): Promise<void> {
    return this.edit("addScenario", name, copyOf);
  }

  removeScenario(name: string): Promise<void> {
    return this.edit("removeScenario", name);
  }

  /**
   * Replaces every assumption with an imported file's; nothing changes when it is refused. Also
   * possible over a damaged 0.1 settings document, which stays untouched (the sheet is created).
   */
  import(text: string): Promise<void> {
    return this.edit("import", text);
  }

  /** The assumptions as JSON, for export: the stored content itself when it could not be read. */
  export(): string {
    return this.state.raw ?? JSON.stringify(this.state.doc, null, 2);
  }

  /** Undoes the last change made here (this session), whatever happened to other keys since. */
  async undo(): Promise<void> {
    const last = this.undoStack.pop();
    if (!last) return;
    try {
      await this.commit(last.patch);
    } catch (error) {
      this.undoStack.push(last);
      throw error;
    }
  }

  /**
   * What moving to the latest price book would change, in the active scenario (the pane lists
   * it; ./edit compares). Only the pane asks, so the comparison is in the editing code: until
   * that has loaded, this starts loading it, returns nothing, and calls the pane's listeners
   * (`subscribe` with `readErrors`) when it is there, so that the pane asks again.
   */
  editionChanges(): EditionChange[] {
    if (this.state.doc.bookVersion === LATEST_EDITION) return [];
    if (this.editCode) return this.editCode.editionChanges(this);
    this.editing().then(
      () => this.notify(this.healthListeners),
      () => undefined,
    );
    return [];
  }

  /**
   * Moves the workbook to the latest price book (its overrides stay). On a workbook without a
   * sheet this records the latest edition (it creates the sheet).
   */
  updateEdition(): Promise<void> {
    return this.edit("updateEdition");
  }

  /**
   * Makes the assumptions sheet visible and activates it (Excel's Unhide does the same); it
   * creates nothing: without a sheet it says so.
   */
  async showSheet(): Promise<void> {
    if (!(await this.backend.show())) throw new DocumentError((await this.editing()).NO_SHEET);
  }

  /**
   * The editing code, loading it on first use; a failed load is a DocumentError (and the next
   * call loads again).
   */
  private editing(): Promise<EditModule> {
    this.edits ??= this.loadEdits().then(
      (edits) => {
        this.editCode = edits;
        return edits;
      },
      (error: unknown) => {
        this.edits = undefined;
        throw new DocumentError(
          `The add-in could not load the code that edits and checks the assumptions (${messageOf(error)}); nothing was changed. Check the connection and try again.`,
        );
      },
    );
    return this.edits;
  }

  /** Makes an edit's patch (refused: a DocumentError, nothing written), saves it, records its undo. */
  private async edit<K extends EditOp>(op: K, ...args: EditArgs[K]): Promise<void> {
    const edits = await this.editing();
    const { patch, label } = await edits.patchFor(this, this.clock(), op, args);
    const before = await this.commit(patch);
    this.undoStack.push({ patch: edits.inverse(before, patch), label });
  }

  /**
   * Saves a patch: in one batch the backend reads the workbook, this plans the writes of only
   * the cells the patch touches on what was read, and the backend writes them. Returns the
   * document the patch was applied to (for undo). Refused, with nothing written, when what is
   * stored is read-only (a newer add-in's sheet, a damaged one).
   */
  private commit(patch: Patch): Promise<AssumptionsDocument> {
    return this.enqueue(async () => {
      let before: AssumptionsDocument | undefined;
      let content: WorkbookContent;
      // What is read inside the write's batch may record any edition (a co-author's Update).
      await loadEditions();
      // The planner only writes: the editing code, so opening a workbook does not load it.
      const { planSave } = await this.editing();
      try {
        content = await this.backend.update((current) => {
          const saved = planSave(current, patch);
          before = saved.before;
          return saved.edit;
        });
      } catch (error) {
        // Learn what the workbook holds now (a newer sheet, a partial write); quietly.
        this.reload().catch(() => undefined);
        throw error;
      }
      this.readSucceeded(await this.understand(content));
      return before!;
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * What `content` means, with the warning of a sheet that is gone. Loads the editing code first
   * when the content needs it: a 0.1 settings document (its reader), or a sheet with a problem or
   * a warning (their words). A sheet without one is read once, with no load: a first pass
   * with words that only note being used.
   */
  private async understand(content: WorkbookContent): Promise<Interpreted> {
    const attempt = (text: SheetText): Interpreted => {
      const next = interpretWith(content, this.editCode?.interpretSettings, text);
      const lost = next.location !== "sheet" && (this.sheetLost || this.state.location === "sheet");
      return lost && next.warning === undefined
        ? { ...next, warning: text.sheetGone(SHEET_NAME, next.location === "settings" ? "settings" : "none") }
        : next;
    };
    if (this.editCode) return attempt(this.editCode.SHEET_TEXT);
    let worded = false;
    const next = attempt(
      sameWords(() => {
        worded = true;
        return "";
      }),
    );
    if (!worded) return next;
    try {
      return attempt((await this.editing()).SHEET_TEXT);
    } catch (error) {
      // The values read are good: compute with them; the words come with the next read.
      const why = `This does not validate and is not used; the add-in could not load the words saying why (${messageOf(error)}).`;
      return attempt(sameWords(() => why));
    }
  }

  private readSucceeded(next: Interpreted): void {
    this.retryAttempt = 0;
    if (this.retryTimer !== undefined) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    if (next.location === "sheet") this.sheetLost = false;
    else if (this.state.location === "sheet") this.sheetLost = true;
    const hadError = this.state.readError !== undefined;
    if (fingerprint(next) !== fingerprint(this.state) || !this.loaded) {
      const { read: _read, ...fields } = next;
      this.state = { ...fields, version: this.state.version + 1 };
      this.books = new Map();
      this.notify(this.listeners);
    } else if (hadError) {
      const { readError: _gone, ...rest } = this.state;
      this.state = rest;
      this.notify(this.healthListeners);
    }
    if (!this.loaded) {
      this.loaded = true;
      this.resolveReady();
    }
  }

  private readFailed(error: unknown): void {
    this.state = { ...this.state, readError: `Could not read the workbook's assumptions: ${messageOf(error)}` };
    this.notify(this.healthListeners);
    if (this.retryTimer === undefined) {
      const delay = Math.min(this.retry.maxMs, this.retry.firstMs * 2 ** this.retryAttempt++);
      const timer = setTimeout(() => {
        this.retryTimer = undefined;
        this.reload().catch(() => undefined);
      }, delay);
      (timer as unknown as { unref?: () => void }).unref?.();
      this.retryTimer = timer;
    }
  }

  /** Calls every listener; one that throws is reported and never stops the others. */
  private notify(listeners: ReadonlySet<() => void>): void {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        console.error("GPU Cost: an assumptions listener failed:", error);
      }
    }
  }
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}
