/**
 * "Insert model sheet" in Node: the layout (src/taskpane/modelSheet.ts) written through the
 * browser tests' mocked Excel (test/browser/nodeMock.ts) by the pane's writer
 * (src/taskpane/modelSheetExcel.ts), then every formula of the new sheet evaluated with
 * gpu-cost's own formula engine (src/cli/calc) over the built bundle's functions, and its
 * figures held to the same functions called directly.
 */
import { afterEach, describe, expect, it } from "vitest";
import { customFunctionsEnv } from "../../src/cli/host";
import { bookFor, LATEST_EDITION } from "../../src/pricing";
import { emptyDocument } from "../../src/store/document";
import { modelSheet, nextSheetName } from "../../src/taskpane/modelSheet";
import { insertModelSheet } from "../../src/taskpane/modelSheetExcel";
import { evaluateSheet, type EvaluatedSheet } from "../browser/evaluate";
import { nodeMock, type Recorded } from "../browser/nodeMock";
import { withWorkbook } from "../harness/workbooks";

/** A fixed "now" (2025-12-09) for the engine; no model-sheet figure depends on it. */
const NOW = 46000.5;

async function inserted(edition: string, existing: string[] = []) {
  const { xl, wb } = withWorkbook(emptyDocument(edition));
  for (const name of existing) wb.putSheet(name, [["a user's cell"]], "Visible");
  const mock = nodeMock(wb);
  const layout = modelSheet(bookFor(new Map(), edition));
  const { name } = await insertModelSheet(layout, mock.excel);
  const sheet = await evaluateSheet(name, wb.sheet(name)!.cells, customFunctionsEnv(xl.host, NOW));
  return { xl, wb, mock, layout, name, sheet };
}

const num = (sheet: EvaluatedSheet, address: string | undefined): number => {
  const v = sheet.values.get(address!);
  if (typeof v !== "number") throw new Error(`${address} holds ${String(v)}, not a number`);
  return v;
};
const calls = (recorded: Recorded[], api: string | RegExp) =>
  recorded.filter((c) => (typeof api === "string" ? c.api === api : api.test(c.api)));

describe("nextSheetName", () => {
  it("takes the first free name, comparing as Excel does (case-insensitively)", () => {
    expect(nextSheetName([])).toBe("GPU model");
    expect(nextSheetName(["Sheet1", "GPU Assumptions"])).toBe("GPU model");
    expect(nextSheetName(["gpu MODEL"])).toBe("GPU model 2");
    expect(nextSheetName(["GPU model", "gpu MODEL 2", "GPU model 4"])).toBe("GPU model 3");
  });
});

