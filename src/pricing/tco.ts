import { RENT_MODES } from "./book/types";
import { capexUsd, operatingPerYear, ownershipCost, rentCost, type OwnershipCost } from "./cluster";
import { PricingError, notAvailable } from "./errors";
import { attempt, discountedBreakevenMonths, ownedFlows, presentValueOf, rentedFlows } from "./finance";
import { rentOnly, type Pricing } from "./modes";
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
  presentBuy: "Present value to buy (USD)",
  presentRent: (mode: string) => `Present value to rent ${mode} (USD)`,
} as const;

/**
 * Buy against rent for `gpus` accelerators over `years`: the ownership breakdown (capex,
 * energy, facility, operations, total), the rent of each mode the provider sells for that
 * accelerator, each rent over the buy total, then the present values of buying (residual
 * credited) and of each rent at the cost of capital, from the yearly `cashFlows` schedule.
 *
 * Example (2023.10-1, 8 H100-SXM, 3 years, aws): capex $307,353, energy $20,255, facility
 * $64,260, operations $55,324, total $447,192; rent on demand $2,583,850 (5.78x), reserved3y
 * $1,134,245 (2.54x, the founding analysis's F5); present values equal the totals (that
 * edition does not discount).
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

  const rate = book.finance.costOfCapital;
  const instance = attempt(() => book.instance(provider, gpu));
  const modes = instance instanceof PricingError ? [] : RENT_MODES.filter((m) => instance.hourlyUsd[m] !== undefined);
  if (instance instanceof PricingError && own instanceof PricingError) {
    throw notAvailable(`${own.message} ${instance.message}`);
  }
  const rents = modes.map((mode) => ({ mode, total: rentCost(book, gpu, gpus, years, provider, mode) }));
  for (const r of rents) rows.push({ label: TCO_LABELS.rent(r.mode), value: r.total });
  for (const r of rents) rows.push({ label: TCO_LABELS.ratio(r.mode), value: buy((o) => r.total / o.total) });
  rows.push({
    label: TCO_LABELS.presentBuy,
    value: attempt(() => presentValueOf(ownedFlows(book, gpu, gpus, years, "year"), rate)),
  });
  for (const { mode } of rents) {
    const flows = rentedFlows(book, gpu, gpus, years, provider, { kind: "rent", mode }, "year", "TCO");
    rows.push({ label: TCO_LABELS.presentRent(mode), value: presentValueOf(flows, rate) });
  }
  return rows;
}

/**
 * Months after which owning a GPU (all-in) has cost less than renting it at `pricing`, both
 * discounted at the cost of capital: `discountedBreakevenMonths` with
 *
 *   capex per GPU = capexUsd(one node) / GPUs per node
 *   operating     = operatingPerYear(one node) / GPUs per node / 12
 *   rent          = effective GPU-hour x 8,760 / 12
 *
 * Example (2023.10-1, H100-SXM): 4.53 months against AWS on demand, 11.1 against 3-year
 * reserved. #N/A "never" when renting costs less a month than operating owned hardware.
 */
export function breakevenMonths(book: PriceBook, gpu: Accelerator, pricing: Pricing, provider: string): number {
  const rent = rentOnly(pricing, "BREAKEVEN");
  const node = gpu.gpusPerNode;
  const capex = capexUsd(book, gpu, node) / node;
  const op = operatingPerYear(book, gpu, node);
  const operatingPerMonth = (op.energy + op.facility + op.operations) / node / MONTHS_PER_YEAR;
  const rentPerMonth = (gpuHourUsd(book, gpu, rent, provider) * HOURS_PER_YEAR) / MONTHS_PER_YEAR;
  return discountedBreakevenMonths(capex, operatingPerMonth, rentPerMonth, book.finance.costOfCapital);
}
