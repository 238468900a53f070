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
});
