import { RENT_MODES } from "./book/types";
import { capexUsd, ownershipCost, rentCost, type OwnershipCost } from "./cluster";
import { PricingError, invalid, notAvailable } from "./errors";
import type { Pricing } from "./modes";
import type { Accelerator, PriceBook } from "./priceBook";
import { gpuHourUsd } from "./rates";
import { HOURS_PER_YEAR, MONTHS_PER_YEAR } from "./time";

/** One row of the TCO table: a stable label and its value (or why it has none). */
export interface TcoRow {
  readonly label: string;
  readonly value: number | PricingError;
}

/** Row labels users look up with XLOOKUP: part of the public contract. */
export const TCO_LABELS = {
  capex: "Hardware capex (USD)",
  energy: "Energy (USD)",
  facility: "Facility (USD)",
  operations: "Operations (USD)",
  total: "Total to buy (USD)",
  rent: (mode: string) => `Rent ${mode} (USD)`,
  ratio: (mode: string) => `Rent ${mode} / buy`,
} as const;

/** The value, or the engine's reason there is none (other errors are bugs: rethrown). */
function attempt<T>(compute: () => T): T | PricingError {
  try {
    return compute();
  } catch (error) {
    if (error instanceof PricingError) return error;
    throw error;
  }
}

/**
 * Buy against rent for `gpus` accelerators over `years`: the ownership breakdown (capex,
 * energy, facility, operations, total), the rent of each mode the provider sells for that
 * accelerator, and each rent over the buy total.
 *
 * Example (8 H100-SXM, 3 years, aws): capex $307,353, energy $20,255, facility $64,260,
 * operations $55,324, total $447,192; rent on demand $2,583,850 (5.78x), reserved3y
 * $1,134,245 (2.54x, the founding analysis's F5).
 *
 * Accelerators not for sale (TPU, Trainium) show #N/A in the buy rows; a provider that does
 * not rent the accelerator contributes no rent rows. Neither: #N/A.
 */
export function tcoTable(book: PriceBook, gpu: Accelerator, gpus: number, years: number, provider: string): TcoRow[] {
  const own = attempt(() => ownershipCost(book, gpu, gpus, years));
  const buy = (pick: (o: OwnershipCost) => number) => (own instanceof PricingError ? own : pick(own));
  const rows: TcoRow[] = [
    { label: TCO_LABELS.capex, value: buy((o) => o.capex) },
    { label: TCO_LABELS.energy, value: buy((o) => o.energy) },
    { label: TCO_LABELS.facility, value: buy((o) => o.facility) },
    { label: TCO_LABELS.operations, value: buy((o) => o.operations) },
    { label: TCO_LABELS.total, value: buy((o) => o.total) },
  ];

  const instance = attempt(() => book.instance(provider, gpu));
  if (instance instanceof PricingError) {
    if (own instanceof PricingError) throw notAvailable(`${own.message} ${instance.message}`);
    return rows;
  }
  const rents = RENT_MODES.filter((mode) => instance.hourlyUsd[mode] !== undefined).map((mode) => ({
    mode,
    total: rentCost(book, gpu, gpus, years, provider, mode),
  }));
  for (const r of rents) rows.push({ label: TCO_LABELS.rent(r.mode), value: r.total });
  for (const r of rents) rows.push({ label: TCO_LABELS.ratio(r.mode), value: buy((o) => r.total / o.total) });
  return rows;
}

/**
 * Months after which owning costs less than renting, per GPU:
 *
 *   months = capex / (monthly rent - monthly cost of operating owned hardware)
 *
 * where operating = energy + facility + operations (everything but the purchase). At that
 * month TCO's buy total and its rent total are equal.
 *
 * Example (H100-SXM vs AWS on demand): capex $307,353 / 8 = $38,419 a GPU; operating
 * ($6,752 energy + $21,420 colocation + $18,441 operations a year a node) / 8 / 12 = $486 a
 * GPU-month; rent $12.29 x 730 h = $8,972 a month: 38,419 / (8,972 - 486) = 4.53 months.
 * Against 3-year reserved ($5.395 x 730 = $3,938 a month): 11.1 months.
 *
 * #N/A "never" when renting costs less a month than operating owned hardware.
 */
export function breakevenMonths(book: PriceBook, gpu: Accelerator, pricing: Pricing, provider: string): number {
  if (pricing.kind === "capex" || pricing.kind === "buy") {
    throw invalid(
      `pricing for BREAKEVEN is what owning is compared with: a rent mode or a USD per GPU-hour rate, not "${pricing.kind}".`,
    );
  }
  const node = gpu.gpusPerNode;
  const capex = capexUsd(book, gpu, node) / node;
  const operatingPerMonth = (ownershipCost(book, gpu, node, 1).total - capex * node) / node / MONTHS_PER_YEAR;
  const rentPerMonth = (gpuHourUsd(book, gpu, pricing, provider) * HOURS_PER_YEAR) / MONTHS_PER_YEAR;
  if (rentPerMonth <= operatingPerMonth) {
    throw notAvailable(
      `never: renting costs $${rentPerMonth.toFixed(0)} a GPU-month, less than the $${operatingPerMonth.toFixed(0)} of operating owned hardware.`,
    );
  }
  return capex / (rentPerMonth - operatingPerMonth);
}
