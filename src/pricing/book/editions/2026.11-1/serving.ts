import { fig } from "../../../figure";
import type { ServingData } from "../../types";

/**
 * The roofline serving model's efficiencies (src/pricing/serving.ts), fitted by
 * scripts/calibrate-serving.ts on six MLPerf Inference Offline results and checked against 30
 * held-out results (docs/serving.md). Memory usable is the engines' own setting, not fitted.
 */
const FITTED = "Fitted: scripts/calibrate-serving.ts on MLPerf Inference v4.1/v5.1 Offline results (docs/serving.md)";
const ENGINES = "TensorRT-LLM (0.90-0.95) and vLLM (0.93-0.98) GPU memory settings, as in their documentation";
const METHOD = "The roofline serving model (docs/serving.md)";
const AS_OF = "2025-09";

export const SERVING: ServingData = {
  prefillEfficiency: fig(0.33, "fraction", FITTED, AS_OF),
  decodeEfficiency: fig(0.6, "fraction", FITTED, AS_OF),
  bandwidthEfficiency: fig(0.42, "fraction", FITTED, AS_OF),
  memoryUsable: fig(0.9, "fraction", ENGINES, "2025"),
  kvCache: fig(1, "switch", METHOD, AS_OF),
  batchedPrefill: fig(1, "switch", METHOD, AS_OF),
};
