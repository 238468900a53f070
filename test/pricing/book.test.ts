/** The shipped price books: every figure of every edition cited and dated, within its own bounds. */
import { describe, expect, it } from "vitest";
import { EDITIONS, FOUNDING_EDITION, boundsProblem, bookFor } from "../../src/pricing";

describe.each([...EDITIONS.keys()])("price book %s", (edition) => {
  const book = bookFor(new Map(), edition);
  const assumptions = [...book.assumptions.values()];

  it.each(assumptions.map((a) => [a.key, a] as const))("%s has a source, an as-of date and a unit", (_key, a) => {
    expect(a.shipped.source.length).toBeGreaterThan(5);
    expect(a.shipped.asOf).toMatch(/^(19|20)\d\d(-\d\d(-\d\d)?)?$/);
    expect(a.shipped.unit.length).toBeGreaterThan(0);
    expect(boundsProblem(a.value, a.bounds)).toBeUndefined();
  });

  it("keys are lower case and unique", () => {
    for (const a of assumptions) expect(a.key).toBe(a.key.toLowerCase());
    expect(new Set(assumptions.map((a) => a.key)).size).toBe(assumptions.length);
  });

  it("records its edition", () => {
    expect(book.version).toBe(edition);
    expect(edition).toMatch(/^\d{4}\.\d{2}-\d+$/);
  });
});

describe("the founding edition", () => {
  it("has the foundation's accelerators and AWS instances", () => {
    const book = bookFor(new Map(), FOUNDING_EDITION);
    expect(book.instance("aws", book.accelerator("H100-SXM")).name).toBe("p5.48xlarge");
    expect(book.instance("aws", book.accelerator("A100-80GB")).name).toBe("p4de.24xlarge");
  });
});
