import { DEFAULT_BOOK } from "./book";
import { PriceBook, type Overrides } from "./priceBook";

/**
 * Price books in force, built once per set of overrides and shared by every call that uses
 * the same set: a recalculation of thousands of cells builds at most a handful.
 */
let shipped: PriceBook | undefined;
const byOverrides = new Map<string, PriceBook>();
const MAX_CACHED = 64;

/** The shipped defaults, unmodified. */
export function defaultBook(): PriceBook {
  return (shipped ??= new PriceBook(DEFAULT_BOOK));
}

/** The defaults with `overrides` applied (keys any case). Throws on unknown keys or bad values. */
export function bookFor(overrides: Overrides): PriceBook {
  if (overrides.size === 0) return defaultBook();
  const id = [...overrides]
    .map(([k, v]) => `${k.trim().toLowerCase()}=${v}`)
    .sort()
    .join("\n");
  let book = byOverrides.get(id);
  if (!book) {
    book = new PriceBook(DEFAULT_BOOK, overrides);
    if (byOverrides.size >= MAX_CACHED) byOverrides.delete(byOverrides.keys().next().value!);
    byOverrides.set(id, book);
  }
  return book;
}
