import { scaleGain as gain } from "../pricing";
import { broadcast } from "./grid";
import { plain } from "./live";
import * as P from "./params";

/**
 * Model-size multiple a fixed budget buys once compute gets cheaper.
 * Example: =GPU.SCALEGAIN(0.5) = 2; =GPU.SCALEGAIN(0.5,"chinchilla") = 1.414.
 * @customfunction SCALEGAIN
 * @helpurl https://localhost:3000/help.html#scalegain
 * @param cost_reduction Fall in the cost of compute as a fraction: 0.5 for half price.
 * @param [law] "fixed-tokens" (default: size ~ compute) or "chinchilla" (size ~ sqrt(compute)).
 * @param [scenario] Accepted like every function's last argument; SCALEGAIN reads no price book.
 * @returns How many times larger a model the same budget trains.
 */
export function scaleGain(cost_reduction: any[][], law: any[][], scenario: any[][]): any[][] {
  void scenario;
  return plain(
    broadcast([cost_reduction, law], (_, costReduction, law) => gain(P.costReduction(costReduction), P.law(law)), null),
  );
}
