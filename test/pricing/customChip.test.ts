import { describe, expect, it } from "vitest";
import { chipBreakevenUnits, chipSavingsUsd, bookFor, FOUNDING_EDITION, gpuPriceOf } from "../../src/pricing";

const h100 = bookFor(new Map(), FOUNDING_EDITION).accelerator("H100-SXM");
const programme = {
  chipFlops: 800e12,
  unitCostUsd: 3_320,
  nrePerYearUsd: 200e6,
  years: 2,
  gpu: h100,
  gpuPriceUsd: 27_500,
};
const margin = (800 / 989.4) * 27_500 - 3_320; // $18,915.6 a chip

describe("custom silicon", () => {
  it("savings = units x (GPU compute replaced - unit cost) - NRE", () => {
    expect(chipSavingsUsd(100_000, programme)).toBeCloseTo(100_000 * margin - 400e6, 3);
    expect(chipSavingsUsd(0, programme)).toBe(-400e6);
  });
  it("break-even is the first whole unit where savings turn non-negative", () => {
    const n = chipBreakevenUnits(programme);
    expect(n).toBe(Math.ceil(400e6 / margin));
    expect(chipSavingsUsd(n, programme)).toBeGreaterThanOrEqual(0);
    expect(chipSavingsUsd(n - 1, programme)).toBeLessThan(0);
  });
  it("never breaks even when a chip costs more to make than the compute it replaces", () => {
    expect(() => chipBreakevenUnits({ ...programme, unitCostUsd: 30_000 })).toThrow(/never/);
  });
  it("prices GPUs at their street price, else their node's share", () => {
    expect(gpuPriceOf(h100)).toBe(27_500);
  });
});
