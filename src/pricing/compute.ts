import { listOf } from "./closest";
import { notAvailable } from "./errors";
import type { Precision } from "./book/types";
import type { Accelerator } from "./priceBook";

/** Dense peak FLOP/s of one `gpu` at `precision`, or #N/A naming the precisions it has. */
export function peakFlops(gpu: Accelerator, precision: Precision): number {
  const flops = gpu.flops[precision];
  if (flops === undefined) {
    throw notAvailable(`The price book has no ${precision} figure for ${gpu.id}. It has ${listOf(Object.keys(gpu.flops))}.`);
  }
  return flops;
}

/**
 * Peak dense FLOP/s of `gpus` accelerators: gpus x peak.
 * Example: clusterFlops(8, H100-SXM, bf16) = 8 x 989.4e12 = 7.915e15 FLOP/s.
 */
export function clusterFlops(gpus: number, gpu: Accelerator, precision: Precision): number {
  return gpus * peakFlops(gpu, precision);
}

/**
 * Whole accelerators whose combined peak reaches `flops`: ceil(flops / peak).
 * Example: gpusFor(20e18, H100-SXM, fp16) = ceil(20e18 / 989.4e12) = 20,215 (the founding
 * analysis's 20,214, which truncates).
 */
export function gpusFor(flops: number, gpu: Accelerator, precision: Precision): number {
  return Math.ceil(flops / peakFlops(gpu, precision) - 1e-9);
}

/** Wall power of the server per accelerator (W), or #N/A where the price book has no figure. */
export function serverWatts(gpu: Accelerator): number {
  if (gpu.serverWPerGpu === undefined) {
    throw notAvailable(`The price book has no server power figure for ${gpu.id}; set ${gpu.id.toLowerCase()}.server_w to use it.`);
  }
  return gpu.serverWPerGpu;
}
