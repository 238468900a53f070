import { fig } from "../figure";
import { SRC } from "./sources";
import type { CustomChipData, FacilityData, MethodData } from "./types";

/** Owned hardware in a colocation facility, as the founding analysis assumed. */
export const FACILITY: FacilityData = {
  pue: fig(
    1.25,
    "ratio",
    SRC.epochCostModel,
    "2024",
    "1.25 for non-hyperscale sites (owned nodes in colocation); hyperscalers run at about 1.1",
  ),
  electricityUsdPerKwh: fig(
    0.0806,
    "USD/kWh",
    SRC.eia,
    "2023",
    "2024 average was $0.0771; 2023 matches the founding analysis",
  ),
  averageDraw: fig(0.75, "fraction", SRC.epochCostModel, "2024", "average power over rated power"),
  colocationUsdPerKwMonth: fig(175, "USD/kW-month", SRC.coloQuotes, "2023", "midpoint of $150-200"),
  operationsShareOfCapex: fig(
    0.06,
    "fraction/year",
    `Derived from ${SRC.nextPlatform}`,
    "2023-10",
    "the analysis's ~$450K all-in per H100 node over three years, less hardware, power and colocation, leaves ~6% of capex a year for staff, support and spares",
  ),
  networkShareOfCluster: fig(
    0.19,
    "fraction",
    SRC.epochCostModel,
    "2024",
    "InfiniBand NICs, cables and switches as a share of cluster cost",
  ),
  depreciationYears: fig(
    3,
    "years",
    SRC.nextPlatform,
    "2023-10",
    "the analysis's horizon; Epoch AI uses 3-5 years and hyperscalers now book 5-6",
  ),
};

export const METHODS: MethodData = {
  trainingMfu: fig(0.375, "fraction", SRC.epochCostModel, "2024", "median of large training runs; 30-45% typical"),
  decodeBatch: fig(
    1,
    "sequences",
    SRC.kipply,
    "2022-03",
    "batch 1 is the decode floor: each token reads every weight once. With it an H100 runs at 3.35 TB/s / 989.4 TFLOP/s = 0.34% of peak, the utilisation at which Bernstein's 4-cent query (F8) fits",
  ),
  modelParams: fig(175e9, "parameters", SRC.gpt3, "2020-05", "GPT-3 175B, the family ChatGPT launched on"),
  promptTokens: fig(
    500,
    "tokens",
    SRC.projectF8,
    "2023-10",
    "a ChatGPT exchange of ~500 prompt and ~500 output tokens, with which the F8 figures reproduce",
  ),
  outputTokens: fig(500, "tokens", SRC.projectF8, "2023-10", "see prompt tokens"),
  peakToAverage: fig(
    1,
    "ratio",
    SRC.projectF8,
    "2023-10",
    "the F8 fleet ($48.1B for 1.1B queries a day) is sized for average load; raise it to provision for peaks",
  ),
};

/** A hyperscaler's own accelerator programme (F10), with Microsoft's Maia 100 as the reference chip. */
export const CUSTOM_CHIP: CustomChipData = {
  unitCostUsd: fig(
    3_320,
    "USD",
    SRC.raymondJames,
    "2023",
    "the H100's estimated cost to make, as the proxy for a comparable reticle-size chip with HBM",
  ),
  nrePerYearUsd: fig(
    200e6,
    "USD/year",
    SRC.reuters,
    "2023-10",
    "'hundreds of millions of dollars a year' (F10): the low end, doubled",
  ),
  programmeYears: fig(
    2,
    "years",
    SRC.appleA4,
    "2010-04",
    "Apple bought P.A. Semi in 2008 and shipped the A4 in 2010 (F10)",
  ),
};
