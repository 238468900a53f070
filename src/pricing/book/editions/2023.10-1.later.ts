import { fig } from "../../figure";
import type { LaterKeys } from "../types";

/**
 * Keys the price book gained after edition 2023.10-1 shipped (in 0.2), with the values that
 * edition computes with. Each is either neutral (it leaves every number 0.1 computed with this
 * edition unchanged: no discounting, no resale, every GPU-hour useful, the founding analysis's
 * batch-1 decode floor) or, where it feeds only a function 0.1 did not have, a figure of the
 * edition's time (2022-2023). Pinned by test/pricing/editions.test.ts like the edition itself.
 */
const FOUNDING = "The founding analysis's method (The Next Platform, 2023-10-06)";
const NEUTRAL = "Neutral for 2023.10-1";

export const LATER_KEYS_2023_10_1: LaterKeys = {
  facility: {
    gridIntensity: fig(
      0.39,
      "kg CO2e/kWh",
      "U.S. EIA, How much carbon dioxide is produced per kilowatthour of U.S. electricity generation? (FAQ 74)",
      "2022",
    ),
  },
  methods: {
    goodput: fig(1, "fraction", `${NEUTRAL}: ${FOUNDING} counts every GPU-hour as useful`, "2023-10"),
  },
  finance: {
    costOfCapital: fig(0, "fraction/year", `${NEUTRAL}: ${FOUNDING} does not discount`, "2023-10"),
    residualValue: fig(0, "fraction", `${NEUTRAL}: ${FOUNDING} writes hardware down to nothing`, "2023-10"),
    priceDecline: fig(
      0.276,
      "fraction/year",
      "Derived from Epoch AI, Trends in Machine Learning Hardware (ML GPU price-performance +0.14 orders of magnitude a year)",
      "2023-11",
    ),
  },
  serving: {
    prefillEfficiency: fig(
      1,
      "fraction",
      `${NEUTRAL}: prompt tokens are decoded one at a time (batched prefill 0)`,
      "2023-10",
    ),
    decodeEfficiency: fig(1, "fraction", `${NEUTRAL}: the decode floor reaches peak FLOP/s`, "2023-10"),
    bandwidthEfficiency: fig(
      1,
      "fraction",
      `${NEUTRAL}: the decode floor reads weights at full bandwidth (kipply, 2022)`,
      "2023-10",
    ),
    memoryUsable: fig(1, "fraction", `${NEUTRAL}: weights may fill the accelerators' memory`, "2023-10"),
    kvCache: fig(0, "switch", `${NEUTRAL}: the decode floor reads the weights only`, "2023-10"),
    batchedPrefill: fig(
      0,
      "switch",
      `${FOUNDING}: Bernstein's 4-cent query prices every token at the decode floor`,
      "2023-10",
    ),
  },
  models: [
    {
      id: "gpt-3",
      name: "OpenAI GPT-3 175B",
      totalParams: fig(
        175e9,
        "parameters",
        "Brown et al., Language Models are Few-Shot Learners (2020), Table 2.1",
        "2020-05",
      ),
      activeParams: fig(175e9, "parameters", "Brown et al. (2020), Table 2.1: a dense model", "2020-05"),
      layers: fig(96, "layers", "Brown et al. (2020), Table 2.1", "2020-05"),
      kvHeads: fig(96, "heads", "Brown et al. (2020), Table 2.1: 96 heads, no grouped-query attention", "2020-05"),
      headDim: fig(128, "values", "Brown et al. (2020), Table 2.1", "2020-05"),
    },
  ],
  apis: [],
};
