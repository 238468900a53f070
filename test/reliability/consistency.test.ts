/**
 * Properties that must hold between functions, whatever the inputs (fast-check), checked on
 * the built bundle: the numbers a user sees in Excel agree with each other.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { PRECISIONS, RENT_MODES, defaultBook } from "../../src/pricing";
import { loadRuntime, type Runtime } from "../harness/runtime";

const RUNS = 300;
let xl: Runtime;
beforeAll(() => {
  xl = loadRuntime();
});
const num = async (id: string, ...args: unknown[]) => {
  const v = await xl.value(id, ...args);
  expect(typeof v).toBe("number");
  return v as number;
};

const book = defaultBook();
const accelerators = [...book.accelerators.values()];
const providers = ["aws", "azure", "gcp", "lambda", "oracle"];
/** Every (gpu, provider, modes) the price book rents. */
const rentals = accelerators.flatMap((gpu) =>
  providers.flatMap((provider) => {
    try {
      const instance = book.instance(provider, gpu);
      return [{ gpu: gpu.id, provider, modes: RENT_MODES.filter((m) => instance.hourlyUsd[m] !== undefined) }];
    } catch {
      return [];
    }
  }),
);
const buyable = accelerators
  .filter((a) => a.nodePriceUsd !== undefined && a.serverWPerGpu !== undefined)
  .map((a) => a.id);

const gpuCount = fc.integer({ min: 1, max: 100_000 });
const years = fc.double({ min: 1 / 365, max: 10, noNaN: true });

describe("consistency", () => {
  it("the price book rents and sells enough to test", () => {
    expect(rentals.length).toBeGreaterThanOrEqual(6);
    expect(buyable.length).toBeGreaterThanOrEqual(4);
  });

  it("more GPUs never cost less, in every pricing", async () => {
    const pricing = fc.constantFrom<string | number>("capex", "buy", "ondemand", "reserved3y", 2.5);
    await fc.assert(
      fc.asyncProperty(gpuCount, gpuCount, pricing, years, async (a, b, p, y) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(await num("CLUSTERCOST", hi, "H100-SXM", p, y, "aws")).toBeGreaterThanOrEqual(
          await num("CLUSTERCOST", lo, "H100-SXM", p, y, "aws"),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("reserved never costs more than on demand, and 3 years never more than 1", async () => {
    const withReserved = rentals.filter(
      (r) => r.modes.includes("ondemand") && r.modes.some((m) => m.startsWith("reserved")),
    );
    expect(withReserved.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withReserved), gpuCount, years, async (r, gpus, y) => {
        const cost = (mode: string) => num("CLUSTERCOST", gpus, r.gpu, mode, y, r.provider);
        const onDemand = await cost("ondemand");
        for (const mode of r.modes.filter((m) => m.startsWith("reserved")))
          expect(await cost(mode)).toBeLessThanOrEqual(onDemand);
        if (r.modes.includes("reserved1y") && r.modes.includes("reserved3y")) {
          expect(await cost("reserved3y")).toBeLessThanOrEqual(await cost("reserved1y"));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("BREAKEVEN agrees with TCO: undiscounted, at that many months buying and renting cost the same; discounting only delays it", async () => {
    const cases = rentals
      .filter((r) => buyable.includes(r.gpu))
      .flatMap((r) => r.modes.map((mode) => ({ ...r, mode })));
    // TCO's totals are undiscounted: compare with BREAKEVEN at a zero cost of capital.
    const undiscounted = [["finance.cost_of_capital", 0]];
    for (const c of cases) {
      const outcome = await xl.call("BREAKEVEN", c.gpu, c.mode, c.provider, undiscounted);
      if ("error" in outcome) {
        expect(outcome.error.message).toMatch(/never/);
        continue;
      }
      const months = (outcome as { value: number }).value;
      const discounted = await xl.call("BREAKEVEN", c.gpu, c.mode, c.provider);
      if ("value" in discounted) expect(discounted.value as number).toBeGreaterThanOrEqual(months);
      const node = book.accelerator(c.gpu).gpusPerNode;
      const rows = (await xl.value("TCO", node, c.gpu, months / 12, c.provider, undiscounted)) as [string, number][];
      const total = rows.find((r) => r[0] === "Total to buy (USD)")![1];
      const rent = rows.find((r) => r[0] === `Rent ${c.mode} (USD)`)![1];
      expect(Math.abs(rent / total - 1), `${c.gpu} ${c.provider} ${c.mode}`).toBeLessThan(1e-9);
    }
  });

  it("FLEETSIZE x capacity covers the demand, with less than one accelerator to spare beyond one copy of the model", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 1, max: 1e11, noNaN: true }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 1e6, max: 2e12, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        async (q, tokens, params, u, peak) => {
          const n = await num("FLEETSIZE", q, tokens, params, "H100-SXM", u, peak);
          const perGpuFlopPerDay = 989.4e12 * u * 86_400;
          const demand = q * 2 * params * tokens * peak;
          // One copy: the bf16 weights on the accelerators' usable memory.
          const memory = book.accelerator("H100-SXM").memoryGb * 1e9 * book.serving.memoryUsable;
          const copy = Math.ceil((params * 2) / memory - 1e-9);
          expect(n * perGpuFlopPerDay).toBeGreaterThanOrEqual(demand * (1 - 1e-9));
          expect(n).toBeGreaterThanOrEqual(copy);
          if (n > copy) expect((n - 1) * perGpuFlopPerDay).toBeLessThan(demand);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("TRAINCOST = TRAINDAYS x gpus x 24 x the effective GPU-hour", async () => {
    const pricing = fc.constantFrom<string | number>("ondemand", "reserved3y", "buy", "capex", 1.99);
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 1e6, max: 1e13, noNaN: true }),
        fc.double({ min: 1e6, max: 1e14, noNaN: true }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        pricing,
        // The precisions an H100 has a figure for, int8 aside (TOP/s, not FLOP/s).
        fc.constantFrom(...PRECISIONS.filter((p) => p !== "int8" && p !== "fp4")),
        async (params, tokens, gpus, mfu, p, precision) => {
          const cost = await num("TRAINCOST", params, tokens, "H100-SXM", mfu, p, "aws", precision);
          const days = await num("TRAINDAYS", params, tokens, gpus, "H100-SXM", mfu, precision);
          const hourly = await num("HOURLY", "H100-SXM", p, "aws", 1);
          expect(Math.abs(cost / (days * gpus * 24 * hourly) - 1)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
