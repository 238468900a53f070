import {
  breakevenMonths,
  cashFlows,
  clusterCost as clusterCostUsd,
  clusterFlops,
  gpusFor as gpusForPeak,
  tcoTable,
  usefulGpuHourUsd,
  type PriceBook,
} from "../pricing";
import { table } from "./excel";
import { live } from "./live";
import * as P from "./params";

/**
 * USD to have a number of accelerators for a period: bought or rented.
 * Example: =GPU.CLUSTERCOST(8,"H100-SXM","reserved3y",3,"aws") = 520,722.
 * Example: =GPU.CLUSTERCOST(8,"H100-SXM","reserved3y",3,"aws") = 1,134,245 in edition 2023.10-1 (the founding analysis's $1.1M).
 * @customfunction CLUSTERCOST
 * @helpurl https://localhost:3000/help.html#clustercost
 * @param gpus Number of accelerators (e.g. 8 for one H100 node); a range spills a grid.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default) or "B200".
 * @param [pricing] "capex" (purchase with network), "buy" (capex + energy + facility + operations), "amortized" (value lost + energy), "ondemand" (default), "reserved1y", "reserved3y", "spot", "block", or a price in USD per GPU-hour.
 * @param [years] Period in years (default 3; 1/365 is a day).
 * @param [provider] Cloud for rent modes (default "aws"; see GPU.ASSUMPTIONS for the providers), or "provider.instance".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Cost in USD.
 */
export function clusterCost(
  gpus: any[][],
  gpu: any[][],
  pricing: any[][],
  years: any[][],
  provider: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, [gpus, gpu, pricing, years, provider], clusterCostElement);
}

/** GPU.CLUSTERCOST of one element of its arguments' broadcast. */
function clusterCostElement(
  book: PriceBook,
  gpus: unknown,
  gpu: unknown,
  pricing: unknown,
  years: unknown,
  provider: unknown,
): number {
  return clusterCostUsd(book, {
    gpus: P.gpus(gpus),
    gpu: book.accelerator(P.gpu(gpu)),
    pricing: P.pricing(pricing),
    years: P.years(years),
    provider: P.provider(provider),
  });
}

/**
 * Peak dense FLOP/s of a number of accelerators.
 * Example: =GPU.FLOPS(8) = 7.92E+15 (8 H100-SXM at bf16).
 * @customfunction FLOPS
 * @helpurl https://localhost:3000/help.html#flops
 * @param gpus Number of accelerators.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [precision] "bf16" (default), "fp16", "fp8", "tf32", "int8" or "fp4".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Peak FLOP/s (OP/s for int8).
 */
export function flops(
  gpus: any[][],
  gpu: any[][],
  precision: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, [gpus, gpu, precision], flopsElement);
}

/** GPU.FLOPS of one element of its arguments' broadcast. */
function flopsElement(book: PriceBook, gpus: unknown, gpu: unknown, precision: unknown): number {
  return clusterFlops(P.gpus(gpus), book.accelerator(P.gpu(gpu)), P.precision(precision));
}

/**
 * Whole accelerators needed to reach a peak FLOP/s.
 * Example: =GPU.GPUSFOR(20E18,"H100-SXM","fp16") = 20,215 (a 20-exaflop cluster).
 * @customfunction GPUSFOR
 * @helpurl https://localhost:3000/help.html#gpusfor
 * @param flops Peak FLOP/s wanted, e.g. 20E18 for 20 exaflops.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [precision] "bf16" (default), "fp16", "fp8", "tf32", "int8" or "fp4".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Number of accelerators.
 */
export function gpusFor(
  flops: any[][],
  gpu: any[][],
  precision: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, [flops, gpu, precision], gpusForElement);
}

/** GPU.GPUSFOR of one element of its arguments' broadcast. */
function gpusForElement(book: PriceBook, flops: unknown, gpu: unknown, precision: unknown): number {
  return gpusForPeak(P.flops(flops), book.accelerator(P.gpu(gpu)), P.precision(precision));
}

/**
 * Buy against rent: spills the cost of owning (capex, energy, facility, operations, total), each rent mode, rent over buy, and the present values of buying and renting.
 * Example: =GPU.TCO(8) spills the cost of owning 8 H100 for 3 years ("Total to buy (USD)" 519,691) beside each AWS rent, their ratios and present values.
 * @customfunction TCO
 * @helpurl https://localhost:3000/help.html#tco
 * @param gpus Number of accelerators.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [years] Period in years (default 3).
 * @param [provider] Cloud whose rent is compared (default "aws"), or "provider.instance".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Two columns: label, USD (or ratio).
 */
