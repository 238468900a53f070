import {
  LATEST_EDITION,
  bookFor,
  boundsProblem,
  listOf,
  notAvailable,
  quote,
  type Overrides,
  type PriceBook,
} from "../pricing";
import type { Backend } from "./backend";
import {
  DEFAULT_SCENARIO,
  DocumentError,
  LIMITS,
  applyPatch,
  assertFits,
  emptyDocument,
  overridesOf,
  readStored,
  scenarioName,
  serialize,
  validateDocument,
  type AssumptionsDocument,
  type Loaded,
  type OverrideEntry,
  type Patch,
} from "./document";

/** What the store holds: the document in force and whether it may be edited. */
export interface StoreState {
  readonly status: Loaded["status"];
  readonly doc: AssumptionsDocument;
  /** Why the document is read-only (future schema, damaged text). */
  readonly warning?: string;
  /** The unusable stored text, kept for export. */
  readonly raw?: string;
  /** Increases with every change; books are cached per version. */
  readonly version: number;
}

/** One line of "what would change" when moving to the latest price book. */
export interface EditionChange {
  readonly key: string;
  readonly label: string;
  readonly from: number | undefined;
  readonly to: number | undefined;
}

/**
 * The workbook's assumptions, shared by the task pane and the custom functions of one runtime.
 *
 * - Functions ask `book(scenario)` after `ready`: the workbook's document is loaded before any
 *   cell computes, so a workbook never shows the defaults' numbers on open.
 * - Every edit is a `Patch` replayed onto the latest stored document and saved at once; when
 *   the save fails nothing changes here and the error reaches the caller (the pane keeps the
 *   edit and says why).
 * - Subscribers (the functions' streaming cells, the pane) hear every change, local or remote.
 */
