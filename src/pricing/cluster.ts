import type { RentMode } from "./book/types";
import { listOf } from "./closest";
import { serverWatts } from "./compute";
import { notAvailable } from "./errors";
import type { Pricing } from "./modes";
import type { Accelerator, PriceBook } from "./priceBook";
import { MONTHS_PER_YEAR, hoursIn } from "./time";
import { wholeNeeded } from "./rounding";

/** Whole units needed to hold `gpus` accelerators, `perUnit` to a node or an instance. */
export function wholeUnits(gpus: number, perUnit: number): number {
  return wholeNeeded(gpus / perUnit);
}

/**
 * Purchase price of the nodes that hold `gpus` accelerators, with their share of the cluster
 * network (NICs, cables, switches):
 *
 *   capex = ceil(gpus / gpusPerNode) x nodePrice / (1 - networkShare)
 *
 * Example (defaults): 8 H100-SXM = 1 node x $248,956 / (1 - 0.19) = $307,353, the founding
 * analysis's "almost $300K" node (F1).
 */
export function capexUsd(book: PriceBook, gpu: Accelerator, gpus: number): number {
  if (gpu.nodePriceUsd === undefined) {
    throw notAvailable(`${gpu.id} is not sold as a server; price it with a rent mode or a USD per GPU-hour rate.`);
  }
  return (wholeUnits(gpus, gpu.gpusPerNode) * gpu.nodePriceUsd) / (1 - book.facility.networkShareOfCluster);
}

/** What owning a cluster costs over a period, by kind of spending (USD). */
export interface OwnershipCost {
  readonly capex: number;
  readonly energy: number;
  readonly facility: number;
  readonly operations: number;
  readonly total: number;
}

/** What operating owned nodes costs a year, by kind (USD a year): everything but the purchase. */
export interface OperatingCost {
  readonly energy: number;
  readonly facility: number;
  readonly operations: number;
}

/**
 * Yearly cost of operating the nodes that hold `gpus` accelerators. Whole nodes are powered
 * and housed:
 *
 *   installed kW = nodes x gpusPerNode x serverWPerGpu / 1000
 *   energy       = installed kW x averageDraw x PUE x 8,760 h x USD/kWh
 *   facility     = installed kW x colocation USD/kW-month x 12
 *   operations   = capex x operations share a year
 *
 * Example (defaults, 8 H100-SXM): energy 10.2 kW x 0.75 x 1.25 x 8,760 h x $0.0806 = $6,752;
 * facility 10.2 x $175 x 12 = $21,420; operations 6% x $307,353 = $18,441.
 */
export function operatingPerYear(book: PriceBook, gpu: Accelerator, gpus: number): OperatingCost {
  const f = book.facility;
  const capex = capexUsd(book, gpu, gpus);
  const installedKw = (wholeUnits(gpus, gpu.gpusPerNode) * gpu.gpusPerNode * serverWatts(gpu)) / 1000;
  return {
    energy: installedKw * f.averageDraw * f.pue * hoursIn(1) * f.electricityUsdPerKwh,
    facility: installedKw * f.colocationUsdPerKwMonth * MONTHS_PER_YEAR,
    operations: capex * f.operationsShareOfCapex,
  };
}

/**
 * All-in cost of owning the nodes for `gpus` accelerators for `years` years: the purchase
 * plus `operatingPerYear` x years.
 *
 * Example (defaults, 8 H100-SXM, 3 years): capex $307,353; energy 3 x $6,752 = $20,255;
 * facility 3 x $21,420 = $64,260; operations 3 x $18,441 = $55,324; total $447,192: the
 * analysis's ~$450K per node (F5, F6).
 *
 * The capex is spent once, whatever `years` is: a period longer than the hardware's life
 * does not buy a second generation. Undiscounted, without resale: `cashFlows` and
 * `presentValue` (./finance) add the time value of money and the residual value.
 */
export function ownershipCost(book: PriceBook, gpu: Accelerator, gpus: number, years: number): OwnershipCost {
  const capex = capexUsd(book, gpu, gpus);
  const op = operatingPerYear(book, gpu, gpus);
  const energy = op.energy * years;
  const facility = op.facility * years;
  const operations = op.operations * years;
  return { capex, energy, facility, operations, total: capex + energy + facility + operations };
}

/**
 * Energy of one accelerator's share of its server for an hour at the meter, USD:
 * serverW / 1000 x averageDraw x PUE x USD/kWh.
 * Example (defaults): 1.275 kW x 0.75 x 1.25 x $0.0806 = $0.0963 per H100-hour.
 */
