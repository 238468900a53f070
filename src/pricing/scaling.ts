import { listOf, quote } from "./closest";
import { invalid } from "./errors";

export const SCALING_LAWS = ["fixed-tokens", "chinchilla"] as const;
export type ScalingLaw = (typeof SCALING_LAWS)[number];

export function parseScalingLaw(value: string): ScalingLaw {
  const law = value.trim().toLowerCase();
  if ((SCALING_LAWS as readonly string[]).includes(law)) return law as ScalingLaw;
  throw invalid(`Unknown law ${quote(value)}. Use ${listOf(SCALING_LAWS)}.`);
}

/**
 * How many times larger a model a fixed budget trains after compute gets `costReduction`
 * cheaper (0.5 = half price).
 *
 * - fixed-tokens: tokens per parameter fixed, compute ~ params, so
 *   gain = 1 / (1 - r). scaleGain(0.5) = 2; scaleGain(0.75) = 4 (F7).
 * - chinchilla: compute-optimal, params ~ sqrt(compute), so
 *   gain = sqrt(1 / (1 - r)). scaleGain(0.5, "chinchilla") = 1.414 (F7).
 *
 * A negative reduction (compute got dearer) gives a gain below 1.
 */
export function scaleGain(costReduction: number, law: ScalingLaw): number {
  if (!(costReduction < 1)) {
    throw invalid(`cost_reduction must be below 1 (a 100% cut would make compute free); got ${costReduction}.`);
  }
  const computeMultiple = 1 / (1 - costReduction);
  return law === "chinchilla" ? Math.sqrt(computeMultiple) : computeMultiple;
}
