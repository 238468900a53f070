import { listOf } from "./closest";
import { notAvailable } from "./errors";
import type { Precision } from "./book/types";
import type { Accelerator } from "./priceBook";
import { wholeNeeded } from "./rounding";

/** Dense peak FLOP/s of one `gpu` at `precision`, or #N/A naming the precisions it has. */
export function peakFlops(gpu: Accelerator, precision: Precision): number {
  const flops = gpu.flops[precision];
  if (flops === undefined) {
    throw notAvailable(
      `The price book has no ${precision} figure for ${gpu.id}. It has ${listOf(Object.keys(gpu.flops))}.`,
    );
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
  return wholeNeeded(flops / peakFlops(gpu, precision));
}

/** Wall power of the server per accelerator (W), or #N/A where the price book has no figure. */
export function serverWatts(gpu: Accelerator): number {
  if (gpu.serverWPerGpu === undefined) {
    throw notAvailable(`The price book has no server power figure for ${gpu.id}, so its energy cannot be computed.`);
  }
  return gpu.serverWPerGpu;
}

/**
 * Seconds one accelerator needs for `flop` operations at `utilization` of its peak: the
 * single place FLOPs become GPU-time (queries, fleets, training).
 *
 *   gpuSeconds = flop / (peak x utilization)
 *
 * Example: a 1,000-token query on a 175B model is 2 x 175e9 x 1,000 = 3.5e14 FLOP; on an
 * H100 (989.4e12 bf16) at 0.34% utilisation it takes 3.5e14 / (989.4e12 x 0.00339) = 104 s.
 */
export function gpuSeconds(flop: number, gpu: Accelerator, precision: Precision, utilization: number): number {
  return flop / (peakFlops(gpu, precision) * utilization);
}
