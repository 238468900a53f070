import { ErrorCode, ExcelError, isErrorCode } from "../../runtime";
import { XlsxError } from "./errors";
import { attr, decodeXstring, encodeXstring, escapeText, local, XmlReader, type Tag } from "./xml";
import type { Package } from "./zip";

/**
 * Worksheet parts, streamed. Reading gives every cell (value, formula, metadata); writing
 * copies the part's text as it was and changes only what recalculation computed: a cell's
 * cached value (<v>) and its type (t), the spill range of a dynamic array (its <f ref>, the
 * cells it covers, new cells and rows where it grew), and <dimension>. Every other character,
 * attribute, extension list (sparklines, conditional formats...) is copied untouched.
 */

/** A cell value: number, text, boolean, error, or null for an empty cell. */
export type CellScalar = number | string | boolean | ExcelError | null;

export interface RawFormula {
  /** The formula text as stored, without "="; undefined for a shared formula's follower. */
  readonly text: string | undefined;
  readonly type: "normal" | "shared" | "array" | "dataTable";
  /** The range an array formula fills, or a shared formula's master covers. */
  readonly ref: string | undefined;
  readonly si: number | undefined;
}

export interface RawCell {
  readonly row: number;
  readonly col: number;
  readonly value: CellScalar;
  readonly formula: RawFormula | undefined;
  /** The cell-metadata index (dynamic arrays). */
  readonly cm: number | undefined;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** "B3" -> {row: 3, col: 2}; undefined when not a cell address. */
export function parseCellAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROWS || col < 1 || col > MAX_COLS) return undefined;
  return { row, col };
}

export function columnName(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}

