/**
 * Edition 2026.11-1 (issue 10 item 2, the 2026 figures of issues 11 and 12), tested through the
 * engine with the edition's defaults: bookFor(new Map(), "2026.11-1").
 */
import { describe, expect, it } from "vitest";
import {
  EDITIONS,
  FOUNDING_EDITION,
  PRECISIONS,
  PricingError,
  RENT_MODES,
  shippedEditions,
  bookFor,
  capexUsd,
  clusterCost,
  clusterFlops,
  gpuHourUsd,
  ownershipCost,
  parsePricing,
  type Accelerator,
  type PriceBook,
} from "../../src/pricing";
import { EDITION_NOTES } from "../../src/pricing/book/notes";

const EDITION = "2026.11-1";
const book = bookFor(new Map(), EDITION);
const notes = EDITION_NOTES.get(EDITION)!;

/** CLUSTERCOST as the engine computes it. */
function cost(gpus: number, gpu: string, pricing: string, years: number, provider: string): number {
  return clusterCost(book, { gpus, gpu: book.accelerator(gpu), pricing: parsePricing(pricing), years, provider });
}

/** The PricingError `fn` throws (fails the test if it returns). */
function errorOf(fn: () => unknown): PricingError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PricingError) return e;
    throw e;
  }
  throw new Error("expected a PricingError");
}

/** Every (provider, mode) at which `gpu` has a finite positive GPU-hour price. */
function rentedAt(b: PriceBook, gpu: Accelerator): string[] {
  const found: string[] = [];
  for (const provider of b.providers) {
    for (const mode of RENT_MODES) {
      try {
        const usd = gpuHourUsd(b, gpu, parsePricing(mode), provider);
        if (Number.isFinite(usd) && usd > 0) found.push(`${provider} ${mode}`);
      } catch (e) {
        if (!(e instanceof PricingError && e.kind === "na")) throw e;
      }
    }
  }
  return found;
}

/** Issue 10's accelerator keys, plus H100-PCIE (the founding edition had it). */
const ISSUE_10_CHIPS = [
  "H100-SXM",
  "H200",
  "B200",
  "B300",
  "GB200",
  "GB300",
  "A100-80GB",
  "A100-40GB",
  "H800",
  "V100",
  "MI300X",
  "MI325X",
  "MI355X",
  "TPU-V4",
  "TPU-V5E",
  "TPU-V5P",
  "TPU-V6E",
  "TPU-7X",
  "TRAINIUM2",
  "TRAINIUM3",
  "INFERENTIA2",
  "MAIA-100",
  "MAIA-200",
];

/** Chips with a citable public rent (issue 10's list); the others answer #N/A naming no renter. */
const RENTED = [
  "H100-SXM",
  "H200",
  "B200",
  "B300",
  "GB200",
  "A100-80GB",
  "A100-40GB",
  "V100",
  "TPU-V4",
  "TPU-V5E",
  "TPU-V5P",
  "TPU-V6E",
  "TRAINIUM2",
  "INFERENTIA2",
];
const NOT_RENTED = [
  "H100-PCIE",
  "H800",
  "GB300",
  "MI300X",
  "MI325X",
  "MI355X",
  "TPU-7X",
  "TRAINIUM3",
  "MAIA-100",
  "MAIA-200",
];

