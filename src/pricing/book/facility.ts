import { fig } from "../figure";
import { SRC } from "./sources";
import type { FacilityData, MethodData } from "./types";

/** Owned hardware in a colocation facility, as the founding analysis assumed. */
export const FACILITY: FacilityData = {
  pue: fig(1.25, "ratio", SRC.epochCostModel, "2024", "1.25 for non-hyperscale sites (owned nodes in colocation); hyperscalers run at about 1.1"),
  electricityUsdPerKwh: fig(0.0806, "USD/kWh", SRC.eia, "2023", "2024 average was $0.0771; 2023 matches the founding analysis"),
  averageDraw: fig(0.75, "fraction", SRC.epochCostModel, "2024", "average power over rated power"),
  colocationUsdPerKwMonth: fig(175, "USD/kW-month", SRC.coloQuotes, "2023", "midpoint of $150-200"),
  operationsShareOfCapex: fig(
    0.06,
    "fraction/year",
    `Derived from ${SRC.nextPlatform}`,
    "2023-10",
    "the analysis's ~$450K all-in per H100 node over three years, less hardware, power and colocation, leaves ~6% of capex a year for staff, support and spares",
  ),
  networkShareOfCluster: fig(0.19, "fraction", SRC.epochCostModel, "2024", "InfiniBand NICs, cables and switches as a share of cluster cost"),
  depreciationYears: fig(3, "years", SRC.nextPlatform, "2023-10", "the analysis's horizon; Epoch AI uses 3-5 years and hyperscalers now book 5-6"),
};

export const METHODS: MethodData = {
  trainingMfu: fig(0.375, "fraction", SRC.epochCostModel, "2024", "median of large training runs; 30-45% typical"),
};
