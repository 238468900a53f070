import { fig } from "../../../figure";
import { SRC } from "./sources";
import type { FinanceData } from "../../types";

/**
 * The cost of money and what owned GPUs are worth over time (issue 11). Arithmetic in ./notes.ts.
 *
 * - cost of capital: CoreWeave's debt, weighted by principal, at 2025-06-30: a GPU cloud's
 *   marginal financing of GPUs (its facilities are secured by the GPUs and their contracts).
 * - price decline: Epoch AI's 0.14 orders of magnitude a year of ML GPU price-performance,
 *   1 - 10^-0.14 = 27.6% a year (the rate Epoch's amortised training costs charge).
 * - residual value: what that decline leaves after the 5-year depreciation life, 0.724^5 = 0.2.
 */
export const FINANCE: FinanceData = {
  costOfCapital: fig(0.11, "fraction/year", `Derived from ${SRC.coreweave10q}`, "2025-06-30"),
  residualValue: fig(0.2, "fraction", `Derived from ${SRC.epochHardwareTrends} over a 5-year life`, "2025"),
  priceDecline: fig(0.276, "fraction/year", `Derived from ${SRC.epochHardwareTrends}`, "2024-05"),
};