export class AssumptionStore {
  readonly ready: Promise<void>;
  private state: StoreState = { status: "empty", doc: emptyDocument(), version: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly undoStack: { patch: Patch; label: string }[] = [];
  private books = new Map<string, PriceBook>();
  private lastText: string | undefined;
  /** The save in progress, if any; the next one waits for it. */
  private saving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly backend: Backend,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {
    this.ready = this.reload();
    backend.watch(() => void this.reload());
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

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
   * overrides on top (a range passed to a function). Built once per store version.
   */
  book(scenario?: string, extra?: Overrides): PriceBook {
    const { doc } = this.state;
    const name = scenario === undefined ? doc.activeScenario : scenario.trim().toLowerCase();
    if (!(name in doc.scenarios)) {
      throw notAvailable(`Unknown scenario ${quote(scenario ?? "")}. This workbook has ${listOf(this.scenarios())}.`);
    }
    if (extra && extra.size > 0) return bookFor(new Map([...overridesOf(doc, name), ...extra]), doc.bookVersion);
    let book = this.books.get(name);
    if (!book) {
      book = bookFor(overridesOf(doc, name), doc.bookVersion);
      this.books.set(name, book);
    }
    return book;
  }

  /** Reads the workbook again (on open, and when a co-author may have changed it). */
  async reload(): Promise<void> {
    let text: string | undefined;
    try {
      text = await this.backend.read();
    } catch (error) {
      this.replace({ ...this.state, warning: `Could not read the workbook's assumptions: ${messageOf(error)}` });
      return;
    }
    if (text === this.lastText && this.state.version > 0) return;
    this.lastText = text;
    const loaded = readStored(text);
    this.replace({ ...loaded, version: this.state.version + 1 });
  }

  /**
   * Records the price-book edition in a workbook that has no assumptions yet, so that a later
   * add-in with a newer edition keeps this workbook's numbers until its user updates.
   */
  async pinEdition(): Promise<void> {
    if (this.state.status === "empty") await this.commit({ kind: "replace", doc: this.state.doc });
  }

  /** Sets `key` to `value` in a scenario (the active one by default). */
  async set(key: string, value: number, scenario?: string): Promise<void> {
    const name = this.scenarioOrActive(scenario);
    const assumption = this.book(name).assumption(key);
    const problem = boundsProblem(value, assumption.bounds);
    if (problem) throw new DocumentError(`${assumption.label} ${problem} (${assumption.shipped.unit}).`);
    const entry: OverrideEntry = { value, changedAt: this.clock() };
    return this.change({ kind: "set", scenario: name, key: assumption.key, entry }, `set ${assumption.key}`);
  }

  /** Back to the shipped value. */
  async reset(key: string, scenario?: string): Promise<void> {
    const name = this.scenarioOrActive(scenario);
    const assumption = this.book(name).assumption(key);
    return this.change({ kind: "set", scenario: name, key: assumption.key, entry: null }, `reset ${assumption.key}`);
  }

  async resetAll(scenario?: string): Promise<void> {
    const name = this.scenarioOrActive(scenario);
    return this.change({ kind: "resetScenario", scenario: name, overrides: {} }, `reset all of ${name}`);
  }

  async activate(scenario: string): Promise<void> {
    return this.change({ kind: "activate", scenario: this.scenarioOrActive(scenario) }, "switch scenario");
  }

  /** A new scenario, starting as a copy of another (the active one by default). */
  async addScenario(name: string, copyOf?: string): Promise<void> {
    const n = scenarioName(name);
    if (n in this.state.doc.scenarios) throw new DocumentError(`Scenario "${n}" exists already.`);
    if (Object.keys(this.state.doc.scenarios).length >= LIMITS.scenarios) {
      throw new DocumentError(`A workbook holds at most ${LIMITS.scenarios} scenarios.`);
    }
    const from = this.state.doc.scenarios[this.scenarioOrActive(copyOf)]!;
    return this.change({ kind: "addScenario", scenario: n, overrides: from }, `add scenario ${n}`);
  }

  async removeScenario(name: string): Promise<void> {
    const n = this.scenarioOrActive(name);
    if (n === DEFAULT_SCENARIO) throw new DocumentError(`The "${DEFAULT_SCENARIO}" scenario cannot be removed.`);
    return this.change({ kind: "removeScenario", scenario: n }, `remove scenario ${n}`);
  }

  /** Replaces the whole document with an imported one; nothing changes when it is refused. */
  async import(text: string): Promise<void> {
    if (text.length * 2 > LIMITS.importBytes) {
      const kb = (text.length * 2) / 1024;
      throw new DocumentError(
        `The file is ${kb.toFixed(0)} KB; an assumptions file is at most ${LIMITS.importBytes / 1024} KB.`,
      );
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new DocumentError(`The file is not JSON: ${messageOf(error)}`);
    }
    let doc: AssumptionsDocument;
    try {
      doc = validateDocument(data);
    } catch (error) {
      throw error instanceof DocumentError ? new DocumentError(`The file was not imported. ${error.message}`) : error;
    }
    return this.change({ kind: "replace", doc }, "import");
  }

  /** The document as JSON, for export: the stored text itself when it could not be read. */
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

  /** What moving to the latest price book would change, in the active scenario. */
  editionChanges(): EditionChange[] {
    const { doc } = this.state;
    if (doc.bookVersion === LATEST_EDITION) return [];
    const now = this.book();
    const next = bookFor(new Map(), LATEST_EDITION);
    const keys = new Set([...now.assumptions.keys(), ...next.assumptions.keys()]);
    const changes: EditionChange[] = [];
    for (const key of keys) {
      const from = now.assumptions.get(key);
      const to = doc.scenarios[doc.activeScenario]?.[key]?.value ?? next.assumptions.get(key)?.value;
      if (from?.value !== to)
        changes.push({ key, label: (from ?? next.assumptions.get(key))!.label, from: from?.value, to });
    }
    return changes;
  }

  /** Moves the workbook to the latest price book (its overrides stay). */
  async updateEdition(): Promise<void> {
    return this.change({ kind: "edition", bookVersion: LATEST_EDITION }, "update the price book");
  }

  private scenarioOrActive(scenario: string | undefined): string {
    const { doc } = this.state;
    if (scenario === undefined || scenario === "") return doc.activeScenario;
    const n = scenario.trim().toLowerCase();
    if (!(n in doc.scenarios))
      throw new DocumentError(`Unknown scenario ${quote(scenario)}. This workbook has ${listOf(this.scenarios())}.`);
    return n;
  }

  /** Applies a change and records how to undo it. */
  private async change(patch: Patch, label: string): Promise<void> {
    const before = await this.commit(patch);
    this.undoStack.push({ patch: inverse(before, patch), label });
  }

  /**
   * Saves changes one at a time, in the order they were made: two quick edits in the pane must
   * not both read the same document and the second overwrite the first.
   */
  private commit(patch: Patch): Promise<AssumptionsDocument> {
    const run = this.saving.then(() => this.commitNow(patch));
    this.saving = run.catch(() => undefined);
    return run;
  }

  /**
   * Replays `patch` onto the latest stored document and saves it; returns the document it was
   * applied to. The latest text is read first so that a co-author's save to other keys is
   * kept, not overwritten.
   */
  private async commitNow(patch: Patch): Promise<AssumptionsDocument> {
    if (!this.writable) throw new DocumentError(`The assumptions are read-only. ${this.state.warning ?? ""}`.trim());
    const latest = readStored(await this.backend.read());
    if (latest.status === "future" || latest.status === "corrupt") {
      this.lastText = latest.raw;
      this.replace({ ...latest, version: this.state.version + 1 });
      throw new DocumentError(latest.warning);
    }
    const next = validateDocument(applyPatch(latest.doc, patch));
    const text = serialize(next);
    assertFits(text);
    await this.backend.write(text);
    this.lastText = text;
    this.replace({ status: "ok", doc: next, version: this.state.version + 1 });
    return latest.doc;
  }

  private replace(state: StoreState): void {
    this.state = state;
    this.books = new Map();
    for (const listener of [...this.listeners]) listener();
  }
}

/** The patch that undoes `patch` applied to `before` (for the keys it touched). */
function inverse(before: AssumptionsDocument, patch: Patch): Patch {
  switch (patch.kind) {
    case "set":
      return { ...patch, entry: before.scenarios[patch.scenario]?.[patch.key] ?? null };
    case "resetScenario":
      return { ...patch, overrides: before.scenarios[patch.scenario] ?? {} };
    case "activate":
      return { kind: "activate", scenario: before.activeScenario };
    case "addScenario":
      return { kind: "removeScenario", scenario: patch.scenario };
    case "removeScenario":
      return { kind: "addScenario", scenario: patch.scenario, overrides: before.scenarios[patch.scenario] ?? {} };
    case "edition":
      return { kind: "edition", bookVersion: before.bookVersion };
    case "replace":
      return { kind: "replace", doc: before };
  }
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}
