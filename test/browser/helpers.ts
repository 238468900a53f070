/**
 * What a person does in the pane, for the browser tests: click a field, type key by key with
 * pauses, press Enter. And what a test reads back: values through the functions the page
 * associated (as Excel would compute them), the workbook's storage, the mocked Excel's calls.
 * The storage helpers are the one place that knows how the mocked workbook stores assumptions.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { SETTINGS_KEY } from "../../src/store/document";
import { launch, openPane, serveDist, type OpenOptions, type Served } from "./page";

/** Pause between keys, as a quick typist. */
export const KEY_DELAY = 40;

/** Clicks a field, selects what it holds and types `text` key by key (an empty text clears it). */
export async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.page().keyboard.press("ControlOrMeta+A");
  if (text === "") await field.page().keyboard.press("Backspace");
  else await field.page().keyboard.type(text, { delay: KEY_DELAY });
}

/** Types `text` and presses Enter. */
export async function enter(field: Locator, text: string): Promise<void> {
  await typeInto(field, text);
  await field.press("Enter");
}

/** The value a GPU.* function computes with for `key` now (GPU.PRICE, as a cell would). */
export async function priceOf(page: Page, key: string): Promise<unknown> {
  const r = await page.evaluate(
    (k) =>
      (
        window as unknown as { __callFunction: (id: string, a: unknown[], n: number) => Promise<unknown> }
      ).__callFunction("PRICE", [k], 2),
    key,
  );
  return (r as { value?: unknown }).value ?? r;
}

/** Everything the mocked workbook has stored (to prove that nothing was written). */
export async function workbookState(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      out[k] = localStorage.getItem(k)!;
    }
    return out;
  });
}

/** Stores a 0.1 settings document as a workbook would hold it before the pane opens (use before a reload). */
export async function putStoredText(page: Page, text: string): Promise<void> {
  await page.evaluate(([k, t]) => window.localStorage.setItem(`settings:${k}`, t), [SETTINGS_KEY, text] as const);
}

/**
 * A co-author saves `key` = `value` in the active scenario of the workbook: its stored
 * assumptions change and the change event reaches this pane. Works with the settings fake
 * (the document replaced, SettingsChanged) and with a fake that models the assumptions sheet (a
 * second session types into the key's cell: a Remote change), which needs the sheet to exist.
 */
export async function coAuthorSets(page: Page, key: string, value: number | string): Promise<void> {
  await page.evaluate(
    ([k, key, value]) => {
      const fake = (window as unknown as { __fakeWorkbook: any }).__fakeWorkbook;
      if (typeof fake.remoteSave === "function") {
        const doc = JSON.parse(window.localStorage.getItem(`settings:${k}`) ?? "null") ?? {
          schema: 1,
          bookVersion: "2023.10-1",
          activeScenario: "base",
          scenarios: { base: {} },
        };
        doc.scenarios[doc.activeScenario][key as string] = { value, changedAt: new Date().toISOString() };
        fake.remoteSave(k as string, JSON.stringify(doc));
        return;
      }
      // The sheet: a row per key (the key in column A), a column per scenario under a "Key" header row.
      const grid: unknown[][] = fake.grid("GPU Assumptions");
      const header = grid.findIndex((row) => row[0] === "Key");
      const active = String(grid.find((row) => row[0] === "Active scenario")?.[1] ?? "base");
      const col = grid[header]!.indexOf(active);
      const row = grid.findIndex((r) => r[0] === key);
      if (header < 0 || col < 0 || row < 0) throw new Error(`no cell for ${key} on the assumptions sheet`);
      fake.session().type("GPU Assumptions", `${String.fromCharCode(65 + col)}${row + 1}`, value);
    },
    [SETTINGS_KEY, key, value] as const,
  );
}

/** The calls the pane made to the mocked Excel beyond the store's (excelExtras.js). */
export async function excelCalls(page: Page): Promise<{ api: string; address?: string; formulas?: unknown[][] }[]> {
  return page.evaluate(() => (window as unknown as { __excelCalls: [] }).__excelCalls);
}

/** Which element has the focus (inside shadow roots too): its tag and its data-key or id. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}#${(el as HTMLElement).dataset.key ?? el.id}` : "none";
  });
}

/**
 * Saves a screenshot of the pane: into docs/ when refreshing the README's pictures
 * (npm run screenshot sets UPDATE_DOCS_SCREENSHOT), else into .tmp/ to look at after a run.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const dir = path.resolve(__dirname, process.env.UPDATE_DOCS_SCREENSHOT ? "../../docs" : "../../.tmp");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name), fullPage: options.fullPage ?? false });
}

/** A test file's Chromium and server of the built add-in: started before its tests, closed after. */
export interface PaneSuite {
  /** The pane on a new workbook (`openPane`). */
  open(options?: OpenOptions): Promise<Page>;
  /** The browser, for pages other than the pane. */
  readonly browser: Browser;
}

export function paneSuite(): PaneSuite {
  let browser: Browser | undefined;
  let server: Served | undefined;
  beforeAll(async () => {
    server = await serveDist();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    open: (options) => openPane(browser!, server!, options),
    get browser() {
      return browser!;
    },
  };
}
