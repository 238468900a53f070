import { listOf, quote } from "./closest";
import { capexUsd, operatingPerYear, rentCost } from "./cluster";
import { PricingError, invalid, notAvailable } from "./errors";
import { rentOnly, type Pricing } from "./modes";
import type { Accelerator, PriceBook } from "./priceBook";
import { hoursIn } from "./time";

/**
 * Buying against renting as a finance team decides it: cash flows period by period,
 * discounted at the cost of capital, the hardware's resale credited at the end.
 *
 * Conventions (stated once, used by CASHFLOWS, TCO's present values, BREAKEVEN and the owned
 * GPU-hour):
 * - the purchase is paid at time 0; operating costs (energy, facility, operations) and rent
 *   are paid at the end of each period, for that period;
 * - the hardware is sold at the end of the last period, for the purchase price x `resaleShare`:
 *   the residual value (`finance.residual_value`, the share recovered at the end of the
 *   depreciation life) reached by a constant yearly decline, residual^(years / life);
 * - a flow at t years is worth flow / (1 + cost of capital)^t today.
 * With cost of capital 0 and residual 0 the schedule sums to the undiscounted totals.
 */

/** Periods a year of a schedule, by name. */
export const PERIODS = { year: 1, quarter: 4, month: 12 } as const;
export type Period = keyof typeof PERIODS;

/** Reads a `period` argument in any case: parsePeriod("Quarter") = "quarter". */
export function parsePeriod(value: string): Period {
  const p = value.trim().toLowerCase();
  if (Object.hasOwn(PERIODS, p)) return p as Period;
  throw invalid(`Unknown period ${quote(value)}. Use ${listOf(Object.keys(PERIODS))}.`);
}

/** Most rows a spill may take: Excel's 1,048,576 rows, less the header. */
export const MAX_SCHEDULE_ROWS = 1_048_575;

/** What is worth `amount` at `years` from now, today: amount / (1 + rate)^years. */
export function presentValue(amount: number, years: number, rate: number): number {
  return rate === 0 ? amount : amount / Math.pow(1 + rate, years);
}

/**
 * Share of the purchase price owned hardware fetches `years` after it was bought: the residual
 * value at the end of the depreciation life, with a constant yearly decline before and after,
 *
 *   share = residual^(years / life)        (0 when the residual is 0)
 *
 * Example (2026.11-1: residual 0.2 after a 5-year life): sold after 3 years, 0.2^(3/5) = 0.381
 * of the price (Epoch AI's 27.6% a year gives 0.724^3 = 0.379).
 */
export function resaleShare(book: PriceBook, years: number): number {
  const residual = book.finance.residualValue;
  return residual === 0 ? 0 : Math.pow(residual, years / book.facility.depreciationYears);
}

/** An amount paid (positive) or received (negative) `years` after the purchase. */
export interface Flow {
  readonly years: number;
  readonly amount: number;
}

/** Today's value of flows at a yearly cost of capital. */
export function presentValueOf(flows: readonly Flow[], rate: number): number {
  return flows.reduce((sum, f) => sum + presentValue(f.amount, f.years, rate), 0);
}

/** The value, or the engine's reason there is none (other errors are bugs: rethrown). */
export function attempt<T>(compute: () => T): T | PricingError {
  try {
    return compute();
  } catch (error) {
    if (error instanceof PricingError) return error;
    throw error;
  }
}

/**
 * The lengths of a schedule's periods, in years: whole periods, the last one shortened to end
 * at `years`. periodLengths(1.1, "year") = [1, 0.1].
 */
export function periodLengths(years: number, period: Period): number[] {
  const step = 1 / PERIODS[period];
  const count = Math.ceil(years / step - 1e-9);
  if (count > MAX_SCHEDULE_ROWS) {
    throw new PricingError(
      "num",
      `A ${period}ly schedule over ${years} years has ${count} rows, more than Excel can spill (${MAX_SCHEDULE_ROWS}).`,
    );
  }
  return Array.from({ length: count }, (_, i) => Math.min(step, years - i * step));
}

/** Each period's length and its end, in years. */
function periodsOf(years: number, period: Period): { length: number; end: number }[] {
  let end = 0;
  return periodLengths(years, period).map((length) => ({ length, end: (end += length) }));
}

/**
 * What owning the nodes for `gpus` accelerators pays, period by period: the purchase at 0,
 * each period's operating costs at its end, the resale (`resaleShare`) back at the last one.
 */
export function ownedFlows(book: PriceBook, gpu: Accelerator, gpus: number, years: number, period: Period): Flow[] {
  const capex = capexUsd(book, gpu, gpus);
  const op = operatingPerYear(book, gpu, gpus);
  const operating = op.energy + op.facility + op.operations;
  const periods = periodsOf(years, period);
  return [
    { years: 0, amount: capex },
    ...periods.map(({ length, end }, i) => ({
      years: end,
      amount: operating * length - (i === periods.length - 1 ? capex * resaleShare(book, years) : 0),
    })),
  ];
}

/** What renting `gpus` accelerators at `pricing` pays, period by period (nothing at 0). */
export function rentedFlows(
  book: PriceBook,
  gpu: Accelerator,
  gpus: number,
  years: number,
  provider: string,
  pricing: Pricing,
  period: Period,
  fn: string,
): Flow[] {
  const rent = rentOnly(pricing, fn);
  const rentFor = (length: number) =>
    rent.kind === "rate"
      ? gpus * rent.usdPerGpuHour * hoursIn(length)
      : rentCost(book, gpu, gpus, length, provider, rent.mode);
  return [
    { years: 0, amount: 0 },
    ...periodsOf(years, period).map(({ length, end }) => ({ years: end, amount: rentFor(length) })),
  ];
}

