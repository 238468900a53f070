/**
 * A stand-in for the part of Excel's object model the add-in uses, typed against office.js's
 * own types (src/store/excelApi.ts declares that part with `Pick<Excel.Range, ...>` and proves
 * `Excel.RequestContext` fits it), and faithful to Excel's request semantics:
 *
 * - a proxy's properties are readable only after `load()` and `context.sync()` (reading earlier
 *   throws PropertyNotLoaded); `isNullObject` is known after the sync that resolved it;
 * - writes are queued and applied, in order, at `sync()`; a load sees the writes queued before
 *   it; a failed sync applies nothing (every sync is applied to a copy, committed at the end);
 * - `getItem` of a missing sheet, and any use of a null object, fail the sync (ItemNotFound);
 * - values cross a JSON boundary: what a batch reads is a copy, NaN/Infinity/undefined become
 *   null (which leaves a cell unchanged), and a string written to a cell not formatted as text
 *   ("@") is parsed as Excel parses typing: "1.5" and "5%" become numbers, "2023-07" a date
 *   serial, "TRUE" a boolean, and "=...", "+x", "-x" a formula;
 * - while the user edits a cell, a batch fails (InvalidOperationInCellEditMode) unless run with
 *   `delayForCellEdit: true`, which waits until the edit ends;
 * - several sessions (co-authors, each with its own add-in) share one workbook's cells: a
 *   change fires `onChanged` with source Local in the session that made it and Remote in the
 *   others; settings belong to one add-in install (office-js #840).
 *
 * Limits: formulas are not calculated (a written "=2" holds 2, any other formula #NAME?; tests
 * that need a formula's value type it with `value`); only A1-style addresses.
 */
import type {
  ExcelHost,
  StoreContext,
  XEvent,
  XRange,
  XSetting,
  XSettingCollection,
  XSheetAdded,
  XSheetChanged,
  XSheetDeleted,
  XWorksheet,
  XWorksheetCollection,
} from "../../src/store/excelApi";

export type Scalar = string | number | boolean;
type Visibility = "Visible" | "Hidden" | "VeryHidden";

/** One cell as Excel stores it. */
export interface FakeCell {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
}

interface SheetData {
  id: string;
  name: string;
  visibility: Visibility;
  cells: Record<string, FakeCell>;
}

interface State {
  sheets: SheetData[];
  /** Settings by add-in install, then key; values as stored (JSON values). */
  settings: Record<string, Record<string, unknown>>;
  active?: string;
  nextId: number;
}

/** An Excel error as office.js rejects a sync with it: `code` is Excel's error code. */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Addresses and coercion                                                                     */

interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function columnLetters(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function parseArea(address: string): Area {
  const m = /^(?:'?[^!]*'?!)?\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i.exec(address.trim());
  if (!m) throw new FakeExcelError("InvalidArgument", `The fake reads A1-style addresses only; got "${address}".`);
  const r0 = Number(m[2]) - 1;
  const c0 = columnIndex(m[1]!);
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? columnIndex(m[3]) : c0;
  if (r1 < r0 || c1 < c0) throw new FakeExcelError("InvalidArgument", `Bad range "${address}".`);
  return { r0, c0, r1, c1 };
}

function areaAddress(sheet: string, a: Area): string {
  const start = `${columnLetters(a.c0)}${a.r0 + 1}`;
  const end = `${columnLetters(a.c1)}${a.r1 + 1}`;
  return `${sheet}!${start === end ? start : `${start}:${end}`}`;
}

const key = (r: number, c: number) => `${r},${c}`;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;
const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** What Excel stores when a string is typed (or written through `values`) into a cell. */
export function coerce(input: string, numberFormat: string | undefined): { value: Scalar; formula?: string } {
  if (numberFormat === "@") return { value: input };
  const text = input.trim();
  if (text === "") return { value: "" };
  if (NUMBER.test(text)) {
    const n = Number(text.replace("%", ""));
    return { value: text.endsWith("%") ? n / 100 : n };
  }
  const date = DATE.exec(text);
  if (date) {
    const ms = Date.UTC(
      Number(date[1]),
      Number(date[2]) - 1,
      Number(date[3] ?? 1),
      Number(date[4] ?? 0),
      Number(date[5] ?? 0),
      Number(date[6] ?? 0),
    );
    if (!Number.isNaN(ms)) return { value: ms / 86_400_000 + 25569 };
  }
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
  if (/^[=+-]/.test(text)) {
    const formula = text.startsWith("=") ? text : `=${text}`;
    const literal = /^=\s*([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)\s*$/.exec(formula);
    return { value: literal ? Number(literal[1]) : "#NAME?", formula };
  }
  return { value: input };
}

/** The JSON boundary of office.js requests. */
function overJson<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/* ------------------------------------------------------------------------------------------ */
/* The workbook: shared cells, several sessions                                               */

export interface Persistence {
  load(): string | null;
  save(text: string): void;
}

export interface SessionOptions {
  /** Which add-in install this session is (settings are per install). Default "sideloaded". */
  readonly install?: string;
}

/**
 * One workbook file, shared by every session (co-author) that opens it. Fault knobs apply to
 * the next sync of any session.
 */
export class FakeWorkbook {
  state: State = { sheets: [], settings: {}, nextId: 1 };
  readonly sessions: FakeExcel[] = [];
  /** The next sync rejects with this error and applies nothing. */
  failNextSync: Error | undefined;
  /** The next sync that writes anything rejects with this error and applies nothing. */
  failNextWrite: Error | undefined;
  /** Every sync rejects with this error while it is set (a host that keeps failing). */
  failEverySync: Error | undefined;
  /** Milliseconds every sync takes. */
  syncDelayMs = 0;
  /** Called at the start of every sync: a test acts there, between two syncs of a batch. */
  beforeSync: ((session: FakeExcel, syncNumber: number) => void) | undefined;
  /** False: the host has no worksheet events (registering them fails, as without ExcelApi 1.9). */
  supportsEvents = true;
  syncs = 0;
  /** Syncs that wrote something. */
  writes = 0;
  private readonly defaultSession: FakeExcel;

  constructor(private readonly persistence?: Persistence) {
    const saved = persistence?.load();
    if (saved) this.state = JSON.parse(saved) as State;
    this.defaultSession = this.session();
  }

  /** A co-author's Excel with the add-in: its own events, cell-edit state and install. */
  session(options: SessionOptions = {}): FakeExcel {
    const s = new FakeExcel(this, options.install ?? "sideloaded");
    this.sessions.push(s);
    return s;
  }

  /** The `Excel` namespace of the first session. */
  excel(): ExcelHost {
    return this.defaultSession;
  }

  /** The first session (the user the tests act as). */
  get user(): FakeExcel {
    return this.defaultSession;
  }

  sheet(name: string): SheetData | undefined {
    return this.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  /** A sheet's values from A1, as `Range.values` of its used range placed at A1 would give. */
  grid(name: string): Scalar[][] {
    const sheet = this.sheet(name);
    if (!sheet) return [];
    const cells = Object.entries(sheet.cells).filter(([, c]) => c.value !== "" || c.formula);
    const rows = Math.max(0, ...cells.map(([k]) => Number(k.split(",")[0]) + 1));
    const cols = Math.max(0, ...cells.map(([k]) => Number(k.split(",")[1]) + 1));
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => sheet.cells[key(r, c)]?.value ?? ""),
    );
  }

  /** One cell ("G12") of a sheet. */
  cell(name: string, address: string): FakeCell | undefined {
    const a = parseArea(address);
    return this.sheet(name)?.cells[key(a.r0, a.c0)];
  }

  /** The 0.1 settings document of an install, as 0.1 stored it. */
  setSetting(settingKey: string, value: unknown, install = "sideloaded"): void {
    (this.state.settings[install] ??= {})[settingKey] = overJson(value);
    this.save();
  }

  getSetting(settingKey: string, install = "sideloaded"): unknown {
    return this.state.settings[install]?.[settingKey];
  }

  /** Puts a sheet in place as a file would hold it (no events): `cells` from A1. */
  putSheet(name: string, cells: readonly (readonly unknown[])[], visibility: Visibility = "Hidden"): SheetData {
    const sheet: SheetData = { id: `{sheet-${this.state.nextId++}}`, name, visibility, cells: {} };
    cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        if (typeof v === "string" && v.startsWith("=")) sheet.cells[key(r, c)] = { value: "#NAME?", formula: v };
        else sheet.cells[key(r, c)] = { value: v as Scalar };
      }),
    );
    this.state.sheets.push(sheet);
    this.save();
    return sheet;
  }

  /** Applies a batch's operations to a copy of the state; commits only when all succeed. */
  async runSync(session: FakeExcel, ops: Op[]): Promise<void> {
    this.syncs++;
    if (this.syncDelayMs) await new Promise((r) => setTimeout(r, this.syncDelayMs));
    this.beforeSync?.(session, this.syncs);
    const fail = this.failEverySync ?? this.failNextSync;
    if (fail) {
      this.failNextSync = undefined;
      throw fail;
    }
    if (this.failNextWrite && ops.some((o) => o.writes)) {
      const error = this.failNextWrite;
      this.failNextWrite = undefined;
      throw error;
    }
    const draft: Draft = { state: structuredClone(this.state), events: [], handlers: [] };
    for (const op of ops) op.apply(draft);
    this.state = draft.state;
    for (const h of draft.handlers) h();
    if (ops.some((o) => o.writes)) {
      this.writes++;
      this.save();
    }
    this.emit(session, draft.events);
  }

  /** Fires events after a commit, asynchronously as Excel does: Local here, Remote elsewhere. */
  emit(origin: FakeExcel, events: FakeEvent[], triggeredByAddin = true): void {
    for (const event of events) {
      for (const s of this.sessions) {
        const local = s === origin;
        if (event.kind === "settings" && s.install !== origin.install) continue;
        s.deliver(event, local ? "Local" : "Remote", local && triggeredByAddin);
      }
    }
  }

  private save(): void {
    this.persistence?.save(JSON.stringify(this.state));
  }
}

