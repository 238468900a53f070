import { clusterCost as clusterCostUsd, clusterFlops, gpusFor as gpusForPeak } from "../pricing";
import { activeBook } from "./book";
import { cell } from "./excel";
import * as P from "./params";

/**
 * USD to have a number of accelerators for a period: bought or rented.
 * Example: =GPU.CLUSTERCOST(8,"H100-SXM","reserved3y",3,"aws") = 1,134,245.
 * @customfunction CLUSTERCOST
 * @param gpus Number of accelerators (e.g. 8 for one H100 node).
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default) or "A100-80GB".
 * @param [pricing] "capex" (purchase with network), "buy" (capex + energy + facility + operations), "ondemand" (default), "reserved1y", "reserved3y", "spot", or a price in USD per GPU-hour.
 * @param [years] Period in years (default 3; 1/365 is a day).
 * @param [provider] Cloud for rent modes: "aws" (default).
 * @returns Cost in USD.
 */
export function clusterCost(
  gpus: number,
  gpu?: string,
  pricing?: string | number,
  years?: number,
  provider?: string,
): number {
  return cell(() => {
    const book = activeBook();
    return clusterCostUsd(book, {
      gpus: P.gpus(gpus),
      gpu: book.accelerator(P.gpu(gpu)),
      pricing: P.pricing(pricing),
      years: P.years(years),
      provider: P.provider(provider),
    });
  });
}

/**
 * Peak dense FLOP/s of a number of accelerators.
 * Example: =GPU.FLOPS(8) = 7.92E+15 (8 H100-SXM at bf16).
 * @customfunction FLOPS
 * @param gpus Number of accelerators.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [precision] "bf16" (default), "fp16", "fp8", "tf32" or "int8".
 * @returns Peak FLOP/s (OP/s for int8).
 */
export function flops(gpus: number, gpu?: string, precision?: string): number {
  return cell(() => clusterFlops(P.gpus(gpus), activeBook().accelerator(P.gpu(gpu)), P.precision(precision)));
}

/**
 * Whole accelerators needed to reach a peak FLOP/s.
 * Example: =GPU.GPUSFOR(20E18,"H100-SXM","fp16") = 20,215 (a 20-exaflop cluster).
 * @customfunction GPUSFOR
 * @param flops Peak FLOP/s wanted, e.g. 20E18 for 20 exaflops.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [precision] "bf16" (default), "fp16", "fp8", "tf32" or "int8".
 * @returns Number of accelerators.
 */
export function gpusFor(flops: number, gpu?: string, precision?: string): number {
  return cell(() => gpusForPeak(P.flops(flops), activeBook().accelerator(P.gpu(gpu)), P.precision(precision)));
}