export interface Area {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/** "A1:C3" or "B2" as an area. */
export function parseArea(ref: string): Area | undefined {
  const [a, b] = ref.split(":");
  const from = parseCellAddress(a ?? "");
  const to = b === undefined ? from : parseCellAddress(b);
  if (!from || !to) return undefined;
  return {
    r0: Math.min(from.row, to.row),
    c0: Math.min(from.col, to.col),
    r1: Math.max(from.row, to.row),
    c1: Math.max(from.col, to.col),
  };
}

export function areaText(a: Area): string {
  const from = cellAddress(a.r0, a.c0);
  return a.r0 === a.r1 && a.c0 === a.c1 ? from : `${from}:${cellAddress(a.r1, a.c1)}`;
}

function decodeValue(part: string, type: string | undefined, v: string | undefined, strings: string[]): CellScalar {
  if (v === undefined) return null;
  switch (type) {
    case "s": {
      const s = strings[Number(v)];
      if (s === undefined) throw new XlsxError(`${part}: a cell names shared string ${v}, which does not exist.`);
      return s;
    }
    case "str":
    case "inlineStr":
      return decodeXstring(v);
    case "b":
      return v.trim() === "1" || v.trim().toLowerCase() === "true";
    case "e": {
      const code = v.trim();
      return new ExcelError(isErrorCode(code) ? code : ErrorCode.invalidValue);
    }
    case "d": {
      const ms = Date.parse(v.length <= 10 ? `${v}T00:00:00Z` : /[zZ]|[+-]\d\d:\d\d$/.test(v) ? v : `${v}Z`);
      if (Number.isNaN(ms)) throw new XlsxError(`${part}: a cell holds the date "${v}", which is not ISO 8601.`);
      return ms / 86_400_000 + 25_569; // days since 1899-12-30
    }
    default: {
      if (v.trim() === "") return null;
      const n = Number(v);
      if (!Number.isFinite(n)) throw new XlsxError(`${part}: a numeric cell holds "${v.slice(0, 40)}".`);
      return n;
    }
  }
}

/** Streams a worksheet's cells, in document order, to `onCell`. */
export async function readSheet(
  pkg: Package,
  part: string,
  strings: string[],
  onCell: (cell: RawCell) => void,
): Promise<void> {
  let row = 0;
  let col = 0;
  let cell: { row: number; col: number; t: string | undefined; cm: number | undefined } | undefined;
  let formula: { type: RawFormula["type"]; ref?: string; si?: number } | undefined;
  let formulaText: string | undefined;
  let v: string | undefined;
  let capture: "f" | "v" | "t" | undefined;
  let isDepth = 0;
  let phonetic = 0;
  const reader = new XmlReader(part, {
    open(tag) {
      switch (local(tag.name)) {
        case "row": {
          const r = attr(tag, "r");
          const next = r === undefined ? row + 1 : Number(r);
          if (!Number.isInteger(next) || next < 1 || next > MAX_ROWS || next <= row) {
            throw new XlsxError(`${part}: row ${r ?? next} is not a row number after row ${row}.`);
          }
          row = next;
          col = 0;
          break;
        }
        case "c": {
          const r = attr(tag, "r");
          let at: { row: number; col: number } | undefined;
          if (r !== undefined) {
            at = parseCellAddress(r);
            if (!at || at.row !== row || at.col <= col) {
              throw new XlsxError(`${part}: cell "${r}" is not a cell of row ${row} after column ${col}.`);
            }
          } else at = { row, col: col + 1 };
          col = at.col;
          const cm = attr(tag, "cm");
          cell = { row: at.row, col: at.col, t: attr(tag, "t"), cm: cm === undefined ? undefined : Number(cm) };
          formula = undefined;
          formulaText = undefined;
          v = undefined;
          break;
        }
        case "f": {
          if (!cell) break;
          const t = attr(tag, "t") ?? "normal";
          if (t !== "normal" && t !== "shared" && t !== "array" && t !== "dataTable") {
            throw new XlsxError(`${part}: a formula of type "${t}" is not SpreadsheetML.`);
          }
          const si = attr(tag, "si");
          formula = { type: t, ref: attr(tag, "ref"), si: si === undefined ? undefined : Number(si) };
          formulaText = "";
          capture = "f";
          break;
        }
        case "v":
          if (cell) {
            v = "";
            capture = "v";
          }
          break;
        case "is":
          if (cell) {
            isDepth++;
            v = "";
          }
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (isDepth > 0 && phonetic === 0) capture = "t";
          break;
      }
    },
    text(text) {
      if (capture === "f") formulaText += text;
      else if (capture === "v" || capture === "t") v += text;
    },
    close(name) {
      switch (local(name)) {
        case "f":
        case "v":
        case "t":
          capture = undefined;
          break;
        case "is":
          isDepth--;
          break;
        case "rPh":
          phonetic--;
          break;
        case "c": {
          if (!cell) break;
          const f: RawFormula | undefined = formula && {
            type: formula.type,
            ref: formula.ref,
            si: formula.si,
            text: formulaText === "" && formula.type === "shared" ? undefined : formulaText,
          };
          onCell({
            row: cell.row,
            col: cell.col,
            value: decodeValue(part, cell.t, v, strings),
            formula: f,
            cm: cell.cm,
          });
          cell = undefined;
          break;
        }
      }
    },
  });
  await pkg.stream(part, (text) => reader.write(text));
  reader.close();
}

/**
 * What to write into one cell: its new value (null empties it) and, for a spill anchor, its
 * range. A `constant` write makes the cell a typed value, as a user's typing does: its formula
 * (and dynamic-array mark) is dropped and text is written as an inline string (`t="inlineStr"`),
 * not as a formula's cached text (`t="str"`). Style and other attributes stay.
 */
export interface CellWrite {
  readonly value: CellScalar;
  readonly arrayRef?: string;
  readonly constant?: boolean;
}

/** Row-major key of a cell. */
export const cellKey = (row: number, col: number): number => row * MAX_COLS + (col - 1);

function typeAndValue(value: CellScalar): { t: string | undefined; v: string | undefined } {
  if (value === null) return { t: undefined, v: undefined };
  if (value instanceof ExcelError) return { t: "e", v: value.code };
  if (typeof value === "boolean") return { t: "b", v: value ? "1" : "0" };
  if (typeof value === "string") return { t: "str", v: escapeText(encodeXstring(value)) };
  return { t: undefined, v: numberText(value) };
}

/** A number as Excel writes it: shortest round-trip digits, exponent as "E+21". */
export function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n).replace("e", "E");
}