describe("model sheet on the latest edition", () => {
  it("every formula evaluates; the only errors are the break-even column's #N/A gaps", async () => {
    const { layout, sheet, name } = await inserted(LATEST_EDITION);
    expect(name).toBe("GPU model");
    expect(sheet.unsupported).toEqual([]);
    const formulas = layout.cells.filter((c) => typeof c.value === "string" && c.value.startsWith("="));
    expect(formulas.length).toBeGreaterThan(200);
    for (const c of formulas) expect(sheet.formulas.get(c.address)).toBe(c.value);
    // One marker: 36 months + month 0 = 37 rows, all but one #N/A (a line chart leaves them out).
    const { first, last } = layout.table;
    expect(sheet.errors.filter((e) => !e.address.startsWith("I")).map((e) => `${e.address} ${e.message}`)).toEqual([]);
    expect(sheet.errors.length).toBe(last - first);
    expect(sheet.errors.every((e) => e.code === "#N/A")).toBe(true);
  });

  it("holds the same figures as the GPU.* functions called directly", async () => {
    const { xl, layout, sheet } = await inserted(LATEST_EDITION);
    const at = layout.at;
    expect(sheet.values.get(at.edition!)).toBe(LATEST_EDITION);
    expect(sheet.values.get(at.chip!)).toBe("H100-SXM");
    expect(sheet.values.get(at.provider!)).toBe("aws");
    expect(sheet.values.get(at.committed!)).toBe("reserved3y");
    expect(num(sheet, at.costOfCapital)).toBe(await xl.value("PRICE", "finance.cost_of_capital"));
    expect(num(sheet, at.clusterBuy)).toBe(await xl.value("CLUSTERCOST", 1024, "H100-SXM", "buy", 3, "aws"));
    expect(num(sheet, at.clusterRent)).toBe(await xl.value("CLUSTERCOST", 1024, "H100-SXM", "ondemand", 3, "aws"));
    expect(num(sheet, at.nodeCommitted)).toBe(await xl.value("CLUSTERCOST", 8, "H100-SXM", "reserved3y", 3, "aws"));
    expect(num(sheet, at.chipBreakeven)).toBe(await xl.value("CHIPBREAKEVEN"));
    expect(num(sheet, at.chipBreakeven)).toBe(18226);
    expect(num(sheet, at.fleetSize)).toBe(49);
    expect(num(sheet, at.apiTokenCost)).toBeCloseTo(1.76, 10);
    // A query self-hosted and through the API, at the same 500 + 500 tokens and the same precision.
    const tokenCost = await xl.value("TOKENCOST", "llama-3.3-70b", "H100-SXM", "ondemand", "aws", null, null, 500, 500);
    expect(num(sheet, at.tokenCost)).toBe(tokenCost);
    expect(num(sheet, at.queryCost)).toBeCloseTo((tokenCost as number) * 500e-6, 15);
    expect(num(sheet, at.apiQueryCost)).toBeCloseTo(0.00088, 12);
    expect(num(sheet, at.trainDays)).toBeCloseTo(18.95, 2);
    const breakeven = num(sheet, at.breakeven);
    expect(breakeven).toBe(await xl.value("BREAKEVEN", "H100-SXM", "ondemand", "aws"));
    expect(breakeven).toBeCloseTo(10.726, 3);
  });

  it("the discounted cumulative lines cross at GPU.BREAKEVEN's month, where the marker is", async () => {
    const { layout, sheet } = await inserted(LATEST_EDITION);
    const { header, first, last } = layout.table;
    const breakeven = num(sheet, layout.at.breakeven);
    expect(sheet.values.get(`I${header}`)).toBe("Break-even: 10.7 months");
    const rentAbove = [];
    for (let r = first; r <= last; r++) {
      expect(num(sheet, `A${r}`)).toBe(r - first); // months 0..36
      if (num(sheet, `G${r}`) > num(sheet, `F${r}`)) rentAbove.push(r - first);
    }
    // Renting costs more from month 11 on, and never before: ROUNDUP(10.73).
    expect(rentAbove[0]).toBe(Math.ceil(breakeven));
    expect(rentAbove[0]).toBe(11);
    expect(rentAbove).toEqual(Array.from({ length: 36 - 10 }, (_, i) => 11 + i));
    const markers = [...Array(last - first + 1).keys()].filter(
      (m) => typeof sheet.values.get(`I${first + m}`) === "number",
    );
    expect(markers).toEqual([11]);
    expect(num(sheet, `I${first + 11}`)).toBe(num(sheet, `F${first + 11}`));
    // Month 0 is the purchase, undiscounted; month 12 is discounted a year at the cost of capital.
    expect(num(sheet, `E${first}`)).toBe(1);
    expect(num(sheet, `E${first + 12}`)).toBeCloseTo(1 / (1 + num(sheet, layout.at.costOfCapital)), 12);
  });

  it("records the sheet, the Input style, formats and the chart with its break-even mark", async () => {
    const { mock, layout, wb } = await inserted(LATEST_EDITION);
    const c = mock.calls;
    const { header, first, last } = layout.table;
    expect(calls(c, "worksheets.add")).toEqual([{ api: "worksheets.add", name: "GPU model" }]);
    expect(calls(c, "Worksheet.activate")).toEqual([{ api: "Worksheet.activate", sheet: "GPU model" }]);
    const block = calls(c, "Range.formulas");
    expect(block.map((b) => b.address)).toEqual([`GPU model!A1:I${last}`]);
    expect(block[0]!.formulas![0]![0]).toBe("GPU cost model");
    const inputs = layout.cells
      .filter((x) => x.role === "input" || x.role === "linked-input")
      .map((x) => `GPU model!${x.address}`);
    expect(inputs.length).toBe(19);
    expect(calls(c, "Range.style").map((s) => [s.address, s.value])).toEqual(inputs.map((a) => [a, "Input"]));
    expect(wb.cell("GPU model", layout.at.clusterBuy!)?.numberFormat).toBe("$#,##0");
    expect(wb.cell("GPU model", layout.at.breakeven!)?.numberFormat).toBe('0.0 "months"');
    expect(wb.cell("GPU model", layout.at.costOfCapital!)?.numberFormat).toBe("0.0%");
    expect(wb.cell("GPU model", `G${last}`)?.numberFormat).toBe("$#,##0");
    expect(calls(c, "charts.add")).toEqual([
      {
        api: "charts.add",
        chart: "GPU model!chart1",
        type: "Line",
        source: `GPU model!F${header}:I${last}`,
        seriesBy: "Columns",
      },
    ]);
    const chart = (member: string) => calls(c, `GPU model!chart1.${member}`).map((x) => x.value ?? x.args);
    expect(chart("title.text")).toEqual(["Cumulative cost, present value at the cost of capital"]);
    expect(chart("setPosition")).toEqual([["F4", "M24"]]);
    for (let i = 0; i < 4; i++)
      expect(chart(`series.getItemAt(${i}).setXAxisValues`)).toEqual([[`GPU model!A${first}:A${last}`]]);
    expect(chart("series.getItemAt(3).markerStyle")).toEqual(["Diamond"]);
    expect(chart("series.getItemAt(3).format.line.lineStyle")).toEqual(["None"]);
    expect(chart("series.getItemAt(3).dataLabels.showSeriesName")).toEqual([true]);
    expect(chart("series.getItemAt(0).markerStyle")).toEqual(["None"]);
  });
});

