import { scaleGain as gain } from "../pricing";
import { cell } from "./excel";
import { live } from "./live";
import * as P from "./params";

/**
 * Model-size multiple a fixed budget buys once compute gets cheaper.
 * Example: =GPU.SCALEGAIN(0.5) = 2; =GPU.SCALEGAIN(0.5,"chinchilla") = 1.414.
 * @customfunction SCALEGAIN
 * @param cost_reduction Fall in the cost of compute as a fraction: 0.5 for half price.
 * @param [law] "fixed-tokens" (default: size ~ compute) or "chinchilla" (size ~ sqrt(compute)).
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns How many times larger a model the same budget trains.
 */
export function scaleGain(
  cost_reduction: number,
  law: string,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  live(invocation, scenario, cell, () => gain(P.costReduction(cost_reduction), P.law(law)));
}
