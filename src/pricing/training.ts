import type { Precision } from "./book/types";
import { gpuSeconds } from "./compute";
import type { Pricing } from "./modes";
import type { Accelerator, PriceBook } from "./priceBook";
import { gpuHourUsd } from "./rates";
import { HOURS_PER_DAY, SECONDS_PER_HOUR } from "./time";

/**
 * Training compute (Kaplan et al. 2020; Hoffmann et al. 2022): 6 FLOP per parameter per
 * token (2 forward, 4 backward).
 *
 *   trainFlops(70e9, 1.4e12) = 6 x 70e9 x 1.4e12 = 5.88e23 FLOP (Chinchilla-70B).
 */
export function trainFlops(params: number, tokens: number): number {
  return 6 * params * tokens;
}

export interface TrainingInput {
  readonly params: number;
  readonly tokens: number;
  readonly gpu: Accelerator;
  /** Model FLOP utilisation, in (0, 1]. */
  readonly mfu: number;
  readonly precision: Precision;
}

/** GPU-hours a training run takes: gpuSeconds(6ND, precision, mfu) / 3600. */
export function trainGpuHours(t: TrainingInput): number {
  return gpuSeconds(trainFlops(t.params, t.tokens), t.gpu, t.precision, t.mfu) / SECONDS_PER_HOUR;
}

/**
 * Wall-clock days on `gpus` accelerators: GPU-hours / gpus / 24.
 * Example: Chinchilla-70B (5.88e23 FLOP) on 1,024 H100 at bf16 and 37.5% MFU:
 * 5.88e23 / (989.4e12 x 0.375) / 3600 = 440,220 GPU-hours -> 17.9 days.
 */
export function trainDays(t: TrainingInput, gpus: number): number {
  return trainGpuHours(t) / gpus / HOURS_PER_DAY;
}

/**
 * USD for the run: GPU-hours x effective GPU-hour (`gpuHourUsd`). The cluster size does not
 * change the cost, only the days. Example: the run above on AWS on demand: 440,220 x $12.29
 * = $5.41M; at 3-year reserved ($5.395) = $2.37M.
 */
export function trainCostUsd(book: PriceBook, t: TrainingInput, pricing: Pricing, provider: string): number {
  return trainGpuHours(t) * gpuHourUsd(book, t.gpu, pricing, provider);
}
