/**
 * The task pane in headless Chromium (Debian's, installed by scripts/ensure-chromium.sh): the
 * built taskpane.html with office.js served from the npm package and a mocked Excel workbook.
 * Edit a value, see a bad one refused, save, reload and find it persisted, and see the
 * functions compute with it.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SETTINGS_KEY } from "../../src/store/document";
import { SHEET_NAME, readSheet } from "../../src/store/sheet";
import { DIST } from "../harness/runtime";
import { contentType, fakeExcelScript, serve } from "./server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OFFICE_JS = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
// The README's picture is refreshed on demand (npm run screenshot); ordinary runs keep theirs in .tmp.
const SCREENSHOT = path.resolve(
  __dirname,
  process.env.UPDATE_DOCS_SCREENSHOT ? "../../docs/taskpane.png" : "../../.tmp/taskpane.png",
);

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (npm test does).`);
  server = await serve(DIST);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    // Playwright starts Chromium with a fresh, empty --user-data-dir of its own each launch.
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPane(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  // office.js from the npm package in place of Microsoft's CDN; nothing else leaves the machine.
  await page.route(`${CDN}**`, async (route) => {
    const rel = new URL(route.request().url()).pathname.replace("/lib/1/hosted/", "");
    const file = path.join(OFFICE_JS, rel);
    if (!existsSync(file)) return route.fulfill({ status: 404 });
    await route.fulfill({ status: 200, contentType: contentType(file), body: readFileSync(file) });
  });
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
    route.request().url().startsWith(CDN) ? route.fallback() : route.abort(),
  );
  await page.addInitScript({ content: fakeExcelScript() });
  await page.addInitScript({ path: path.resolve(__dirname, "pagePrelude.js") });
  await page.goto(`${server.url}taskpane.html`);
  await page.locator('[data-key="facility.pue"]').waitFor();
  return page;
}

const input = (page: Page, key: string) => page.locator(`fluent-text-input[data-key="${key}"] input`);
/** The assumptions the workbook's sheet holds, read as the add-in reads them (null: no sheet). */
const storedDoc = async (page: Page): Promise<any> => {
  const grid = await page.evaluate((name) => (window as any).__fakeWorkbook.grid(name), SHEET_NAME);
  return grid.length ? readSheet(grid).doc : null;
};

describe("task pane", () => {
  let page: Page;

  it("shows every assumption grouped, with value, unit, source and as-of date", async () => {
    page = await openPane();
    const headings = await page.locator("section h2").allTextContents();
    expect(headings.map((t) => t.replace(/ \(\d+\)$/, ""))).toEqual([
      "Accelerators",
      "Cloud rates",
      "Facility",
      "Methods",
    ]);
    const row = page.locator('[data-row="aws.p5.48xlarge.ondemand"]');
    expect(await input(page, "aws.p5.48xlarge.ondemand").inputValue()).toBe("98.32");
    await expect.poll(() => row.textContent()).toMatch(/USD\/h[\s\S]*AWS EC2 pricing[\s\S]*as of 2023-07/);
  });

  it("refuses a bad value with a message naming the unit and range, and saves nothing", async () => {
    const before = await storedDoc(page);
    await input(page, "facility.pue").fill("0.5");
    await input(page, "facility.pue").press("Enter");
    await expect
      .poll(() => page.locator('[data-row="facility.pue"] .message').textContent())
      .toMatch(/PUE must be from 1 .*ratio/);
    expect(await storedDoc(page)).toEqual(before);
    await input(page, "facility.pue").fill("lots");
    await input(page, "facility.pue").press("Enter");
    await expect.poll(() => page.locator('[data-row="facility.pue"] .message').textContent()).toMatch(/not a number/);
  });

  it("saves a good value in the workbook, with the time of the change", async () => {
    await input(page, "facility.pue").fill("1.1");
    await input(page, "facility.pue").press("Enter");
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/Saved PUE = 1.1/);
    const doc = await storedDoc(page);
    expect(doc.scenarios.base["facility.pue"].value).toBe(1.1);
    expect(doc.scenarios.base["facility.pue"].changedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    await input(page, "facility.electricity").fill("12%");
    await input(page, "facility.electricity").press("Enter");
    await expect
      .poll(() => page.locator('[data-row="facility.electricity"] .message').textContent())
      .toMatch(/percentage applies to fractions/);
    await page.locator('fluent-text-input[data-control="search"] input').fill("facility");
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.locator('fluent-text-input[data-control="search"] input').fill("");
    await page.locator('fluent-switch[data-control="changed-only"]').click();
    await expect.poll(() => page.locator("[data-row]").count()).toBe(2); // the saved PUE and the refused edit
    await input(page, "facility.electricity").press("Escape");
    await expect.poll(() => page.locator("[data-row]").count()).toBe(1);
  });

  it("finds the value after a reload, and the functions compute with it", async () => {
    await page.reload();
    await page.locator('[data-key="facility.pue"]').waitFor();
    expect(await input(page, "facility.pue").inputValue()).toBe("1.1");
    expect(await page.evaluate(() => (window as any).__callFunction("PRICE", ["facility.pue"], 2))).toEqual({
      value: 1.1,
    });
    const buy = await page.evaluate(() => (window as any).__callFunction("CLUSTERCOST", [8, "H100-SXM", "buy", 3], 6));
    const energy = 10.2 * 0.75 * 1.1 * 26_280 * 0.0806; // the 1.1 PUE in place of 1.25
    expect(buy.value).toBeCloseTo(248_956 / 0.81 + energy + 64_260 + 0.06 * 3 * (248_956 / 0.81), 2);
  });

  it("undoes the last change and keeps the pane usable from the keyboard", async () => {
    await input(page, "facility.pue").fill("1.15");
    await input(page, "facility.pue").press("Enter");
    await expect.poll(async () => (await storedDoc(page)).scenarios.base["facility.pue"].value).toBe(1.15);
    await page.locator('fluent-button[data-control="undo"]').click();
    await expect.poll(() => input(page, "facility.pue").inputValue()).toBe("1.1");
    expect((await storedDoc(page)).scenarios.base["facility.pue"].value).toBe(1.1);
    await page.locator('fluent-text-input[data-control="search"] input').fill("p5.48xlarge");
    await expect.poll(() => page.locator("[data-row]").count()).toBe(4);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toMatch(/fluent-|input|select/);
  });

  it("a failed save tells the user, keeps the edit in the pane and writes nothing", async () => {
    const before = await storedDoc(page);
    await page.evaluate(() => {
      (window as any).__fakeWorkbook.failNextWrite = new Error("GeneralException: the workbook is read-only");
    });
    await page.locator('fluent-text-input[data-control="search"] input').fill("");
    await input(page, "facility.colocation").fill("150");
    await input(page, "facility.colocation").press("Enter");
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/Not saved: .*read-only/);
    expect(await input(page, "facility.colocation").inputValue()).toBe("150");
    expect(await page.locator('[data-row="facility.colocation"] .message').textContent()).toMatch(/Not saved/);
    expect(await storedDoc(page)).toEqual(before);
  });
});

