/**
 * The pane's function reference, in headless Chromium over the built add-in: every GPU.*
 * function of functions.json, searchable, with its parameters; "Insert into the selected cell"
 * writes the formula as a formula through the (mocked) Excel API, and asks before replacing a
 * cell that holds something.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DIST } from "../harness/runtime";
import { excelCalls, KEY_DELAY, screenshot, typeInto, paneSuite } from "./helpers";

const suite = paneSuite();

const ids: string[] = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")).functions.map(
  (f: { id: string }) => f.id,
);
const param = (page: Page, fn: string, name: string) => page.locator(`#fn-${fn} input[data-param="${name}"]`);
const formula = (page: Page, fn: string) => page.locator(`#fn-${fn} [data-control="formula"]`);
const sheet = (page: Page) =>
  page.evaluate(() => (window as unknown as { __excelSheets: Record<string, Record<string, unknown>> }).__excelSheets);

describe("function reference", () => {
  let page: Page;

  it("lists every function of functions.json, searchable key by key", async () => {
    page = await suite.open({
      before: `window.__excelSelection = "Sheet1!B2"; window.__excelSheets = { Sheet1: { B3: "=SUM(1,2)" } };`,
    });
    await page.locator("#tab-functions").click();
    await expect.poll(() => page.locator("#panel-functions details.fn").count()).toBe(ids.length);
    expect(await page.locator("#panel-functions details.fn").evaluateAll((els) => els.map((e) => e.id))).toEqual(
      ids.map((id) => `fn-${id.toLowerCase()}`),
    );
    await page.locator("#fn-search").click();
    await page.keyboard.type("break", { delay: KEY_DELAY });
    expect(await page.locator("#fn-search").inputValue()).toBe("break");
    await expect
      .poll(() => page.locator("#panel-functions details.fn").evaluateAll((els) => els.map((e) => e.id)))
      .toEqual(["fn-breakeven", "fn-chipbreakeven"]);
    await expect.poll(() => page.locator("#fn-count").textContent()).toBe(`2 of ${ids.length} functions.`);
    await typeInto(page.locator("#fn-search"), "cluster");
    await expect
      .poll(() => page.locator("#panel-functions details.fn").first().getAttribute("id"))
      .toBe("fn-clustercost");
  });

  it("shows a function's signature, description, parameters and example, ready to insert", async () => {
    await page.locator("#fn-clustercost > summary").click();
    expect(await page.locator("#fn-clustercost > summary").textContent()).toMatch(
      /GPU\.CLUSTERCOST\(gpus, \[gpu\], \[pricing\], \[years\], \[provider\], \[scenario\]\)/,
    );
    expect(await page.locator("#fn-clustercost .desc").textContent()).toMatch(/USD to have a number of accelerators/);
    expect(await page.locator("#fn-clustercost .examples").textContent()).toMatch(
      /=GPU\.CLUSTERCOST\(8,"H100-SXM","reserved3y",3,"aws"\) = 1,134,245/,
    );
    expect(await param(page, "clustercost", "gpu").inputValue()).toBe("H100-SXM");
    await expect
      .poll(() => formula(page, "clustercost").textContent())
      .toBe('=GPU.CLUSTERCOST(8,"H100-SXM","reserved3y",3,"aws")');
  });

  it("builds the formula from what is typed: text quoted, numbers and cell references as typed", async () => {
    await typeInto(param(page, "clustercost", "gpus"), "A2");
    await typeInto(param(page, "clustercost", "pricing"), "ondemand");
    await typeInto(param(page, "clustercost", "years"), "");
    await typeInto(param(page, "clustercost", "provider"), "");
    await expect
      .poll(() => formula(page, "clustercost").textContent())
      .toBe('=GPU.CLUSTERCOST(A2,"H100-SXM","ondemand")');
    await typeInto(param(page, "clustercost", "gpus"), "16");
    await expect
      .poll(() => formula(page, "clustercost").textContent())
      .toBe('=GPU.CLUSTERCOST(16,"H100-SXM","ondemand")');
  });

  it("writes the formula into the selected cell as a formula", async () => {
    await page.locator('#fn-clustercost [data-control="insert"]').click();
    await screenshot(page, "taskpane-functions.png");
    await expect
      .poll(() => page.locator("#status").textContent())
      .toBe('Inserted =GPU.CLUSTERCOST(16,"H100-SXM","ondemand") in Sheet1!B2.');
    expect(await excelCalls(page)).toEqual([
      { api: "workbook.getSelectedRange" },
      { api: "Range.formulas", address: "Sheet1!B2", formulas: [['=GPU.CLUSTERCOST(16,"H100-SXM","ondemand")']] },
    ]);
    expect((await sheet(page)).Sheet1!.B2).toBe('=GPU.CLUSTERCOST(16,"H100-SXM","ondemand")');
  });

  it("asks before replacing a cell that holds something; Keep changes nothing", async () => {
    await page.evaluate(() => ((window as unknown as { __excelSelection: string }).__excelSelection = "Sheet1!B3"));
    await page.locator('#fn-clustercost [data-control="insert"]').click();
    const ask = page.locator('#fn-clustercost [data-control="occupied"]');
    await expect.poll(() => ask.textContent()).toMatch(/Sheet1!B3 holds\s*=SUM\(1,2\)\s*\. Replace it/);
    await page.locator('#fn-clustercost [data-control="keep"]').click();
    await expect.poll(() => ask.count()).toBe(0);
    expect((await sheet(page)).Sheet1!.B3).toBe("=SUM(1,2)");
    expect((await excelCalls(page)).filter((c) => c.api === "Range.formulas").length).toBe(1);
    await page.locator('#fn-clustercost [data-control="insert"]').click();
    await page.locator('#fn-clustercost [data-control="replace"]').click();
    await expect.poll(async () => (await sheet(page)).Sheet1!.B3).toBe('=GPU.CLUSTERCOST(16,"H100-SXM","ondemand")');
  });

  it("refuses to insert without a required argument, naming it", async () => {
    const calls = (await excelCalls(page)).length;
    await typeInto(param(page, "clustercost", "gpus"), "");
    await page.locator('#fn-clustercost [data-control="insert"]').click();
    await expect
      .poll(() => page.locator("#fn-clustercost .fn-message").textContent())
      .toBe("Fill in gpus: it is required.");
    expect((await excelCalls(page)).length).toBe(calls);
  });

  it("leaves inner omitted arguments empty, as Excel does", async () => {
    await typeInto(page.locator("#fn-search"), "hourly");
    await page.locator("#fn-hourly > summary").click();
    await typeInto(param(page, "hourly", "gpu"), "");
    await typeInto(param(page, "hourly", "pricing"), "buy");
    await typeInto(param(page, "hourly", "provider"), "");
    await typeInto(param(page, "hourly", "utilization"), "");
    await expect.poll(() => formula(page, "hourly").textContent()).toBe('=GPU.HOURLY(,"buy")');
    await page.context().close();
  });
});
