import { defaultBook, type PriceBook } from "../pricing";

/** The price book the functions compute with. */
export function activeBook(): PriceBook {
  return defaultBook();
}
