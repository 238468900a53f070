import type { EditionData } from "../../types";
import { ACCELERATORS } from "./accelerators";
import { APIS } from "./apis";
import { CUSTOM_CHIP, FACILITY, METHODS } from "./facility";
import { FINANCE } from "./finance";
import { INSTANCES } from "./instances";
import { MODELS } from "./models";
import { SERVING } from "./serving";

/**
 * Edition 2026.11-1: the market of November 2026 (prices of 2025-2026, each dated), compiled
 * from shared/reference/market-2026.md and checked against its sources. Once shipped, never
 * edited (its content hash is pinned by test/pricing/editions.test.ts). Why each figure was
 * taken: ./notes.ts; every source: docs/sources.md.
 */
export const EDITION_2026_11_1: EditionData = {
  version: "2026.11-1",
  accelerators: ACCELERATORS,
  instances: INSTANCES,
  facility: FACILITY,
  methods: METHODS,
  customChip: CUSTOM_CHIP,
  finance: FINANCE,
  serving: SERVING,
  models: MODELS,
  apis: APIS,
};
