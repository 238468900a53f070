/** Finance-grade ownership against hand calculations: cash flows, discounting, residual, goodput, energy, carbon. */
import { describe, expect, it } from "vitest";
import {
  FOUNDING_EDITION,
  amortizedGpuHourUsd,
  bookFor,
  breakevenMonths,
  cashFlows,
  clusterCost,
  discountedBreakevenMonths,
  gpuHourUsd,
  ownershipCost,
  parsePeriod,
  parsePricing,
  periodLengths,
  presentValue,
  resaleShare,
  tcoTable,
  trainCo2Tonnes,
  trainEnergyMwh,
  trainGpuHours,
} from "../../src/pricing";

const founding = bookFor(new Map(), FOUNDING_EDITION);
const h100 = founding.accelerator("H100-SXM");
const reserved = parsePricing("reserved3y");
const NODE_CAPEX = 248_956 / (1 - 0.19);
/** Energy + facility + operations of one H100 node a year (2023.10-1). */
const OPERATING = 10.2 * 0.75 * 1.25 * 8760 * 0.0806 + 10.2 * 175 * 12 + 0.06 * NODE_CAPEX;

/** The founding book with finance overrides. */
const withFinance = (costOfCapital: number, residual = 0) =>
  bookFor(
    new Map([
      ["finance.cost_of_capital", costOfCapital],
      ["finance.residual_value", residual],
    ]),
    FOUNDING_EDITION,
  );

describe("cash flows", () => {
  it("periods: whole ones, the last cut short", () => {
    expect(periodLengths(3, "year")).toEqual([1, 1, 1]);
    expect(periodLengths(1.1, "year").map((x) => +x.toFixed(12))).toEqual([1, 0.1]);
    expect(periodLengths(1, "quarter")).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(periodLengths(3, "month")).toHaveLength(36);
    expect(parsePeriod(" Quarter ")).toBe("quarter");
    expect(() => parsePeriod("week")).toThrow(/year.*quarter.*month/);
  });

  it("buy: the purchase at 0, operating costs each period; rent each period; sums are TCO's totals", () => {
    const rows = cashFlows(founding, h100, 8, 3, "aws", reserved, "year");
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({ period: 0, buy: NODE_CAPEX, rent: 0 });
    for (const r of rows.slice(1)) {
      expect(r.buy as number).toBeCloseTo(OPERATING, 6);
      expect(r.rent as number).toBeCloseTo(43.16 * 8760, 6);
    }
    const buy = rows.reduce((s, r) => s + (r.buy as number), 0);
    expect(buy).toBeCloseTo(ownershipCost(founding, h100, 8, 3).total, 6);
    expect(rows.reduce((s, r) => s + (r.rent as number), 0)).toBeCloseTo(1_134_244.8, 4);
  });

  it("monthly periods sum to the same totals", () => {
    const rows = cashFlows(founding, h100, 8, 3, "aws", reserved, "month");
    expect(rows).toHaveLength(37);
    expect(rows.reduce((s, r) => s + (r.buy as number), 0)).toBeCloseTo(ownershipCost(founding, h100, 8, 3).total, 4);
  });

  it("resale: the residual value at the end of the life, a constant decline before and after", () => {
    const book = bookFor(
      new Map([
        ["finance.residual_value", 0.2],
        ["facility.depreciation_years", 5],
      ]),
      FOUNDING_EDITION,
    );
    expect(resaleShare(book, 5)).toBeCloseTo(0.2, 12);
    expect(resaleShare(book, 3)).toBeCloseTo(0.2 ** 0.6, 12);
    expect(resaleShare(book, 10)).toBeCloseTo(0.04, 12);
    expect(resaleShare(founding, 3)).toBe(0);
    const rows = cashFlows(book, book.accelerator("H100-SXM"), 8, 3, "aws", reserved, "year");
    expect(rows[3]!.buy as number).toBeCloseTo(OPERATING - 0.2 ** 0.6 * NODE_CAPEX, 6);
  });

  it("the last period credits the residual value", () => {
    const book = withFinance(0, 0.2);
    const rows = cashFlows(book, book.accelerator("H100-SXM"), 8, 3, "aws", reserved, "year");
    expect(rows[3]!.buy as number).toBeCloseTo(OPERATING - 0.2 * NODE_CAPEX, 6);
    expect(rows[2]!.buy as number).toBeCloseTo(OPERATING, 6);
  });

  it("a chip not for sale shows why in the buy column; renting is still priced", () => {
    const rows = cashFlows(founding, founding.accelerator("TPU-V5E"), 8, 1, "gcp", parsePricing("ondemand"), "year");
    expect(rows[0]!.buy).toBeInstanceOf(Error);
    expect(rows[1]!.rent as number).toBeCloseTo(8 * 1.2 * 8760, 6);
  });

  it("owned modes are not a rent to compare with", () => {
    expect(() => cashFlows(founding, h100, 8, 3, "aws", parsePricing("buy"), "year")).toThrow(/ondemand/);
  });
});

