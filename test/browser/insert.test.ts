/**
 * The pane's Insert tab in headless Chromium over the built add-in and the mocked Excel, used
 * as a person does (click, type key by key, wait): "Insert model sheet" adds a new sheet under
 * a new name with inputs, formulas, formats and a chart, and "Insert sensitivity grid" writes a
 * labelled grid with one spilling formula at the selected cell, refusing cells that hold
 * something. The Office calls are recorded by ./excelExtras.js; what was written is evaluated
 * in Node by gpu-cost's own engine (./evaluate.ts) and held to the functions' own figures.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { customFunctionsEnv } from "../../src/cli/host";
import { FOUNDING_EDITION, LATEST_EDITION } from "../../src/pricing";
import { emptyDocument } from "../../src/store/document";
import type { FakeCell } from "../harness/fakeExcel";
import { withWorkbook } from "../harness/workbooks";
import { evaluateSheet, parseAddress, columnName } from "./evaluate";
import { excelCalls, KEY_DELAY, screenshot, typeInto, paneSuite } from "./helpers";
import type { Recorded } from "./nodeMock";
import { renderSheet } from "./render";

const suite = paneSuite();

const NOW = 46000.5;
const calls = async (page: Page) => (await excelCalls(page)) as unknown as Recorded[];
const only = (all: Recorded[], api: string) => all.filter((c) => c.api === api);
const status = (page: Page) => page.locator("#status").textContent();

/** The page's workbook: a sheet's cells as the fake stores them ("row,col" zero-based). */
const fakeCells = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      (
        window as unknown as { __fakeWorkbook: { sheet(n: string): { cells: Record<string, FakeCell> } | undefined } }
      ).__fakeWorkbook.sheet(n)?.cells ?? null,
    name,
  );
const seeded = (page: Page) =>
  page.evaluate(() => (window as unknown as { __excelSheets: Record<string, Record<string, unknown>> }).__excelSheets);

