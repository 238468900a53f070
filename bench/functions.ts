/**
 * The functions as Excel runs them, in this process's main context: the production bundle
 * (dist/functions.js) loaded as a script with Excel's `CustomFunctions` global, over a fake
 * workbook holding the assumptions sheet. Excel calls a custom function once per cell, so the
 * figures are per cell, against baselines measured in the same run:
 *
 * - a GPU.CLUSTERCOST cell against a cell of inline arithmetic (a custom function computing
 *   gpus x rate x hours with literal prices, called the same way): what validation, the price
 *   book and streaming cost (budget: within 3x, issue 15);
 * - a cell with its own override range against a plain cell (budget: within 3x, issue 15), each
 *   cell a different range (the worst case: a patched book per cell), and for reference cells
 *   sharing one range (one patched book, cached);
 * - an assumption edit reaching every open cell against those cells' first results (budget:
 *   within 1.5x: an edit must cost no more than opening the workbook), at 100,000 cells;
 * - the bundle's size (budget: 60 KB minified, issue 15).
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { loadEditions } from "../src/pricing";
import { emptyDocument } from "../src/store/document";
import { newSheet } from "../src/store/plan";
import { SHEET_NAME } from "../src/store/sheet";
import { FakeWorkbook } from "../test/harness/fakeExcel";
import { compareMs, timeMs, type BenchOptions, type Measurement } from "./types";

const DIST = path.resolve(__dirname, "../dist");

type Fn = (...args: unknown[]) => void;
interface Invocation {
  setResult(value: unknown): void;
  onCanceled?: () => void;
}

const runScript = (file: string) => new Function(readFileSync(file, "utf8"))() as void;

/** Loads the bundle once, in this context, over a fake workbook; returns its functions. */
export async function loadBundle(): Promise<{ fn: (id: string) => Fn; wb: FakeWorkbook }> {
  await loadEditions();
  const wb = new FakeWorkbook();
  wb.putSheet(SHEET_NAME, newSheet(emptyDocument()).cells);
  const registered = new Map<string, Fn>();
  class ExcelError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  const g = globalThis as Record<string, unknown>;
  g.CustomFunctions = {
    associate: (id: string, f: Fn) => registered.set(id.toUpperCase(), f),
    Error: ExcelError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
  };
  g.__GPU_COST_EXCEL__ = wb.excel();
  // The bundle loads price-book editions as chunks with importScripts, a worker's loader.
  g.self = globalThis;
  g.importScripts = (...urls: string[]) => {
    for (const url of urls) runScript(path.join(DIST, url));
  };
  // A script, as Excel's runtime runs it: in this context, not a vm's.
  runScript(path.join(DIST, "functions.js"));
  return { fn: (id) => registered.get(id)!, wb };
}

/** Starts `count` cells of `f` (arguments per cell) and resolves when every cell has its first result. */
export async function openCells(f: Fn, count: number, args: (i: number) => unknown[]): Promise<Invocation[]> {
  const cells: Invocation[] = [];
  let pending = count;
  let done!: () => void;
  const all = new Promise<void>((r) => (done = r));
  for (let i = 0; i < count; i++) {
    let first = true;
    const invocation: Invocation = {
      setResult: () => {
        if (first && --pending === 0) done();
        first = false;
      },
    };
    cells.push(invocation);
    f(...args(i), invocation);
  }
  await all;
  return cells;
}

const close = (cells: Invocation[]) => cells.forEach((c) => c.onCanceled?.());

/** Inline arithmetic, called as Excel calls a streaming function: the baseline of a cell. */
const inline: Fn = (gpus, _gpu, _pricing, years, _provider, _scenario, invocation) =>
  (invocation as Invocation).setResult([[(Math.ceil((gpus as number) / 8) * 55.04 * 8760 * (years as number)) / 1]]);

export async function run({ smoke }: BenchOptions): Promise<Measurement[]> {
  const { fn, wb } = await loadBundle();
  const cells = smoke ? 200 : 100_000;
  const perCellRuns = smoke ? 1 : 7;
  const args = (i: number) => [8 + (i % 64), "H100-SXM", "reserved3y", 3, "aws", null];
  const cluster = fn("CLUSTERCOST");

  const [cellMs = 0, inlineMs = 0] = await compareMs(
    [async () => close(await openCells(cluster, cells, args)), async () => close(await openCells(inline, cells, args))],
    perCellRuns,
  );

  // A cell with its own override range: each cell a different range (a worst case: no two share a book).
  const ranged = smoke ? 100 : 10_000;
  const withRange = (i: number) => [...args(i).slice(0, 5), [["aws.p5.48xlarge.reserved3y", 20 + i / 1000]]];
  // And the usual case: many cells passing the same range (one patched book, cached).
  const sharedRange = (i: number) => [...args(i).slice(0, 5), [["aws.p5.48xlarge.reserved3y", 20]]];
  const [rangeMs = 0, plainMs = 0, sharedMs = 0] = await compareMs(
    [
      async () => close(await openCells(cluster, ranged, withRange)),
      async () => close(await openCells(cluster, ranged, args)),
      async () => close(await openCells(cluster, ranged, sharedRange)),
    ],
    perCellRuns,
  );

  // An edit reaching every open cell: a co-author types a new PUE; every cell recomputes.
  const open = await openCells(fn("CLUSTERCOST"), cells, (i) => [8 + (i % 64), "H100-SXM", "buy", 3, "aws", null]);
  let reached = 0;
  let allReached!: () => void;
  for (const c of open) {
    const first = c.setResult;
    c.setResult = (v) => {
      first(v);
      if (++reached === cells) allReached();
    };
  }
  const pueRow = wb.grid(SHEET_NAME).findIndex((r) => r[0] === "facility.pue") + 1;
  const start = performance.now();
  const everyCell = new Promise<void>((r) => (allReached = r));
  wb.session().type(SHEET_NAME, `G${pueRow}`, "1.3");
  await everyCell;
  const editMs = performance.now() - start;
  close(open);
  const firstMs = await timeMs(
    async () =>
      close(await openCells(fn("CLUSTERCOST"), cells, (i) => [8 + (i % 64), "H100-SXM", "buy", 3, "aws", null])),
    1,
  );

  const kb = (f: string) => statSync(path.join(DIST, f)).size / 1024;
  const n = cells.toLocaleString("en-US");
  return [
    {
      name: `${n} GPU.CLUSTERCOST cells, first results`,
      value: cellMs,
      unit: "ms",
      baseline: { name: "inline arithmetic cells", value: inlineMs },
      budget: { ratio: 3, issue: 15 },
    },
    {
      name: `${ranged.toLocaleString("en-US")} cells each with its own override range`,
      value: rangeMs,
      unit: "ms",
      baseline: { name: "plain cells", value: plainMs },
      budget: { ratio: 3, issue: 15 },
    },
    {
      name: `${ranged.toLocaleString("en-US")} cells sharing one override range`,
      value: sharedMs,
      unit: "ms",
      baseline: { name: "plain cells", value: plainMs },
    },
    {
      name: `an assumption edit reaching ${n} open cells`,
      value: editMs,
      unit: "ms",
      baseline: { name: "their first results", value: firstMs },
      budget: { ratio: 1.5, issue: 15 },
    },
    { name: "dist/functions.js", value: kb("functions.js"), unit: "KB", budget: { max: 60, issue: 15 } },
  ];
}
