/**
 * Writes a model sheet (./modelSheet.ts, the layout as data) into the workbook with Office.js:
 * one `Excel.run`, two syncs (the sheet names, then everything else at once). Requirement sets:
 *
 * | call | ExcelApi |
 * |---|---|
 * | `worksheets.load("items/name")`, `worksheets.add(name)`, `worksheet.activate()` | 1.1 |
 * | `Range.formulas` and `Range.numberFormat` as one block (null: cell left alone) | 1.1 |
 * | `format.font` (bold, size, italic, color), `format.fill.color`, `format.wrapText` | 1.1 |
 * | `format.columnWidth` (points) | 1.2; skipped below |
 * | `Range.style = "Input"` (Excel's built-in Input style, `Excel.BuiltInStyle.input`) | 1.7; without it, the style's own fill #FFCC99 and font #3F3F76 (1.1) |
 * | `Range.dataValidation` (drop-down lists, no blocking alert: a cloud may be "aws.p5.48xlarge", a rent a USD rate) | 1.8; skipped below |
 * | `charts.add("Line", range, "Columns")`, `chart.title`, `chart.legend`, `chart.setPosition`, `axes.categoryAxis.title`, `series.getItemAt(i).format.line.color` | 1.1 |
 * | `series.setXAxisValues(months)`, `markerStyle`, `markerSize`, marker colours, `format.line.lineStyle = "None"`, `hasDataLabels` | 1.7; without it the chart numbers its categories from 1 and the break-even series is drawn as a line through its one point |
 * | `series.dataLabels.showSeriesName` (the label reads "Break-even: 10.7 months"), `axes.valueAxis.numberFormat` | 1.8 |
 *
 * A co-author adding a sheet of the same name between the two syncs makes `add` fail with
 * ItemAlreadyExists: the batch is run again with the names read anew (at most three times).
 */
import { nextSheetName, type CellRole, type ModelSheetLayout } from "./modelSheet";
import { host, RUN, supports, type PaneExcel } from "./workbook";

export const NOT_IN_EXCEL = "Insert works inside Excel: open this pane from Excel's ribbon.";

/** Excel's built-in Input style, for hosts where `Range.style` cannot be set (before ExcelApi 1.7). */
export const INPUT_LOOK = { fill: "#FFCC99", font: "#3F3F76" } as const;

export interface InsertedSheet {
  readonly name: string;
}

/** What the host offers, asked once per insert (the tests' mock supports everything). */
interface Features {
  readonly widths: boolean;
  readonly style: boolean;
  readonly validation: boolean;
  readonly series: boolean;
  readonly labels: boolean;
}

function features(): Features {
  return {
    widths: supports("1.2"),
    style: supports("1.7"),
    validation: supports("1.8"),
    series: supports("1.7"),
    labels: supports("1.8"),
  };
}

/** Adds a new sheet holding `layout` and shows it; resolves with the sheet's name. */
export async function insertModelSheet(
  layout: ModelSheetLayout,
  excel: PaneExcel | undefined = host(),
): Promise<InsertedSheet> {
  if (!excel) throw new Error(NOT_IN_EXCEL);
  const can = features();
  for (let attempt = 1; ; attempt++) {
    try {
      return await addOnce(excel, layout, can);
    } catch (error) {
      if (attempt >= 3 || (error as { code?: string }).code !== "ItemAlreadyExists") throw error;
    }
  }
}

/** One attempt: read the sheet names, add the sheet under the first free name, write it, show it. */
function addOnce(excel: PaneExcel, layout: ModelSheetLayout, can: Features): Promise<InsertedSheet> {
  return excel.run(RUN, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const name = nextSheetName(sheets.items.map((s) => s.name));
    const sheet = sheets.add(name);
    write(sheet, layout, can);
    sheet.activate();
    await context.sync();
    return { name };
  });
}