describe("present values", () => {
  it("discount each flow by (1 + r)^t", () => {
    expect(presentValue(110, 1, 0.1)).toBeCloseTo(100, 12);
    expect(presentValue(121, 2, 0.1)).toBeCloseTo(100, 12);
    expect(presentValue(5, 3, 0)).toBe(5);
  });

  it("TCO's present values equal its totals at a zero cost of capital (2023.10-1)", () => {
    const rows = new Map(tcoTable(founding, h100, 8, 3, "aws").map((r) => [r.label, r.value as number]));
    expect(rows.get("Present value to buy (USD)")).toBeCloseTo(rows.get("Total to buy (USD)")!, 4);
    expect(rows.get("Present value to rent reserved3y (USD)")).toBeCloseTo(rows.get("Rent reserved3y (USD)")!, 4);
  });

  it("TCO's present value to buy is the buy column discounted period by period", () => {
    const book = withFinance(0.1, 0.15);
    const gpu = book.accelerator("H100-SXM");
    const rows = cashFlows(book, gpu, 8, 3, "aws", reserved, "year");
    const byHand = rows.reduce((s, r, i) => s + (r.buy as number) / 1.1 ** i, 0);
    const tco = new Map(tcoTable(book, gpu, 8, 3, "aws").map((r) => [r.label, r.value as number]));
    expect(tco.get("Present value to buy (USD)")).toBeCloseTo(byHand, 6);
    const rentByHand = rows.reduce((s, r, i) => s + (r.rent as number) / 1.1 ** i, 0);
    expect(tco.get("Present value to rent reserved3y (USD)")).toBeCloseTo(rentByHand, 6);
    // Undiscounted rows are untouched.
    expect(tco.get("Total to buy (USD)")).toBeCloseTo(ownershipCost(book, gpu, 8, 3).total, 6);
  });
});

describe("break-even", () => {
  it("with no cost of capital: capex / (rent - operating), per GPU-month", () => {
    const capex = NODE_CAPEX / 8;
    const operating = OPERATING / 8 / 12;
    expect(breakevenMonths(founding, h100, reserved, "aws")).toBeCloseTo(capex / ((43.16 * 730) / 8 - operating), 9);
  });

  it("grows with the cost of capital, and matches the annuity formula", () => {
    let previous = 0;
    for (const r of [0, 0.05, 0.1, 0.2]) {
      const book = withFinance(r);
      const months = breakevenMonths(book, book.accelerator("H100-SXM"), reserved, "aws");
      expect(months).toBeGreaterThan(previous);
      previous = months;
    }
    // 10%: the purchase equals the discounted monthly margin over M months.
    const i = 1.1 ** (1 / 12) - 1;
    const M = discountedBreakevenMonths(1000, 10, 110, 0.1);
    expect(100 * ((1 - (1 + i) ** -M) / i)).toBeCloseTo(1000, 6);
  });

  it("never repays: #N/A", () => {
    expect(() => discountedBreakevenMonths(1000, 10, 10, 0)).toThrow(/never/);
    expect(() => discountedBreakevenMonths(1e9, 10, 11, 0.1)).toThrow(/never/);
  });
});

