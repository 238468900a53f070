/** The pane's layout of the price book, and what it reads from cells: pure functions, in Node. */
import { describe, expect, it } from "vitest";
import { FOUNDING_EDITION, bookFor, type Assumption, type PriceBook } from "../../src/pricing";
import { countsText, groupChanges } from "../../src/taskpane/edition";
import { groupsOf, keyDrivers } from "../../src/taskpane/layout";
import { mergeUsage, NO_USAGE, usageFromCells, usageFromEdits } from "../../src/taskpane/usage";

// The expectations name edition 2023.10-1's chips, instances and keys.
const book = bookFor(new Map(), FOUNDING_EDITION);

describe("groups", () => {
  const groups = groupsOf(book);

  it("come in the pane's order with every assumption once", () => {
    expect(groups.map((g) => g.name)).toEqual([
      "Accelerators",
      "Cloud rates",
      "Facility",
      "Methods",
      "Finance",
      "Serving",
    ]);
    const keys = groups.flatMap((g) => g.assumptions.map((a) => a.key));
    expect(keys.length).toBe(book.assumptions.size);
    expect(new Set(keys).size).toBe(book.assumptions.size);
  });

  it("lay the accelerators out a row per chip and a column per figure, every key in one cell", () => {
    const t = groups[0]!.table!();
    expect(t.rows.map((r) => r.label)).toEqual([...book.accelerators.values()].map((a) => a.id));
    expect(t.columns.map((c) => c.field)).toEqual(
      expect.arrayContaining(["tflops.bf16", "memory_gb", "node_price", "gpu_price", "cost_to_make"]),
    );
    const h100 = t.rows.find((r) => r.id === "h100-sxm")!;
    const col = (field: string) => t.columns.findIndex((c) => c.field === field);
    expect(h100.keys[col("node_price")]).toBe("h100-sxm.node_price");
    expect(t.columns[col("node_price")]).toEqual({ field: "node_price", label: "Node purchase price", unit: "USD" });
    // A cloud-only chip has no purchase price: an empty slot, not a key of another chip.
    expect(t.rows.find((r) => r.id === "tpu-v5e")!.keys[col("node_price")]).toBeUndefined();
    const placed = t.rows.flatMap((r) => r.keys.filter((k) => k !== undefined));
    expect(placed.sort()).toEqual(groups[0]!.assumptions.map((a) => a.key).sort());
  });

  it("lay the cloud rates out a row per instance (dots in instance names kept) with the chip it carries", () => {
    const t = groups[1]!.table!();
    const oracle = t.rows.find((r) => r.id === "oracle.bm.gpu.h100.8")!;
    expect(oracle.label).toBe("oracle bm.gpu.h100.8");
    expect(oracle.detail).toBe("H100-SXM");
    expect(t.columns.map((c) => c.label)).toEqual(
      expect.arrayContaining(["On demand", "Reserved 1 yr", "Reserved 3 yr", "GPUs"]),
    );
    const placed = t.rows.flatMap((r) => r.keys.filter((k) => k !== undefined));
    expect(placed.sort()).toEqual(groups[1]!.assumptions.map((a) => a.key).sort());
  });

  it("keep the facility and methods as lists", () => {
    expect(groups[2]!.table).toBeUndefined();
    expect(groups[2]!.assumptions.map((a) => a.key)).toContain("facility.pue");
  });
});

