import {
  decodeUtilization,
  fleetCost as fleetCostOf,
  fleetSize as fleetSizeOf,
  queryCostUsd,
  queryEnergyWh,
  type PriceBook,
  type QueryInput,
} from "../pricing";
import { live } from "./live";
import { cell, table } from "./excel";
import * as P from "./params";

/** The query both QUERYCOST and QUERYENERGY price, with the book's defaults filled in. */
function query(
  book: PriceBook,
  tokensOut: unknown,
  tokensIn: unknown,
  params: unknown,
  gpu: unknown,
  utilization: unknown,
): QueryInput {
  const accelerator = book.accelerator(P.gpu(gpu));
  return {
    tokensOut: P.tokensOut(tokensOut),
    tokensIn: P.tokensIn(tokensIn) ?? book.methods.promptTokens,
    params: P.optionalParams(params) ?? book.methods.modelParams,
    gpu: accelerator,
    utilization: P.utilization(utilization) ?? decodeUtilization(book, accelerator),
  };
}

/**
 * USD per LLM query: 2 x params FLOP per token (prompt and output) at the accelerator's peak bf16 x utilisation, priced at the effective GPU-hour.
 * Example: =GPU.QUERYCOST(500,500,175E9,"H100-SXM",,"capex") = 0.042 (Bernstein's "about 4 cents").
 * @customfunction QUERYCOST
 * @param tokens_out Output tokens per query.
 * @param [tokens_in] Prompt tokens per query (default 500).
 * @param [params] Model parameters (default 175E9, GPT-3).
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [utilization] Share of peak FLOP/s achieved, in (0, 1] (default: the memory-bound decode floor, bandwidth / peak: 0.34% for H100).
 * @param [pricing] "ondemand" (default), "reserved1y", "reserved3y", "spot", "buy", "capex", or USD per GPU-hour.
 * @param [provider] Cloud for rent modes: "aws" (default).
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns USD per query.
 */
export function queryCost(
  tokens_out: number,
  tokens_in: number,
  params: number,
  gpu: string,
  utilization: number,
  pricing: string | number,
  provider: string,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  live(invocation, scenario, cell, (book) =>
    queryCostUsd(
      book,
      query(book, tokens_out, tokens_in, params, gpu, utilization),
      P.pricing(pricing),
      P.provider(provider),
    ),
  );
}

/**
 * Wh per LLM query at the facility meter: GPU-seconds x server power per GPU x average draw x PUE.
 * Example: =GPU.QUERYENERGY(500) = 34.7 Wh (H100, 175B model, batch-1 decode).
 * @customfunction QUERYENERGY
 * @param tokens_out Output tokens per query.
 * @param [tokens_in] Prompt tokens per query (default 500).
 * @param [params] Model parameters (default 175E9).
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [utilization] Share of peak FLOP/s achieved, in (0, 1] (default: the decode floor).
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Wh per query.
 */
export function queryEnergy(
  tokens_out: number,
  tokens_in: number,
  params: number,
  gpu: string,
  utilization: number,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  live(invocation, scenario, cell, (book) =>
    queryEnergyWh(book, query(book, tokens_out, tokens_in, params, gpu, utilization)),
  );
}

/** The fleet FLEETSIZE and FLEETCOST size, with the book's defaults filled in. */
function fleet(
  book: PriceBook,
  queriesPerDay: unknown,
  tokensPerQuery: unknown,
  params: unknown,
  gpu: unknown,
  utilization: unknown,
  peakToAverage: unknown,
) {
  const accelerator = book.accelerator(P.gpu(gpu));
  const m = book.methods;
  return {
    queriesPerDay: P.queriesPerDay(queriesPerDay),
    tokensPerQuery: P.tokensPerQuery(tokensPerQuery) ?? m.promptTokens + m.outputTokens,
    params: P.optionalParams(params) ?? m.modelParams,
    gpu: accelerator,
    utilization: P.utilization(utilization) ?? decodeUtilization(book, accelerator),
    peakToAverage: P.peakToAverage(peakToAverage) ?? m.peakToAverage,
  };
}

/**
 * Accelerators needed to serve a daily query load, provisioned for its peak.
 * Example: =GPU.FLEETSIZE(1.1E9) = 1,330,155 H100 (one tenth of Google Search on a 175B model at batch 1).
 * @customfunction FLEETSIZE
 * @param queries_per_day Queries a day.
 * @param [tokens_per_query] Prompt + output tokens (default 1,000).
 * @param [params] Model parameters (default 175E9).
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [utilization] Share of peak FLOP/s achieved, in (0, 1] (default: the decode floor).
 * @param [peak_to_average] Peak load over average load, at least 1 (default 1).
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Number of accelerators.
 */
export function fleetSize(
  queries_per_day: number,
  tokens_per_query: number,
  params: number,
  gpu: string,
  utilization: number,
  peak_to_average: number,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  live(invocation, scenario, cell, (book) =>
    fleetSizeOf(fleet(book, queries_per_day, tokens_per_query, params, gpu, utilization, peak_to_average)),
  );
}

/** FLEETCOST's row labels: stable, for XLOOKUP. */
export const FLEET_LABELS = [
  "Accelerators",
  "Up-front capex (USD)",
  "Yearly cost (USD)",
  "Cost per query (USD)",
  "Total over years (USD)",
] as const;

/**
 * What a fleet serving a daily query load costs: spills accelerators, up-front capex, yearly cost, cost per query and the total over the years.
 * Example: =GPU.FLEETCOST(1.1E9,,,,"capex") spills 1,330,155 accelerators, $51.1B up front, $17.0B a year, $0.042 a query.
 * @customfunction FLEETCOST
 * @param queries_per_day Queries a day.
 * @param [tokens_per_query] Prompt + output tokens (default 1,000).
 * @param [params] Model parameters (default 175E9).
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [pricing] "ondemand" (default), "reserved1y", "reserved3y", "spot", "buy" (all-in), "capex" (chips only), or USD per GPU-hour.
 * @param [years] Years the purchase is spread over (default: the depreciation life, 3).
 * @param [provider] Cloud for rent modes: "aws" (default).
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Two columns: label, value.
 */
export function fleetCost(
  queries_per_day: number,
  tokens_per_query: number,
  params: number,
  gpu: string,
  pricing: string | number,
  years: number,
  provider: string,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, table, (book) => {
    const f = fleet(book, queries_per_day, tokens_per_query, params, gpu, null, null);
    const c = fleetCostOf(
      book,
      f,
      P.pricing(pricing),
      P.optionalYears(years) ?? book.facility.depreciationYears,
      P.provider(provider),
    );
    const values = [c.accelerators, c.capexUsd, c.yearlyUsd, c.perQueryUsd, c.periodUsd];
    return FLEET_LABELS.map((label, i) => [label, values[i]!]);
  });
}