/** Rows and columns of "A1:I74". */
function sizeOf(area: string): { rows: number; cols: number } {
  const [, end] = area.split(":");
  const m = /^([A-Z]+)(\d+)$/.exec(end ?? area)!;
  let cols = 0;
  for (const ch of m[1]!) cols = cols * 26 + ch.charCodeAt(0) - 64;
  return { rows: Number(m[2]), cols };
}

function position(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Queues every write of `layout` on `sheet` (nothing is sent until the caller syncs). */
function write(sheet: Excel.Worksheet, layout: ModelSheetLayout, can: Features): void {
  // Contents and number formats: one block each; null leaves a cell alone (empty, or a spill's).
  const { rows, cols } = sizeOf(layout.area);
  const formulas: (string | number | null)[][] = Array.from({ length: rows }, () => new Array(cols).fill(null));
  const formats: (string | null)[][] = Array.from({ length: rows }, () => new Array(cols).fill(null));
  for (const c of layout.cells) {
    const { row, col } = position(c.address);
    if (c.value !== null) formulas[row]![col] = c.value;
    if (c.format !== undefined) formats[row]![col] = c.format;
  }
  const block = sheet.getRange(layout.area);
  block.formulas = formulas;
  block.numberFormat = formats;

  if (can.widths)
    for (const { column, width } of layout.columns) sheet.getRange(`${column}1`).format.columnWidth = width;
  for (const band of layout.bands) {
    const range = sheet.getRange(band);
    range.format.fill.color = "#DDEBF7";
    range.format.font.bold = true;
    range.format.font.color = "#1F4E79";
  }
  const header = sheet.getRange(`A${layout.table.header}:I${layout.table.header}`);
  header.format.font.bold = true;
  header.format.fill.color = "#F2F2F2";
  header.format.wrapText = true;

  for (const c of layout.cells) {
    const range = sheet.getRange(c.address);
    roleFormat(range, c.role, can);
    if (c.list && can.validation) {
      range.dataValidation.rule = { list: { inCellDropDown: true, source: c.list.join(",") } };
      range.dataValidation.errorAlert = {
        showAlert: false,
        style: "Information",
        title: "Not in the list",
        message: "Any value the GPU.* functions accept works too.",
      };
    }
  }
  addChart(sheet, layout, can);
}

function roleFormat(range: Excel.Range, role: CellRole, can: Features): void {
  switch (role) {
    case "title":
      range.format.font.bold = true;
      range.format.font.size = 16;
      range.format.font.color = "#1F4E79";
      return;
    case "input":
    case "linked-input":
      if (can.style) range.style = "Input";
      else {
        range.format.fill.color = INPUT_LOOK.fill;
        range.format.font.color = INPUT_LOOK.font;
      }
      return;
    case "note":
      range.format.font.italic = true;
      range.format.font.color = "#595959";
      return;
    default:
      return;
  }
}

function addChart(sheet: Excel.Worksheet, layout: ModelSheetLayout, can: Features): void {
  const spec = layout.chart;
  const chart = sheet.charts.add(spec.type, sheet.getRange(spec.source), spec.seriesBy);
  chart.title.text = spec.title;
  chart.legend.position = "Bottom";
  chart.setPosition(spec.position.from, spec.position.to);
  chart.axes.categoryAxis.title.text = spec.categoryTitle;
  if (can.labels) chart.axes.valueAxis.numberFormat = spec.valueFormat;
  const months = sheet.getRange(spec.categories);
  spec.series.forEach((s, i) => {
    const series = chart.series.getItemAt(i);
    series.format.line.color = s.color;
    if (!can.series) return;
    series.setXAxisValues(months);
    if (!s.marker) {
      series.markerStyle = "None";
      return;
    }
    series.markerStyle = "Diamond";
    series.markerSize = 10;
    series.markerBackgroundColor = s.color;
    series.markerForegroundColor = s.color;
    series.format.line.lineStyle = "None";
    series.hasDataLabels = true;
    if (can.labels) {
      series.dataLabels.showSeriesName = true;
      series.dataLabels.showValue = false;
      series.dataLabels.position = "Right";
    }
  });
}