/** Text as an inline string's <is>, keeping leading and trailing spaces. */
export function inlineString(text: string): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<is><t${space}>${escapeText(encodeXstring(text))}</t></is>`;
}

/** A constant cell's <c> (no formula): numbers, booleans and errors as <v>, text inline. */
export function constantCell(address: string, value: CellScalar, attributes = ""): string {
  if (value === null) return "";
  if (typeof value === "string") return `<c r="${address}"${attributes} t="inlineStr">${inlineString(value)}</c>`;
  const { t, v } = typeAndValue(value);
  return `<c r="${address}"${attributes}${t ? ` t="${t}"` : ""}><v>${v}</v></c>`;
}

/** A new <c> for a cell the part does not have. */
function newCell(row: number, col: number, w: CellWrite): string {
  if (w.constant) return constantCell(cellAddress(row, col), w.value);
  const { t, v } = typeAndValue(w.value);
  if (v === undefined) return "";
  return `<c r="${cellAddress(row, col)}"${t ? ` t="${t}"` : ""}><v>${v}</v></c>`;
}

/** A cell rewritten as a constant: its start tag's attributes kept but t and cm, its children replaced. */
function rewriteConstant(text: string, span: CellSpan, value: CellScalar): string {
  const name = /^<([^\s/>]+)/.exec(text)?.[1] ?? "c";
  let startTag = setAttribute(setAttribute(text.slice(0, span.tagEnd - span.start), "t", undefined), "cm", undefined);
  startTag = setAttribute(startTag, "vm", undefined);
  if (value === null) return startTag.replace(/\s*\/?>$/, "/>");
  if (span.selfClosing) startTag = startTag.replace(/\s*\/>$/, ">");
  const prefix = name.includes(":") ? name.slice(0, name.indexOf(":") + 1) : "";
  let body: string;
  if (typeof value === "string") {
    startTag = setAttribute(startTag, "t", "inlineStr");
    body = inlineString(value);
    if (prefix) body = body.replace(/<(\/?)(is|t)\b/g, `<$1${prefix}$2`);
  } else {
    const { t, v } = typeAndValue(value);
    startTag = setAttribute(startTag, "t", t);
    body = `<${prefix}v>${v}</${prefix}v>`;
  }
  return `${startTag}${body}</${name}>`;
}

/** Offsets (into the part's text) of one <c> element and its children. */
interface CellSpan {
  start: number;
  tagEnd: number;
  end: number;
  selfClosing: boolean;
  f?: { start: number; tagEnd: number; end: number };
  v?: { start: number; end: number };
  is?: { start: number; end: number };
}

const setAttribute = (startTag: string, name: string, value: string | undefined): string => {
  const re = new RegExp(`\\s${name}=("[^"]*"|'[^']*')`);
  const without = startTag.replace(re, "");
  if (value === undefined) return without;
  if (re.test(startTag)) return startTag.replace(re, ` ${name}="${value}"`);
  return without.replace(/\s*(\/?>)$/, ` ${name}="${value}"$1`);
};

/** The cell's text with its value (and type, and array range) replaced; everything else kept. */
function rewriteCell(text: string, span: CellSpan, w: CellWrite): string {
  if (w.constant) return rewriteConstant(text, span, w.value);
  const { t, v } = typeAndValue(w.value);
  const name = /^<([^\s/>]+)/.exec(text)?.[1] ?? "c";
  let startTag = setAttribute(text.slice(0, span.tagEnd - span.start), "t", t);
  if (!span.f && v === undefined) {
    // A cell a spill no longer covers keeps its style and attributes, and nothing else.
    startTag = setAttribute(startTag, "cm", undefined);
    return startTag.replace(/\s*\/?>$/, "/>");
  }
  if (span.selfClosing) startTag = startTag.replace(/\s*\/>$/, ">");
  const closeStart = span.selfClosing ? text.length : text.lastIndexOf("</");
  const closeTag = span.selfClosing ? `</${name}>` : text.slice(closeStart);
  // The children, with <v> replaced, <is> dropped (a formula's value is its <v>) and the array
  // range of <f> updated; offsets below are into `text`.
  const rel = (n: number) => n - span.start;
  const pieces: { from: number; to: number; text: string }[] = [];
  if (span.v) pieces.push({ from: rel(span.v.start), to: rel(span.v.end), text: v === undefined ? "" : `<v>${v}</v>` });
  else if (v !== undefined) {
    const at = span.f ? rel(span.f.end) : rel(span.tagEnd);
    pieces.push({ from: at, to: at, text: `<v>${v}</v>` });
  }
  if (span.is) pieces.push({ from: rel(span.is.start), to: rel(span.is.end), text: "" });
  if (span.f && w.arrayRef !== undefined) {
    const fTag = text.slice(rel(span.f.start), rel(span.f.tagEnd));
    pieces.push({ from: rel(span.f.start), to: rel(span.f.tagEnd), text: setAttribute(fTag, "ref", w.arrayRef) });
  }
  pieces.sort((a, b) => a.from - b.from);
  let body = "";
  let pos = span.selfClosing ? closeStart : rel(span.tagEnd);
  for (const p of pieces) {
    body += text.slice(pos, Math.max(pos, p.from)) + p.text;
    pos = Math.max(pos, p.to);
  }
  body += text.slice(pos, closeStart);
  return startTag + body + closeTag;
}