describe("task pane with a damaged stored document", () => {
  it("shows the defaults read-only with a warning and a way to export the raw text", async () => {
    const page = await openPane();
    await page.evaluate((k) => window.localStorage.setItem(`settings:${k}`, '{"schema":1,"scen'), SETTINGS_KEY);
    await page.reload();
    await page.locator('[data-key="facility.pue"]').waitFor();
    await expect.poll(() => page.locator("#read-only").textContent()).toMatch(/not valid JSON[\s\S]*read-only/);
    expect(await page.locator('[data-key="facility.pue"]').getAttribute("readonly")).not.toBeNull();
    expect(await page.locator('fluent-button[data-control="export-raw"]').count()).toBe(1);
    expect(await input(page, "facility.pue").inputValue()).toBe("1.25");
    expect(await page.evaluate((k) => window.localStorage.getItem(`settings:${k}`), SETTINGS_KEY)).toBe(
      '{"schema":1,"scen',
    );
    await page.context().close();
  });
});

describe("task pane scenarios, reset, import and export", () => {
  let page: Page;

  it("creates a scenario in the pane (no browser dialogs: Office blocks them) and switches between scenarios", async () => {
    page = await openPane();
    await page.locator('fluent-button[data-control="add-scenario"]').click();
    await page.locator('fluent-text-input[data-control="new-scenario"] input').fill("Bull");
    await page.locator('fluent-text-input[data-control="new-scenario"] input').press("Enter");
    await expect.poll(async () => (await storedDoc(page))?.activeScenario).toBe("bull");
    expect(await page.locator("#scenario").inputValue()).toBe("bull");
    await input(page, "facility.pue").fill("1.05");
    await input(page, "facility.pue").press("Enter");
    await expect.poll(async () => (await storedDoc(page)).scenarios.bull["facility.pue"]?.value).toBe(1.05);
    await page.locator("#scenario").selectOption("base");
    await expect.poll(() => input(page, "facility.pue").inputValue()).toBe("1.25");
    await page.locator("#scenario").selectOption("bull");
    await expect.poll(() => input(page, "facility.pue").inputValue()).toBe("1.05");
  });

  it("asks before resetting everything, in the pane", async () => {
    await page.locator('fluent-button[data-control="reset-all"]').click();
    await page.locator('fluent-button[data-control="cancel-reset"]').click();
    expect((await storedDoc(page)).scenarios.bull["facility.pue"].value).toBe(1.05);
    await page.locator('fluent-button[data-control="reset-all"]').click();
    await page.locator('fluent-button[data-control="confirm-reset"]').click();
    await expect.poll(async () => Object.keys((await storedDoc(page)).scenarios.bull)).toEqual([]);
  });

  it("exports the document and imports a file; a hostile file is refused with a message and changes nothing", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('fluent-button[data-control="export"]').click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(exported).toEqual(await storedDoc(page));

    exported.scenarios.base = { "aws.p5.48xlarge.ondemand": { value: 60, changedAt: "2026-11-25T00:00:00Z" } };
    exported.activeScenario = "base";
    const file = (name: string, text: string) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });
    await page.locator("#import-file").setInputFiles(file("good.json", JSON.stringify(exported)));
    await expect.poll(() => input(page, "aws.p5.48xlarge.ondemand").inputValue()).toBe("60");

    const before = await storedDoc(page);
    const hostile = {
      ...exported,
      scenarios: { base: { "<img src=x onerror=alert(1)>": { value: 1, changedAt: "2026-11-25T00:00:00Z" } } },
    };
    await page.locator("#import-file").setInputFiles(file("hostile.json", JSON.stringify(hostile)));
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/not imported.*unknown key/);
    expect(await page.locator("img").count()).toBe(0); // the key was shown as text, not markup
    expect(await storedDoc(page)).toEqual(before);
    await page.context().close();
  });
});
