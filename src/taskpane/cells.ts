/**
 * One editable assumption as the pane shows it. There is one CellModel per assumption key for
 * the life of the pane: the key drivers, the group lists and the tables all show the same
 * object, so what the user typed (`draft`) belongs to the key, not to an element, and survives
 * every update of the store (a co-author's save, an undo, a scenario switch) until the user
 * saves it or presses Escape.
 */
import type { Assumption } from "../pricing";
import { noteOf } from "../pricing/book/notes";
import { branches, observe } from "./observe";
import { formatValue } from "./validate";

/** What a cell asks of the pane when the user acts on it. */
export interface CellOwner {
  /** The notes of the edition the workbook computes with (empty until they have loaded). */
  readonly notes: Readonly<Record<string, string>>;
  /** Whether `notes` has loaded (reading it starts the load). */
  readonly notesLoaded: boolean;
  typed(cell: CellModel, text: string): void;
  commit(cell: CellModel): void;
  revert(cell: CellModel): void;
  resetCell(cell: CellModel): void;
  focused(cell: CellModel): void;
}

export class CellModel {
  /** The assumption in force (label, unit, source, bounds; refreshed on every store change). */
  declare assumption: Assumption;
  /** The value in force in the active scenario. */
  declare value: number;
  /** The value as the input shows it when nothing is typed. */
  declare display: string;
  /** The base scenario's value, formatted, when another scenario is active; "" otherwise. */
  declare base: string;
  declare differsFromBase: boolean;
  /** Overridden in the active scenario (differs from the edition's default). */
  declare changed: boolean;
  declare changedAt: string;
  /** Text typed and not saved; undefined when the input shows the value in force. */
  declare draft: string | undefined;
  /** Why the typed text was refused or not saved. */
  declare message: string;
  /** The value changed elsewhere (a co-author, an undo) while the user had unsaved text. */
  declare remote: string;
  declare saving: boolean;
  declare readonly: boolean;
  /** A problem the store found in the workbook for this key (with its cell address). */
  declare problem: string;
  /** The text being saved, so that Enter and the change on leaving the field save once. */
  savingText: string | undefined = undefined;

  constructor(
    readonly key: string,
    readonly owner: CellOwner,
    assumption: Assumption,
  ) {
    this.assumption = assumption;
    this.value = assumption.value;
    this.display = formatValue(assumption.value);
    this.base = "";
    this.differsFromBase = false;
    this.changed = false;
    this.changedAt = "";
    this.draft = undefined;
    this.message = "";
    this.remote = "";
    this.saving = false;
    this.readonly = false;
    this.problem = "";
  }

  /** Takes the assumption in force; returns whether its value changed. */
  update(a: Assumption): boolean {
    if (a !== this.assumption) this.assumption = a;
    if (a.value === this.value) return false;
    this.value = a.value;
    this.display = formatValue(a.value);
    return true;
  }

  /** "PUE", "Electricity price": the label with a capital. */
  get label(): string {
    const l = this.assumption.label;
    return l.charAt(0).toUpperCase() + l.slice(1);
  }

  get unit(): string {
    return this.assumption.shipped.unit;
  }

  /** The shipped figure in a line: default, source and as-of date. */
  get sourceLine(): string {
    const s = this.assumption.shipped;
    return [`Default ${formatNumber(s.value)} ${s.unit}`, s.source, `as of ${s.asOf}`].filter(Boolean).join(" · ");
  }

  /**
   * The edition's note on the figure (why it was taken, how sources disagree); "" where it has
   * none, or while the notes load (reading it starts their load, see CellOwner.notes).
   */
  get note(): string {
    return noteOf(this.owner.notes, this.assumption.key) ?? "";
  }

  /** The shipped figure: its source line, then the edition's note on it. */
  get meta(): string {
    const note = this.note;
    return note ? `${this.sourceLine} · ${note}` : this.sourceLine;
  }

  get changedText(): string {
    branches();
    return this.changed && this.changedAt ? `changed ${localTime(this.changedAt)}` : "";
  }

  /** The text in the input: what the user typed, else the value in force. */
  get text(): string {
    branches();
    return this.draft ?? this.display;
  }

  get invalid(): boolean {
    return this.message !== "";
  }

  /** Worth showing under "Changed from defaults": overridden, or holding unsaved text. */
  get pending(): boolean {
    branches();
    return this.changed || this.draft !== undefined || this.message !== "";
  }

  /** A DOM id for an input of this key in one place of the pane ("drv", "row", "tbl"). */
  domId(place: string): string {
    return `${place}-${this.key.replace(/[^a-z0-9]/gi, "-")}`;
  }
}
observe(
  CellModel,
  "assumption",
  "value",
  "display",
  "base",
  "differsFromBase",
  "changed",
  "changedAt",
  "draft",
  "message",
  "remote",
  "saving",
  "readonly",
  "problem",
);

/** What the pane's search box looks in for an assumption: its key, label, group and source, in lower case. */
export function haystackOf(a: Assumption): string {
  return `${a.key} ${a.label} ${a.group} ${a.shipped.source}`.toLowerCase();
}

/**
 * A number for reading (not editing): grouped thousands, at most 6 decimals, an exponent past
 * 1e12 or below 1e-6. formatNumber(248956) = "248,956"; formatNumber(0.0806) = "0.0806";
 * formatNumber(2e15) = "2e+15". Written out rather than Intl.NumberFormat, whose first use
 * loads locale data for ~40 ms, a third of the pane's first screen.
 */
export function formatNumber(v: number | undefined): string {
  if (v === undefined) return "-";
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) >= 1e12 || Math.abs(v) < 1e-6)) return v.toExponential(3).replace(/\.?0+e/, "e");
  const [int, frac] = String(Number(v.toFixed(6))).split(".");
  const sign = int!.startsWith("-") ? "-" : "";
  const digits = int!.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${digits}${frac ? `.${frac}` : ""}`;
}

/**
 * An ISO time as the user's local date and time, "2026-11-25 10:00" (written out: the first
 * use of toLocaleString loads locale data for tens of milliseconds). The text itself if it is
 * not a time.
 */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
