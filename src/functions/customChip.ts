import {
  CUSTOM_CHIP_MODEL,
  chipBreakevenUnits,
  chipSavingsUsd,
  gpuPriceOf,
  peakFlops,
  type CustomChipInput,
  type PriceBook,
} from "../pricing";
import { live, reading } from "./live";
import * as P from "./params";

function programme(
  book: PriceBook,
  unitCost: unknown,
  nrePerYear: unknown,
  years: unknown,
  gpu: unknown,
  gpuPrice: unknown,
): CustomChipInput {
  const c = book.customChip;
  const accelerator = book.accelerator(P.gpu(gpu));
  return {
    chipFlops: peakFlops(book.accelerator(CUSTOM_CHIP_MODEL), "bf16"),
    unitCostUsd: P.unitCost(unitCost) ?? c.unitCostUsd,
    nrePerYearUsd: P.nrePerYear(nrePerYear) ?? c.nrePerYearUsd,
    years: P.programmeYears(years) ?? c.programmeYears,
    gpu: accelerator,
    gpuPriceUsd: P.gpuPrice(gpuPrice) ?? gpuPriceOf(accelerator),
  };
}

/**
 * USD saved by building custom accelerators instead of buying the same bf16 compute as GPUs (negative: a loss).
 * Example: =GPU.CHIPROI(100000) = 1.79E+09 (Maia-100-class chips against H100).
 * @customfunction CHIPROI
 * @helpurl https://localhost:3000/help.html#chiproi
 * @param units Custom chips built.
 * @param [unit_cost] USD to make one chip (default 3,320).
 * @param [nre_per_year] Design cost a year (default 200E6).
 * @param [years] Years of the programme (default 2).
 * @param [gpu] GPU the chips replace, e.g. "H100-SXM" (default).
 * @param [gpu_price] USD per GPU (default: its street price in the price book).
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns USD saved.
 */
export function chipRoi(
  units: any[][],
  unit_cost: any[][],
  nre_per_year: any[][],
  years: any[][],
  gpu: any[][],
  gpu_price: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, [units, unit_cost, nre_per_year, years, gpu, gpu_price], chipRoiElement);
}

/** GPU.CHIPROI of one element of its arguments' broadcast. */
function chipRoiElement(
  book: PriceBook,
  units: unknown,
  unitCost: unknown,
  nrePerYear: unknown,
  years: unknown,
  gpu: unknown,
  gpuPrice: unknown,
): number {
  return chipSavingsUsd(P.units(units), programme(book, unitCost, nrePerYear, years, gpu, gpuPrice));
}

/**
 * Custom chips to build before the programme pays for itself against buying GPUs.
 * Example: =GPU.CHIPBREAKEVEN() = 18,226 chips.
 * Example: =GPU.CHIPBREAKEVEN() = 21,147 chips in edition 2023.10-1.
 * @customfunction CHIPBREAKEVEN
 * @helpurl https://localhost:3000/help.html#chipbreakeven
 * @param [unit_cost] USD to make one chip (default 3,320).
 * @param [nre_per_year] Design cost a year (default 200E6).
 * @param [years] Years of the programme (default 2).
 * @param [gpu] GPU the chips replace, e.g. "H100-SXM" (default).
 * @param [gpu_price] USD per GPU (default: its street price in the price book).
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Units; #N/A "never" when a chip costs more to make than the GPU compute it replaces.
 */
export function chipBreakeven(
  unit_cost: any[][],
  nre_per_year: any[][],
  years: any[][],
  gpu: any[][],
  gpu_price: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, [unit_cost, nre_per_year, years, gpu, gpu_price], chipBreakevenElement);
}

/** GPU.CHIPBREAKEVEN of one element of its arguments' broadcast: the programme they describe, its break-even. */
const chipBreakevenElement = reading(programme, (_, p) => chipBreakevenUnits(p));
