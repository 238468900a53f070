/** The engine against hand calculations from the shipped figures (see the doc comments). */
import { describe, expect, it } from "vitest";
import {
  PriceBook,
  EDITIONS,
  FOUNDING_EDITION,
  bookFor,
  capexUsd,
  clusterCost,
  defaultBook,
  ownershipCost,
  parsePricing,
  rentCost,
  wholeNeeded,
  wholeUnits,
} from "../../src/pricing";

const book = bookFor(new Map(), FOUNDING_EDITION);
const DEFAULT_BOOK = EDITIONS.get(FOUNDING_EDITION)!;
const h100 = book.accelerator("H100-SXM");

describe("wholeUnits", () => {
  it("rounds up to whole nodes, tolerating float noise", () => {
    expect(wholeUnits(8, 8)).toBe(1);
    expect(wholeUnits(9, 8)).toBe(2);
    expect(wholeUnits(0.1 * 3 * 80, 8)).toBe(3); // 24.000000000000004
  });
});

describe("capex", () => {
  it("is the node price grossed up by the network share", () => {
    // 248,956 / (1 - 0.19)
    expect(capexUsd(book, h100, 8)).toBeCloseTo(307_353.086, 2);
    expect(capexUsd(book, h100, 9)).toBeCloseTo(2 * 307_353.086, 2);
  });
});

describe("ownership", () => {
  const own = ownershipCost(book, h100, 8, 3);
  it("energy = 10.2 kW x 0.75 x 1.25 x 26,280 h x $0.0806", () => {
    expect(own.energy).toBeCloseTo(10.2 * 0.75 * 1.25 * 26_280 * 0.0806, 6);
  });
  it("facility = 10.2 kW x $175 x 36 months", () => {
    expect(own.facility).toBeCloseTo(64_260, 6);
  });
  it("operations = 6% of capex a year", () => {
    expect(own.operations).toBeCloseTo(0.06 * 3 * 307_353.086, 2);
  });
  it("totals its parts: ~$447K, the analysis's ~$450K per node (F5) and under $500K (F6)", () => {
    expect(own.total).toBeCloseTo(own.capex + own.energy + own.facility + own.operations, 6);
    expect(own.total).toBeGreaterThan(400_000);
    expect(own.total).toBeLessThan(500_000);
  });
  it("a partial node is bought, powered and housed whole", () => {
    expect(ownershipCost(book, h100, 5, 3).total).toBeCloseTo(own.total, 6);
  });
});

describe("rent", () => {
  it("bills whole instances for every hour", () => {
    expect(rentCost(book, h100, 8, 3, "aws", "ondemand")).toBeCloseTo(2_583_849.6, 4);
    expect(rentCost(book, h100, 1, 1 / 365, "aws", "ondemand")).toBeCloseTo(98.32 * 24, 8);
  });
  it("clusterCost dispatches on the pricing kind", () => {
    const at = (p: string | number) =>
      clusterCost(book, { gpus: 8, gpu: h100, pricing: parsePricing(p), years: 3, provider: "aws" });
    expect(at("capex")).toBe(capexUsd(book, h100, 8));
    expect(at("buy")).toBe(ownershipCost(book, h100, 8, 3).total);
    expect(at("reserved3y")).toBeCloseTo(43.16 * 26_280, 6);
    expect(at(2.5)).toBeCloseTo(8 * 2.5 * 26_280, 6);
  });
});

describe("overrides", () => {
  it("apply by key in any case and leave the shipped book untouched", () => {
    const cheap = bookFor(new Map([["AWS.p5.48xlarge.OnDemand", 49.16]]));
    expect(rentCost(cheap, cheap.accelerator("h100-sxm"), 8, 3, "aws", "ondemand")).toBeCloseTo(49.16 * 26_280, 6);
    expect(book.assumption("aws.p5.48xlarge.ondemand").value).toBe(98.32);
  });
  it("are built once per distinct set", () => {
    const a = bookFor(new Map([["facility.pue", 1.1]]));
    expect(bookFor(new Map([["FACILITY.PUE", 1.1]]))).toBe(a);
    expect(bookFor(new Map())).toBe(defaultBook());
  });
  it("refuse unknown keys and out-of-range values", () => {
    expect(() => new PriceBook(DEFAULT_BOOK, new Map([["facility.peu", 1.1]]))).toThrow(/facility\.pue/);
    expect(() => new PriceBook(DEFAULT_BOOK, new Map([["facility.pue", 0.5]]))).toThrow(/pue/);
    expect(() => new PriceBook(DEFAULT_BOOK, new Map([["h100-sxm.node_gpus", 2.5]]))).toThrow(/whole/);
  });
});

describe("whole units", () => {
  it("a tiny positive need still takes one whole unit (found by the fleet property test)", () => {
    expect(wholeNeeded(2.3e-11)).toBe(1);
    expect(wholeNeeded(0)).toBe(0);
    expect(wholeNeeded(16.000000000000004)).toBe(16);
    expect(wholeNeeded(16.0001)).toBe(17);
  });
});
