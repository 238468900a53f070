import { DEFAULT_BOOK } from "./index";
import type { PriceBookData } from "./types";

/**
 * Every edition of the price book this add-in has shipped, by version. A workbook records the
 * edition it was built on and keeps computing with it until its user chooses to update, so an
 * edition, once shipped, stays here unchanged: add the next one beside it, never edit it.
 */
export const EDITIONS: ReadonlyMap<string, PriceBookData> = new Map([[DEFAULT_BOOK.version, DEFAULT_BOOK]]);

/** The edition new workbooks start on. */
export const LATEST_EDITION = DEFAULT_BOOK.version;
