import { capexUsd, ownershipCost, rentalRate, wholeUnits } from "./cluster";
import { gpuSeconds, peakFlops, serverWatts } from "./compute";
import type { Pricing } from "./modes";
import type { Accelerator, PriceBook } from "./priceBook";
import { gpuHourUsd } from "./rates";
import { DAYS_PER_YEAR, HOURS_PER_DAY, SECONDS_PER_HOUR, hoursIn } from "./time";
import { wholeNeeded } from "./rounding";

/**
 * The inference model (Kaplan et al. 2020): a forward pass costs about 2 FLOP per parameter
 * per token, for prompt and output tokens alike, and runs at the accelerator's peak bf16
 * times a utilisation.
 *
 * Its limit is decode. Generating a token reads every weight once, so at small batch the
 * speed is set by memory bandwidth, not FLOP/s: at batch b a bf16 model (2 bytes and 2 FLOP
 * per parameter) runs at b x bandwidth / peak of the accelerator's FLOP/s. That ratio is the
 * default utilisation here (`decodeUtilization`): 0.34% for an H100 at batch 1, the figure at
 * which the founding analysis's 4-cent query fits. Prompt tokens are processed in parallel
 * and run far closer to peak, so the default over-prices long prompts; pass a utilisation
 * to model a serving stack with large batches (30-60% is typical of well-batched serving).
 */

/** Precision the inference functions compute at. */
export const INFERENCE_PRECISION = "bf16";

/** FLOP for `tokens` tokens through a model of `params` parameters: 2 x params x tokens. */
export function inferenceFlop(params: number, tokens: number): number {
  return 2 * params * tokens;
}

/**
 * Default inference utilisation of `gpu`: min(1, decode batch x bandwidth / peak bf16).
 * H100-SXM at batch 1: 3.35e12 / 989.4e12 = 0.00339.
 */
export function decodeUtilization(book: PriceBook, gpu: Accelerator): number {
  const bytesPerSecond = gpu.bandwidthTBs * 1e12;
  // bf16: 2 bytes read per parameter and 2 FLOP done with it, so FLOP/s = bytes/s.
  return Math.min(1, (book.methods.decodeBatch * bytesPerSecond) / peakFlops(gpu, INFERENCE_PRECISION));
}

export interface QueryInput {
  readonly tokensOut: number;
  readonly tokensIn: number;
  readonly params: number;
  readonly gpu: Accelerator;
  readonly utilization: number;
}

/** GPU-seconds one query takes: gpuSeconds(2 x params x (in + out), bf16, utilization). */
export function queryGpuSeconds(q: QueryInput): number {
  return gpuSeconds(inferenceFlop(q.params, q.tokensIn + q.tokensOut), q.gpu, INFERENCE_PRECISION, q.utilization);
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
  return (queryGpuSeconds(q) / SECONDS_PER_HOUR) * gpuHourUsd(book, q.gpu, pricing, provider);
}

/**
 * Wh per query at the facility meter: GPU-seconds x server power per GPU x average draw x
 * PUE / 3600. Example: the F8 query, 104.4 s x 1,275 W x 0.75 x 1.25 / 3600 = 34.7 Wh.
 */
export function queryEnergyWh(book: PriceBook, q: QueryInput): number {
  const f = book.facility;
  return (queryGpuSeconds(q) * serverWatts(q.gpu) * f.averageDraw * f.pue) / SECONDS_PER_HOUR;
}

export interface FleetInput {
  readonly queriesPerDay: number;
  readonly tokensPerQuery: number;
  readonly params: number;
  readonly gpu: Accelerator;
  readonly utilization: number;
  readonly peakToAverage: number;
}

/**
 * Accelerators to serve a daily load, provisioned for its peak:
 *
 *   fleet = ceil(queries/day x GPU-seconds per query / 86,400 x peak-to-average)
 *
 * Example (F8): 1.1e9 queries of 1,000 tokens on a 175B model, H100 at 0.339%: 1.1e9 x
 * 104.48 s / 86,400 = 1,330,155 accelerators.
 */
export function fleetSize(f: FleetInput): number {
  const perQuery = queryGpuSeconds({
    tokensOut: f.tokensPerQuery,
    tokensIn: 0,
    params: f.params,
    gpu: f.gpu,
    utilization: f.utilization,
  });
  return wholeNeeded((f.queriesPerDay * perQuery * f.peakToAverage) / (HOURS_PER_DAY * SECONDS_PER_HOUR));
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
  const n = fleetSize(f);
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
