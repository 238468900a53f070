import type { Precision } from "./book/types";
import { gpuSeconds, serverWatts } from "./compute";
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
  /** Share of allocated GPU-hours that train, in (0, 1]. */
  readonly goodput: number;
  readonly precision: Precision;
}

/**
 * GPU-hours a training run is allocated: the hours its FLOP take at `mfu` of peak, divided by
 * the goodput (the share of allocated hours that train: failures, restarts and checkpoints
 * take the rest):
 *
 *   GPU-hours = 6ND / (peak x MFU) / 3600 / goodput
 *
 * Example: Llama 3.1 405B (405e9 parameters, 15.6e12 tokens: 3.79e25 FLOP) on H100 at 40% MFU
 * and 90% goodput: 3.79e25 / (989.4e12 x 0.40) / 3600 / 0.9 = 29.6M GPU-hours; Meta reports
 * 30.84M (Llama 3.1 model card; MFU 38-43% and "more than 90% effective training time" from
 * The Llama 3 Herd of Models, 2024).
 */
export function trainGpuHours(t: TrainingInput): number {
  return gpuSeconds(trainFlops(t.params, t.tokens), t.gpu, t.precision, t.mfu) / SECONDS_PER_HOUR / t.goodput;
}

/**
 * Wall-clock days on `gpus` accelerators: GPU-hours / gpus / 24.
 * Example (2023.10-1, goodput 1): Chinchilla-70B (5.88e23 FLOP) on 1,024 H100 at bf16 and
 * 37.5% MFU: 5.88e23 / (989.4e12 x 0.375) / 3600 = 440,220 GPU-hours -> 17.9 days.
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

/**
 * Energy of a training run at the meter, MWh: allocated GPU-hours x server power per GPU x
 * average draw x PUE / 10^6.
 * Example (2023.10-1): Chinchilla-70B on H100, 440,220 GPU-hours x 1,275 W x 0.75 x 1.25 =
 * 526 MWh.
 */
export function trainEnergyMwh(book: PriceBook, t: TrainingInput): number {
  const f = book.facility;
  return (trainGpuHours(t) * serverWatts(t.gpu) * f.averageDraw * f.pue) / 1e6;
}

/**
 * Emissions of a training run, tonnes CO2e: energy (MWh) x grid intensity (kg CO2e per kWh),
 * since 1 MWh x 1 kg/kWh = 1 tonne.
 * Example (2023.10-1, 0.39 kg/kWh): the 526 MWh above = 205 t CO2e.
 */
export function trainCo2Tonnes(book: PriceBook, t: TrainingInput): number {
  return trainEnergyMwh(book, t) * book.facility.gridIntensityKgPerKwh;
}
