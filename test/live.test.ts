/**
 * The built bundle with a workbook behind it: functions wait for the workbook's assumptions,
 * stream new values when they change (locally or from a co-author), and honour the scenario
 * argument. The workbook is test/harness/fakeExcel.ts, given to the bundle as its Excel.
 */
import { describe, expect, it } from "vitest";
import { FOUNDING_EDITION } from "../src/pricing";
import { SETTINGS_KEY, emptyDocument, serialize, type AssumptionsDocument } from "../src/store/document";
import { SHEET_NAME } from "../src/store/sheet";
import { newSheet } from "../src/store/plan";
import { FakeWorkbook } from "./harness/fakeExcel";
import { loadRuntime, streamingStub, type Runtime } from "./harness/runtime";

const T0 = "2026-11-25T10:00:00.000Z";
// Built on edition 2023.10-1, whose figures the expectations below use.
const docWith = (scenarios: Record<string, Record<string, number>>, active = "base"): AssumptionsDocument => ({
  ...emptyDocument(FOUNDING_EDITION),
  activeScenario: active,
  scenarios: Object.fromEntries(
    Object.entries(scenarios).map(([name, o]) => [
      name,
      Object.fromEntries(Object.entries(o).map(([k, value]) => [k, { value, changedAt: T0 }])),
    ]),
  ),
});

/** A workbook whose assumptions sheet holds `doc` (none when undefined), and the bundle on it. */
function withWorkbook(doc?: AssumptionsDocument): { xl: Runtime; wb: FakeWorkbook } {
  const wb = new FakeWorkbook();
  if (doc) wb.putSheet(SHEET_NAME, newSheet(doc).cells);
  return { xl: loadRuntime(undefined, { __GPU_COST_EXCEL__: wb.excel() }), wb };
}

