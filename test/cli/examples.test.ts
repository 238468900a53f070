/**
 * The example workbooks (scripts/make-example.ts): recalculated by gpu-cost, their figures
 * against hand computations from the engine; stored as Excel stores them; current (a fresh
 * generation gives the committed formulas and values).
 *
 * lease-or-buy.xlsx: Excel's NPV and IRR over the GPU.CASHFLOWS spill, against
 * `cashFlows`/`presentValueOf` (src/pricing) and TCO's present value to buy.
 */
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { Package } from "../../src/cli/xlsx/zip";
import { readWorkbookInfo } from "../../src/cli/xlsx/workbook";
import {
  FOUNDING_EDITION,
  LATEST_EDITION,
  bookFor,
  cashFlows,
  ownedFlows,
  parsePricing,
  presentValueOf,
  rentedFlows,
  tcoTable,
} from "../../src/pricing";
import { SHEET_NAME, readSheet } from "../../src/store/sheet";
import { FOUNDING_FILE, LEASE, LEASE_FILE, writeExamples } from "../../scripts/make-example";
import { COMPUTED_BY_0_1 } from "../fixtures/founding";
import { gpuCost, readCellsOf, tmp } from "./helpers";

const dir = tmp();

/** Recalculates a copy of a committed example; its values by address ("Sheet!B16"). */
async function recalculated(file: string): Promise<{ values: Record<string, unknown>; stdout: string }> {
  const copy = path.join(dir, path.basename(file));
  copyFileSync(file, copy);
  const r = await gpuCost(dir, "recalc", copy, "--json");
  expect(r.code, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout) as { values: Record<string, unknown>; changed: unknown[] };
  expect(json.changed, "the committed example is recalculated (npm run example)").toEqual([]);
  return { values: json.values, stdout: r.stdout };
}