describe("key drivers", () => {
  it("default to the default chip's prices and rents, then utilisation, facility and life", () => {
    expect(keyDrivers(book, NO_USAGE)).toEqual([
      { key: "h100-sxm.node_price", label: "Purchase, a node", heading: "H100-SXM", detail: "8-GPU node" },
      { key: "h100-sxm.gpu_price", label: "Purchase, a GPU", heading: "H100-SXM" },
      { key: "aws.p5.48xlarge.ondemand", label: "Rent, on demand", heading: "H100-SXM", detail: "aws p5.48xlarge" },
      {
        key: "aws.p5.48xlarge.reserved1y",
        label: "Rent, reserved 1 yr",
        heading: "H100-SXM",
        detail: "aws p5.48xlarge",
      },
      {
        key: "aws.p5.48xlarge.reserved3y",
        label: "Rent, reserved 3 yr",
        heading: "H100-SXM",
        detail: "aws p5.48xlarge",
      },
      { key: "method.training_mfu", label: "Training MFU", heading: "Utilisation" },
      { key: "method.decode_batch", label: "Decode batch (inference utilisation)", heading: "Utilisation" },
      { key: "facility.electricity", label: "Electricity", heading: "Facility and finance" },
      { key: "facility.pue", label: "PUE", heading: "Facility and finance" },
      { key: "facility.depreciation_years", label: "Life (depreciation)", heading: "Facility and finance" },
      { key: "finance.cost_of_capital", label: "Cost of capital", heading: "Facility and finance" },
    ]);
  });

  it("follow the chips, providers and modes in use; a chip no provider rents shows its prices only", () => {
    const keys = keyDrivers(book, { gpus: ["b200", "H100-SXM"], providers: ["gcp"], modes: ["reserved3y"] }).map(
      (d) => d.key,
    );
    expect(keys.slice(0, 6)).toEqual([
      "b200.node_price",
      "b200.gpu_price",
      "h100-sxm.node_price",
      "h100-sxm.gpu_price",
      "gcp.a3-highgpu-8g.ondemand", // the default mode comes with the named one
      "gcp.a3-highgpu-8g.reserved3y",
    ]);
    expect(keys).not.toContain("gcp.a3-highgpu-8g.reserved1y");
    expect(keys).not.toContain("aws.p5.48xlarge.ondemand");
  });

  it("rent a chip from the first provider renting it when the default provider does not", () => {
    const keys = keyDrivers(book, { gpus: ["TPU-V5E"], providers: [], modes: [] }).map((d) => d.key);
    expect(keys.filter((k) => k.startsWith("gcp.ct5lp"))).toEqual(
      [...book.assumptions.keys()].filter((k) => k.startsWith("gcp.ct5lp-hightpu-1t.") && !k.endsWith(".gpus")),
    );
  });

  it("keep the first screen to three chips, and ignore names that are not chips", () => {
    const chips = new Set(
      keyDrivers(book, { gpus: ["H100-SXM", "nonsense", "H200", "B200", "MI300X"], providers: [], modes: [] })
        .filter((d) => !["Utilisation", "Facility and finance"].includes(d.heading))
        .map((d) => d.heading),
    );
    expect([...chips]).toEqual(["H100-SXM", "H200", "B200"]);
  });

  it("show a driver the book has (cost of capital) and skip one it lacks", () => {
    expect(keyDrivers(book, NO_USAGE).at(-1)).toEqual({
      key: "finance.cost_of_capital",
      label: "Cost of capital",
      heading: "Facility and finance",
    });
    const without = {
      ...book,
      data: book.data,
      accelerators: book.accelerators,
      assumptions: new Map([...book.assumptions].filter(([k]) => k !== "finance.cost_of_capital")),
    } as unknown as PriceBook;
    expect(keyDrivers(without, NO_USAGE).some((d) => d.key === "finance.cost_of_capital")).toBe(false);
    expect(keyDrivers(without, NO_USAGE).at(-1)!.key).toBe("facility.depreciation_years");
  });
});

describe("usage read from cells", () => {
  it("reads string literals of GPU.* formulas and whole-cell constants, most named first", () => {
    const usage = usageFromCells(
      [
        '=GPU.CLUSTERCOST(8,"B200","reserved1y",3,"aws")',
        '=gpu.hourly("h200","spot","GCP")', // spot: no instance of this edition sells it, not a mode here
        "H200",
        '=SUM("B200")', // not a GPU.* formula
        "B200 cluster", // not a whole-cell name
        42,
        null,
        '=GPU.PRICE("say ""H100-SXM""")', // an escaped quote inside a literal: not a chip name
      ],
      book,
    );
    expect(usage).toEqual({ gpus: ["H200", "B200"], providers: ["aws", "gcp"], modes: ["reserved1y"] });
  });

  it("reads the chips and providers of edits, the most recent first", () => {
    const usage = usageFromEdits(
      {
        "facility.pue": { changedAt: "2026-11-25T10:00:00Z" },
        "h200.node_price": { changedAt: "2026-11-25T09:00:00Z" },
        "gcp.a3-highgpu-8g.ondemand": { changedAt: "2026-11-25T11:00:00Z" },
      },
      book,
    );
    expect(usage).toEqual({ gpus: ["H100-SXM", "H200"], providers: ["gcp"], modes: [] });
    expect(mergeUsage({ gpus: ["B200"], providers: [], modes: [] }, usage).gpus).toEqual(["B200", "H100-SXM", "H200"]);
  });
});

describe("edition changes", () => {
  it("are grouped by the pane's groups with counts of changed, new and removed figures", () => {
    const b300: Assumption = { ...book.assumption("h100-sxm.gpu_price"), key: "b300.gpu_price" };
    const next = { assumptions: new Map([...book.assumptions, [b300.key, b300]]) } as unknown as PriceBook;
    const groups = groupChanges(
      [
        { key: "facility.pue", label: "PUE", from: 1.25, to: 1.1 },
        { key: "h100-sxm.node_price", label: "H100-SXM node purchase price", from: 248_956, to: 289_000 },
        { key: "b300.gpu_price", label: "B300 price per GPU", from: undefined, to: 40_000 },
        { key: "aws.p5.48xlarge.ondemand", label: "aws p5.48xlarge ondemand", from: 98.32, to: 55.04 },
        { key: "old.thing", label: "gone", from: 3, to: undefined },
      ],
      book,
      next,
    );
    expect(groups.map((g) => [g.name, g.lines.length, countsText(g)])).toEqual([
      ["Accelerators", 2, "1 changed, 1 new"],
      ["Cloud rates", 1, "1 changed"],
      ["Facility", 1, "1 changed"],
      ["Other", 1, "1 removed"],
    ]);
    expect(groups[0]!.lines[0]).toEqual({
      key: "h100-sxm.node_price",
      label: "H100-SXM node purchase price",
      from: 248_956,
      to: 289_000,
      unit: "USD",
      kind: "changed",
    });
  });
});