describe("model sheet on the founding edition (cost of capital 0)", () => {
  it("the cumulative lines end at the cluster's costs over the 3 years", async () => {
    const { layout, sheet } = await inserted("2023.10-1");
    expect(sheet.unsupported).toEqual([]);
    expect(sheet.errors.filter((e) => !e.address.startsWith("I"))).toEqual([]);
    const at = layout.at;
    const { last } = layout.table;
    expect(num(sheet, at.costOfCapital)).toBe(0);
    expect(at.api).toBeUndefined(); // 2023.10-1 has no API prices: the sheet says so instead
    expect(num(sheet, `G${last}`)).toBeCloseTo(num(sheet, at.clusterRent), 4);
    expect(num(sheet, `H${last}`)).toBeCloseTo(num(sheet, at.clusterCommitted), 4);
    expect(num(sheet, `F${last}`)).toBeCloseTo(num(sheet, at.clusterBuy), 4);
    expect(num(sheet, at.clusterRent)).toBeCloseTo(330_732_748.8, 4);
    expect(num(sheet, at.breakeven)).toBeCloseTo(4.527, 3);
    expect(num(sheet, at.chipBreakeven)).toBe(21147);
  });
});

describe("never over a user's sheet", () => {
  it("a sheet named gpu model (any case) keeps its cells; the new one is GPU model 2, then 3", async () => {
    const { wb, name, mock } = await inserted(LATEST_EDITION, ["gpu MODEL"]);
    expect(name).toBe("GPU model 2");
    expect(wb.grid("gpu MODEL")).toEqual([["a user's cell"]]);
    const again = await insertModelSheet(modelSheet(bookFor(new Map(), LATEST_EDITION)), mock.excel);
    expect(again.name).toBe("GPU model 3");
    expect(wb.sheetNames()).toEqual(["GPU Assumptions", "gpu MODEL", "Sheet1", "GPU model 2", "GPU model 3"]);
  });
});

describe("on an Excel before ExcelApi 1.7", () => {
  const office = globalThis as { Office?: unknown };
  afterEach(() => void delete office.Office);

  it("paints the Input style's own colours and leaves out the 1.7/1.8 chart calls", async () => {
    office.Office = {
      context: { requirements: { isSetSupported: (_set: string, v: string) => Number(v.split(".")[1]) <= 6 } },
    };
    const { mock, layout } = await inserted(LATEST_EDITION);
    const c = mock.calls;
    expect(calls(c, "Range.style")).toEqual([]);
    const fills = calls(c, "Range.format.fill.color").filter((x) => x.value === "#FFCC99");
    expect(fills.length).toBe(layout.cells.filter((x) => x.role === "input" || x.role === "linked-input").length);
    expect(calls(c, /setXAxisValues|markerStyle|dataLabels|hasDataLabels|valueAxis/)).toEqual([]);
    expect(calls(c, "charts.add").length).toBe(1);
    expect(calls(c, /dataValidation/)).toEqual([]);
    expect(calls(c, "Range.format.columnWidth").length).toBe(layout.columns.length); // ExcelApi 1.2
  });
});