/** Excel's IRR, by bisection on the NPV (one sign change: the purchase, then savings). */
function irr(flows: readonly number[]): number {
  const npv = (r: number) => flows.reduce((s, f, i) => s + f / Math.pow(1 + r, i), 0);
  let lo = -0.99;
  let hi = 10;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (npv(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe("examples/lease-or-buy.xlsx", () => {
  const sheet = "'Lease or buy'";
  let v: (address: string) => number;
  let spill: unknown;
  beforeAll(async () => {
    const { values } = await recalculated(LEASE_FILE);
    v = (address) => {
      const x = values[`${sheet}!${address}`];
      return (Array.isArray(x) ? x[0][0] : x) as number;
    };
    spill = values[`${sheet}!${LEASE.cashflows}`];
  });

  const { gpus, gpu, pricing, years, provider } = LEASE.inputs;
  const book = bookFor(new Map(), LATEST_EDITION);
  const accelerator = book.accelerator(gpu);
  const rate = book.finance.costOfCapital;
  const owned = ownedFlows(book, accelerator, gpus, years, "year");
  const rented = rentedFlows(book, accelerator, gpus, years, provider, parsePricing(pricing), "year", "CASHFLOWS");

  it("spills GPU.CASHFLOWS as the engine schedules it", () => {
    const rows = cashFlows(book, accelerator, gpus, years, provider, parsePricing(pricing), "year");
    expect(rows).toHaveLength(years + 1);
    const m = spill as unknown[][];
    expect(m[0]).toEqual(["Period", "Buy (USD)", "Rent (USD)", "Cumulative buy (USD)", "Cumulative rent (USD)"]);
    rows.forEach((r, i) => {
      expect(m[i + 1]![0]).toBe(r.period);
      expect(m[i + 1]![1]).toBeCloseTo(r.buy as number, 4);
      expect(m[i + 1]![2]).toBeCloseTo(r.rent as number, 4);
    });
  });

  it("Excel's NPV over the spill gives the engine's present values, and TCO's", () => {
    expect(rate).toBe(0.11); // finance.cost_of_capital of edition 2026.11-1, shown in B11
    expect(v(LEASE.costOfCapital)).toBe(rate);
    const presentBuy = presentValueOf(owned, rate);
    const presentRent = presentValueOf(rented, rate);
    expect(Math.abs(v(LEASE.npvBuy) / presentBuy - 1)).toBeLessThan(1e-12);
    expect(Math.abs(v(LEASE.npvRent) / presentRent - 1)).toBeLessThan(1e-12);
    expect(v(LEASE.saving)).toBeCloseTo(presentRent - presentBuy, 2);
    const tco = tcoTable(book, accelerator, gpus, years, provider);
    const tcoBuy = tco.find((r) => r.label === "Present value to buy (USD)")!.value as number;
    const tcoRent = tco.find((r) => r.label === `Present value to rent ${pricing} (USD)`)!.value as number;
    expect(Math.abs(v(LEASE.tcoPresentBuy) / tcoBuy - 1)).toBeLessThan(1e-12);
    expect(Math.abs(v(LEASE.npvBuy) / tcoBuy - 1)).toBeLessThan(1e-12);
    expect(Math.abs(v(LEASE.tcoPresentRent) / tcoRent - 1)).toBeLessThan(1e-12);
    expect(v(LEASE.check)).toBeCloseTo(1, 12);
    // The figures themselves, for the README: $65.5M to buy, $82.1M to rent reserved3y, in today's money.
    expect(presentBuy / 1e6).toBeCloseTo(65.51, 2);
    expect(presentRent / 1e6).toBeCloseTo(82.11, 2);
  });

  it("Excel's IRR of renting minus buying is the rate at which the two present values are equal", () => {
    const diff = rented.map((f, i) => f.amount - owned[i]!.amount);
    const expected = irr(diff);
    expect(v(LEASE.irr)).toBeCloseTo(expected, 9);
    expect(presentValueOf(owned, expected)).toBeCloseTo(presentValueOf(rented, expected), -1);
    expect(v(LEASE.irr)).toBeGreaterThan(rate); // buying beats renting at the cost of capital
    expect(v(LEASE.irr)).toBeCloseTo(0.2336, 4);
  });

  it("break-even is GPU.BREAKEVEN's, and grows with the cost of capital", async () => {
    const r = await gpuCost(dir, "eval", `=GPU.BREAKEVEN("${gpu}","${pricing}","${provider}")`);
    expect(v(LEASE.breakeven)).toBeCloseTo(Number(r.stdout), 9);
    const free = await gpuCost(
      dir,
      "eval",
      `=GPU.BREAKEVEN("${gpu}","${pricing}","${provider}",{"finance.cost_of_capital",0})`,
    );
    expect(Number(free.stdout)).toBeLessThan(v(LEASE.breakeven));
  });
});

describe("lease-or-buy.xlsx, edited by gpu-cost assumptions set", () => {
  it("at a cost of capital of 0, NPV to buy is the buy column's sum and Excel's IRR is unchanged", async () => {
    const copy = path.join(dir, "lease-free.xlsx");
    copyFileSync(LEASE_FILE, copy);
    const set = await gpuCost(dir, "assumptions", "set", copy, "finance.cost_of_capital=0", "-o", copy);
    expect(set.code, set.stderr).toBe(0);
    const r = await gpuCost(dir, "recalc", copy, "--json");
    const values = JSON.parse(r.stdout).values as Record<string, unknown>;
    const at = (a: string) => values[`'Lease or buy'!${a}`] as number;
    const spill = values[`'Lease or buy'!${LEASE.cashflows}`] as number[][];
    const buySum = spill.slice(1).reduce((s, row) => s + row[1]!, 0);
    expect(at(LEASE.costOfCapital)).toBe(0);
    expect(at(LEASE.npvBuy)).toBeCloseTo(buySum, 4);
    expect(at(LEASE.npvBuy)).toBeCloseTo(at(LEASE.tcoPresentBuy), 4);
    const before = await recalculated(LEASE_FILE);
    expect(at(LEASE.irr)).toBeCloseTo(before.values[`'Lease or buy'!${LEASE.irr}`] as number, 12);
    expect(at(LEASE.breakeven)).toBeLessThan(before.values[`'Lease or buy'!${LEASE.breakeven}`] as number);
  });
});

describe("examples/founding-analysis.xlsx", () => {
  it("reproduces what 0.1 computed for F1-F9, to the cent, from the edition its sheet records", async () => {
    const { values, stdout } = await recalculated(FOUNDING_FILE);
    expect(stdout).toMatch(/edition 2023\.10-1/);
    const v = (a: string) => values[`'Founding analysis'!${a}`] as number;
    expect(v("B16")).toBeCloseTo(COMPUTED_BY_0_1.F1_capex_node, 2);
    expect(v("B17")).toBeCloseTo(COMPUTED_BY_0_1.F2_ondemand_3y, 2);
    expect(v("B18")).toBeCloseTo(COMPUTED_BY_0_1.F3_reserved3y_3y, 2);
    expect(v("B19")).toBe(COMPUTED_BY_0_1.F4_gpus_20EF_fp16);
    expect(v("B23")).toBeCloseTo(COMPUTED_BY_0_1.F5_ratio, 12);
    expect(v("B24")).toBeCloseTo(COMPUTED_BY_0_1.F6_buy_node, 2);
    expect([v("B26"), v("B27"), v("B28")]).toEqual([...COMPUTED_BY_0_1.F7]);
    expect(v("B29")).toBeCloseTo(COMPUTED_BY_0_1.F8_query, 12);
    expect(v("B31")).toBeCloseTo(COMPUTED_BY_0_1.F8_fleet_capex, 0);
    expect(v("B32")).toBeCloseTo(COMPUTED_BY_0_1.F8_fleet_yearly, 0);
    expect(v("B33")).toBeCloseTo(COMPUTED_BY_0_1.F9_ratio, 12);
  });
});

describe("both examples, as Excel stores them", () => {
  it.each([
    [FOUNDING_FILE, FOUNDING_EDITION],
    [LEASE_FILE, LATEST_EDITION],
  ])(
    "%s: _xldudf_ functions, dynamic arrays marked, a hidden GPU Assumptions sheet recording %s",
    async (file, edition) => {
      const pkg = await Package.open(readFileSync(file), file);
      const info = await readWorkbookInfo(pkg);
      const cells = await readCellsOf(readFileSync(file));
      const formulas = [...cells.values()].filter((c) => c.formula?.text).map((c) => c.formula!.text!);
      expect(formulas.some((f) => f.includes("_xldudf_GPU_"))).toBe(true);
      expect(formulas.filter((f) => /(^|[^_])GPU\./.test(f))).toEqual([]); // never the typed form
      const spills = [...cells.values()].filter((c) => c.formula?.type === "array");
      for (const c of spills)
        expect(c.cm !== undefined && info.dynamicArrayCm.has(c.cm), `${c.row},${c.col}`).toBe(true);
      if (file === LEASE_FILE) expect(spills.length).toBeGreaterThanOrEqual(6);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.getWorksheet(SHEET_NAME)?.state).toBe("hidden");
      const grid: unknown[][] = [];
      wb.getWorksheet(SHEET_NAME)!.eachRow((row, r) => {
        grid[r - 1] = [];
        row.eachCell((cell, c) => (grid[r - 1]![c - 1] = cell.value));
      });
      const read = readSheet(Array.from(grid, (r) => Array.from(r ?? [], (x) => x ?? "")));
      expect(read).toMatchObject({ status: "ok", problems: [] });
      expect(read.doc.bookVersion).toBe(edition);
    },
  );

  it("are current: a fresh generation gives the committed formulas and values", async () => {
    const fresh = path.join(dir, "fresh");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(fresh, { recursive: true });
    const files = await writeExamples(fresh);
    for (const [committed, regenerated] of [
      [FOUNDING_FILE, files[0]!],
      [LEASE_FILE, files[1]!],
    ] as const) {
      const a = await readCellsOf(readFileSync(committed));
      const b = await readCellsOf(readFileSync(regenerated));
      const shown = (m: typeof a) =>
        [...m].map(([k, c]) => [k, c.formula?.text ?? null, c.formula?.ref ?? null, JSON.stringify(c.value)]);
      expect(shown(b), `${committed} is stale: npm run example`).toEqual(shown(a));
    }
  });
});
