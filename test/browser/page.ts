/**
 * Headless Chromium (Debian's) over the built add-in, for the browser tests and `npm run bench`
 * (bench/pane.ts): the production taskpane.html served from dist/ on 127.0.0.1, office.js
 * answered from the npm package where the page asks Microsoft's CDN, nothing else leaving the
 * machine, and a mocked Excel workbook (test/harness/fakeExcel.ts, extended by ./excelExtras.js).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { DIST } from "../harness/runtime";
import { FOUNDING_EDITION } from "../../src/pricing";
import { SETTINGS_KEY, emptyDocument, serialize } from "../../src/store/document";
import { contentType, fakeExcelScript, serve } from "./server";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** office.js as the npm package ships it (the CDN's files). */
export const OFFICE_JS = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");
export const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** dist/ on 127.0.0.1, with `mounts` beside it (see ./server.ts). */
export async function serveDist(mounts: Readonly<Record<string, string>> = {}): Promise<Served> {
  if (!existsSync(path.join(DIST, "taskpane.html"))) throw new Error(`${DIST} has no build: run npm run build.`);
  return serve(DIST, mounts);
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (npm test does).`);
  // Playwright starts Chromium with a fresh, empty --user-data-dir of its own each launch.
  return chromium.launch({
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
  });
}

/** office.js from the npm package in place of Microsoft's CDN; nothing else leaves the machine. */
export async function routeOffice(context: BrowserContext): Promise<void> {
  await context.route(`${CDN}**`, async (route) => {
    const rel = new URL(route.request().url()).pathname.replace("/lib/1/hosted/", "");
    const file = path.join(OFFICE_JS, rel);
    if (!existsSync(file)) return route.fulfill({ status: 404 });
    await route.fulfill({ status: 200, contentType: contentType(file), body: readFileSync(file) });
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
    route.request().url().startsWith(CDN) ? route.fallback() : route.abort(),
  );
}

/**
 * The init scripts that give the page a mocked Excel, in the order they must run: the workbook
 * fake (test/harness), the prelude that puts it in the page, and what the pane needs beyond the
 * store (./excelExtras.js). The one place that names them.
 */
export function mockScripts(): ({ path: string } | { content: string })[] {
  return [
    { content: fakeExcelScript() },
    { path: path.resolve(__dirname, "pagePrelude.js") },
    { path: path.resolve(__dirname, "excelExtras.js") },
  ];
}

export interface OpenOptions {
  /** Runs in the page before the mock (e.g. to seed the workbook's cells or its storage). */
  readonly before?: string;
  /**
   * The edition the workbook records: the tests' expectations use edition 2023.10-1's figures,
   * so by default the workbook is a 0.1 workbook built on it (its settings document, no sheet
   * yet); `null` for a new workbook (no record: the latest edition).
   */
  readonly edition?: string | null;
  readonly width?: number;
  readonly height?: number;
}

/** A new browser context (its own storage: a new workbook) with the mocked Excel, on taskpane.html. */
export async function openPane(browser: Browser, server: Served, options: OpenOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 400, height: options.height ?? 900 },
  });
  await routeOffice(context);
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  const edition = options.edition === undefined ? FOUNDING_EDITION : options.edition;
  if (edition !== null) await page.addInitScript({ content: recordEdition(edition) });
  if (options.before) await page.addInitScript({ content: options.before });
  for (const script of mockScripts()) await page.addInitScript(script);
  await page.goto(`${server.url}taskpane.html`);
  await page.locator("#drivers input.num").first().waitFor();
  return page;
}

/** An init script that gives the page's workbook a 0.1 settings document on `edition`, once. */
function recordEdition(edition: string): string {
  const key = JSON.stringify(`settings:${SETTINGS_KEY}`);
  const doc = JSON.stringify(serialize(emptyDocument(edition)));
  return `if (window.top === window && localStorage.getItem(${key}) === null && localStorage.getItem("fakeWorkbook") === null) localStorage.setItem(${key}, ${doc});`;
}
