import { fig } from "../../../figure";
import { SRC } from "./sources";
import type { CustomChipData, FacilityData, MethodData } from "../../types";

/** Owned hardware in a colocation facility, as the founding analysis assumed. */
export const FACILITY: FacilityData = {
  pue: fig(1.25, "ratio", SRC.epochCostModel, "2024"),
  electricityUsdPerKwh: fig(0.0806, "USD/kWh", SRC.eia, "2023"),
  averageDraw: fig(0.75, "fraction", SRC.epochCostModel, "2024"),
  colocationUsdPerKwMonth: fig(175, "USD/kW-month", SRC.coloQuotes, "2023"),
  operationsShareOfCapex: fig(0.06, "fraction/year", `Derived from ${SRC.nextPlatform}`, "2023-10"),
  networkShareOfCluster: fig(0.19, "fraction", SRC.epochCostModel, "2024"),
  depreciationYears: fig(3, "years", SRC.nextPlatform, "2023-10"),
};

export const METHODS: MethodData = {
  trainingMfu: fig(0.375, "fraction", SRC.epochCostModel, "2024"),
  decodeBatch: fig(1, "sequences", SRC.kipply, "2022-03"),
  modelParams: fig(175e9, "parameters", SRC.gpt3, "2020-05"),
  promptTokens: fig(500, "tokens", SRC.projectF8, "2023-10"),
  outputTokens: fig(500, "tokens", SRC.projectF8, "2023-10"),
  peakToAverage: fig(1, "ratio", SRC.projectF8, "2023-10"),
};

/** A hyperscaler's own accelerator programme (F10), with Microsoft's Maia 100 as the reference chip. */
export const CUSTOM_CHIP: CustomChipData = {
  unitCostUsd: fig(3_320, "USD", SRC.raymondJames, "2023"),
  nrePerYearUsd: fig(200e6, "USD/year", SRC.reuters, "2023-10"),
  programmeYears: fig(2, "years", SRC.appleA4, "2010-04"),
};
