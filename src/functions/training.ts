import {
  trainCostUsd,
  trainDays as trainDaysOf,
  trainFlops as trainFlopsOf,
  type PriceBook,
  type TrainingInput,
} from "../pricing";
import { live } from "./live";
import { cell } from "./excel";
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
    precision: P.precision(precision),
  };
}

/**
 * Training compute: 6 x parameters x tokens.
 * Example: =GPU.TRAINFLOPS(70E9,1.4E12) = 5.88E+23 (Chinchilla-70B).
 * @customfunction TRAINFLOPS
 * @param params Model parameters, e.g. 70E9.
 * @param tokens Training tokens, e.g. 1.4E12.
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns FLOP.
 */
export function trainFlops(
  params: number,
  tokens: number,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  live(invocation, scenario, cell, () => trainFlopsOf(P.params(params), P.tokens(tokens)));
}

/**
 * Wall-clock days to train on a cluster at a model FLOP utilisation.
 * Example: =GPU.TRAINDAYS(70E9,1.4E12,1024) = 17.9 days on 1,024 H100 at 37.5% MFU.
 * @customfunction TRAINDAYS
 * @param params Model parameters.
 * @param tokens Training tokens.
 * @param gpus Accelerators in the cluster.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [mfu] Model FLOP utilisation in (0, 1] (default 0.375, Epoch AI's median).
 * @param [precision] "bf16" (default), "fp16", "fp8", "tf32" or "int8".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Days.
 */
export function trainDays(
  params: number,
  tokens: number,
  gpus: number,
  gpu: string,
  mfu: number,
  precision: string,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  live(invocation, scenario, cell, (book) => trainDaysOf(run(book, params, tokens, gpu, mfu, precision), P.gpus(gpus)));
}

/**
 * USD to train a model: GPU-hours x effective GPU-hour.
 * Example: =GPU.TRAINCOST(70E9,1.4E12,"H100-SXM",,"reserved3y") = 2.37M.
 * @customfunction TRAINCOST
 * @param params Model parameters.
 * @param tokens Training tokens.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [mfu] Model FLOP utilisation in (0, 1] (default 0.375).
 * @param [pricing] "ondemand" (default), "reserved1y", "reserved3y", "spot", "buy", "capex", or USD per GPU-hour.
 * @param [provider] Cloud for rent modes: "aws" (default).
 * @param [precision] "bf16" (default), "fp16", "fp8", "tf32" or "int8".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns USD.
 */
export function trainCost(
  params: number,
  tokens: number,
  gpu: string,
  mfu: number,
  pricing: string | number,
  provider: string,
  precision: string,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  live(invocation, scenario, cell, (book) =>
    trainCostUsd(book, run(book, params, tokens, gpu, mfu, precision), P.pricing(pricing), P.provider(provider)),
  );
}