describe("Insert model sheet", () => {
  let page: Page;

  it("adds a sheet named GPU model: inputs in the Input style, GPU.* formulas, formats, a chart with the break-even", async () => {
    page = await suite.open({ edition: null, width: 400, height: 900 });
    await page.locator("#tab-insert").click();
    const button = page.locator('[data-control="insert-sheet"]');
    await button.waitFor();
    // The tab as people see it once loaded: the sensitivity grid's form reads functions.json first.
    await page.locator('[data-control="grid-form"]').waitFor();
    await screenshot(page, "taskpane-insert.png");
    await button.click();
    await expect.poll(() => status(page)).toBe('Inserted the model sheet "GPU model".');
    await expect
      .poll(() => page.locator('[data-control="sheet-message"]').textContent())
      .toMatch(/^Added the sheet "GPU model": inputs in orange \(B5 to B23\).*monthly table from row 66/);

    const all = await calls(page);
    expect(only(all, "worksheets.add")).toEqual([{ api: "worksheets.add", name: "GPU model" }]);
    expect(only(all, "Worksheet.activate")).toEqual([{ api: "Worksheet.activate", sheet: "GPU model" }]);
    const block = only(all, "Range.formulas");
    expect(block.map((b) => b.address)).toEqual(["GPU model!A1:I103"]);
    const written = block[0]!.formulas!;
    const at = (a: string) => {
      const { row, col } = parseAddress(a);
      return written[row - 1]![col - 1];
    };
    expect(at("A1")).toBe("GPU cost model");
    expect([at("A5"), at("B5")]).toEqual(["Accelerator", "H100-SXM"]);
    expect([at("A6"), at("B6")]).toEqual(["GPUs in the cluster", 1024]);
    expect(at("B11")).toBe('=GPU.PRICE("finance.cost_of_capital")');
    expect(at("B31")).toBe("=GPU.CLUSTERCOST($B$6,$B$5,$B$9,$B$7,$B$8)");
    expect(at("B35")).toBe("=GPU.BREAKEVEN($B$5,$B$9,$B$8)");
    expect(at("A67")).toBe('=DROP(CHOOSECOLS(GPU.CASHFLOWS($B$6,$B$5,$B$9,$B$7,$B$8,"month"),1,2,3),1)');
    expect(at("I78")).toBe("=IF(A78=ROUNDUP($B$35,0),F78,NA())");
    const formats = only(all, "Range.numberFormat")[0]!.numberFormat!;
    expect(formats[30]![1]).toBe("$#,##0"); // B31
    expect(formats[34]![1]).toBe('0.0 "months"'); // B35
    expect(formats[10]![1]).toBe("0.0%"); // B11
    const styled = only(all, "Range.style");
    expect(styled.length).toBe(19);
    expect(styled.every((s) => s.value === "Input" && /^GPU model!B(\d+)$/.test(s.address!))).toBe(true);
    expect(only(all, "Range.dataValidation.rule").find((v) => v.address === "GPU model!B9")?.value).toEqual({
      list: { inCellDropDown: true, source: "ondemand,reserved1y,reserved3y,spot,block" },
    });
    expect(only(all, "charts.add")).toEqual([
      { api: "charts.add", chart: "GPU model!chart1", type: "Line", source: "GPU model!F66:I103", seriesBy: "Columns" },
    ]);
    const chart = (m: string) => all.filter((c) => c.api === `GPU model!chart1.${m}`).map((c) => c.value ?? c.args);
    expect(chart("series.getItemAt(3).setXAxisValues")).toEqual([["GPU model!A67:A103"]]);
    expect(chart("series.getItemAt(3).markerStyle")).toEqual(["Diamond"]);
    expect(chart("series.getItemAt(3).format.line.lineStyle")).toEqual(["None"]);
    expect(chart("series.getItemAt(3).dataLabels.showSeriesName")).toEqual([true]);
    expect(chart("legend.position")).toEqual(["Bottom"]);
  });

  it("every formula of the written sheet evaluates: the break-even marker sits at month 11 = ROUNDUP(GPU.BREAKEVEN)", async () => {
    const cells = (await fakeCells(page, "GPU model"))!;
    const { xl } = withWorkbook(emptyDocument(LATEST_EDITION));
    const sheet = await evaluateSheet("GPU model", cells, customFunctionsEnv(xl.host, NOW));
    expect(sheet.unsupported).toEqual([]);
    expect(sheet.errors.filter((e) => !/^I(6[7-9]|[7-9]\d|10[0-3])$/.test(e.address))).toEqual([]);
    const breakeven = sheet.values.get("B35");
    expect(breakeven).toBe(await xl.value("BREAKEVEN", "H100-SXM", "ondemand", "aws"));
    expect(breakeven).toBeCloseTo(10.726, 3);
    const marked = [...Array(37).keys()].filter((m) => typeof sheet.values.get(`I${67 + m}`) === "number");
    expect(marked).toEqual([11]);
    expect(sheet.values.get("B31")).toBe(await xl.value("CLUSTERCOST", 1024, "H100-SXM", "ondemand", 3, "aws"));

    // The README's picture of the inserted sheet, drawn by the harness from the recorded calls.
    const formats = new Map<string, string>();
    for (const [key, c] of Object.entries(cells)) {
      const [r, col] = key.split(",").map(Number) as [number, number];
      if (c.numberFormat) formats.set(`${columnName(col + 1)}${r + 1}`, c.numberFormat);
    }
    const html = renderSheet({
      sheet: "GPU model",
      evaluated: sheet,
      formats,
      calls: await calls(page),
      rows: 78,
      totalRows: 103,
      columns: 13,
      caption:
        "Rendering by the test harness, not Excel: the cells, formats and chart the pane wrote through the mocked Excel (recorded Office.js calls), values computed by gpu-cost's own formula engine (price book 2026.11-1).",
    });
    const dir = path.resolve(__dirname, "../../.tmp");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "model-sheet.html"), html);
    const view = await suite.browser.newPage({ viewport: { width: 1760, height: 1000 } });
    await view.setContent(html);
    await screenshot(view, "model-sheet.png", { fullPage: true });
    await view.close();
  });

  it("a second insert never reuses a name: GPU model 2", async () => {
    await page.locator('[data-control="insert-sheet"]').click();
    await expect.poll(() => status(page)).toBe('Inserted the model sheet "GPU model 2".');
    expect(only(await calls(page), "worksheets.add").map((c) => c.name)).toEqual(["GPU model", "GPU model 2"]);
    await page.context().close();
  });
});