/** Buffered text of the part, emitted in order, with replacements. */
class Splicer {
  private buf = "";
  private bufStart = 0;

  constructor(private readonly out: (text: string) => void) {}

  feed(text: string): void {
    this.buf += text;
  }

  slice(from: number, to: number): string {
    return this.buf.slice(from - this.bufStart, to - this.bufStart);
  }

  lastIndexOf(search: string, before: number): number {
    const i = this.buf.lastIndexOf(search, before - this.bufStart - 1);
    return i < 0 ? -1 : i + this.bufStart;
  }

  /** Emits the original text up to `pos`. */
  emitTo(pos: number): void {
    if (pos <= this.bufStart) return;
    this.out(this.buf.slice(0, pos - this.bufStart));
    this.buf = this.buf.slice(pos - this.bufStart);
    this.bufStart = pos;
  }

  /** Drops the original text up to `pos` (it was replaced). */
  skipTo(pos: number): void {
    this.buf = this.buf.slice(pos - this.bufStart);
    this.bufStart = pos;
  }

  get start(): number {
    return this.bufStart;
  }

  /** Emits everything that can no longer be edited: up to `keepFrom`. */
  flush(keepFrom: number): void {
    this.emitTo(Math.max(this.bufStart, keepFrom));
  }

  end(): void {
    this.out(this.buf);
    this.buf = "";
  }
}

/**
 * Writes worksheet `part` with `writes` applied (by cellKey), emitting text to `emit`. Cells the
 * part lacks are inserted in row-major order (new rows too); <dimension ref> grows to cover `grow`.
 */
