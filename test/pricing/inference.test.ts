/** Inference, training, rates and custom silicon against hand calculations. */
import { describe, expect, it } from "vitest";
import {
  bookFor,
  breakevenMonths,
  estimatedShape,
  queryGpuSeconds,
  FOUNDING_EDITION,
  fleetCost,
  fleetSize,
  gpuHourUsd,
  inferenceFlop,
  ownershipCost,
  parsePricing,
  queryCostUsd,
  queryEnergyWh,
  rentCost,
  tcoTable,
  trainCostUsd,
  trainDays,
  trainFlops,
} from "../../src/pricing";

const book = bookFor(new Map(), FOUNDING_EDITION);
const h100 = book.accelerator("H100-SXM");
const NODE_CAPEX = 248_956 / (1 - 0.19);

describe("effective GPU-hour", () => {
  it("rent: instance price over its GPUs", () => {
    expect(gpuHourUsd(book, h100, parsePricing("ondemand"), "aws")).toBeCloseTo(98.32 / 8, 12);
  });
  it("capex and buy: over the depreciation life", () => {
    expect(gpuHourUsd(book, h100, parsePricing("capex"), "aws")).toBeCloseTo(NODE_CAPEX / 8 / 26_280, 9);
    const allIn = ownershipCost(book, h100, 8, 3).total;
    expect(gpuHourUsd(book, h100, parsePricing("buy"), "aws")).toBeCloseTo(allIn / 8 / 26_280, 9);
  });
  it("a number is the rate itself", () => {
    expect(gpuHourUsd(book, h100, parsePricing(1.75), "aws")).toBe(1.75);
  });
});

describe("queries", () => {
  const q = { tokensOut: 500, tokensIn: 500, model: estimatedShape(175e9), gpu: h100, utilization: 0.5 };
  it("2 FLOP per parameter per token", () => {
    expect(inferenceFlop(175e9, 1000)).toBe(3.5e14);
  });
  it("without a utilisation, 2023.10-1 serves at the batch-1 decode floor: every token reads the weights", () => {
    const floor = { ...q, utilization: undefined };
    // 1,000 tokens x 350 GB / 3.35 TB/s, the same as 3.5e14 FLOP at bandwidth / peak of an H100.
    expect(queryGpuSeconds(book, floor)).toBeCloseTo((1000 * 175e9 * 2) / 3.35e12, 9);
    expect(queryGpuSeconds(book, floor)).toBeCloseTo(3.5e14 / (989.4e12 * (3.35 / 989.4)), 9);
    // At batch 32 the same weights serve 32 sequences: a 32nd of the GPU-seconds each.
    const batch32 = bookFor(new Map([["method.decode_batch", 32]]), FOUNDING_EDITION);
    const h = batch32.accelerator("h100-sxm");
    expect(queryGpuSeconds(batch32, { ...floor, gpu: h })).toBeCloseTo((1000 * 175e9 * 2) / 3.35e12 / 32, 9);
  });
  it("cost = FLOP / (peak x utilisation) / 3600 x GPU-hour", () => {
    const seconds = 3.5e14 / (989.4e12 * 0.5);
    expect(queryCostUsd(book, q, parsePricing("ondemand"), "aws")).toBeCloseTo((seconds / 3600) * 12.29, 12);
  });
  it("energy = GPU-seconds x server W x average draw x PUE / 3600", () => {
    const seconds = 3.5e14 / (989.4e12 * 0.5);
    expect(queryEnergyWh(book, q)).toBeCloseTo((seconds * 1275 * 0.75 * 1.25) / 3600, 9);
  });
});

describe("fleets", () => {
  const f = {
    queriesPerDay: 1e8,
    tokensPerQuery: 1000,
    model: estimatedShape(70e9),
    gpu: h100,
    utilization: 0.3,
    peakToAverage: 2,
  };
  const gpuSecondsPerQuery = (2 * 70e9 * 1000) / (989.4e12 * 0.3);
  it("covers the peak load", () => {
    const n = fleetSize(book, f);
    expect(n).toBe(Math.ceil((1e8 * gpuSecondsPerQuery * 2) / 86_400));
    expect((n * 86_400) / gpuSecondsPerQuery).toBeGreaterThanOrEqual(2 * 1e8);
  });
  it("an owned fleet spends capex / years a year on chips", () => {
    const c = fleetCost(book, f, parsePricing("capex"), 3, "aws");
    expect(c.yearlyUsd).toBeCloseTo(c.capexUsd / 3, 3);
    expect(c.perQueryUsd).toBeCloseTo(c.yearlyUsd / (1e8 * 365), 12);
  });
  it("a rented fleet has no capex and pays whole instances all year", () => {
    const c = fleetCost(book, f, parsePricing("reserved3y"), 3, "aws");
    expect(c.capexUsd).toBe(0);
    expect(c.yearlyUsd).toBeCloseTo(Math.ceil(c.accelerators / 8) * 43.16 * 8760, 3);
  });
});

describe("training", () => {
  const t = { params: 70e9, tokens: 1.4e12, gpu: h100, mfu: 0.375, goodput: 1, precision: "bf16" as const };
  const gpuHours = 5.88e23 / (989.4e12 * 0.375) / 3600;
  it("6ND", () => expect(trainFlops(70e9, 1.4e12)).toBeCloseTo(5.88e23, -10));
  it("days on a cluster", () => expect(trainDays(t, 1024)).toBeCloseTo(gpuHours / 1024 / 24, 9));
  it("cost = days x gpus x 24 x GPU-hour, whatever the cluster size", () => {
    const cost = trainCostUsd(book, t, parsePricing("reserved3y"), "aws");
    expect(cost).toBeCloseTo(gpuHours * 5.395, 3);
    expect(cost).toBeCloseTo(trainDays(t, 4096) * 4096 * 24 * 5.395, 3);
  });
});

describe("buy against rent", () => {
  it("TCO lists the ownership breakdown, every rent mode sold and the ratios", () => {
    const rows = tcoTable(book, h100, 8, 3, "aws");
    const get = (label: string) => rows.find((r) => r.label === label)!.value as number;
    const own = ownershipCost(book, h100, 8, 3);
    expect(get("Total to buy (USD)")).toBe(own.total);
    expect(get("Rent reserved3y (USD)")).toBeCloseTo(1_134_244.8, 4);
    expect(get("Rent reserved3y / buy")).toBeCloseTo(1_134_244.8 / own.total, 9);
    expect(rows.map((r) => r.label)).not.toContain("Rent spot (USD)");
  });
  it("BREAKEVEN is the month when TCO's buy and rent totals meet", () => {
    const months = breakevenMonths(book, h100, parsePricing("ondemand"), "aws");
    expect(months).toBeCloseTo(4.527, 3);
    const years = months / 12;
    expect(ownershipCost(book, h100, 8, years).total).toBeCloseTo(rentCost(book, h100, 8, years, "aws", "ondemand"), 4);
  });
  it("BREAKEVEN is #N/A never when rent is below the cost of operating", () => {
    expect(() => breakevenMonths(book, h100, parsePricing(0.3), "aws")).toThrow(/never/);
  });
});
