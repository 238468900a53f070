/**
 * The founding analysis (../shared/reference/figures.md, section 1), recomputed from the
 * shipped defaults through the built bundle: the numbers a user gets in Excel.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadRuntime, type Runtime } from "./harness/runtime";

let xl: Runtime;
beforeAll(() => {
  xl = loadRuntime();
});

const within = (actual: unknown, expected: number, tolerance: number) => {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) / expected - 1)).toBeLessThanOrEqual(tolerance);
};

describe("founding figures", () => {
  it("F1: an 8-GPU H100 node costs almost $300K to buy, network share included (within 10%)", async () => {
    within(await xl.value("CLUSTERCOST", 8, "H100-SXM", "capex"), 300_000, 0.1);
  });

  it("F2: the node on AWS on demand for 3 years = $98.32 x 26,280 h (within 0.1%)", async () => {
    within(await xl.value("CLUSTERCOST", 8, "H100-SXM", "ondemand", 3, "aws"), 98.32 * 26_280, 0.001);
  });

  it("F3: reserved for 3 years = $43.16 x 26,280 h (within 0.1%)", async () => {
    within(await xl.value("CLUSTERCOST", 8, "H100-SXM", "reserved3y", 3, "aws"), 43.16 * 26_280, 0.001);
  });

  it("F4: 20 exaflops FP16 dense takes 20,214 H100 SXM (within 1%)", async () => {
    within(await xl.value("GPUSFOR", 20e18, "H100-SXM", "fp16"), 20_214, 0.01);
  });

  it("F7: halving the cost doubles the model, a 75% cut quadruples it, Chinchilla gives sqrt(2)", async () => {
    expect(await xl.value("SCALEGAIN", 0.5)).toBeCloseTo(2, 12);
    expect(await xl.value("SCALEGAIN", 0.75)).toBeCloseTo(4, 12);
    expect(await xl.value("SCALEGAIN", 0.5, "chinchilla")).toBeCloseTo(Math.SQRT2, 12);
  });

  it("F4: that 20-exaflop cluster costs about $1B to buy ($0.75B-1.25B)", async () => {
    const capex = (await xl.value("CLUSTERCOST", 20_214, "H100-SXM", "capex")) as number;
    expect(capex).toBeGreaterThan(0.75e9);
    expect(capex).toBeLessThan(1.25e9);
  });

  it("F5: renting it reserved for 3 years costs 2.1-2.9x buying it all-in", async () => {
    const rent = (await xl.value("CLUSTERCOST", 20_214, "H100-SXM", "reserved3y", 3, "aws")) as number;
    const buy = (await xl.value("CLUSTERCOST", 20_214, "H100-SXM", "buy", 3)) as number;
    expect(rent / buy).toBeGreaterThan(2.1);
    expect(rent / buy).toBeLessThan(2.9);
  });

  it("F6: one node all-in for 3 years is under $500K and under half its reserved rent", async () => {
    const buy = (await xl.value("CLUSTERCOST", 8, "H100-SXM", "buy", 3)) as number;
    const reserved = (await xl.value("CLUSTERCOST", 8, "H100-SXM", "reserved3y", 3, "aws")) as number;
    expect(buy).toBeLessThan(500_000);
    expect(buy).toBeLessThan(reserved / 2);
  });

  // F8's assumptions: 500 prompt + 500 output tokens on a 175B model, H100 at its batch-1
  // decode utilisation (bandwidth / peak = 0.34%), chips priced at capex over 3 years.
  it("F8: a ChatGPT query costs about 4 cents (within 10%)", async () => {
    within(await xl.value("QUERYCOST", 500, 500, 175e9, "H100-SXM", null, "capex"), 0.04, 0.1);
  });

  it("F8: at 1.1B queries a day the fleet costs about $48.1B up front and $16B a year (within 10%)", async () => {
    const rows = (await xl.value("FLEETCOST", 1.1e9, 1000, 175e9, "H100-SXM", "capex", 3)) as [string, number][];
    const row = (label: string) => rows.find((r) => r[0] === label)![1];
    within(row("Up-front capex (USD)"), 48.1e9, 0.1);
    within(row("Yearly cost (USD)"), 16e9, 0.1);
    within(row("Cost per query (USD)"), 0.04, 0.1);
  });

  it("F9: the H100 sells for 7.5-9x what it costs to make", async () => {
    const price = (await xl.value("PRICE", "h100-sxm.gpu_price")) as number;
    const cost = (await xl.value("PRICE", "h100-sxm.cost_to_make")) as number;
    expect(price / cost).toBeGreaterThanOrEqual(7.5);
    expect(price / cost).toBeLessThanOrEqual(9);
  });
});
