import { ACCELERATORS } from "./accelerators";
import { CUSTOM_CHIP, FACILITY, METHODS } from "./facility";
import { INSTANCES } from "./instances";
import type { PriceBookData } from "./types";

export * from "./types";

/**
 * The shipped price book. Its edition is recorded in workbooks so that a newer add-in never
 * silently changes an existing workbook's numbers.
 */
export const DEFAULT_BOOK: PriceBookData = {
  version: "2023.10-1",
  accelerators: ACCELERATORS,
  instances: INSTANCES,
  facility: FACILITY,
  methods: METHODS,
  customChip: CUSTOM_CHIP,
};
