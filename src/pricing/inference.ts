import { capexUsd, ownershipCost, rentalRate, wholeUnits } from "./cluster";
import { gpuSeconds, serverWatts } from "./compute";
import { servingPoint, type ModelShape } from "./serving";
import type { Pricing } from "./modes";
import type { Accelerator, PriceBook } from "./priceBook";
import { gpuHourUsd } from "./rates";
import { DAYS_PER_YEAR, HOURS_PER_DAY, SECONDS_PER_HOUR, hoursIn } from "./time";
import { wholeNeeded } from "./rounding";

/**
 * Queries and fleets: what serving a query costs, in accelerator-seconds, money and energy.
 *
 * A query's accelerator-seconds come from the serving model (./serving: a roofline over the
 * model's weights, KV cache, batch and the accelerator's FLOP/s and bandwidth) at the
 * edition's serving batch (`method.decode_batch`, capped by what fits), in bf16. In 2023.10-1
 * that batch is 1, with no KV cache and prompts decoded token by token: every token costs
 * the weights' bytes / bandwidth, the decode floor at which the founding analysis's 4-cent
 * query fits (F8).
 *
 * Given a utilisation instead, a query is 2 FLOP per active parameter per token (Kaplan et al.
 * 2020), prompt and output alike, at that share of peak bf16: gpuSeconds(2 x params x tokens).
 */

/** Precision the query functions compute at (they take no precision argument). */
export const INFERENCE_PRECISION = "bf16";

/** FLOP for `tokens` tokens through a model of `params` (active) parameters: 2 x params x tokens. */
export function inferenceFlop(params: number, tokens: number): number {
  return 2 * params * tokens;
}

export interface QueryInput {
  readonly tokensOut: number;
  readonly tokensIn: number;
  readonly model: ModelShape;
  readonly gpu: Accelerator;
  /** Share of peak FLOP/s; undefined to take the serving model's figure. */
  readonly utilization?: number;
}

/**
 * Accelerator-seconds one query takes: the serving model's, or, given a utilisation,
 * gpuSeconds(2 x active parameters x (in + out), bf16, utilization).
 *
 * Example (F8, 2023.10-1): 500 + 500 tokens on a 175B model, H100 at batch 1: 1,000 tokens x
 * 350 GB / 3.35 TB/s = 104.5 s (the same as 3.5e14 FLOP at bandwidth / peak = 0.339% of peak).
 */
export function queryGpuSeconds(book: PriceBook, q: QueryInput): number {
  if (q.utilization !== undefined) {
    return gpuSeconds(
      inferenceFlop(q.model.activeParams, q.tokensIn + q.tokensOut),
      q.gpu,
      INFERENCE_PRECISION,
      q.utilization,
    );
  }
  return servingPoint(book, {
    model: q.model,
    gpu: q.gpu,
    precision: INFERENCE_PRECISION,
    tokensIn: q.tokensIn,
    tokensOut: q.tokensOut,
  }).gpuSecondsPerSequence;
}

/**
 * USD per query: GPU-seconds x effective GPU-hour / 3600.
 *
 * Example (F8): 500 prompt + 500 output tokens, 175B parameters, H100-SXM at its batch-1
 * decode utilisation (0.339%), priced at capex over 3 years ($1.462 per GPU-hour):
 * 3.5e14 / (989.4e12 x 0.00339) = 104.4 s -> 104.4 / 3600 x 1.462 = $0.0424, Bernstein's
 * "about 4 cents". On demand ($12.29 per GPU-hour) the same query costs $0.36.
 */
export function queryCostUsd(book: PriceBook, q: QueryInput, pricing: Pricing, provider: string): number {
  return (queryGpuSeconds(book, q) / SECONDS_PER_HOUR) * gpuHourUsd(book, q.gpu, pricing, provider);
}

/**
 * Wh per query at the facility meter: GPU-seconds x server power per GPU x average draw x
 * PUE / 3600. Example: the F8 query, 104.4 s x 1,275 W x 0.75 x 1.25 / 3600 = 34.7 Wh.
 */
