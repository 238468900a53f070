/**
 * A picture of an inserted sheet for the README, drawn by the test harness (there is no Excel
 * here): an HTML grid of the cells the pane wrote through the mocked Excel, their values
 * computed by gpu-cost's own engine (./evaluate.ts) and shown in their number formats
 * (numfmt, Excel's format language), the formatting taken from the recorded Office calls
 * (column widths, fills, fonts, the Input style), and the chart drawn as SVG from its recorded
 * source range, series colours, position and break-even marker. The page says so in a caption.
 */
import { format as formatNumber } from "numfmt";
import { ExcelError } from "../../src/runtime";
import { columnName, parseAddress, type CellValue, type EvaluatedSheet } from "./evaluate";
import type { Recorded } from "./nodeMock";

/** Excel's built-in Input style, as Excel draws it. */
const INPUT = { fill: "#FFCC99", font: "#3F3F76", border: "#7F7F7F" };
const DEFAULT_WIDTH = 64;
const ROW_HEIGHT = 20;

interface Look {
  fill?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  input?: boolean;
  wrap?: boolean;
}

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Every cell of "A5:C5" (or one cell). */
function cellsOf(range: string): string[] {
  const [a, b] = range.split(":");
  const p = parseAddress(a!);
  const q = parseAddress(b ?? a!);
  const out: string[] = [];
  for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) out.push(`${columnName(c)}${r}`);
  return out;
}

