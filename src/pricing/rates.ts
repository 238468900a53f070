import { amortizedGpuHourUsd, rentalRate } from "./cluster";
import { levelizedGpuHourUsd } from "./finance";
import type { Pricing } from "./modes";
import type { Accelerator, PriceBook } from "./priceBook";

/**
 * The effective price of one GPU-hour under `pricing`: the single place every per-hour cost
 * (HOURLY, QUERYCOST, TRAINCOST, FLEETCOST, BREAKEVEN) comes from.
 *
 * - rent: instance price / GPUs per instance.
 *   p5.48xlarge on demand: $98.32 / 8 = $12.29.
 * - rate: the number given.
 * - buy: all-in cost of one node over the depreciation life, levelized at the cost of capital
 *   with the residual value credited (`levelizedGpuHourUsd`). 2023.10-1 (no discounting, no
 *   resale): H100-SXM $447,192 / (8 x 26,280) = $2.127.
 * - capex: the purchase alone over the same hours (what F8's "$16B of chips a year" counts).
 *   H100-SXM: $307,353 / (8 x 26,280) = $1.462.
 * - amortized: the value the hardware loses while it runs, plus energy (`amortizedGpuHourUsd`).
 *
 * Utilisation is not applied here: callers divide by it (HOURLY) or fold it into the
 * GPU-seconds a job takes (QUERYCOST, TRAINCOST), never both.
 */
export function gpuHourUsd(book: PriceBook, gpu: Accelerator, pricing: Pricing, provider: string): number {
  switch (pricing.kind) {
    case "rate":
      return pricing.usdPerGpuHour;
    case "rent": {
      const { usdPerInstanceHour, gpusPerInstance } = rentalRate(book, gpu, provider, pricing.mode);
      return usdPerInstanceHour / gpusPerInstance;
    }
    case "capex":
    case "buy":
      return levelizedGpuHourUsd(book, gpu, pricing.kind);
    case "amortized":
      return amortizedGpuHourUsd(book, gpu);
  }
}

/**
 * What a useful GPU-hour costs when only `utilization` of the paid hours do work:
 * gpuHourUsd / utilization. HOURLY("H100-SXM","ondemand","aws",0.5) = $12.29 / 0.5 = $24.58.
 */
export function usefulGpuHourUsd(
  book: PriceBook,
  gpu: Accelerator,
  pricing: Pricing,
  provider: string,
  utilization: number,
): number {
  return gpuHourUsd(book, gpu, pricing, provider) / utilization;
}