export function queryEnergyWh(book: PriceBook, q: QueryInput): number {
  const f = book.facility;
  return (queryGpuSeconds(book, q) * serverWatts(q.gpu) * f.averageDraw * f.pue) / SECONDS_PER_HOUR;
}

export interface FleetInput {
  readonly queriesPerDay: number;
  readonly tokensPerQuery: number;
  readonly model: ModelShape;
  readonly gpu: Accelerator;
  /** Share of peak FLOP/s; undefined to take the serving model's figure. */
  readonly utilization?: number;
  readonly peakToAverage: number;
}

/**
 * Accelerators to serve a daily load, provisioned for its peak, and never fewer than one copy
 * of the model's weights (bf16, on the accelerators' usable memory):
 *
 *   fleet = max(ceil(queries/day x GPU-seconds per query / 86,400 x peak-to-average), one copy)
 *
 * A query of `tokensPerQuery` is split into prompt and output as the price book's default
 * query is (`method.prompt_tokens`, `method.output_tokens`).
 *
 * Example (F8, 2023.10-1): 1.1e9 queries of 1,000 tokens on a 175B model, H100 at batch 1:
 * 1.1e9 x 104.48 s / 86,400 = 1,330,155 accelerators.
 */
export function fleetSize(book: PriceBook, f: FleetInput): number {
  const m = book.methods;
  const promptShare = m.promptTokens + m.outputTokens > 0 ? m.promptTokens / (m.promptTokens + m.outputTokens) : 0;
  const tokensIn = f.tokensPerQuery * promptShare;
  const perQuery = queryGpuSeconds(book, {
    tokensOut: f.tokensPerQuery - tokensIn,
    tokensIn,
    model: f.model,
    gpu: f.gpu,
    utilization: f.utilization,
  });
  const needed = wholeNeeded((f.queriesPerDay * perQuery * f.peakToAverage) / (HOURS_PER_DAY * SECONDS_PER_HOUR));
  const oneCopy = wholeNeeded((f.model.totalParams * 2) / (f.gpu.memoryGb * 1e9 * book.serving.memoryUsable));
  return Math.max(needed, oneCopy);
}

export interface FleetCost {
  readonly accelerators: number;
  /** Purchase price paid up front (0 when renting). */
  readonly capexUsd: number;
  readonly yearlyUsd: number;
  readonly perQueryUsd: number;
  /** Yearly cost x years. */
  readonly periodUsd: number;
}

/**
 * What a fleet costs. Owned fleets spread the purchase over `years` (the depreciation life by
 * default): a fleet whose capex is C spends C / years a year on chips ("capex"), plus energy,
 * facility and operations ("buy"). Rented fleets pay the rent of whole instances every hour.
 *
 *   per query = yearly / (queries/day x 365)
 *
 * Example (F8): the 1,330,155-H100 fleet above costs 166,270 nodes x $307,353 = $51.1B up
 * front, $17.0B a year of chips over 3 years, $0.042 a query: Bernstein's $48.1B, $16B and
 * 4 cents within 6%.
 */
export function fleetCost(
  book: PriceBook,
  f: FleetInput,
  pricing: Pricing,
  years: number,
  provider: string,
): FleetCost {
  const n = fleetSize(book, f);
  let capex = 0;
  let yearly: number;
  switch (pricing.kind) {
    case "capex":
      capex = capexUsd(book, f.gpu, n);
      yearly = capex / years;
      break;
    case "buy": {
      const own = ownershipCost(book, f.gpu, n, years);
      capex = own.capex;
      yearly = own.total / years;
      break;
    }
    case "rent": {
      const { usdPerInstanceHour, gpusPerInstance } = rentalRate(book, f.gpu, provider, pricing.mode);
      yearly = wholeUnits(n, gpusPerInstance) * usdPerInstanceHour * hoursIn(1);
      break;
    }
    case "rate":
    case "amortized":
      yearly = n * gpuHourUsd(book, f.gpu, pricing, provider) * hoursIn(1);
      break;
  }
  return {
    accelerators: n,
    capexUsd: capex,
    yearlyUsd: yearly,
    perQueryUsd: yearly / (f.queriesPerDay * DAYS_PER_YEAR),
    periodUsd: yearly * years,
  };
}