function shown(value: CellValue | undefined, format: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof ExcelError) return value.code;
  if (typeof value === "number") {
    try {
      return formatNumber(format ?? "General", value);
    } catch {
      return String(value);
    }
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

export interface RenderInput {
  readonly sheet: string;
  readonly evaluated: EvaluatedSheet;
  /** Number formats by address (the workbook's cells). */
  readonly formats: ReadonlyMap<string, string>;
  readonly calls: readonly Recorded[];
  /** Rows drawn (1..rows); the rest are named in a note. */
  readonly rows: number;
  readonly totalRows: number;
  readonly columns: number;
  readonly caption: string;
}

/** The page: the grid, the chart over it where the recorded setPosition put it, the caption. */
export function renderSheet(input: RenderInput): string {
  const prefix = `${input.sheet}!`;
  const mine = input.calls.filter((c) => typeof c.address === "string" && c.address.startsWith(prefix));
  const widths = new Map<number, number>();
  const looks = new Map<string, Look>();
  const look = (a: string) => looks.get(a) ?? (looks.set(a, {}), looks.get(a)!);
  for (const c of mine) {
    const range = (c.address as string).slice(prefix.length);
    const each = (f: (l: Look) => void) => cellsOf(range).forEach((a) => f(look(a)));
    const v = c.value;
    switch (c.api) {
      case "Range.format.columnWidth": // points, as Office.js sets them; 96 px an inch on screen
        widths.set(parseAddress(range.split(":")[0]!).col, Math.round((Number(v) * 4) / 3));
        break;
      case "Range.style":
        if (v === "Input") each((l) => (l.input = true));
        break;
      case "Range.format.fill.color":
        each((l) => (l.fill = String(v)));
        break;
      case "Range.format.font.color":
        each((l) => (l.color = String(v)));
        break;
      case "Range.format.font.bold":
        each((l) => (l.bold = Boolean(v)));
        break;
      case "Range.format.font.italic":
        each((l) => (l.italic = Boolean(v)));
        break;
      case "Range.format.font.size":
        each((l) => (l.size = Number(v)));
        break;
      case "Range.format.wrapText":
        each((l) => (l.wrap = Boolean(v)));
        break;
    }
  }
  const width = (col: number) => widths.get(col) ?? DEFAULT_WIDTH;
  const left = (col: number) => 40 + [...Array(col - 1).keys()].reduce((s, i) => s + width(i + 1), 0);

  const rows: string[] = [];
  rows.push(
    `<tr><th class="corner"></th>${[...Array(input.columns).keys()].map((i) => `<th style="width:${width(i + 1)}px">${columnName(i + 1)}</th>`).join("")}</tr>`,
  );
  for (let r = 1; r <= input.rows; r++) {
    const tds: string[] = [];
    for (let c = 1; c <= input.columns; c++) {
      const a = `${columnName(c)}${r}`;
      const l = looks.get(a) ?? {};
      const value = input.evaluated.values.get(a);
      const text = shown(value, input.formats.get(a));
      const numeric = typeof value === "number" || value instanceof ExcelError;
      const style = [
        l.input
          ? `background:${INPUT.fill};color:${INPUT.font};outline:1px solid ${INPUT.border};outline-offset:-1px`
          : "",
        !l.input && l.fill ? `background:${l.fill}` : "",
        !l.input && l.color ? `color:${l.color}` : "",
        l.bold ? "font-weight:700" : "",
        l.italic ? "font-style:italic" : "",
        l.size ? `font-size:${Math.round((l.size * 4) / 3)}px` : "",
        numeric ? "text-align:right" : "",
        l.wrap ? "white-space:normal" : "",
      ]
        .filter(Boolean)
        .join(";");
      tds.push(`<td style="${style}">${escape(text)}</td>`);
    }
    rows.push(`<tr><th>${r}</th>${tds.join("")}</tr>`);
  }

  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 14.5px Calibri, Carlito, "Liberation Sans", Arial, sans-serif; background: #fff; }
.wrap { position: relative; display: inline-block; margin: 0 0 0 0; }
table { border-collapse: collapse; table-layout: fixed; }
th { background: #f3f3f3; color: #555; font-weight: 400; font-size: 12px; border: 1px solid #d4d4d4; height: ${ROW_HEIGHT}px; }
th.corner, tr > th:first-child { width: 40px; }
td { border: 1px solid #e3e3e3; height: ${ROW_HEIGHT - 1}px; padding: 0 3px; white-space: nowrap; overflow: visible; max-width: 0; }
td:empty { overflow: hidden; }
.chart { position: absolute; background: #fff; border: 1px solid #bfbfbf; }
.caption { font: 13px "Liberation Sans", Arial, sans-serif; color: #333; padding: 8px 10px; background: #fff8e1; border-bottom: 1px solid #e0c97f; }
.more { font: 12px "Liberation Sans", Arial, sans-serif; color: #555; padding: 4px 44px; }
</style></head><body>
<div class="caption">${escape(input.caption)}</div>
<div class="wrap"><table>${rows.join("")}</table>${chartSvg(input, left)}</div>
<div class="more">Rows ${input.rows + 1} to ${input.totalRows} (the rest of the monthly table) are not drawn.</div>
</body></html>`;
}

/** The chart from its records: charts.add(type, source, seriesBy), setPosition, series colours, setXAxisValues, the marker series. */
function chartSvg(input: RenderInput, left: (col: number) => number): string {
  const add = input.calls.find((c) => c.api === "charts.add");
  if (!add) return "";
  const id = String(add.chart);
  const member = (m: string) => input.calls.filter((c) => c.api === `${id}.${m}`);
  const source = String(add.source).slice(input.sheet.length + 1);
  const position = member("setPosition")[0]?.args as [string, string] | undefined;
  if (!position) throw new Error(`${id} was not positioned (chart.setPosition): nothing honest to draw`);
  const [from, to] = position;
  const p = parseAddress(from);
  const q = parseAddress(to);
  const x0 = left(p.col);
  const y0 = ROW_HEIGHT * p.row;
  const w = left(q.col + 1) - x0;
  const h = ROW_HEIGHT * (q.row - p.row + 1);

  const s0 = parseAddress(source.split(":")[0]!);
  const s1 = parseAddress(source.split(":")[1]!);
  const v = (col: number, row: number) => input.evaluated.values.get(`${columnName(col)}${row}`);
  const series = [...Array(s1.col - s0.col + 1).keys()].map((i) => {
    const col = s0.col + i;
    const xs = member(`series.getItemAt(${i}).setXAxisValues`)[0]?.args?.[0] as string | undefined;
    const xFrom = xs ? parseAddress(xs.split("!")[1]!.split(":")[0]!) : undefined;
    const points = [...Array(s1.row - s0.row).keys()].map((k) => {
      const y = v(col, s0.row + 1 + k);
      const x = xFrom ? v(xFrom.col, xFrom.row + k) : k + 1;
      return { x: typeof x === "number" ? x : k, y: typeof y === "number" ? y : undefined };
    });
    const marker = member(`series.getItemAt(${i}).markerStyle`)[0]?.value;
    return {
      name: String(v(col, s0.row) ?? `Series ${i + 1}`),
      color: String(member(`series.getItemAt(${i}).format.line.color`)[0]?.value ?? "#444"),
      line: member(`series.getItemAt(${i}).format.line.lineStyle`)[0]?.value !== "None",
      marker: marker && marker !== "None" ? String(marker) : undefined,
      label: member(`series.getItemAt(${i}).dataLabels.showSeriesName`)[0]?.value === true,
      points,
    };
  });
  const all = series.flatMap((s) => s.points.filter((pt) => pt.y !== undefined));
  const xMax = Math.max(...all.map((pt) => pt.x));
  const yMax = Math.max(...all.map((pt) => pt.y!));
  const step = niceStep(yMax / 5);
  const top = Math.ceil(yMax / step) * step;
  const title = String(member("title.text")[0]?.value ?? "");
  const pad = { l: 62, r: 16, t: 34, b: 64 };
  const pw = w - pad.l - pad.r;
  const ph = h - pad.t - pad.b;
  const X = (x: number) => pad.l + (x / xMax) * pw;
  const Y = (y: number) => pad.t + ph - (y / top) * ph;
  const out: string[] = [];
  out.push(`<text x="${w / 2}" y="20" text-anchor="middle" font-size="14" fill="#404040">${escape(title)}</text>`);
  for (let y = 0; y <= top + 1e-9; y += step) {
    out.push(`<line x1="${pad.l}" x2="${pad.l + pw}" y1="${Y(y)}" y2="${Y(y)}" stroke="#d9d9d9"/>`);
    out.push(
      `<text x="${pad.l - 6}" y="${Y(y) + 4}" text-anchor="end" font-size="11" fill="#595959">${escape(formatNumber('$#,##0,,"M"', y))}</text>`,
    );
  }
  for (let x = 0; x <= xMax; x += 6)
    out.push(`<text x="${X(x)}" y="${pad.t + ph + 15}" text-anchor="middle" font-size="11" fill="#595959">${x}</text>`);
  const axisTitle = String(member("axes.categoryAxis.title.text")[0]?.value ?? "");
  out.push(
    `<text x="${pad.l + pw / 2}" y="${pad.t + ph + 31}" text-anchor="middle" font-size="11" fill="#595959">${escape(axisTitle)}</text>`,
  );
  for (const s of series) {
    const pts = s.points.filter((pt) => pt.y !== undefined);
    if (s.line)
      out.push(
        `<polyline fill="none" stroke="${s.color}" stroke-width="2.25" points="${pts.map((pt) => `${X(pt.x).toFixed(1)},${Y(pt.y!).toFixed(1)}`).join(" ")}"/>`,
      );
    if (s.marker)
      for (const pt of pts) {
        const cx = X(pt.x);
        const cy = Y(pt.y!);
        out.push(`<path d="M${cx} ${cy - 7} L${cx + 7} ${cy} L${cx} ${cy + 7} L${cx - 7} ${cy} Z" fill="${s.color}"/>`);
        if (s.label)
          out.push(`<text x="${cx + 10}" y="${cy + 4}" font-size="12" fill="#404040">${escape(s.name)}</text>`);
      }
  }
  // The legend, at the bottom as recorded (legend.position).
  let lx = pad.l;
  const ly = h - 12;
  for (const s of series) {
    const mark = s.line
      ? `<line x1="${lx}" x2="${lx + 18}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2.25"/>`
      : `<path d="M${lx + 9} ${ly - 9} L${lx + 14} ${ly - 4} L${lx + 9} ${ly + 1} L${lx + 4} ${ly - 4} Z" fill="${s.color}"/>`;
    out.push(mark, `<text x="${lx + 22}" y="${ly}" font-size="11" fill="#404040">${escape(s.name)}</text>`);
    lx += 30 + s.name.length * 6.1;
  }
  return `<svg class="chart" style="left:${x0}px;top:${y0}px" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${out.join("")}</svg>`;
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((k) => k * p >= raw) ?? 10) * p;
}
