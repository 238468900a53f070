import {
  DEFAULT_GPU,
  DEFAULT_PRECISION,
  DEFAULT_PRICING,
  DEFAULT_PROVIDER,
  DEFAULT_SCALING_LAW,
  DEFAULT_YEARS,
  parsePrecision,
  parsePricing,
  parseScalingLaw,
} from "../pricing";
import { numberRule, textOrNumberRule, textRule, type Rule } from "./args";

/**
 * Every parameter of the GPU.* functions, declared once: its name as Excel shows it, its
 * default and its accepted values. Adapters only pick from this table.
 */

/** Caps keep inputs in a range where results stay meaningful (and finite). */
const MAX_GPUS = 1e9;

const map =
  <A, B>(rule: Rule<A>, f: (a: A) => B): Rule<B> =>
  (raw) =>
    f(rule(raw));

export const gpus = numberRule("gpus", { above: 0, atMost: MAX_GPUS, meaning: "a count of accelerators" });
export const gpu = textRule("gpu", DEFAULT_GPU);
export const provider = textRule("provider", DEFAULT_PROVIDER);
export const pricing = map(textOrNumberRule("pricing", DEFAULT_PRICING), parsePricing);
export const years = numberRule("years", { default: DEFAULT_YEARS, above: 0, atMost: 100, meaning: "a period in years" });
export const precision = map(textRule("precision", DEFAULT_PRECISION), parsePrecision);
export const flops = numberRule("flops", { above: 0, meaning: "a peak in FLOP/s" });
export const costReduction = numberRule("cost_reduction", { below: 1, atLeast: -1e6, meaning: "a fraction, 0.5 for half price" });
export const law = map(textRule("law", DEFAULT_SCALING_LAW), parseScalingLaw);
export const key = textRule("key");
