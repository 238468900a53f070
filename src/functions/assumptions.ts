import { activeBook } from "./book";
import { cell } from "./excel";
import * as P from "./params";

/**
 * One value of the price book in force, by key.
 * Example: =GPU.PRICE("aws.p5.48xlarge.ondemand") = 98.32 (USD per instance-hour).
 * @customfunction PRICE
 * @param key Assumption key, any case, e.g. "aws.p5.48xlarge.ondemand", "h100-sxm.node_price", "facility.pue".
 * @returns The value, in the unit GPU.ASSUMPTIONS lists for the key.
 */
export function price(key: string): number {
  return cell(() => activeBook().assumption(P.key(key)).value);
}
