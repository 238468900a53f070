/**
 * A cell's own overrides are applied by patching its scenario's book (only the parts the keys
 * touch are rebuilt): the result must be exactly the book built from scratch with every
 * override, for any keys and values.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EDITIONS,
  LATEST_EDITION,
  MAX_DERIVED_PER_BOOK,
  PriceBook,
  bookFor,
  derivedBook,
  gpuHourUsd,
  parsePricing,
  tcoTable,
} from "../../src/pricing";

const edition = [...EDITIONS.keys()].at(-1) ?? LATEST_EDITION;
const data = EDITIONS.get(edition)!;
const full = new PriceBook(data);
const keys = [...full.assumptions.keys()];

/** A value inside the key's bounds. */
const valueFor = (key: string) => {
  const { bounds, value } = full.assumptions.get(key)!;
  if (bounds.integer) return fc.integer({ min: Math.max(bounds.min, 1), max: Math.min(bounds.max, 64) });
  const low = bounds.minInclusive ? bounds.min : bounds.min + 1e-6;
  return fc.double({ min: low, max: Math.min(bounds.max, Math.max(value * 3, low + 1)), noNaN: true });
};
const overrideSet = fc
  .uniqueArray(fc.constantFrom(...keys), { minLength: 1, maxLength: 4 })
  .chain((ks) => fc.tuple(...ks.map((k) => valueFor(k).map((v) => [k, v] as const))));

describe("patched price books", () => {
  it("equal the book built from scratch with every override", () => {
    fc.assert(
      fc.property(overrideSet, overrideSet, (scenario, extra) => {
        const base = new PriceBook(data, new Map(scenario));
        const patched = base.patched(new Map(extra));
        const scratch = new PriceBook(data, new Map([...scenario, ...extra]));
        expect([...patched.assumptions.entries()].map(([k, a]) => [k, a.value])).toEqual(
          [...scratch.assumptions.entries()].map(([k, a]) => [k, a.value]),
        );
        expect(JSON.stringify([...patched.accelerators])).toBe(JSON.stringify([...scratch.accelerators]));
        expect(patched.facility).toEqual(scratch.facility);
        expect(patched.methods).toEqual(scratch.methods);
        expect(patched.finance).toEqual(scratch.finance);
        expect(patched.serving).toEqual(scratch.serving);
        // Every instance, by its name and as its provider's default for its accelerator.
        for (const i of data.instances) {
          const named = `${i.provider}.${i.name}`;
          const [x, y] = [patched, scratch].map((book) => {
            const gpu = book.accelerator(i.gpu);
            const { hourlyUsd, gpusPerInstance } = book.instance(named, gpu);
            return [hourlyUsd, gpusPerInstance, book.instance(i.provider, gpu).name];
          });
          expect(x).toEqual(y);
        }
        for (const gpu of ["H100-SXM", "B200"]) {
          const a = patched.accelerator(gpu);
          const b = scratch.accelerator(gpu);
          for (const mode of ["ondemand", "reserved3y", "buy"]) {
            const x = attempt(() => gpuHourUsd(patched, a, parsePricing(mode), "aws"));
            const y = attempt(() => gpuHourUsd(scratch, b, parsePricing(mode), "aws"));
            expect(x).toEqual(y);
          }
          expect(attempt(() => tcoTable(patched, a, 8, 3, "aws"))).toEqual(
            attempt(() => tcoTable(scratch, b, 8, 3, "aws")),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a rebuilt accelerator's instances point at it", () => {
    const patched = full.patched(new Map([["h100-sxm.node_gpus", 4]]));
    const h100 = patched.accelerator("H100-SXM");
    expect(patched.instance("aws", h100).gpu).toBe(h100);
    expect(patched.accelerator("B200")).toBe(full.accelerator("B200"));
  });

  it("refuses unknown keys and values out of bounds, like a full build", () => {
    expect(() => full.patched(new Map([["facility.peu", 1.1]]))).toThrow(/facility\.pue/);
    expect(() => full.patched(new Map([["facility.pue", 0.5]]))).toThrow(/pue/);
  });

  it("patching a patched book applies both sets of overrides", () => {
    const once = full.patched(new Map([["facility.pue", 1.3]]));
    const twice = once.patched(new Map([["facility.electricity", 0.2]]));
    expect(twice.facility.pue).toBe(1.3);
    expect(twice.facility.electricityUsdPerKwh).toBe(0.2);
  });

  it("derived books are cached per base and overrides once seen twice, with a bound", () => {
    const base = bookFor(new Map(), edition);
    const first = derivedBook(base, new Map([["facility.pue", 1.2]]));
    expect(first.facility.pue).toBe(1.2);
    // Seen once: patched, not kept. Seen again: kept, and shared from then on.
    const kept = derivedBook(base, new Map([["facility.pue", 1.2]]));
    expect(kept).not.toBe(first);
    expect(kept.facility.pue).toBe(1.2);
    expect(derivedBook(base, new Map([["facility.pue", 1.2]]))).toBe(kept);
    // The key typed in another case: seen once as typed, then shares the kept book.
    expect(derivedBook(base, new Map([["FACILITY.PUE", 1.2]]))).not.toBe(kept);
    expect(derivedBook(base, new Map([["FACILITY.PUE", 1.2]]))).toBe(kept);
    // A longer range too.
    const two = new Map([
      ["facility.pue", 1.2],
      ["facility.electricity", 0.1],
    ]);
    expect(derivedBook(base, two)).not.toBe(derivedBook(base, two));
    expect(derivedBook(base, two)).toBe(derivedBook(base, new Map([...two].reverse())));
    // Ranges seen once each do not push it out; ranges kept do, past the bound.
    for (let i = 0; i < 1000; i++) derivedBook(base, new Map([["facility.pue", 1.25 + i / 1e6]]));
    expect(derivedBook(base, new Map([["facility.pue", 1.2]]))).toBe(kept);
    for (let i = 0; i < MAX_DERIVED_PER_BOOK; i++) {
      for (let twice = 0; twice < 2; twice++) derivedBook(base, new Map([["facility.pue", 1.3 + i / 1e6]]));
    }
    expect(derivedBook(base, new Map([["facility.pue", 1.2]]))).not.toBe(kept);
    expect(derivedBook(base, new Map())).toBe(base);
  });
});

function attempt<T>(f: () => T): T | string {
  try {
    return f();
  } catch (error) {
    return String(error);
  }
}

describe("patching an accelerator and its instance together", () => {
  it("the instance carries the rebuilt accelerator, whatever the order of the keys", () => {
    for (const keys of [
      ["aws.p5.48xlarge.ondemand", "h100-sxm.node_gpus"],
      ["h100-sxm.node_gpus", "aws.p5.48xlarge.ondemand"],
    ]) {
      const patched = full.patched(new Map(keys.map((k) => [k, k.endsWith("node_gpus") ? 4 : 42] as const)));
      const h100 = patched.accelerator("H100-SXM");
      expect(h100.gpusPerNode).toBe(4);
      expect(patched.instance("aws", h100).gpu).toBe(h100);
      expect(patched.instance("aws", h100).hourlyUsd.ondemand).toBe(42);
    }
  });
});
