/**
 * npm run bench: how fast the built bundle answers Excel, in cells per second. A recalculation
 * of a large model calls a function once per cell, and a change to the assumptions makes every
 * live cell recompute; both are measured here on the production bundle.
 */
import { bench, describe } from "vitest";
import { emptyDocument } from "../../src/store/document";
import { SHEET_NAME } from "../../src/store/sheet";
import { newSheet } from "../../src/store/plan";
import { FakeWorkbook } from "../harness/fakeExcel";
import { loadRuntime, streamingStub } from "../harness/runtime";

const CELLS = 10_000;
const wb = new FakeWorkbook();
wb.putSheet(SHEET_NAME, newSheet(emptyDocument()).cells);
/** The PUE cell of the base scenario, where a co-author types a new value. */
const PUE_CELL = `G${wb.grid(SHEET_NAME).findIndex((r) => r[0] === "facility.pue") + 1}`;
const coAuthor = wb.session();
const xl = loadRuntime(undefined, { __GPU_COST_EXCEL__: wb.excel() });

/** Starts `CELLS` live cells of one function and waits for all their first results. */
async function recalc(id: string, args: (i: number) => unknown[]): Promise<ReturnType<typeof streamingStub>[]> {
  const f = xl.fn(id);
  const cells = Array.from({ length: CELLS }, () => streamingStub());
  await Promise.all(
    cells.map((invocation, i) => {
      const first = invocation.next();
      f(...args(i), invocation);
      return first;
    }),
  );
  return cells;
}

describe(`${CELLS} cells`, () => {
  bench(
    "CLUSTERCOST, first results",
    async () => {
      const cells = await recalc("CLUSTERCOST", (i) => [8 + (i % 64), "H100-SXM", "reserved3y", 3, "aws", null]);
      for (const c of cells) c.onCanceled?.();
    },
    { iterations: 10 },
  );

  bench(
    "QUERYCOST, first results",
    async () => {
      const cells = await recalc("QUERYCOST", (i) => [100 + i, 500, 70e9, "H100-SXM", 0.3, "ondemand", "aws", null]);
      for (const c of cells) c.onCanceled?.();
    },
    { iterations: 10 },
  );

  bench(
    "TCO spills, first results",
    async () => {
      const cells = await recalc("TCO", (i) => [8 * (1 + (i % 16)), "H100-SXM", 3, "aws", null]);
      for (const c of cells) c.onCanceled?.();
    },
    { iterations: 5 },
  );

  bench(
    "an assumption edit reaching every live CLUSTERCOST cell",
    async () => {
      const cells = await recalc("CLUSTERCOST", (i) => [8 + (i % 64), "H100-SXM", "buy", 3, "aws", null]);
      const updated = Promise.all(cells.map((c) => c.next()));
      const pue = 1.1 + Math.random() * 0.2;
      coAuthor.type(SHEET_NAME, PUE_CELL, pue);
      await updated;
      for (const c of cells) c.onCanceled?.();
    },
    { iterations: 5 },
  );
});