describe("the owned GPU-hour", () => {
  it("buy and capex are levelized: unchanged at a zero cost of capital and residual", () => {
    expect(gpuHourUsd(founding, h100, parsePricing("capex"), "aws")).toBeCloseTo(NODE_CAPEX / (8 * 26_280), 9);
    expect(gpuHourUsd(founding, h100, parsePricing("buy"), "aws")).toBeCloseTo(
      (NODE_CAPEX + 3 * OPERATING) / (8 * 26_280),
      9,
    );
  });

  it("at a cost of capital: PV(costs) / PV(hours), residual credited", () => {
    const book = withFinance(0.08, 0.1);
    const gpu = book.accelerator("H100-SXM");
    const pvHours = [1, 2, 3].reduce((s, t) => s + 8760 / 1.08 ** t, 0);
    const pvCosts =
      NODE_CAPEX - (0.1 * NODE_CAPEX) / 1.08 ** 3 + [1, 2, 3].reduce((s, t) => s + OPERATING / 1.08 ** t, 0);
    expect(gpuHourUsd(book, gpu, parsePricing("buy"), "aws")).toBeCloseTo(pvCosts / (8 * pvHours), 9);
    expect(gpuHourUsd(book, gpu, parsePricing("buy"), "aws")).toBeGreaterThan(
      gpuHourUsd(founding, h100, parsePricing("buy"), "aws"),
    );
  });

  it("amortized: value lost at -ln(1 - decline) a year, plus energy (Epoch AI's method)", () => {
    const rate = -Math.log(1 - 0.276);
    const energy = 1.275 * 0.75 * 1.25 * 0.0806;
    expect(amortizedGpuHourUsd(founding, h100)).toBeCloseTo(((NODE_CAPEX / 8) * rate) / 8760 + energy, 9);
    expect(amortizedGpuHourUsd(founding, h100)).toBeCloseTo(1.513, 3);
    expect(
      clusterCost(founding, { gpus: 8, gpu: h100, pricing: parsePricing("amortized"), years: 1, provider: "aws" }),
    ).toBeCloseTo(8 * amortizedGpuHourUsd(founding, h100) * 8760, 6);
  });
});

describe("training with goodput, energy and carbon", () => {
  const run = (goodput: number) => ({
    params: 405e9,
    tokens: 15.6e12,
    gpu: h100,
    mfu: 0.4,
    goodput,
    precision: "bf16" as const,
  });

  it("GPU-hours divide by goodput: Llama 3.1 405B's 30.84M H100-hours within 10%", () => {
    const hours = trainGpuHours(run(0.9));
    expect(hours).toBeCloseTo((6 * 405e9 * 15.6e12) / (989.4e12 * 0.4) / 3600 / 0.9, 0);
    expect(Math.abs(hours / 30.84e6 - 1)).toBeLessThan(0.1);
  });

  it("energy at the meter and emissions", () => {
    const t = { params: 70e9, tokens: 1.4e12, gpu: h100, mfu: 0.375, goodput: 1, precision: "bf16" as const };
    const hours = 5.88e23 / (989.4e12 * 0.375) / 3600;
    expect(trainEnergyMwh(founding, t)).toBeCloseTo((hours * 1275 * 0.75 * 1.25) / 1e6, 6);
    expect(trainEnergyMwh(founding, t)).toBeCloseTo(526, 0);
    expect(trainCo2Tonnes(founding, t)).toBeCloseTo(trainEnergyMwh(founding, t) * 0.39, 6);
  });
});