describe("edition 2026.11-1: issue 10's 'done when' through the engine", () => {
  it("8 H100 on demand for a year at AWS = $55.04 x 8,760 (p5 after the June 2025 cut)", () => {
    expect(cost(8, "H100-SXM", "ondemand", 1, "aws")).toBeCloseTo(55.04 * 8760, 6);
    expect(cost(8, "H100-SXM", "ondemand", 1, "aws")).toBeCloseTo(482_150.4, 4);
  });

  it("8 H200 on demand for a year at AWS = $63.296 x 8,760 (p5en)", () => {
    expect(cost(8, "H200", "ondemand", 1, "aws")).toBeCloseTo(63.296 * 8760, 6);
  });

  it("8 B200 on demand for a year at AWS = $113.9328 x 8,760 (p6-b200), within 0.5%", () => {
    const usd = cost(8, "B200", "ondemand", 1, "aws");
    expect(Math.abs(usd / (113.9328 * 8760) - 1)).toBeLessThan(0.005);
    expect(usd).toBeCloseTo(998_051.33, 2);
  });

  it("FLOPS(1, B200, fp4) = 9E15", () => {
    expect(clusterFlops(1, book.accelerator("B200"), "fp4")).toBe(9e15);
  });

  it("has every accelerator of issue 10 and every one the founding edition had", () => {
    const ids = [...book.accelerators.values()].map((a) => a.id);
    for (const id of ISSUE_10_CHIPS) expect(ids).toContain(id);
    for (const a of EDITIONS.get(FOUNDING_EDITION)!.accelerators) expect(ids).toContain(a.id);
    expect(ids).toHaveLength(24);
  });

  it.each(ISSUE_10_CHIPS)("%s answers FLOPS", (id) => {
    const gpu = book.accelerator(id);
    const answered = PRECISIONS.filter((p) => gpu.flops[p] !== undefined);
    expect(answered.length).toBeGreaterThan(0);
    for (const p of answered) expect(clusterFlops(1, gpu, p)).toBeGreaterThanOrEqual(125e12);
  });

  it("answers bf16 (FLOPS's default) for every chip whose maker publishes it; V100 and Maia 200 say which they have", () => {
    const withoutBf16 = ISSUE_10_CHIPS.filter((id) => book.accelerator(id).flops.bf16 === undefined);
    expect(withoutBf16).toEqual(["V100", "MAIA-200"]);
    const e = errorOf(() => clusterFlops(1, book.accelerator("MAIA-200"), "bf16"));
    expect(e.kind).toBe("na");
    expect(e.message).toContain("fp8");
    expect(clusterFlops(1, book.accelerator("V100"), "fp16")).toBe(125e12);
  });

  it("has fp4 where the chip has it", () => {
    const fp4 = ISSUE_10_CHIPS.filter((id) => book.accelerator(id).flops.fp4 !== undefined);
    expect(fp4).toEqual(["B200", "B300", "GB200", "GB300", "MI355X", "TRAINIUM3", "MAIA-200"]);
    expect(clusterFlops(72, book.accelerator("GB300"), "fp4")).toBe(72 * 15e15);
  });

  it.each(RENTED)("%s, rented publicly, has an hourly price at some provider", (id) => {
    expect(rentedAt(book, book.accelerator(id)).length).toBeGreaterThan(0);
  });

  it.each(NOT_RENTED)("%s, with no citable public rent, answers #N/A naming no renter", (id) => {
    const gpu = book.accelerator(id);
    expect(rentedAt(book, gpu)).toEqual([]);
    const e = errorOf(() => gpuHourUsd(book, gpu, parsePricing("ondemand"), "aws"));
    expect(e.kind).toBe("na");
    expect(e.message).toContain(`No provider in the price book rents ${id}`);
  });

  it("sells Capacity Blocks as mode 'block' and GB200 only so", () => {
    expect(gpuHourUsd(book, book.accelerator("H100-SXM"), parsePricing("block"), "aws")).toBeCloseTo(41.528 / 8, 9);
    expect(gpuHourUsd(book, book.accelerator("GB200"), parsePricing("block"), "aws")).toBeCloseTo(761.904 / 72, 9);
    expect(errorOf(() => cost(72, "GB200", "ondemand", 1, "aws")).message).toContain('has no "ondemand" price');
  });

  it("lists the standard instance first: 'gcp' is a3-highgpu-8g with Google's 1- and 3-year list prices", () => {
    expect(book.instance("gcp", book.accelerator("H100-SXM")).name).toBe("a3-highgpu-8g");
    expect(cost(8, "H100-SXM", "reserved1y", 1, "gcp")).toBeCloseTo(61.36 * 8760, 6);
    expect(cost(8, "H100-SXM", "reserved3y", 3, "gcp")).toBeCloseTo(38.88 * 26_280, 6);
    expect(cost(8, "H100-SXM", "spot", 1, "gcp.a3-megagpu-8g")).toBeCloseTo(53.35 * 8760, 6);
    expect(book.instance("aws", book.accelerator("H200")).name).toBe("p5en.48xlarge");
    expect(cost(8, "H200", "block", 1, "aws.p5e.48xlarge")).toBeCloseTo(47.76 * 8760, 6);
  });

  it("has spot prices, TPU chip-hours with commitments, and the market rate", () => {
    expect(gpuHourUsd(book, book.accelerator("H100-SXM"), parsePricing("spot"), "azure")).toBeCloseTo(18.169536 / 8, 9);
    const v6e = book.accelerator("TPU-V6E");
    expect(
      ["ondemand", "reserved1y", "reserved3y", "spot"].map((m) => gpuHourUsd(book, v6e, parsePricing(m), "gcp")),
    ).toEqual([2.7, 1.89, 1.22, 0.64833]);
    const h100 = book.accelerator("H100-SXM");
    expect(gpuHourUsd(book, h100, parsePricing("ondemand"), "market")).toBe(3.285);
    expect(gpuHourUsd(book, book.accelerator("H200"), parsePricing("ondemand"), "market")).toBe(2.9);
    expect(gpuHourUsd(book, book.accelerator("B200"), parsePricing("ondemand"), "market")).toBe(5.665);
    expect(book.providers).toEqual(["aws", "azure", "gcp", "lambda", "oracle", "coreweave", "market"]);
  });

  it("prices rack-scale systems by the 72-GPU rack", () => {
    const gb200 = book.accelerator("GB200");
    expect(gb200.gpusPerNode).toBe(72);
    // 8 GPUs buy a whole rack: $3.1M / (1 - 0.19)
    expect(capexUsd(book, gb200, 8)).toBeCloseTo(3_100_000 / 0.81, 2);
    expect(capexUsd(book, gb200, 73)).toBeCloseTo((2 * 3_100_000) / 0.81, 2);
  });

  it("owns hardware at PUE 1.1, 2025 electricity and colocation, over 5 years", () => {
    const f = book.facility;
    expect([f.pue, f.electricityUsdPerKwh, f.colocationUsdPerKwMonth, f.depreciationYears]).toEqual([
      1.1, 0.0826, 188.66, 5,
    ]);
    // 8 H100 for 5 years: 10.2 kW x 0.75 x 1.1 x 43,800 h x $0.0826
    const own = ownershipCost(book, book.accelerator("H100-SXM"), 8, 5);
    expect(own.energy).toBeCloseTo(10.2 * 0.75 * 1.1 * 43_800 * 0.0826, 6);
    expect(own.capex).toBeCloseTo(296_644 / 0.81, 4);
  });

  it("gives the finance, method and serving figures issues 11 and 12 name", () => {
    expect(book.finance).toEqual({ costOfCapital: 0.11, residualValue: 0.2, priceDecline: 0.276 });
    expect(book.methods.goodput).toBe(0.9);
    expect(book.methods.decodeBatch).toBe(512);
    expect(book.facility.gridIntensityKgPerKwh).toBe(0.366);
    expect(book.serving).toEqual({
      prefillEfficiency: 0.33,
      decodeEfficiency: 0.6,
      bandwidthEfficiency: 0.42,
      memoryUsable: 0.9,
      kvCache: true,
      batchedPrefill: true,
    });
  });

  it("reproduces Meta's 30.84M H100-hours for Llama 3.1 405B within 10% from its MFU and goodput", () => {
    const model = book.model("llama-3.1-405b");
    const seconds =
      (6 * model.totalParams * 15.6e12) /
      (book.accelerator("H100-SXM").flops.bf16! * book.methods.trainingMfu * book.methods.goodput);
    expect(Math.abs(seconds / 3600 / 30.84e6 - 1)).toBeLessThan(0.1);
  });

  it("has the reference models of issue 12 with their cache shapes", () => {
    const shape = (id: string) => {
      const m = book.model(id);
      return [m.totalParams, m.activeParams, m.layers, m.kvHeads, m.headDim];
    };
    expect(shape("llama-3.1-8b")).toEqual([8.03e9, 8.03e9, 32, 8, 128]);
    expect(shape("llama-3.3-70b")).toEqual([70.55e9, 70.55e9, 80, 8, 128]);
    expect(shape("llama-3.1-405b")).toEqual([405.85e9, 405.85e9, 126, 8, 128]);
    expect(shape("llama-2-70b")).toEqual([68.98e9, 68.98e9, 80, 8, 128]);
    expect(shape("gpt-oss-120b")).toEqual([116.83e9, 5.13e9, 36, 8, 64]);
    expect(shape("gpt-3")).toEqual([175e9, 175e9, 96, 96, 128]);
    // MLA: 512-d latent + 64-d RoPE key = 576 values per token per layer = kv_heads x head_dim x 2
    const v3 = book.model("deepseek-v3");
    expect(v3.kvHeads * v3.headDim * 2).toBe(576);
    expect([v3.totalParams, v3.activeParams, v3.layers]).toEqual([671e9, 37e9, 61]);
  });

  it("has API list prices: gpt-4o 1M in + 1M out = $12.50", () => {
    const gpt4o = book.api("gpt-4o");
    expect(gpt4o.inputUsdPerMTok + gpt4o.outputUsdPerMTok).toBe(12.5);
    for (const id of [
      "gpt-4.1",
      "claude-sonnet-4.5",
      "claude-haiku-4.5",
      "gemini-2.5-pro",
      "gemini-2.5-flash",
      "deepseek-v3",
      "llama-3.3-70b",
    ]) {
      const api = book.api(id);
      expect(api.outputUsdPerMTok).toBeGreaterThanOrEqual(api.inputUsdPerMTok);
      expect(api.inputUsdPerMTok).toBeGreaterThan(0);
    }
    expect(book.api("gemini-2.5-flash").outputUsdPerMTok).toBe(2.5);
  });
});

