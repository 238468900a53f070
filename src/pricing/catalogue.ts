import type { Assumption } from "./assumptions";
import { quote } from "./closest";
import { notAvailable } from "./errors";
import type { PriceBook } from "./priceBook";

export const CATALOGUE_HEADER = ["Key", "Value", "Unit", "Source", "As of"] as const;

/**
 * The assumptions in force whose key, label or group contains `filter` (any case; all when
 * empty), in price-book order. assumptionsMatching(book, "p5.48") -> the p5.48xlarge rates.
 */
export function assumptionsMatching(book: PriceBook, filter: string): Assumption[] {
  const needle = filter.trim().toLowerCase();
  const rows = [...book.assumptions.values()].filter(
    (a) =>
      !needle ||
      a.key.includes(needle) ||
      a.label.toLowerCase().includes(needle) ||
      a.group.toLowerCase().includes(needle),
  );
  if (rows.length === 0)
    throw notAvailable(`No assumption matches ${quote(filter)}. Try a key part such as "h100", "aws" or "facility".`);
  return rows;
}