interface Draft {
  state: State;
  events: FakeEvent[];
  /** Run after commit: proxies learn what they loaded. */
  handlers: (() => void)[];
}

type FakeEvent =
  | { kind: "changed"; worksheetId: string; address: string }
  | { kind: "added"; worksheetId: string }
  | { kind: "deleted"; worksheetId: string }
  | { kind: "settings" };

interface Op {
  readonly writes: boolean;
  apply(draft: Draft): void;
}

/* ------------------------------------------------------------------------------------------ */
/* A session: one co-author's Excel with the add-in                                           */

type Handler = (args: any) => Promise<any>;

export class FakeExcel implements ExcelHost {
  private editingNow = false;
  private waiters: (() => void)[] = [];
  readonly handlers = {
    changed: [] as Handler[],
    added: [] as Handler[],
    deleted: [] as Handler[],
    settings: [] as Handler[],
  };

  constructor(
    readonly workbook: FakeWorkbook,
    readonly install: string,
  ) {}

  /** The user is typing in a cell: batches without delayForCellEdit fail until it ends. */
  get editing(): boolean {
    return this.editingNow;
  }

  set editing(on: boolean) {
    this.editingNow = on;
    if (!on) for (const w of this.waiters.splice(0)) w();
  }

  async run<T>(options: Excel.RunOptions, batch: (context: StoreContext) => Promise<T>): Promise<T> {
    if (this.editingNow) {
      if (!options.delayForCellEdit) {
        throw new FakeExcelError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    return batch(new FakeContext(this));
  }

  /**
   * The user types `input` into a cell (Excel parses it, respecting a text format); `value`
   * gives a typed formula's result. Fires onChanged: Local here, Remote for co-authors.
   */
  type(sheetName: string, address: string, input: Scalar, value?: Scalar): void {
    const sheet = this.workbook.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const a = parseArea(address);
    const k = key(a.r0, a.c0);
    const previous = sheet.cells[k];
    const stored = typeof input === "string" ? coerce(input, previous?.numberFormat) : { value: input };
    const cell: FakeCell = { ...previous, value: value ?? stored.value };
    if (stored.formula) cell.formula = stored.formula;
    else delete cell.formula;
    sheet.cells[k] = cell;
    this.workbook.emit(this, [{ kind: "changed", worksheetId: sheet.id, address: areaAddress(sheet.name, a) }], false);
  }

  /** The user deletes, renames, hides or unhides a sheet through Excel's UI. */
  userSheetAction(sheetName: string, action: { delete?: true; rename?: string; visibility?: Visibility }): void {
    const state = this.workbook.state;
    const sheet = this.workbook.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    if (action.delete) {
      state.sheets = state.sheets.filter((s) => s !== sheet);
      this.workbook.emit(this, [{ kind: "deleted", worksheetId: sheet.id }], false);
      return;
    }
    if (action.rename) sheet.name = action.rename;
    if (action.visibility) sheet.visibility = action.visibility;
  }

  deliver(event: FakeEvent, source: "Local" | "Remote", fromThisAddin: boolean): void {
    const list =
      event.kind === "changed"
        ? this.handlers.changed
        : event.kind === "added"
          ? this.handlers.added
          : event.kind === "deleted"
            ? this.handlers.deleted
            : this.handlers.settings;
    const args =
      event.kind === "settings"
        ? { type: "SettingsChanged" }
        : {
            ...event,
            type:
              event.kind === "changed"
                ? "WorksheetChanged"
                : event.kind === "added"
                  ? "WorksheetAdded"
                  : "WorksheetDeleted",
            source,
            triggerSource: fromThisAddin ? "ThisLocalAddin" : "Unknown",
            changeType: "RangeEdited",
          };
    for (const h of list) setTimeout(() => void h(args).catch(() => undefined), 0);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* The request context and its proxies                                                        */

class FakeContext implements StoreContext {
  readonly workbook: { worksheets: FakeWorksheetCollection; settings: FakeSettingCollection };
  private queue: Op[] = [];

  constructor(readonly session: FakeExcel) {
    this.workbook = { worksheets: new FakeWorksheetCollection(this), settings: new FakeSettingCollection(this) };
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    const ops = this.queue.splice(0);
    await this.session.workbook.runSync(this.session, ops);
  }
}

class NotLoaded extends FakeExcelError {
  constructor(what: string) {
    super("PropertyNotLoaded", `${what} was not loaded: call load() and then context.sync() before reading it.`);
  }
}

/** A value known after a sync: reading it earlier throws, like an unloaded office.js property. */
class Loaded<T> {
  private known = false;
  private current: T | undefined;
  constructor(private readonly what: string) {}
  get value(): T {
    if (!this.known) throw new NotLoaded(this.what);
    return this.current as T;
  }
  set(v: T): void {
    this.known = true;
    this.current = v;
  }
}

function propertyList(names: string | string[] | undefined): string[] {
  const list = names === undefined ? [] : Array.isArray(names) ? names : names.split(",");
  return list.map((n) => n.trim()).filter(Boolean);
}

/** How a worksheet proxy finds its sheet when the batch runs. */
type SheetRef = (draft: Draft) => SheetData | null;

class FakeWorksheet implements XWorksheet {
  private readonly idL = new Loaded<string>("Worksheet.id");
  private readonly nameL = new Loaded<string>("Worksheet.name");
  private readonly visibilityL = new Loaded<Visibility>("Worksheet.visibility");
  private readonly nullL = new Loaded<boolean>("Worksheet.isNullObject (known after sync)");

  constructor(
    readonly context: FakeContext,
    readonly ref: SheetRef,
    private readonly orNull: boolean,
    preloaded?: Pick<SheetData, "id" | "name" | "visibility">,
  ) {
    if (preloaded) {
      // An item of a loaded collection: its properties arrive with the collection.
      this.nullL.set(false);
      this.idL.set(preloaded.id);
      this.nameL.set(preloaded.name);
      this.visibilityL.set(preloaded.visibility);
      return;
    }
    // Every proxy learns whether it is a null object at the sync that follows its creation.
    context.enqueue({
      writes: false,
      apply: (draft) => {
        const sheet = ref(draft);
        if (!sheet && !orNull) throw new FakeExcelError("ItemNotFound", "The requested worksheet doesn't exist.");
        draft.handlers.push(() => this.nullL.set(sheet === null));
      },
    });
  }

  /** The sheet, or ItemNotFound: using a null object fails the sync. */
  resolve(draft: Draft): SheetData {
    const sheet = this.ref(draft);
    if (!sheet) throw new FakeExcelError("ItemNotFound", "The worksheet is a null object or no longer exists.");
    return sheet;
  }

  get isNullObject(): boolean {
    return this.nullL.value;
  }
  get id(): string {
    return this.idL.value;
  }
  get name(): string {
    return this.nameL.value;
  }
  set name(name: string) {
    this.context.enqueue({
      writes: true,
      apply: (draft) => {
        const sheet = this.resolve(draft);
        if (draft.state.sheets.some((s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase()))
          throw new FakeExcelError("ItemAlreadyExists", `A sheet named "${name}" exists.`);
        sheet.name = name;
      },
    });
  }
  get visibility(): Visibility {
    return this.visibilityL.value;
  }
  set visibility(v: Excel.SheetVisibility | Visibility) {
    this.context.enqueue({ writes: true, apply: (draft) => void (this.resolve(draft).visibility = v as Visibility) });
  }

  load(propertyNames?: string | string[]): FakeWorksheet {
    const props = propertyList(propertyNames);
    this.context.enqueue({
      writes: false,
      apply: (draft) => {
        const sheet = this.ref(draft);
        if (!sheet) {
          if (this.orNull) return; // a null object's properties stay unset
          throw new FakeExcelError("ItemNotFound", "The requested worksheet doesn't exist.");
        }
        const { id, name, visibility } = sheet;
        draft.handlers.push(() => {
          if (props.length === 0 || props.includes("id")) this.idL.set(id);
          if (props.length === 0 || props.includes("name")) this.nameL.set(name);
          if (props.length === 0 || props.includes("visibility")) this.visibilityL.set(visibility);
        });
      },
    });
    return this;
  }

  getRange(address = "A1"): FakeRange {
    return new FakeRange(this, () => parseArea(address));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this, (draft) => usedArea(this.resolve(draft), undefined, valuesOnly), true);
  }

  activate(): void {
    this.context.enqueue({
      writes: false,
      apply: (draft) => {
        const sheet = this.resolve(draft);
        if (sheet.visibility !== "Visible")
          throw new FakeExcelError("InvalidOperation", "A hidden sheet cannot be activated.");
        draft.state.active = sheet.id;
      },
    });
  }

  /** Deletes the sheet (a very hidden sheet cannot be deleted, as in Excel). */
  delete(): void {
    this.context.enqueue({
      writes: true,
      apply: (draft) => {
        const sheet = this.resolve(draft);
        if (sheet.visibility === "VeryHidden")
          throw new FakeExcelError("InvalidOperation", "A very hidden sheet cannot be deleted.");
        draft.state.sheets = draft.state.sheets.filter((s) => s !== sheet);
        draft.events.push({ kind: "deleted", worksheetId: sheet.id });
      },
    });
  }
}

/** The cells holding a value (or a formula; or any format unless valuesOnly) within `within`. */
function usedArea(sheet: SheetData, within: Area | undefined, valuesOnly: boolean | undefined): Area | null {
  let area: Area | null = null;
  for (const [k, cell] of Object.entries(sheet.cells)) {
    const used = cell.value !== "" || cell.formula !== undefined || (!valuesOnly && (cell.numberFormat || cell.bold));
    if (!used) continue;
    const [r, c] = k.split(",").map(Number) as [number, number];
    if (within && (r < within.r0 || r > within.r1 || c < within.c0 || c > within.c1)) continue;
    area = area
      ? { r0: Math.min(area.r0, r), c0: Math.min(area.c0, c), r1: Math.max(area.r1, r), c1: Math.max(area.c1, c) }
      : { r0: r, c0: c, r1: r, c1: c };
  }
  return area;
}

class FakeRange implements XRange {
  private readonly valuesL = new Loaded<any[][]>("Range.values");
  private readonly formulasL = new Loaded<any[][]>("Range.formulas");
  private readonly formatsL = new Loaded<any[][]>("Range.numberFormat");
  private readonly rowIndexL = new Loaded<number>("Range.rowIndex");
  private readonly columnIndexL = new Loaded<number>("Range.columnIndex");
  private readonly rowCountL = new Loaded<number>("Range.rowCount");
  private readonly columnCountL = new Loaded<number>("Range.columnCount");
  private readonly nullL = new Loaded<boolean>("Range.isNullObject (known after sync)");
  readonly format: { readonly font: { bold: boolean }; autofitColumns(): void };

  constructor(
    private readonly sheet: FakeWorksheet,
    private readonly areaOf: (draft: Draft) => Area | null,
    private readonly orNull = false,
  ) {
    const context = sheet.context;
    context.enqueue({
      writes: false,
      apply: (draft) => {
        const area = this.resolveOrNull(draft);
        draft.handlers.push(() => this.nullL.set(area === null));
      },
    });
    const range = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the format object writes through it
    this.format = {
      font: {
        get bold(): boolean {
          throw new NotLoaded("RangeFont.bold");
        },
        set bold(on: boolean) {
          range.write((cell) => void (cell.bold = on));
        },
      },
      autofitColumns() {
        context.enqueue({ writes: true, apply: (draft) => void range.area(draft) });
      },
    };
  }

  private resolveOrNull(draft: Draft): Area | null {
    this.sheet.resolve(draft);
    const area = this.areaOf(draft);
    if (!area && !this.orNull) throw new FakeExcelError("ItemNotFound", "The range does not exist.");
    return area;
  }

  private area(draft: Draft): Area {
    const area = this.resolveOrNull(draft);
    if (!area) throw new FakeExcelError("ItemNotFound", "The range is a null object.");
    return area;
  }

  /** Changes every cell of the range; a change of values (not of formats) fires onChanged. */
  private write(each: (cell: FakeCell, r: number, c: number) => void, valuesChange = false): void {
    this.sheet.context.enqueue({
      writes: true,
      apply: (draft) => {
        const sheet = this.sheet.resolve(draft);
        const a = this.area(draft);
        for (let r = a.r0; r <= a.r1; r++)
          for (let c = a.c0; c <= a.c1; c++) {
            const cell = (sheet.cells[key(r, c)] ??= { value: "" });
            each(cell, r - a.r0, c - a.c0);
          }
        if (valuesChange)
          draft.events.push({ kind: "changed", worksheetId: sheet.id, address: areaAddress(sheet.name, a) });
      },
    });
  }

  /** Checks a 2-D array written to this range: its size must be the range's. */
  private grid(input: unknown, what: string): (unknown[] | null)[] {
    const rows = overJson(input) as unknown;
    if (!Array.isArray(rows) || !rows.every(Array.isArray))
      throw new FakeExcelError("InvalidArgument", `${what} takes a two-dimensional array.`);
    return rows as unknown[][];
  }

  private writeGrid(
    input: unknown,
    what: string,
    set: (cell: FakeCell, v: unknown) => void,
    valuesChange: boolean,
  ): void {
    const rows = this.grid(input, what);
    this.sheet.context.enqueue({
      writes: false,
      apply: (draft) => {
        const a = this.area(draft);
        if (rows.length !== a.r1 - a.r0 + 1 || rows.some((row) => row!.length !== a.c1 - a.c0 + 1))
          throw new FakeExcelError("InvalidArgument", `${what}: the array's size does not match the range.`);
      },
    });
    this.write((cell, r, c) => {
      const v = rows[r]![c];
      if (v === null || v === undefined) return; // null leaves a cell as it is
      set(cell, v);
    }, valuesChange);
  }

  get isNullObject(): boolean {
    return this.nullL.value;
  }
  get values(): any[][] {
    return this.valuesL.value;
  }
  set values(v: any[][]) {
    this.writeGrid(
      v,
      "Range.values",
      (cell, value) => {
        const stored = typeof value === "string" ? coerce(value, cell.numberFormat) : { value: value as Scalar };
        cell.value = stored.value;
        if (stored.formula) cell.formula = stored.formula;
        else delete cell.formula;
      },
      true,
    );
  }
  get formulas(): any[][] {
    return this.formulasL.value;
  }
  set formulas(v: any[][]) {
    this.values = v;
  }
  get numberFormat(): any[][] {
    return this.formatsL.value;
  }
  set numberFormat(v: any[][]) {
    this.writeGrid(v, "Range.numberFormat", (cell, format) => void (cell.numberFormat = String(format)), false);
  }
  get rowIndex(): number {
    return this.rowIndexL.value;
  }
  get columnIndex(): number {
    return this.columnIndexL.value;
  }
  get rowCount(): number {
    return this.rowCountL.value;
  }
  get columnCount(): number {
    return this.columnCountL.value;
  }

  load(propertyNames?: string | string[]): FakeRange {
    const props = propertyList(propertyNames);
    const wants = (p: string) => props.length === 0 || props.includes(p);
    this.sheet.context.enqueue({
      writes: false,
      apply: (draft) => {
        const area = this.resolveOrNull(draft);
        if (!area) return; // a null object's properties stay unset
        const sheet = this.sheet.resolve(draft);
        const rows = (f: (cell: FakeCell | undefined) => unknown) =>
          overJson(
            Array.from({ length: area.r1 - area.r0 + 1 }, (_, r) =>
              Array.from({ length: area.c1 - area.c0 + 1 }, (_, c) => f(sheet.cells[key(area.r0 + r, area.c0 + c)])),
            ),
          );
        const values = wants("values") ? rows((cell) => cell?.value ?? "") : undefined;
        const formulas = wants("formulas") ? rows((cell) => cell?.formula ?? cell?.value ?? "") : undefined;
        const formats = wants("numberFormat") ? rows((cell) => cell?.numberFormat ?? "General") : undefined;
        draft.handlers.push(() => {
          if (values) this.valuesL.set(values as any[][]);
          if (formulas) this.formulasL.set(formulas as any[][]);
          if (formats) this.formatsL.set(formats as any[][]);
          if (wants("rowIndex")) this.rowIndexL.set(area.r0);
          if (wants("columnIndex")) this.columnIndexL.set(area.c0);
          if (wants("rowCount")) this.rowCountL.set(area.r1 - area.r0 + 1);
          if (wants("columnCount")) this.columnCountL.set(area.c1 - area.c0 + 1);
        });
      },
    });
    return this;
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.sheet,
      (draft) => usedArea(this.sheet.resolve(draft), this.area(draft), valuesOnly),
      true,
    );
  }
}

class FakeEventSource<A> implements XEvent<A> {
  constructor(
    private readonly context: FakeContext,
    private readonly list: Handler[],
    private readonly needsEvents: boolean,
  ) {}
  add(handler: (args: A) => Promise<any>): unknown {
    const workbook = this.context.session.workbook;
    this.context.enqueue({
      writes: false,
      apply: (draft) => {
        if (this.needsEvents && !workbook.supportsEvents)
          throw new FakeExcelError("ApiNotFound", "This host has no worksheet events (ExcelApi 1.9).");
        draft.handlers.push(() => this.list.push(handler));
      },
    });
    return { remove: () => undefined };
  }
}

class FakeWorksheetCollection implements XWorksheetCollection {
  private readonly itemsL = new Loaded<FakeWorksheet[]>("WorksheetCollection.items");
  readonly onChanged: XEvent<XSheetChanged>;
  readonly onAdded: XEvent<XSheetAdded>;
  readonly onDeleted: XEvent<XSheetDeleted>;

  constructor(private readonly context: FakeContext) {
    const h = context.session.handlers;
    this.onChanged = new FakeEventSource(context, h.changed, true);
    this.onAdded = new FakeEventSource(context, h.added, true);
    this.onDeleted = new FakeEventSource(context, h.deleted, true);
  }

  get items(): FakeWorksheet[] {
    return this.itemsL.value;
  }

  load(_propertyNames?: string | string[]): FakeWorksheetCollection {
    this.context.enqueue({
      writes: false,
      apply: (draft) => {
        const sheets = draft.state.sheets.map(({ id, name, visibility }) => ({ id, name, visibility }));
        draft.handlers.push(() => {
          // The items arrive loaded, as office.js fills them from the collection's load.
          const items = sheets.map(
            (data) =>
              new FakeWorksheet(this.context, (d) => d.state.sheets.find((s) => s.id === data.id) ?? null, false, data),
          );
          this.itemsL.set(items);
        });
      },
    });
    return this;
  }

  add(name?: string): FakeWorksheet {
    let id: string | undefined;
    this.context.enqueue({
      writes: true,
      apply: (draft) => {
        const sheetName = name ?? `Sheet${draft.state.sheets.length + 1}`;
        if (draft.state.sheets.some((s) => s.name.toLowerCase() === sheetName.toLowerCase()))
          throw new FakeExcelError("ItemAlreadyExists", `A sheet named "${sheetName}" exists already.`);
        id = `{sheet-${draft.state.nextId++}}`;
        draft.state.sheets.push({ id, name: sheetName, visibility: "Visible", cells: {} });
        draft.events.push({ kind: "added", worksheetId: id });
      },
    });
    return new FakeWorksheet(this.context, (d) => d.state.sheets.find((s) => s.id === id) ?? null, false);
  }

  getItem(nameOrId: string): FakeWorksheet {
    return new FakeWorksheet(this.context, (d) => findSheet(d, nameOrId), false);
  }

  getItemOrNullObject(nameOrId: string): FakeWorksheet {
    return new FakeWorksheet(this.context, (d) => findSheet(d, nameOrId), true);
  }
}

function findSheet(draft: Draft, nameOrId: string): SheetData | null {
  return draft.state.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === nameOrId.toLowerCase()) ?? null;
}

class FakeSetting implements XSetting {
  private readonly valueL = new Loaded<any>("Setting.value");
  private readonly nullL = new Loaded<boolean>("Setting.isNullObject (known after sync)");

  constructor(
    private readonly context: FakeContext,
    private readonly settingKey: string,
  ) {
    context.enqueue({
      writes: false,
      apply: (draft) => {
        const found = Object.hasOwn(draft.state.settings[context.session.install] ?? {}, settingKey);
        draft.handlers.push(() => this.nullL.set(!found));
      },
    });
  }
  get isNullObject(): boolean {
    return this.nullL.value;
  }
  get value(): any {
    return this.valueL.value;
  }
  load(): FakeSetting {
    this.context.enqueue({
      writes: false,
      apply: (draft) => {
        const settings = draft.state.settings[this.context.session.install] ?? {};
        if (!Object.hasOwn(settings, this.settingKey)) return;
        const value = overJson(settings[this.settingKey]);
        draft.handlers.push(() => this.valueL.set(value));
      },
    });
    return this;
  }
}

class FakeSettingCollection implements XSettingCollection {
  readonly onSettingsChanged: XEvent<Excel.SettingsChangedEventArgs>;
  constructor(private readonly context: FakeContext) {
    this.onSettingsChanged = new FakeEventSource(context, context.session.handlers.settings, false);
  }
  getItemOrNullObject(settingKey: string): FakeSetting {
    return new FakeSetting(this.context, settingKey);
  }
  /** What 0.1 did to save its document: settings.add(key, value) (kept for migration tests). */
  add(settingKey: string, value: unknown): void {
    this.context.enqueue({
      writes: true,
      apply: (draft) => {
        (draft.state.settings[this.context.session.install] ??= {})[settingKey] = overJson(value);
        draft.events.push({ kind: "settings" });
      },
    });
  }
}
