import {
  trainCo2Tonnes,
  trainCostUsd,
  trainDays as trainDaysOf,
  trainEnergyMwh,
  trainFlops as trainFlopsOf,
  type PriceBook,
  type TrainingInput,
} from "../pricing";
import { broadcast } from "./grid";
import { live, plain, reading } from "./live";
import * as P from "./params";

function run(
  book: PriceBook,
  params: unknown,
  tokens: unknown,
  gpu: unknown,
  mfu: unknown,
  precision: unknown,
): TrainingInput {
  return {
    params: P.params(params),
    tokens: P.tokens(tokens),
    gpu: book.accelerator(P.gpu(gpu)),
    mfu: P.mfu(mfu) ?? book.methods.trainingMfu,
    goodput: book.methods.goodput,
    precision: P.precision(precision),
  };
}

/**
 * Training compute: 6 x parameters x tokens.
 * Example: =GPU.TRAINFLOPS(70E9,1.4E12) = 5.88E+23 (Chinchilla-70B).
 * @customfunction TRAINFLOPS
 * @helpurl https://localhost:3000/help.html#trainflops
 * @param params Model parameters, e.g. 70E9.
 * @param tokens Training tokens, e.g. 1.4E12.
 * @param [scenario] Accepted like every function's last argument; TRAINFLOPS reads no price book.
 * @returns FLOP.
 */
export function trainFlops(params: any[][], tokens: any[][], scenario: any[][]): any[][] {
  void scenario;
  return plain(
    broadcast([params, tokens], (_, params, tokens) => trainFlopsOf(P.params(params), P.tokens(tokens)), null),
  );
}

/**
 * Wall-clock days to train on a cluster at a model FLOP utilisation, the goodput's lost hours included.
 * Example: =GPU.TRAINDAYS(70E9,1.4E12,1024) = 18.7 days on 1,024 H100 (40% MFU, 90% goodput).
 * @customfunction TRAINDAYS
 * @helpurl https://localhost:3000/help.html#traindays
 * @param params Model parameters.
 * @param tokens Training tokens.
 * @param gpus Accelerators in the cluster.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [mfu] Model FLOP utilisation, in (0, 1] (default: method.training_mfu).
 * @param [precision] "bf16" (default), "fp16", "fp8", "tf32" or "fp4".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Days.
 */
export function trainDays(
  params: any[][],
  tokens: any[][],
  gpus: any[][],
  gpu: any[][],
  mfu: any[][],
  precision: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, [params, tokens, gpus, gpu, mfu, precision], trainDaysElement);
}

/** GPU.TRAINDAYS of one element of its arguments' broadcast. */
function trainDaysElement(
  book: PriceBook,
  params: unknown,
  tokens: unknown,
  gpus: unknown,
  gpu: unknown,
  mfu: unknown,
  precision: unknown,
): number {
  return trainDaysOf(run(book, params, tokens, gpu, mfu, precision), P.gpus(gpus));
}

/**
 * USD to train a model: allocated GPU-hours (goodput included) x the effective GPU-hour.
 * Example: =GPU.TRAINCOST(70E9,1.4E12,"H100-SXM",,"reserved3y") = 1.14M.
 * Example: =GPU.TRAINCOST(405E9,15.6E12,"H100-SXM",,"amortized") = 52.5M (Llama 3.1 405B, priced as Epoch AI prices training runs).
 * @customfunction TRAINCOST
 * @helpurl https://localhost:3000/help.html#traincost
 * @param params Model parameters.
 * @param tokens Training tokens.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [mfu] Model FLOP utilisation, in (0, 1] (default: method.training_mfu).
 * @param [pricing] "ondemand" (default), "reserved1y", "reserved3y", "spot", "block", "buy", "capex", "amortized" (value lost over the run + energy, as Epoch AI), or USD per GPU-hour.
 * @param [provider] Cloud for rent modes (default "aws"), or "provider.instance".
 * @param [precision] "bf16" (default), "fp16", "fp8", "tf32" or "fp4".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns USD.
 */
export function trainCost(
  params: any[][],
  tokens: any[][],
  gpu: any[][],
  mfu: any[][],
  pricing: any[][],
  provider: any[][],
  precision: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, [params, tokens, gpu, mfu, pricing, provider, precision], trainCostElement);
}

/** GPU.TRAINCOST of one element of its arguments' broadcast. */
function trainCostElement(
  book: PriceBook,
  params: unknown,
  tokens: unknown,
  gpu: unknown,
  mfu: unknown,
  pricing: unknown,
  provider: unknown,
  precision: unknown,
): number {
  return trainCostUsd(book, run(book, params, tokens, gpu, mfu, precision), P.pricing(pricing), P.provider(provider));
}

/**
 * Energy of a training run at the meter, MWh: allocated GPU-hours x server power per accelerator x average draw x PUE.
 * Example: =GPU.TRAINENERGY(405E9,15.6E12) = 31,097 MWh (Llama 3.1 405B on H100).
 * @customfunction TRAINENERGY
 * @helpurl https://localhost:3000/help.html#trainenergy
 * @param params Model parameters.
 * @param tokens Training tokens.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [mfu] Model FLOP utilisation, in (0, 1] (default: method.training_mfu).
 * @param [precision] "bf16" (default), "fp16", "fp8", "tf32" or "fp4".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns MWh.
 */
export function trainEnergy(
  params: any[][],
  tokens: any[][],
  gpu: any[][],
  mfu: any[][],
  precision: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, [params, tokens, gpu, mfu, precision], trainEnergyElement);
}

/** GPU.TRAINENERGY of one element of its arguments' broadcast: the run they describe, its energy. */
const trainEnergyElement = reading(run, trainEnergyMwh);

/**
 * Emissions of a training run, tonnes CO2e: its energy x the grid's carbon intensity (facility.grid_intensity).
 * Example: =GPU.TRAINCO2(405E9,15.6E12) = 11,381 t (Llama 3.1 405B on H100; Meta reports 11,390 t, location-based).
 * @customfunction TRAINCO2
 * @helpurl https://localhost:3000/help.html#trainco2
 * @param params Model parameters.
 * @param tokens Training tokens.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [mfu] Model FLOP utilisation, in (0, 1] (default: method.training_mfu).
 * @param [precision] "bf16" (default), "fp16", "fp8", "tf32" or "fp4".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Tonnes CO2e.
 */
export function trainCo2(
  params: any[][],
  tokens: any[][],
  gpu: any[][],
  mfu: any[][],
  precision: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, [params, tokens, gpu, mfu, precision], trainCo2Element);
}

/** GPU.TRAINCO2 of one element of its arguments' broadcast: the run they describe, its emissions. */
const trainCo2Element = reading(run, trainCo2Tonnes);
