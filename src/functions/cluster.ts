import {
  breakevenMonths,
  clusterCost as clusterCostUsd,
  clusterFlops,
  gpusFor as gpusForPeak,
  tcoTable,
  usefulGpuHourUsd,
} from "../pricing";
import { cell, table } from "./excel";
import { live } from "./live";
import * as P from "./params";

/**
 * USD to have a number of accelerators for a period: bought or rented.
 * Example: =GPU.CLUSTERCOST(8,"H100-SXM","reserved3y",3,"aws") = 1,134,245.
 * @customfunction CLUSTERCOST
 * @param gpus Number of accelerators (e.g. 8 for one H100 node).
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default) or "A100-80GB".
 * @param [pricing] "capex" (purchase with network), "buy" (capex + energy + facility + operations), "ondemand" (default), "reserved1y", "reserved3y", "spot", or a price in USD per GPU-hour.
 * @param [years] Period in years (default 3; 1/365 is a day).
 * @param [provider] Cloud for rent modes: "aws" (default), "azure", "gcp", "lambda", "oracle".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Cost in USD.
 */
export function clusterCost(
  gpus: number,
  gpu: string,
  pricing: string | number,
  years: number,
  provider: string,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  live(invocation, scenario, cell, (book) =>
    clusterCostUsd(book, {
      gpus: P.gpus(gpus),
      gpu: book.accelerator(P.gpu(gpu)),
      pricing: P.pricing(pricing),
      years: P.years(years),
      provider: P.provider(provider),
    }),
  );
}

/**
 * Peak dense FLOP/s of a number of accelerators.
 * Example: =GPU.FLOPS(8) = 7.92E+15 (8 H100-SXM at bf16).
 * @customfunction FLOPS
 * @param gpus Number of accelerators.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [precision] "bf16" (default), "fp16", "fp8", "tf32" or "int8".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Peak FLOP/s (OP/s for int8).
 */
export function flops(
  gpus: number,
  gpu: string,
  precision: string,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  live(invocation, scenario, cell, (book) =>
    clusterFlops(P.gpus(gpus), book.accelerator(P.gpu(gpu)), P.precision(precision)),
  );
}

/**
 * Whole accelerators needed to reach a peak FLOP/s.
 * Example: =GPU.GPUSFOR(20E18,"H100-SXM","fp16") = 20,215 (a 20-exaflop cluster).
 * @customfunction GPUSFOR
 * @param flops Peak FLOP/s wanted, e.g. 20E18 for 20 exaflops.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [precision] "bf16" (default), "fp16", "fp8", "tf32" or "int8".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Number of accelerators.
 */
export function gpusFor(
  flops: number,
  gpu: string,
  precision: string,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  live(invocation, scenario, cell, (book) =>
    gpusForPeak(P.flops(flops), book.accelerator(P.gpu(gpu)), P.precision(precision)),
  );
}

/**
 * Buy against rent: spills the cost of owning (capex, energy, facility, operations, total) and of each rent mode, with rent over buy.
 * Example: =GPU.TCO(8) spills "Total to buy (USD)" 447,192 ... "Rent reserved3y / buy" 2.54.
 * @customfunction TCO
 * @param gpus Number of accelerators.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [years] Period in years (default 3).
 * @param [provider] Cloud whose rent is compared: "aws" (default), "azure", "gcp", "lambda", "oracle".
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
  live(invocation, scenario, table, (book) =>
    tcoTable(book, book.accelerator(P.gpu(gpu)), P.gpus(gpus), P.years(years), P.provider(provider)).map((r) => [
      r.label,
      r.value,
    ]),
  );
}

/**
 * Months after which owning a GPU (all-in) costs less than renting it.
 * Example: =GPU.BREAKEVEN("H100-SXM","reserved3y") = 11.1 months.
 * @customfunction BREAKEVEN
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [pricing] Rent compared with owning: "ondemand" (default), "reserved1y", "reserved3y", "spot", or USD per GPU-hour.
 * @param [provider] Cloud: "aws" (default), "azure", "gcp", "lambda", "oracle".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Months; #N/A "never" when renting costs less a month than operating owned hardware.
 */
export function breakeven(
  gpu: string,
  pricing: string | number,
  provider: string,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  live(invocation, scenario, cell, (book) =>
    breakevenMonths(book, book.accelerator(P.gpu(gpu)), P.pricing(pricing), P.provider(provider)),
  );
}

/**
 * Effective USD per useful GPU-hour: the rate (rent) or the all-in cost over the depreciation life (buy), divided by utilisation.
 * Example: =GPU.HOURLY("H100-SXM","ondemand","aws",0.5) = 24.58.
 * @customfunction HOURLY
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [pricing] "ondemand" (default), "reserved1y", "reserved3y", "spot", "buy", "capex", or USD per GPU-hour.
 * @param [provider] Cloud for rent modes: "aws" (default).
 * @param [utilization] Share of paid hours doing useful work, in (0, 1] (default 1).
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns USD per useful GPU-hour.
 */
export function hourly(
  gpu: string,
  pricing: string | number,
  provider: string,
  utilization: number,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  live(invocation, scenario, cell, (book) =>
    usefulGpuHourUsd(
      book,
      book.accelerator(P.gpu(gpu)),
      P.pricing(pricing),
      P.provider(provider),
      P.hourlyUtilization(utilization),
    ),
  );
}