/** The cell ("G12") of a key in the base column of the workbook's sheet. */
function cellOf(wb: FakeWorkbook, key: string): string {
  const row = wb.grid(SHEET_NAME).findIndex((r) => r[0] === key);
  return `G${row + 1}`;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a scalar function's streamed result shows: the number in its 1 x 1 grid. */
function valueOf(result: unknown): number {
  expect(result).toEqual([[expect.any(Number)]]);
  return (result as number[][])[0]![0]!;
}

describe("every function", () => {
  it("streams when it reads the price book, and takes a last optional scenario range", () => {
    const { xl } = withWorkbook();
    for (const m of xl.metadata) {
      // TRAINFLOPS and SCALEGAIN read no price book: plain functions (nothing to stream).
      expect(m.options?.stream ?? false, m.id).toBe(!["TRAINFLOPS", "SCALEGAIN"].includes(m.id));
      const last = m.parameters[m.parameters.length - 1]!;
      expect([last.name, last.optional, last.dimensionality], m.id).toEqual(["scenario", true, "matrix"]);
    }
  });
});

describe("workbook assumptions", () => {
  it("functions wait for the first load and never show the defaults' numbers first", async () => {
    const { xl, wb } = withWorkbook(docWith({ base: { "aws.p5.48xlarge.ondemand": 50 } }));
    wb.syncDelayMs = 30;
    const invocation = streamingStub();
    const first = invocation.next();
    xl.fn("CLUSTERCOST")(8, null, null, 1, null, null, invocation);
    expect(valueOf(await first)).toBeCloseTo(50 * 8760, 6);
    expect(invocation.results).toHaveLength(1);
  });

  it("a first read that fails is retried until it succeeds; cells wait instead of showing the defaults", async () => {
    const wb = new FakeWorkbook();
    wb.putSheet(SHEET_NAME, newSheet(docWith({ base: { "aws.p5.48xlarge.ondemand": 50 } })).cells);
    wb.failEverySync = new Error("GeneralException: the workbook is busy");
    const xl = loadRuntime(undefined, { __GPU_COST_EXCEL__: wb.excel() });
    const invocation = streamingStub();
    const first = invocation.next();
    xl.fn("CLUSTERCOST")(8, null, null, 1, null, null, invocation);
    await wait(1200); // the store retries after 0.5 s, then 1 s
    expect(invocation.results).toEqual([]);
    expect(wb.writes).toBe(0);
    wb.failEverySync = undefined;
    expect(valueOf(await first)).toBeCloseTo(50 * 8760, 6);
    invocation.onCanceled!();
  });

  it("a co-author's change to the sheet streams the new value into open cells", async () => {
    const { xl, wb } = withWorkbook(docWith({ base: {} }));
    const invocation = streamingStub();
    const first = invocation.next();
    xl.fn("HOURLY")("H100-SXM", "ondemand", "aws", null, null, invocation);
    expect(valueOf(await first)).toBeCloseTo(12.29, 9);
    const second = invocation.next();
    wb.session().type(SHEET_NAME, cellOf(wb, "aws.p5.48xlarge.ondemand"), "80");
    expect(valueOf(await second)).toBeCloseTo(10, 9);
    invocation.onCanceled!();
  });

  it("a cell whose update fails stops no other open cell; a closed cell is never updated", async () => {
    const { xl, wb } = withWorkbook(docWith({ base: {} }));
    const [failing, closed, other] = [streamingStub(), streamingStub(), streamingStub()];
    const firsts = [failing, closed, other].map((s) => s.next());
    for (const s of [failing, closed, other]) xl.fn("HOURLY")("H100-SXM", "ondemand", "aws", null, null, s);
    await Promise.all(firsts);
    failing.setResult = () => {
      throw new Error("the cell is gone");
    };
    closed.onCanceled!();
    const original = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const second = other.next();
      wb.session().type(SHEET_NAME, cellOf(wb, "aws.p5.48xlarge.ondemand"), "80");
      expect(valueOf(await second)).toBeCloseTo(10, 9);
    } finally {
      console.error = original;
    }
    expect(logged).toHaveLength(1);
    expect(closed.results).toHaveLength(1);
    other.onCanceled!();
    failing.onCanceled!();
  });

  it("a failed re-read notifies no cell; the next good read brings the change, once", async () => {
    const { xl, wb } = withWorkbook(docWith({ base: {} }));
    const invocation = streamingStub();
    const first = invocation.next();
    xl.fn("HOURLY")("H100-SXM", "ondemand", "aws", null, null, invocation);
    await first;
    wb.failEverySync = new Error("GeneralException: offline");
    wb.session().type(SHEET_NAME, cellOf(wb, "aws.p5.48xlarge.ondemand"), "80");
    await wait(100);
    expect(invocation.results).toHaveLength(1);
    const next = invocation.next();
    wb.failEverySync = undefined;
    expect(valueOf(await next)).toBeCloseTo(10, 9);
    await wait(100);
    expect(invocation.results).toHaveLength(2);
    invocation.onCanceled!();
  });

  it("a 0.1 workbook (settings document, no sheet) computes with its document", async () => {
    const wb = new FakeWorkbook();
    wb.setSetting(SETTINGS_KEY, serialize(docWith({ base: { "facility.pue": 1.1 } })));
    const xl = loadRuntime(undefined, { __GPU_COST_EXCEL__: wb.excel() });
    expect(await xl.value("PRICE", "facility.pue")).toBe(1.1);
    expect(wb.writes).toBe(0);
  });

  it("the active scenario is the default; a name picks another; unknown names list the scenarios", async () => {
    const { xl } = withWorkbook(docWith({ base: {}, bull: { "facility.pue": 1.1 } }, "bull"));
    expect(await xl.value("PRICE", "facility.pue")).toBe(1.1);
    expect(await xl.value("PRICE", "facility.pue", [["base"]])).toBe(1.25);
    expect(await xl.value("PRICE", "facility.pue", [["BULL"]])).toBe(1.1);
    const outcome = await xl.call("PRICE", "facility.pue", [["bear"]]);
    expect(outcome).toMatchObject({ error: { code: "#N/A" } });
    expect((outcome as { error: Error }).error.message).toMatch(/bull.*base|base.*bull/);
  });

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])(
    '=GPU.CLUSTERCOST(8,,"buy",,,"%s") is #N/A (an unknown scenario), not the active scenario\'s number',
    async (name) => {
      const { xl } = withWorkbook(docWith({ base: {} }));
      const outcome = await xl.call("CLUSTERCOST", 8, null, "buy", null, null, name);
      expect(outcome).toMatchObject({ error: { code: "#N/A" } });
      expect((outcome as { error: Error }).error.message).toMatch(/Unknown scenario .* This workbook has "base"/);
    },
  );

  it("a two-column range overrides keys on top of the active scenario", async () => {
    const { xl } = withWorkbook(docWith({ base: { "facility.pue": 1.1 } }));
    const range = [
      ["aws.p5.48xlarge.ondemand", 49.16],
      [null, null],
    ];
    expect(await xl.value("CLUSTERCOST", 8, "H100-SXM", "ondemand", 1, "aws", range)).toBeCloseTo(49.16 * 8760, 6);
    expect(await xl.value("PRICE", "facility.pue", range)).toBe(1.1);
  });

  it.each([
    [[["facility.pue", "high"]], "#VALUE!"],
    [[["facility.pue", 1.1, 3]], "#VALUE!"],
    [[["facility.peu", 1.1]], "#N/A"],
    [[["facility.pue", 0.2]], "#VALUE!"],
  ])("a bad scenario range %j gives %s", async (range, code) => {
    const { xl } = withWorkbook();
    expect(await xl.call("PRICE", "facility.pue", range)).toMatchObject({ error: { code } });
  });
});
