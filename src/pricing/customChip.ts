import { peakFlops } from "./compute";
import { notAvailable } from "./errors";
import type { Accelerator } from "./priceBook";
import { wholeNeeded } from "./rounding";

/**
 * Building your own accelerator instead of buying GPUs (F10), at equal compute: `units`
 * custom chips deliver units x chipFlops / gpuFlops GPUs' worth of bf16 FLOP/s.
 *
 *   GPU spend  = units x chipFlops / gpuFlops x gpuPrice
 *   chip spend = units x unitCost + nrePerYear x years
 *   savings    = GPU spend - chip spend
 *   break-even = ceil(nrePerYear x years / (chipFlops / gpuFlops x gpuPrice - unitCost))
 *
 * Both sides buy silicon only: servers, power and networking are taken as equal per FLOP/s.
 * Example (edition 2023.10-1): a Maia-100-class chip (800 TFLOP/s) against the H100-SXM (989.4 at
 * $27,500): each chip replaces 0.8086 H100s, $22,236 of GPUs, for $3,320 to make: $18,916
 * saved a chip. Two years of $200M design cost break even at 21,147 chips; 100,000 chips
 * save $1.49B.
 */
export interface CustomChipInput {
  readonly chipFlops: number;
  readonly unitCostUsd: number;
  readonly nrePerYearUsd: number;
  readonly years: number;
  readonly gpu: Accelerator;
  readonly gpuPriceUsd: number;
}

/** Value of one chip's compute bought as GPUs, less what the chip costs to make. */
function marginPerChip(c: CustomChipInput): number {
  return (c.chipFlops / peakFlops(c.gpu, "bf16")) * c.gpuPriceUsd - c.unitCostUsd;
}

export function chipSavingsUsd(units: number, c: CustomChipInput): number {
  return units * marginPerChip(c) - c.nrePerYearUsd * c.years;
}

export function chipBreakevenUnits(c: CustomChipInput): number {
  const margin = marginPerChip(c);
  if (margin <= 0) {
    throw notAvailable(
      `never: each chip costs more to make ($${c.unitCostUsd}) than the GPU compute it replaces ($${Math.round(margin + c.unitCostUsd)}).`,
    );
  }
  return wholeNeeded((c.nrePerYearUsd * c.years) / margin);
}

/** Default GPU price for the comparison: the street price per GPU, else node price / GPUs. */
export function gpuPriceOf(gpu: Accelerator): number {
  if (gpu.gpuPriceUsd !== undefined) return gpu.gpuPriceUsd;
  if (gpu.nodePriceUsd !== undefined) return gpu.nodePriceUsd / gpu.gpusPerNode;
  throw notAvailable(`The price book has no purchase price for ${gpu.id}; give gpu_price.`);
}
