import type { EditionData } from "../../types";
import { ACCELERATORS } from "./accelerators";
import { CUSTOM_CHIP, FACILITY, METHODS } from "./facility";
import { INSTANCES } from "./instances";

/**
 * Edition 2023.10-1: the market the founding analysis priced (October 2023). Shipped with 0.1;
 * never edited (its content hash is pinned by test/pricing/editions.test.ts). Why each figure
 * was taken: ./notes.ts.
 */
export const EDITION_2023_10_1: EditionData = {
  version: "2023.10-1",
  accelerators: ACCELERATORS,
  instances: INSTANCES,
  facility: FACILITY,
  methods: METHODS,
  customChip: CUSTOM_CHIP,
};