describe("edition 2026.11-1: every figure cited, derived ones explained", () => {
  const assumptions = [...book.assumptions.values()];
  const data = shippedEditions().find((e) => e.data.version === EDITION)!;

  it("is complete as authored: no section borrowed from a LaterKeys file", () => {
    expect(data.later).toBeUndefined();
    for (const section of ["finance", "serving", "models", "apis"] as const) expect(data.data[section]).toBeDefined();
    expect(data.data.facility.gridIntensity).toBeDefined();
    expect(data.data.methods.goodput).toBeDefined();
  });

  it("keeps every key of the founding edition, so an Update never breaks a workbook's formulas", () => {
    for (const key of bookFor(new Map(), FOUNDING_EDITION).assumptions.keys()) {
      expect(book.assumptions.has(key), key).toBe(true);
    }
  });

  it.each(assumptions.filter((a) => a.shipped.source.startsWith("Derived")).map((a) => [a.key, a] as const))(
    "derived %s shows its arithmetic in a note",
    (key) => {
      expect(notes[key], key).toBeDefined();
    },
  );

  it("marks fitted figures as such (the serving efficiencies only)", () => {
    const fitted = assumptions.filter((a) => a.shipped.source.startsWith("Fitted")).map((a) => a.key);
    expect(fitted.sort()).toEqual([
      "serving.bandwidth_efficiency",
      "serving.decode_efficiency",
      "serving.prefill_efficiency",
    ]);
  });

  it("dates every figure no later than the edition and cites no project stand-in", () => {
    for (const a of assumptions) {
      expect(a.shipped.asOf <= "2026-11", a.key).toBe(true);
      expect(a.shipped.source, a.key).not.toMatch(/reference figures|figures\.md|market-2026/i);
    }
  });
});