describe("Insert sensitivity grid", () => {
  let page: Page;
  const field = (control: string) => page.locator(`#insert-grid [data-control="${control}"]`);
  const other = (name: string) => page.locator(`#insert-grid input[data-param="${name}"]`);

  it("starts on CLUSTERCOST, GPU counts down and years across, values stepped around the defaults", async () => {
    page = await suite.open({
      before: `window.__excelSelection = "Sheet1!B2"; window.__excelSheets = { Sheet1: { A1: "Cluster study" } };`,
    });
    await page.locator("#tab-insert").click();
    await field("grid-fn").waitFor();
    expect(await field("grid-fn").inputValue()).toBe("CLUSTERCOST");
    expect(await field("grid-row").inputValue()).toBe("gpus");
    expect(await field("grid-col").inputValue()).toBe("years");
    expect(await field("grid-row-values").inputValue()).toBe("8, 64, 512, 4096");
    expect(await field("grid-col-values").inputValue()).toBe("1, 2, 3, 4, 5");
    expect(await other("gpu").inputValue()).toBe("H100-SXM");
    await expect
      .poll(() => field("grid-formula").textContent())
      .toBe('=GPU.CLUSTERCOST(A3:A6,"H100-SXM","reserved3y",B2:F2,"aws")');
  });

  it("builds the formula from what is typed key by key", async () => {
    await typeInto(field("grid-row-values"), "8, 16, 64, 256, 1024");
    await typeInto(field("grid-col-values"), "1, 3, 5");
    await typeInto(other("pricing"), "ondemand");
    expect(await field("grid-row-values").inputValue()).toBe("8, 16, 64, 256, 1024");
    await expect
      .poll(() => field("grid-formula").textContent())
      .toBe('=GPU.CLUSTERCOST(A3:A7,"H100-SXM","ondemand",B2:D2,"aws")');
    await expect
      .poll(() => field("grid-size").textContent())
      .toBe("5 x 3 results; the grid takes 7 rows x 4 columns from the selected cell.");
  });

  it("writes the labels, the two axes and ONE spilling formula at the selected cell", async () => {
    const before = (await calls(page)).length;
    await field("insert-grid").click();
    await expect.poll(() => status(page)).toBe("Inserted a sensitivity grid at Sheet1!B2:E8.");
    await expect
      .poll(() => field("grid-message").textContent())
      .toBe('Inserted at Sheet1!B2:E8: =GPU.CLUSTERCOST(B4:B8,"H100-SXM","ondemand",C3:E3,"aws")');
    await screenshot(page, "taskpane-grid.png");
    const mine = (await calls(page)).slice(before);
    expect(mine.filter((c) => c.api === "Range.formulas")).toEqual([
      {
        api: "Range.formulas",
        address: "Sheet1!B2:E8",
        formulas: [
          ["GPU.CLUSTERCOST by gpus (down) and years (across)", null, null, null],
          ["gpus \\ years", 1, 3, 5],
          [8, '=GPU.CLUSTERCOST(B4:B8,"H100-SXM","ondemand",C3:E3,"aws")', null, null],
          [16, null, null, null],
          [64, null, null, null],
          [256, null, null, null],
          [1024, null, null, null],
        ],
      },
    ]);
    expect(mine.filter((c) => c.api === "Range.style")).toEqual([
      { api: "Range.style", address: "Sheet1!C3:E3", value: "Input" },
      { api: "Range.style", address: "Sheet1!B4:B8", value: "Input" },
    ]);
    const formats = mine.find((c) => c.api === "Range.numberFormat")!.numberFormat!;
    expect(formats[2]![1]).toBe("$#,##0");
    expect(formats[6]![3]).toBe("$#,##0");
    expect((await seeded(page)).Sheet1!.A1).toBe("Cluster study");
  });

  it("the written grid evaluates to the single-value answers of GPU.CLUSTERCOST", async () => {
    const cells: Record<string, FakeCell> = {};
    for (const [address, v] of Object.entries((await seeded(page)).Sheet1!)) {
      const { row, col } = parseAddress(address);
      cells[`${row - 1},${col - 1}`] =
        typeof v === "string" && v.startsWith("=") ? { value: "", formula: v } : { value: v as string | number };
    }
    const { xl } = withWorkbook(emptyDocument(FOUNDING_EDITION));
    const sheet = await evaluateSheet("Sheet1", cells, customFunctionsEnv(xl.host, NOW));
    expect(sheet.errors).toEqual([]);
    const gpus = [8, 16, 64, 256, 1024];
    const years = [1, 3, 5];
    for (const [i, g] of gpus.entries())
      for (const [j, y] of years.entries())
        expect(sheet.values.get(`${columnName(3 + j)}${4 + i}`)).toBe(
          await xl.value("CLUSTERCOST", g, "H100-SXM", "ondemand", y, "aws"),
        );
    // 8 H100s on demand for a year at AWS, edition 2023.10-1: 8 x 8,760 h x $12.29 an hour.
    expect(sheet.values.get("C4")).toBeCloseTo(861_283.2, 6);
  });

  it("refuses cells that hold something: says which, writes nothing", async () => {
    await page.evaluate(() => ((window as unknown as { __excelSelection: string }).__excelSelection = "Sheet1!A5"));
    const before = await calls(page);
    const cellsBefore = JSON.stringify(await seeded(page));
    await field("insert-grid").click();
    await expect
      .poll(() => field("grid-message").textContent())
      .toBe(
        "Nothing was written: the grid needs Sheet1!A5:D11, and B5, B6, B7… are not empty. Select a cell with room below and to the right, then insert again.",
      );
    const after = await calls(page);
    expect(
      after.slice(before.length).filter((c) => /^Range\.(formulas|numberFormat|style|format)/.test(c.api)),
    ).toEqual([]);
    expect(JSON.stringify(await seeded(page))).toBe(cellsBefore);
  });

  it("another output and inputs: the lists come from functions.json and the price book", async () => {
    await page.locator("#grid-fn").click();
    await page.locator("#grid-fn").selectOption("HOURLY");
    await page.keyboard.press("Escape");
    await expect.poll(() => field("grid-row").inputValue()).toBe("gpu");
    expect(await field("grid-col").inputValue()).toBe("pricing");
    await expect.poll(() => field("grid-row-values").inputValue()).toMatch(/^H100-SXM, /);
    expect(await field("grid-col-values").inputValue()).toBe("ondemand, reserved1y, reserved3y, buy");
    await page.locator("#grid-col").selectOption("utilization");
    await expect.poll(() => field("grid-col-values").inputValue()).toBe("0.3, 0.4, 0.5, 0.6, 0.7");
    await page.locator("#grid-row").click();
    await page.locator("#grid-row").selectOption("utilization"); // the two swap
    await expect.poll(() => field("grid-col").inputValue()).toBe("gpu");
    await typeInto(other("pricing"), "buy");
    await expect.poll(() => field("grid-formula").textContent()).toMatch(/^=GPU\.HOURLY\(B2:\w+2,"buy",[^,]*,A3:A7\)$/);
    await page.locator("#grid-row-values").click();
    await page.keyboard.press("End");
    await page.keyboard.type(", =A1", { delay: KEY_DELAY });
    await field("insert-grid").click();
    await expect.poll(() => field("grid-message").textContent()).toBe('utilization: "=A1" is a formula; type values.');
    await page.context().close();
  });
});