export function energyPerGpuHourUsd(book: PriceBook, gpu: Accelerator): number {
  const f = book.facility;
  return (serverWatts(gpu) / 1000) * f.averageDraw * f.pue * f.electricityUsdPerKwh;
}

/**
 * Hourly price of one `gpu` instance at `provider` in `mode`, and the instance's size.
 * #N/A when the provider rents no such instance or does not sell it in that mode.
 */
export function rentalRate(
  book: PriceBook,
  gpu: Accelerator,
  provider: string,
  mode: RentMode,
): { usdPerInstanceHour: number; gpusPerInstance: number } {
  const instance = book.instance(provider, gpu);
  const rate = instance.hourlyUsd[mode];
  if (rate === undefined) {
    const offered = Object.keys(instance.hourlyUsd);
    throw notAvailable(
      `${instance.provider} ${instance.name} (${gpu.id}) has no "${mode}" price. It offers ${listOf(offered)}.`,
    );
  }
  return { usdPerInstanceHour: rate, gpusPerInstance: instance.gpusPerInstance };
}

/**
 * Rent for `gpus` accelerators over `years`. Clouds rent whole instances:
 *
 *   rent = ceil(gpus / gpusPerInstance) x USD per instance-hour x hours
 *
 * Example: 8 H100-SXM on AWS p5.48xlarge on demand for 3 years = 1 x $98.32 x 26,280 h =
 * $2,583,850 (F2); reserved3y: 1 x $43.16 x 26,280 = $1,134,245 (F3).
 */
export function rentCost(
  book: PriceBook,
  gpu: Accelerator,
  gpus: number,
  years: number,
  provider: string,
  mode: RentMode,
): number {
  const { usdPerInstanceHour, gpusPerInstance } = rentalRate(book, gpu, provider, mode);
  return wholeUnits(gpus, gpusPerInstance) * usdPerInstanceHour * hoursIn(years);
}

export interface ClusterCostInput {
  readonly gpus: number;
  readonly gpu: Accelerator;
  readonly pricing: Pricing;
  readonly years: number;
  readonly provider: string;
}

/**
 * USD to have `gpus` accelerators for `years` years, under `pricing`:
 * - capex: `capexUsd` (the purchase alone);
 * - buy: `ownershipCost(...).total` (purchase, energy, facility, operations);
 * - amortized: gpus x the amortized GPU-hour (`amortizedGpuHourUsd`) x hours;
 * - a rent mode: `rentCost` at the provider's list price;
 * - a rate: gpus x USD per GPU-hour x hours (no instance rounding: a negotiated per-GPU price).
 *
 * Example: clusterCost(8 x H100-SXM, rent ondemand, 3 years, aws) = $2,583,850.
 */
/**
 * Owned hardware priced as Epoch AI prices training runs ("hardware-capex-energy"): the value
 * the hardware loses while it runs, plus the energy it draws. A GPU's market value falls
 * `finance.price_decline` a year, a continuous rate of -ln(1 - decline):
 *
 *   amortized GPU-hour = capex per GPU x -ln(1 - decline) / 8,760 + energy per GPU-hour
 *
 * Example (2023.10-1: decline 27.6% a year, Epoch AI's 0.14 orders of magnitude a year of
 * price-performance, 1 - 10^-0.14, rounded; -ln(0.724) = 0.3230): an H100 node's capex $307,353
 * / 8 = $38,419 a GPU x 0.3230 / 8,760 = $1.416, plus $0.0963 of energy = $1.513 a GPU-hour.
 * Source: Cottier et al., The rising costs of training frontier AI models (Epoch AI, 2024),
 * and its code (epoch-research/training-cost-trends).
 */
export function amortizedGpuHourUsd(book: PriceBook, gpu: Accelerator): number {
  const perGpu = capexUsd(book, gpu, gpu.gpusPerNode) / gpu.gpusPerNode;
  const rate = -Math.log(1 - book.finance.priceDecline);
  return (perGpu * rate) / hoursIn(1) + energyPerGpuHourUsd(book, gpu);
}

export function clusterCost(book: PriceBook, input: ClusterCostInput): number {
  const { gpus, gpu, pricing, years, provider } = input;
  switch (pricing.kind) {
    case "capex":
      return capexUsd(book, gpu, gpus);
    case "buy":
      return ownershipCost(book, gpu, gpus, years).total;
    case "amortized":
      return gpus * amortizedGpuHourUsd(book, gpu) * hoursIn(years);
    case "rent":
      return rentCost(book, gpu, gpus, years, provider, pricing.mode);
    case "rate":
      return gpus * pricing.usdPerGpuHour * hoursIn(years);
  }
}
