import { EDITIONS, LATEST_EDITION } from "./book/editions";
import { listOf } from "./closest";
import { notAvailable } from "./errors";
import { PriceBook, type Overrides } from "./priceBook";

/**
 * Price books in force, built once per (edition, overrides) and shared by every call that
 * uses the same pair: a recalculation of thousands of cells builds at most a handful.
 */
const books = new Map<string, PriceBook>();
const MAX_CACHED = 64;

/** The shipped defaults of the latest edition, unmodified. */
export function defaultBook(): PriceBook {
  return bookFor(new Map());
}

/** A canonical id of a set of overrides: same keys and values in any order and case, same id. */
export function overridesId(overrides: Overrides): string {
  return [...overrides]
    .map(([k, v]) => `${k.trim().toLowerCase()}=${v}`)
    .sort()
    .join("\n");
}

/**
 * The `edition` defaults with `overrides` applied (keys any case). Throws on an unknown
 * edition, unknown keys or out-of-range values.
 */
export function bookFor(overrides: Overrides, edition: string = LATEST_EDITION): PriceBook {
  const id = `${edition}\n${overridesId(overrides)}`;
  let book = books.get(id);
  if (!book) {
    const data = EDITIONS.get(edition);
    if (!data)
      throw notAvailable(`Unknown price book edition "${edition}". This add-in ships ${listOf([...EDITIONS.keys()])}.`);
    book = new PriceBook(data, overrides);
    if (books.size >= MAX_CACHED) books.delete(books.keys().next().value!);
    books.set(id, book);
  }
  return book;
}
