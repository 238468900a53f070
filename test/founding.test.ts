/**
 * The founding analysis (../shared/reference/figures.md, section 1), recomputed through the
 * built bundle in a workbook built on edition 2023.10-1: the numbers a user of that workbook
 * gets in Excel. Two bars: the analysis's claims, and 0.1's own results to the cent (a
 * shipped edition never changes numbers).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CLAIMS, COMPUTED_BY_0_1 as V01, TCO_8_BY_0_1 } from "./fixtures/founding";
import type { Runtime } from "./harness/runtime";
import { foundingRuntime } from "./harness/workbooks";

let xl: Runtime;
beforeAll(() => {
  xl = foundingRuntime();
});

const num = async (id: string, ...args: unknown[]) => (await xl.value(id, ...args)) as number;
/** USD to the cent; counts exactly; ratios to 1e-9. */
const sameAs0_1 = (actual: number, expected: number) =>
  Math.abs(expected) >= 100
    ? expect(Math.abs(actual - expected)).toBeLessThan(0.005)
    : expect(Math.abs(actual / expected - 1)).toBeLessThan(1e-9);
const within = (actual: number, claim: { value: number; tolerance: number }) =>
  expect(Math.abs(actual / claim.value - 1)).toBeLessThanOrEqual(claim.tolerance);

describe("founding figures, edition 2023.10-1", () => {
  it("the workbook computes with the founding edition", async () => {
    expect(await xl.value("EDITION")).toBe("2023.10-1");
  });

  it("F1: an 8-GPU H100 node costs almost $300K to buy, network share included", async () => {
    const node = await num("CLUSTERCOST", 8, "H100-SXM", "capex");
    within(node, CLAIMS.F1_node_usd);
    sameAs0_1(node, V01.F1_capex_node);
  });

  it("F2, F3: the node on AWS for 3 years, on demand and reserved", async () => {
    const ondemand = await num("CLUSTERCOST", 8, "H100-SXM", "ondemand", 3, "aws");
    const reserved = await num("CLUSTERCOST", 8, "H100-SXM", "reserved3y", 3, "aws");
    within(ondemand, CLAIMS.F2_ondemand_usd);
    within(reserved, CLAIMS.F3_reserved_usd);
    sameAs0_1(ondemand, V01.F2_ondemand_3y);
    sameAs0_1(reserved, V01.F3_reserved3y_3y);
  });

  it("F4: 20 exaflops FP16 dense takes about 20,214 H100 and about $1B to buy", async () => {
    const gpus = await num("GPUSFOR", 20e18, "H100-SXM", "fp16");
    within(gpus, CLAIMS.F4_gpus);
    expect(gpus).toBe(V01.F4_gpus_20EF_fp16);
    const capex = await num("CLUSTERCOST", 20_214, "H100-SXM", "capex");
    expect(capex).toBeGreaterThan(CLAIMS.F4_cluster_usd.min);
    expect(capex).toBeLessThan(CLAIMS.F4_cluster_usd.max);
    sameAs0_1(capex, V01.F4_capex_20214);
  });

  it("F5: renting that cluster reserved for 3 years costs about 2.5x buying it all-in", async () => {
    const ratio =
      (await num("CLUSTERCOST", 20_214, "H100-SXM", "reserved3y", 3, "aws")) /
      (await num("CLUSTERCOST", 20_214, "H100-SXM", "buy", 3));
    expect(ratio).toBeGreaterThan(CLAIMS.F5_rent_over_buy.min);
    expect(ratio).toBeLessThan(CLAIMS.F5_rent_over_buy.max);
    sameAs0_1(ratio, V01.F5_ratio);
  });

  it("F6: one node all-in for 3 years is under $500K and under half its reserved rent", async () => {
    const buy = await num("CLUSTERCOST", 8, "H100-SXM", "buy", 3);
    expect(buy).toBeLessThan(CLAIMS.F6_all_in_usd.max);
    expect(buy).toBeLessThan(V01.F3_reserved3y_3y / 2);
    sameAs0_1(buy, V01.F6_buy_node);
  });

  it("F7: halving the cost doubles the model, a 75% cut quadruples it, Chinchilla gives sqrt(2)", async () => {
    expect([
      await num("SCALEGAIN", 0.5),
      await num("SCALEGAIN", 0.75),
      await num("SCALEGAIN", 0.5, "chinchilla"),
    ]).toEqual(V01.F7);
  });

  // F8's assumptions: 500 prompt + 500 output tokens on a 175B model, H100 at its batch-1
  // decode floor (bandwidth / peak = 0.34%), chips priced at capex over 3 years.
  it("F8: a ChatGPT query costs about 4 cents, 34.7 Wh", async () => {
    const query = await num("QUERYCOST", 500, 500, 175e9, "H100-SXM", null, "capex");
    within(query, CLAIMS.F8_query_usd);
    sameAs0_1(query, V01.F8_query);
    sameAs0_1(await num("QUERYENERGY", 500), V01.F8_energy_wh);
  });

  it("F8: at 1.1B queries a day the fleet costs about $48.1B up front and $16B a year", async () => {
    expect(await num("FLEETSIZE", 1.1e9)).toBe(V01.F8_fleet);
    const rows = (await xl.value("FLEETCOST", 1.1e9, 1000, 175e9, "H100-SXM", "capex", 3)) as [string, number][];
    const row = (label: string) => rows.find((r) => r[0] === label)![1];
    within(row("Up-front capex (USD)"), CLAIMS.F8_fleet_usd);
    within(row("Yearly cost (USD)"), CLAIMS.F8_yearly_usd);
    within(row("Cost per query (USD)"), CLAIMS.F8_query_usd);
    sameAs0_1(row("Up-front capex (USD)"), V01.F8_fleet_capex);
    sameAs0_1(row("Yearly cost (USD)"), V01.F8_fleet_yearly);
    sameAs0_1(row("Cost per query (USD)"), V01.F8_fleet_per_query);
  });

  it("F9: the H100 sells for 7.5-9x what it costs to make", async () => {
    const ratio = (await num("PRICE", "h100-sxm.gpu_price")) / (await num("PRICE", "h100-sxm.cost_to_make"));
    expect(ratio).toBeGreaterThanOrEqual(CLAIMS.F9_markup.min);
    expect(ratio).toBeLessThanOrEqual(CLAIMS.F9_markup.max);
    sameAs0_1(ratio, V01.F9_ratio);
  });

  it("every other documented 0.1 result is unchanged", async () => {
    sameAs0_1(await num("BREAKEVEN", "H100-SXM", "ondemand"), V01.breakeven_ondemand);
    sameAs0_1(await num("BREAKEVEN", "H100-SXM", "reserved3y"), V01.breakeven_reserved3y);
    sameAs0_1(await num("HOURLY", "H100-SXM", "buy"), V01.hourly_buy);
    sameAs0_1(await num("HOURLY", "H100-SXM", "capex"), V01.hourly_capex);
    sameAs0_1(await num("TRAINDAYS", 70e9, 1.4e12, 1024), V01.traindays);
    sameAs0_1(await num("TRAINCOST", 70e9, 1.4e12, "H100-SXM", null, "reserved3y"), V01.traincost_reserved3y);
    expect(await num("CHIPBREAKEVEN")).toBe(V01.chipbreakeven);
    sameAs0_1(await num("CHIPROI", 100_000), V01.chiproi_100k);
    const tco = (await xl.value("TCO", 8)) as [string, number][];
    for (const [i, [label, value]] of TCO_8_BY_0_1.entries()) {
      expect(tco[i]![0]).toBe(label);
      sameAs0_1(tco[i]![1], value);
    }
  });
});
