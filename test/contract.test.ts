/**
 * The runtime contract: what Excel loads (dist/functions.js + dist/functions.json) registers
 * every function once, and each answers the way Excel calls it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_FUNCTIONS } from "./fixtures/api";
import { type Outcome, type Runtime } from "./harness/runtime";
import { foundingRuntime } from "./harness/workbooks";

// The calls' hand calculations use edition 2023.10-1's figures: a workbook built on it.
let xl: Runtime;
beforeAll(() => {
  xl = foundingRuntime();
});

function expectError(outcome: Outcome, code: string, ...words: string[]) {
  expect(outcome).toHaveProperty("error");
  const { error } = outcome as { error: { code: string; message: string } };
  expect(error.code).toBe(code);
  for (const w of words) expect(error.message).toContain(w);
}

describe("registration", () => {
  it("associates every id of functions.json exactly once, and nothing else", () => {
    const ids = xl.metadata.map((m) => m.id.toUpperCase());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(xl.associations.get(id), id).toBe(1);
    expect([...xl.associations.keys()].sort()).toEqual([...ids].sort());
  });

  it("ships the foundation's functions", () => {
    const ids = xl.metadata.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(["CLUSTERCOST", "FLOPS", "GPUSFOR", "SCALEGAIN", "PRICE"]));
  });

  it("describes every function and every parameter", () => {
    for (const m of xl.metadata) {
      expect(m.description, m.id).toBeTruthy();
      for (const p of m.parameters) expect(p.description, `${m.id}.${p.name}`).toBeTruthy();
    }
  });

  it("keeps the public argument order of CLUSTERCOST", () => {
    const cc = xl.metadata.find((m) => m.id === "CLUSTERCOST")!;
    expect(cc.parameters.map((p) => p.name).slice(0, 5)).toEqual(["gpus", "gpu", "pricing", "years", "provider"]);
    expect(cc.parameters.slice(1).every((p) => p.optional)).toBe(true);
  });
});

describe("calls as Excel makes them", () => {
  it("omitted optional arguments arrive as null and take the documented defaults", async () => {
    const explicit = await xl.value("CLUSTERCOST", 8, "H100-SXM", "ondemand", 3, "aws");
    expect(await xl.value("CLUSTERCOST", 8)).toBe(explicit);
    expect(await xl.value("CLUSTERCOST", 8, null, null, null, null)).toBe(explicit);
    expect(await xl.value("FLOPS", 1)).toBeCloseTo(989.4e12, 0);
  });

  it("matches keys and modes in any case", async () => {
    const ref = await xl.value("CLUSTERCOST", 8, "H100-SXM", "reserved3y", 3, "aws");
    expect(await xl.value("CLUSTERCOST", 8, "h100-sxm", "Reserved3Y", 3, "AWS")).toBe(ref);
    expect(await xl.value("FLOPS", 1, "h100-SXM", "FP8")).toBeCloseTo(1978.9e12, 0);
    expect(await xl.value("PRICE", "AWS.P5.48XLARGE.ONDEMAND")).toBe(98.32);
    expect(await xl.value("SCALEGAIN", 0.5, "CHINCHILLA")).toBeCloseTo(Math.SQRT2, 12);
  });

  it("treats a 1x1 range like its value", async () => {
    expect(await xl.value("CLUSTERCOST", [[8]], [["H100-SXM"]])).toBe(await xl.value("CLUSTERCOST", 8));
  });

  it("prices a negotiated rate given as a number in USD per GPU-hour", async () => {
    expect(await xl.value("CLUSTERCOST", 16, "H100-SXM", 2, 1)).toBeCloseTo(16 * 2 * 8760, 6);
  });

  it("rents whole instances: 9 GPUs on p5.48xlarge pay for 2 instances", async () => {
    expect(await xl.value("CLUSTERCOST", 9, "H100-SXM", "ondemand", 1)).toBeCloseTo(2 * 98.32 * 8760, 6);
  });

  it("reads the price book by key", async () => {
    expect(await xl.value("PRICE", "facility.pue")).toBe(1.25);
    expect(await xl.value("PRICE", "h100-sxm.tflops.fp16")).toBe(989.4);
  });
});

describe("bad input gives an Excel error with a message naming what to fix", () => {
  it.each([
    [-8, "gpus"],
    [0, "gpus"],
    ["eight", "gpus"],
    [true, "gpus"],
  ])("CLUSTERCOST(%j) -> #VALUE!", async (gpus, word) => {
    expectError(await xl.call("CLUSTERCOST", gpus), "#VALUE!", word);
  });

  it("a range where a spilled table takes one value", async () => {
    expectError(await xl.call("TCO", [[8, 16]]), "#VALUE!", "gpus", "single value");
  });

  it("a missing required argument", async () => {
    expectError(await xl.call("CLUSTERCOST", null), "#VALUE!", "gpus", "required");
  });

  it("years <= 0", async () => {
    expectError(await xl.call("CLUSTERCOST", 8, "H100-SXM", "ondemand", 0), "#VALUE!", "years");
    expectError(await xl.call("CLUSTERCOST", 8, "H100-SXM", "ondemand", -1), "#VALUE!", "years");
  });

  it("unknown accelerator lists the known ones", async () => {
    expectError(await xl.call("CLUSTERCOST", 8, "H900"), "#N/A", "H900", "H100-SXM", "A100-80GB");
  });

  it("unknown provider lists the providers", async () => {
    expectError(await xl.call("CLUSTERCOST", 8, "H100-SXM", "ondemand", 3, "ibm"), "#N/A", "ibm", "aws");
  });

  it("unknown pricing mode lists the modes", async () => {
    expectError(await xl.call("CLUSTERCOST", 8, "H100-SXM", "lease"), "#VALUE!", "lease", "capex", "reserved3y");
  });

  it("a negative price per GPU-hour", async () => {
    expectError(await xl.call("CLUSTERCOST", 8, "H100-SXM", -2), "#VALUE!", "pricing");
  });

  it("a mode the instance is not sold in names the modes it is", async () => {
    expectError(await xl.call("CLUSTERCOST", 8, "H100-SXM", "spot"), "#N/A", "spot", "ondemand", "reserved3y");
  });

  it("unknown precision, and a precision the accelerator has no figure for", async () => {
    expectError(await xl.call("FLOPS", 8, "H100-SXM", "fp2"), "#VALUE!", "fp2", "bf16", "fp4");
    expectError(await xl.call("FLOPS", 8, "A100-80GB", "fp8"), "#N/A", "fp8", "A100-80GB");
  });

  it("SCALEGAIN at or beyond a 100% cut, and an unknown law", async () => {
    expectError(await xl.call("SCALEGAIN", 1), "#VALUE!", "cost_reduction");
    expectError(await xl.call("SCALEGAIN", 0.5, "kaplan"), "#VALUE!", "fixed-tokens", "chinchilla");
  });

  it("PRICE of an unknown key names the closest keys", async () => {
    expectError(await xl.call("PRICE", "aws.p5.ondemand"), "#N/A", "aws.p5.48xlarge.ondemand");
  });

  it("results too large for a cell become #NUM!, never Infinity", async () => {
    const outcome = await xl.call("CLUSTERCOST", 1e9, "H100-SXM", 1e300, 100);
    expectError(outcome, "#NUM!");
  });

  it.each([
    ["QUERYCOST", [500, 500, 175e9, "H100-SXM", 0], "utilization"],
    ["QUERYCOST", [500, 500, 175e9, "H100-SXM", 1.5], "utilization"],
    ["QUERYCOST", [0], "tokens_out"],
    ["QUERYCOST", [500, -1], "tokens_in"],
    ["QUERYCOST", [500, 500, 0], "params"],
    ["QUERYENERGY", [500, 500, -5], "params"],
    ["FLEETSIZE", [1e9, 1000, 175e9, "H100-SXM", 0.5, 0.5], "peak_to_average"],
    ["FLEETSIZE", [-1], "queries_per_day"],
    ["TRAINDAYS", [70e9, 1.4e12, 1024, "H100-SXM", 1.2], "mfu"],
    ["TRAINDAYS", [70e9, 0, 1024], "tokens"],
    ["TRAINCOST", [70e9, 1.4e12, "H100-SXM", 0], "mfu"],
    ["TRAINFLOPS", [-70e9, 1e12], "params"],
    ["HOURLY", ["H100-SXM", "ondemand", "aws", 0], "utilization"],
    ["BREAKEVEN", ["H100-SXM", "capex"], "reserved3y"],
    ["TCO", [8, "H100-SXM", -3], "years"],
    ["CHIPROI", [-5], "units"],
  ])("%s(%j) -> #VALUE! naming %s", async (id, args, word) => {
    expectError(await xl.call(id, ...args), "#VALUE!", word);
  });

  it("a rent mode the provider does not sell for that accelerator -> #N/A naming the modes it sells", async () => {
    expectError(await xl.call("HOURLY", "H100-SXM", "spot", "aws"), "#N/A", "spot", "ondemand");
    expectError(await xl.call("QUERYCOST", 500, 500, 175e9, "H100-SXM", 0.5, "spot"), "#N/A", "ondemand");
  });

  it("BREAKEVEN -> #N/A never when renting costs less than operating", async () => {
    expectError(await xl.call("BREAKEVEN", "H100-SXM", 0.1), "#N/A", "never");
  });

  it("ASSUMPTIONS with a filter that matches nothing -> #N/A", async () => {
    expectError(await xl.call("ASSUMPTIONS", "zzz-nothing"), "#N/A", "zzz-nothing");
  });
});

describe("spills", () => {
  it("TCO spills a rectangular labelled table with one Total row", async () => {
    const rows = (await xl.value("TCO", 8)) as unknown[][];
    expect(rows.every((r) => r.length === 2 && typeof r[0] === "string" && typeof r[1] === "number")).toBe(true);
    expect(rows.filter((r) => (r[0] as string).includes("Total"))).toHaveLength(1);
    expect(rows.map((r) => r[0])).toEqual(
      expect.arrayContaining([
        "Hardware capex (USD)",
        "Energy (USD)",
        "Facility (USD)",
        "Operations (USD)",
        "Total to buy (USD)",
        "Rent ondemand (USD)",
        "Rent reserved3y / buy",
      ]),
    );
  });

  it("ASSUMPTIONS spills key, value, unit, source and as-of for every key PRICE reads", async () => {
    const rows = (await xl.value("ASSUMPTIONS")) as unknown[][];
    expect(rows[0]).toEqual(["Key", "Value", "Unit", "Source", "As of"]);
    for (const [key, value] of rows.slice(1)) expect(await xl.value("PRICE", key)).toBe(value);
  });

  it("FLEETCOST spills its five labelled rows", async () => {
    const rows = (await xl.value("FLEETCOST", 1e8)) as unknown[][];
    expect(rows.map((r) => r[0])).toEqual([
      "Accelerators",
      "Up-front capex (USD)",
      "Yearly cost (USD)",
      "Cost per query (USD)",
      "Total over years (USD)",
    ]);
  });

  it("TCO of a chip that is not for sale shows #N/A buy rows and the rent it can have", async () => {
    const rows = (await xl.value("TCO", 8, "TPU-V5E", 1, "gcp")) as unknown[][];
    const total = rows.find((r) => r[0] === "Total to buy (USD)")!;
    expect((total[1] as { code: string }).code).toBe("#N/A");
    expect(rows.find((r) => r[0] === "Rent ondemand (USD)")![1]).toBeCloseTo(8 * 1.2 * 8760, 6);
  });

  it("custom silicon against the H100 (defaults: Maia-100-class chip, $3,320 a unit, $200M a year for 2 years)", async () => {
    const margin = (800 / 989.4) * 27_500 - 3_320;
    expect(await xl.value("CHIPROI", 100_000)).toBeCloseTo(100_000 * margin - 400e6, 0);
    expect(await xl.value("CHIPBREAKEVEN")).toBe(Math.ceil(400e6 / margin));
  });
});

describe("where the price book has no answer", () => {
  it("a provider that rents no instance with that accelerator names who does", async () => {
    expectError(await xl.call("HOURLY", "TPU-V5E", "ondemand", "aws"), "#N/A", "TPU-V5E", "gcp");
    expectError(await xl.call("CLUSTERCOST", 8, "MAIA-100", "ondemand", 3, "azure"), "#N/A", "MAIA-100");
  });

  it("buying a chip that is not sold", async () => {
    expectError(await xl.call("CLUSTERCOST", 8, "TPU-V5E", "capex"), "#N/A", "TPU-V5E", "not sold");
  });

  it("CHIPBREAKEVEN -> #N/A never when a chip costs more than the compute it replaces", async () => {
    expectError(await xl.call("CHIPBREAKEVEN", 50_000), "#N/A", "never");
  });
});

describe("the public API", () => {
  it("every function keeps its name and its parameters' names and order; none is removed", () => {
    const shipped = Object.fromEntries(xl.metadata.map((m) => [m.id, m.parameters.map((p) => p.name)]));
    expect(shipped).toEqual(PUBLIC_FUNCTIONS);
  });

  it("every function has a help page anchor", () => {
    for (const m of xl.metadata)
      expect((m as { helpUrl?: string }).helpUrl, m.id).toMatch(new RegExp(`/help\\.html#${m.id.toLowerCase()}$`));
  });
});
