import { fig } from "../../../figure";
import { SRC } from "./sources";
import type { CustomChipData, FacilityData, MethodData } from "../../types";

/** Owned hardware in 2025-2026: a hyperscale-class facility, 2025 electricity and colocation. */
export const FACILITY: FacilityData = {
  pue: fig(1.1, "ratio", `${SRC.epochCostModel}; ${SRC.googleEnvReport}`, "2024"),
  electricityUsdPerKwh: fig(0.0826, "USD/kWh", SRC.epochElectricity, "2025"),
  averageDraw: fig(0.75, "fraction", SRC.epochCostModel, "2025"),
  colocationUsdPerKwMonth: fig(
    Math.round(184.06 * 1.025 * 100) / 100,
    "USD/kW-month",
    `Derived from ${SRC.cbreH2_2024} and ${SRC.cbreH1_2025}`,
    "2025-06",
  ),
  operationsShareOfCapex: fig(0.06, "fraction/year", `Derived from ${SRC.nextPlatform}`, "2023-10"),
  networkShareOfCluster: fig(0.19, "fraction", SRC.epochCostModel, "2025"),
  depreciationYears: fig(5, "years", `${SRC.epochCostModel}; ${SRC.hyperscalerDepreciation}`, "2025"),
  gridIntensity: fig(Math.round((1532 / 4183.271) * 1000) / 1000, "kg CO2e/kWh", `Derived from ${SRC.eiaCo2}`, "2023"),
};

export const METHODS: MethodData = {
  trainingMfu: fig(0.4, "fraction", SRC.llama3Paper, "2024-07"),
  decodeBatch: fig(
    512,
    "sequences",
    `Derived: a serving engine's batch cap per accelerator, ${SRC.mlperfNvidiaConfig}`,
    "2025-04",
  ),
  modelParams: fig(175e9, "parameters", SRC.gpt3, "2020-05"),
  promptTokens: fig(500, "tokens", SRC.projectF8, "2023-10"),
  outputTokens: fig(500, "tokens", SRC.projectF8, "2023-10"),
  peakToAverage: fig(1, "ratio", SRC.projectF8, "2023-10"),
  goodput: fig(0.9, "fraction", `${SRC.llama3Paper}; ${SRC.sigmaLtp}`, "2024-07"),
};

/**
 * A hyperscaler's own accelerator programme (F10). No 2026 unit or design cost of a custom chip
 * (Maia 200 included) has been published, so the founding edition's figures are kept; CHIPROI's
 * reference chip stays MAIA-100 (the only Maia with a published BF16 rate).
 */
export const CUSTOM_CHIP: CustomChipData = {
  unitCostUsd: fig(3_320, "USD", SRC.raymondJames, "2023"),
  nrePerYearUsd: fig(200e6, "USD/year", SRC.reuters, "2023-10"),
  programmeYears: fig(2, "years", SRC.appleA4, "2010-04"),
};