export async function writeSheet(
  pkg: Package,
  part: string,
  writes: ReadonlyMap<number, CellWrite>,
  grow: Area | undefined,
  emit: (text: string) => void,
): Promise<void> {
  const keys = [...writes.keys()].sort((a, b) => a - b);
  let next = 0; // index of the first write not yet applied
  const splicer = new Splicer(emit);
  let row = 0;
  let col = 0;
  let rowStart = -1;
  let span: CellSpan | undefined;
  let spanRow = 0;
  let spanCol = 0;
  let childStart = -1;
  let inSheetData = false;

  const rowOf = (k: number) => Math.floor(k / MAX_COLS);
  const colOf = (k: number) => (k % MAX_COLS) + 1;
  const cellsOf = (upTo: number) => {
    let text = "";
    while (next < keys.length && keys[next]! < upTo) {
      const k = keys[next++]!;
      text += newCell(rowOf(k), colOf(k), writes.get(k)!);
    }
    return text;
  };
  /** New rows for every remaining write in rows before `beforeRow`. */
  const rowsBefore = (beforeRow: number) => {
    let text = "";
    while (next < keys.length && rowOf(keys[next]!) < beforeRow) {
      const r = rowOf(keys[next]!);
      const cells = cellsOf(cellKey(r + 1, 1));
      if (cells) text += `<row r="${r}">${cells}</row>`;
    }
    return text;
  };

  const reader = new XmlReader(part, {
    openStart(name, start) {
      const n = local(name);
      if (n === "row" && inSheetData) rowStart = start;
      else if (n === "c") span = { start, tagEnd: -1, end: -1, selfClosing: false };
      else if (span && (n === "f" || n === "v" || n === "is")) childStart = start;
    },
    open(tag: Tag, end) {
      const n = local(tag.name);
      if (n === "sheetData") {
        inSheetData = true;
        if (tag.isSelfClosing) {
          const start = splicer.lastIndexOf("<", end);
          const rows = rowsBefore(MAX_ROWS + 1);
          if (rows) {
            splicer.emitTo(start);
            emit(`<${tag.name}>${rows}</${tag.name}>`);
            splicer.skipTo(end);
          }
        }
      } else if (n === "row" && inSheetData) {
        const r = attr(tag, "r");
        row = r === undefined ? row + 1 : Number(r);
        col = 0;
        const rows = rowsBefore(row);
        if (rows) {
          splicer.emitTo(rowStart);
          emit(rows);
        }
        // The row's spans hint ("first:last" column) must cover cells written into it.
        const spans = attr(tag, "spans");
        const m = spans === undefined ? null : /^(\d+):(\d+)$/.exec(spans);
        if (m) {
          let lo = Number(m[1]);
          let hi = Number(m[2]);
          for (let i = next; i < keys.length && rowOf(keys[i]!) === row; i++) {
            lo = Math.min(lo, colOf(keys[i]!));
            hi = Math.max(hi, colOf(keys[i]!));
          }
          if (`${lo}:${hi}` !== spans) {
            splicer.emitTo(rowStart);
            emit(setAttribute(splicer.slice(rowStart, end), "spans", `${lo}:${hi}`));
            splicer.skipTo(end);
          }
        }
      } else if (n === "c" && span) {
        const r = attr(tag, "r");
        const at = r === undefined ? { row, col: col + 1 } : parseCellAddress(r)!;
        col = at.col;
        spanRow = at.row;
        spanCol = at.col;
        span.tagEnd = end;
        span.selfClosing = tag.isSelfClosing;
        const before = cellsOf(cellKey(spanRow, spanCol));
        if (before) {
          splicer.emitTo(span.start);
          emit(before);
        }
      } else if (span && n === "f") {
        span.f = { start: childStart, tagEnd: end, end: end };
      } else if (n === "dimension" && grow !== undefined && tag.isSelfClosing) {
        const now = parseArea(attr(tag, "ref") ?? "");
        const wider = now && {
          r0: Math.min(now.r0, grow.r0),
          c0: Math.min(now.c0, grow.c0),
          r1: Math.max(now.r1, grow.r1),
          c1: Math.max(now.c1, grow.c1),
        };
        if (wider && (wider.r0 !== now.r0 || wider.c0 !== now.c0 || wider.r1 !== now.r1 || wider.c1 !== now.c1)) {
          const start = splicer.lastIndexOf("<", end);
          splicer.emitTo(start);
          emit(setAttribute(splicer.slice(start, end), "ref", areaText(wider)));
          splicer.skipTo(end);
        }
      }
    },
    close(name, end) {
      const n = local(name);
      if (span && n === "f" && span.f) span.f.end = end;
      else if (span && n === "v") span.v = { start: childStart, end };
      else if (span && n === "is") span.is = { start: childStart, end };
      else if (n === "c" && span) {
        span.end = end;
        const key = cellKey(spanRow, spanCol);
        if (next < keys.length && keys[next] === key) {
          next++;
          const text = splicer.slice(span.start, span.end);
          if (!text.startsWith("<"))
            throw new XlsxError(`${part}: internal error locating cell ${spanRow},${spanCol}.`);
          splicer.emitTo(span.start);
          emit(rewriteCell(text, span, writes.get(key)!));
          splicer.skipTo(span.end);
        }
        span = undefined;
      } else if (n === "row" && inSheetData) {
        const rest = cellsOf(cellKey(row + 1, 1));
        if (rest) {
          const closeStart = splicer.lastIndexOf("</", end);
          splicer.emitTo(closeStart);
          emit(rest);
        }
      } else if (n === "sheetData" && inSheetData) {
        inSheetData = false;
        const rows = rowsBefore(MAX_ROWS + 1);
        if (rows) {
          const closeStart = splicer.lastIndexOf("</", end);
          if (closeStart >= splicer.start) {
            splicer.emitTo(closeStart);
            emit(rows);
          }
        }
      }
    },
  });
  await pkg.stream(part, (text) => {
    splicer.feed(text);
    reader.write(text);
    // Keep from the open cell (it may be rewritten) or the last "<" (a tag may be incomplete).
    const keep = span ? span.start : splicer.lastIndexOf("<", Number.MAX_SAFE_INTEGER);
    splicer.flush(keep < 0 ? splicer.start : keep);
  });
  reader.close();
  splicer.end();
  if (next < keys.length) throw new XlsxError(`${part}: ${keys.length - next} cells could not be placed.`);
}