export function tco(
  gpus: number,
  gpu: string,
  years: number,
  provider: string,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, (book) =>
    table(() =>
      tcoTable(book, book.accelerator(P.gpu(gpu)), P.gpus(gpus), P.years(years), P.provider(provider)).map((r) => [
        r.label,
        r.value,
      ]),
    ),
  );
}

/** CASHFLOWS's header row: stable, for INDEX and XLOOKUP. */
export const CASHFLOW_HEADER = [
  "Period",
  "Buy (USD)",
  "Rent (USD)",
  "Cumulative buy (USD)",
  "Cumulative rent (USD)",
] as const;

/**
 * Cash flows of buying against renting, period by period: the purchase at period 0, operating costs and rent each period, the residual value credited in the last. Apply NPV, XNPV or IRR to its columns.
 * Example: =GPU.CASHFLOWS(8,"H100-SXM","reserved3y") spills a header and 4 rows (years 0-3); =NPV(0.11,INDEX(spill,,2)) discounts a column.
 * @customfunction CASHFLOWS
 * @helpurl https://localhost:3000/help.html#cashflows
 * @param gpus Number of accelerators.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [pricing] Rent compared with buying: "ondemand" (default), "reserved1y", "reserved3y", "spot", "block", or USD per GPU-hour.
 * @param [years] Period in years (default 3).
 * @param [provider] Cloud whose rent is compared (default "aws"), or "provider.instance".
 * @param [period] "year" (default), "quarter" or "month".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns A header row, then one row per period: period, buy, rent, cumulative buy, cumulative rent (USD).
 */
export function cashflows(
  gpus: number,
  gpu: string,
  pricing: string | number,
  years: number,
  provider: string,
  period: string,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, (book) =>
    table(() => {
      const rows = cashFlows(
        book,
        book.accelerator(P.gpu(gpu)),
        P.gpus(gpus),
        P.years(years),
        P.provider(provider),
        P.pricing(pricing),
        P.period(period),
      );
      let buy = 0;
      let rent = 0;
      return [
        [...CASHFLOW_HEADER],
        ...rows.map((r) => {
          const cumulativeBuy = typeof r.buy === "number" ? (buy += r.buy) : r.buy;
          const cumulativeRent = typeof r.rent === "number" ? (rent += r.rent) : r.rent;
          return [r.period, r.buy, r.rent, cumulativeBuy, cumulativeRent];
        }),
      ];
    }),
  );
}

/**
 * Months after which owning a GPU (all-in) has cost less than renting it, discounted at the cost of capital.
 * Example: =GPU.BREAKEVEN("H100-SXM","ondemand") = 10.7 months against AWS on demand, at an 11% cost of capital.
 * @customfunction BREAKEVEN
 * @helpurl https://localhost:3000/help.html#breakeven
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [pricing] Rent compared with owning: "ondemand" (default), "reserved1y", "reserved3y", "spot", "block", or USD per GPU-hour.
 * @param [provider] Cloud (default "aws"), or "provider.instance".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Months; #N/A "never" when renting costs less a month than operating owned hardware.
 */
export function breakeven(
  gpu: any[][],
  pricing: any[][],
  provider: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, [gpu, pricing, provider], breakevenElement);
}

/** GPU.BREAKEVEN of one element of its arguments' broadcast. */
function breakevenElement(book: PriceBook, gpu: unknown, pricing: unknown, provider: unknown): number {
  return breakevenMonths(book, book.accelerator(P.gpu(gpu)), P.pricing(pricing), P.provider(provider));
}

/**
 * Effective USD per useful GPU-hour: the rent, or owned hardware over its depreciation life (levelized at the cost of capital), divided by utilisation.
 * Example: =GPU.HOURLY("H100-SXM","ondemand","aws",0.5) = 13.76 (AWS's $6.88 a GPU-hour at 50% utilisation).
 * @customfunction HOURLY
 * @helpurl https://localhost:3000/help.html#hourly
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [pricing] "ondemand" (default), "reserved1y", "reserved3y", "spot", "block", "buy", "capex", "amortized", or USD per GPU-hour.
 * @param [provider] Cloud for rent modes (default "aws"), or "provider.instance".
 * @param [utilization] Share of paid hours doing useful work, in (0, 1] (default 1).
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns USD per useful GPU-hour.
 */
export function hourly(
  gpu: any[][],
  pricing: any[][],
  provider: any[][],
  utilization: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, [gpu, pricing, provider, utilization], hourlyElement);
}

/** GPU.HOURLY of one element of its arguments' broadcast. */
function hourlyElement(
  book: PriceBook,
  gpu: unknown,
  pricing: unknown,
  provider: unknown,
  utilization: unknown,
): number {
  return usefulGpuHourUsd(
    book,
    book.accelerator(P.gpu(gpu)),
    P.pricing(pricing),
    P.provider(provider),
    P.hourlyUtilization(utilization),
  );
}