/** One row of CASHFLOWS: a period's flows (USD) under each choice, or why there is none. */
export interface CashFlowRow {
  readonly period: number;
  readonly buy: number | PricingError;
  readonly rent: number | PricingError;
}

/**
 * Cash flows of owning against renting `gpus` accelerators for `years`, period by period:
 * `ownedFlows` beside `rentedFlows`. A side that has no price (a chip not for sale, a
 * provider that does not rent it) shows its reason; neither: #N/A.
 *
 * Example (2023.10-1 defaults, 8 H100-SXM, 3 years, AWS 3-year reserved, yearly): row 0 buy
 * $307,353, rent 0; rows 1-3 buy $46,613 (energy $6,752 + facility $21,420 + operations
 * $18,441), rent $378,082 ($43.16 x 8,760 h); buy sums to $447,192 (TCO's total), rent to
 * $1,134,245 (F3).
 */
export function cashFlows(
  book: PriceBook,
  gpu: Accelerator,
  gpus: number,
  years: number,
  provider: string,
  pricing: Pricing,
  period: Period,
): CashFlowRow[] {
  rentOnly(pricing, "CASHFLOWS");
  const owned = attempt(() => ownedFlows(book, gpu, gpus, years, period));
  const rented = attempt(() => rentedFlows(book, gpu, gpus, years, provider, pricing, period, "CASHFLOWS"));
  if (owned instanceof PricingError && rented instanceof PricingError) {
    throw notAvailable(`${owned.message} ${rented.message}`);
  }
  const count = owned instanceof PricingError ? (rented as Flow[]).length : owned.length;
  return Array.from({ length: count }, (_, i) => ({
    period: i,
    buy: owned instanceof PricingError ? owned : owned[i]!.amount,
    rent: rented instanceof PricingError ? rented : rented[i]!.amount,
  }));
}

/**
 * The owned GPU-hour levelized over the depreciation life: the constant hourly price whose
 * present value equals the present value of owning one node (purchase, and for "buy" its
 * operating costs; less the residual value), per GPU:
 *
 *   GPU-hour = PV(owning costs) / (GPUs per node x PV(hours of each year of the life))
 *
 * With cost of capital 0 and residual 0: "buy" = $447,192 / (8 x 26,280) = $2.127 for an H100
 * (2023.10-1), "capex" = $307,353 / (8 x 26,280) = $1.462 (F8's chips-only hour).
 */
export function levelizedGpuHourUsd(book: PriceBook, gpu: Accelerator, kind: "capex" | "buy"): number {
  const life = book.facility.depreciationYears;
  const node = gpu.gpusPerNode;
  const rate = book.finance.costOfCapital;
  const capex = capexUsd(book, gpu, node);
  const op = kind === "buy" ? operatingPerYear(book, gpu, node) : undefined;
  const operating = op ? op.energy + op.facility + op.operations : 0;
  let costs = capex - presentValue(capex * resaleShare(book, life), life, rate);
  let hours = 0;
  for (const { length, end } of periodsOf(life, "year")) {
    costs += presentValue(operating * length, end, rate);
    hours += presentValue(hoursIn(length), end, rate);
  }
  return costs / (node * hours);
}

/**
 * Months after which owning a GPU (all-in, without resale) has cost less than renting it,
 * with both discounted monthly at the cost of capital r (monthly rate i = (1 + r)^(1/12) - 1):
 *
 *   capex = (rent - operating) x (1 - (1 + i)^-M) / i   =>   M = -ln(1 - capex x i / (rent - operating)) / ln(1 + i)
 *
 * and M = capex / (rent - operating) when r = 0. Per GPU, per month.
 *
 * Example (2023.10-1, H100-SXM vs AWS on demand, r = 0): capex $307,353 / 8 = $38,419 a GPU;
 * operating ($6,752 + $21,420 + $18,441) / 8 / 12 = $486 a GPU-month; rent $12.29 x 730 h =
 * $8,972: 38,419 / (8,972 - 486) = 4.53 months. Against 3-year reserved: 11.1 months. At a
 * 10% cost of capital the reserved break-even moves to 11.6 months.
 *
 * #N/A "never" when rent does not exceed operating, or when, discounted, it never repays the
 * purchase.
 */
export function discountedBreakevenMonths(
  capexPerGpu: number,
  operatingPerGpuMonth: number,
  rentPerGpuMonth: number,
  costOfCapital: number,
): number {
  const margin = rentPerGpuMonth - operatingPerGpuMonth;
  if (margin <= 0) {
    throw notAvailable(
      `never: renting costs $${rentPerGpuMonth.toFixed(0)} a GPU-month, less than the $${operatingPerGpuMonth.toFixed(0)} of operating owned hardware.`,
    );
  }
  if (costOfCapital === 0) return capexPerGpu / margin;
  const i = Math.pow(1 + costOfCapital, 1 / 12) - 1;
  const x = (capexPerGpu * i) / margin;
  if (x >= 1) {
    throw notAvailable(
      `never: at a ${(costOfCapital * 100).toFixed(1)}% cost of capital, $${margin.toFixed(0)} a GPU-month saved never repays the $${capexPerGpu.toFixed(0)} purchase.`,
    );
  }
  return -Math.log(1 - x) / Math.log(1 + i);
}
