import {
  COUNT,
  FRACTION,
  NON_NEGATIVE,
  POSITIVE,
  RATIO_AT_LEAST_ONE,
  YEARS,
  boundsProblem,
  type Assumption,
  type AssumptionGroup,
  type Bounds,
} from "./assumptions";
import { PRECISIONS, RENT_MODES, type PriceBookData, type Precision, type RentMode } from "./book/types";
import { closest, listOf, quote } from "./closest";
import { invalid, notAvailable } from "./errors";
import type { Figure } from "./figure";

/** An accelerator with the values in force (defaults or overrides), plain numbers. */
export interface Accelerator {
  readonly id: string;
  readonly name: string;
  /** Dense peak FLOP/s (not TFLOP/s) per precision the datasheet gives. */
  readonly flops: Partial<Record<Precision, number>>;
  readonly memoryGb: number;
  readonly bandwidthTBs: number;
  readonly tdpW?: number;
  readonly serverWPerGpu?: number;
  readonly gpusPerNode: number;
  readonly nodePriceUsd?: number;
  readonly gpuPriceUsd?: number;
  readonly costToMakeUsd?: number;
}

export interface Instance {
  readonly provider: string;
  readonly name: string;
  readonly gpu: Accelerator;
  readonly gpusPerInstance: number;
  readonly hourlyUsd: Partial<Record<RentMode, number>>;
}

export interface Facility {
  readonly pue: number;
  readonly electricityUsdPerKwh: number;
  readonly averageDraw: number;
  readonly colocationUsdPerKwMonth: number;
  readonly operationsShareOfCapex: number;
  readonly networkShareOfCluster: number;
  readonly depreciationYears: number;
}

export interface Methods {
  readonly trainingMfu: number;
  readonly decodeBatch: number;
  readonly modelParams: number;
  readonly promptTokens: number;
  readonly outputTokens: number;
  readonly peakToAverage: number;
}

export interface CustomChip {
  readonly unitCostUsd: number;
  readonly nrePerYearUsd: number;
  readonly programmeYears: number;
}

/** Overrides of assumptions by key (case-insensitive keys, values in the assumption's unit). */
export type Overrides = ReadonlyMap<string, number>;

const TERA = 1e12;

/**
 * The price book in force: the shipped figures with a set of overrides applied, indexed for
 * lookups. Built once per set of overrides (see `bookFor`) and then only read, so that the
 * thousands of cells of a recalculation share one instance.
 */
export class PriceBook {
  readonly assumptions: ReadonlyMap<string, Assumption>;
  readonly accelerators: ReadonlyMap<string, Accelerator>;
  readonly facility: Facility;
  readonly methods: Methods;
  readonly customChip: CustomChip;
  private readonly instances: ReadonlyMap<string, Instance>;
  private readonly providers: readonly string[];

  constructor(
    readonly data: PriceBookData,
    overrides: Overrides = new Map(),
  ) {
    const read = new Reader(overrides);
    const accelerators = new Map<string, Accelerator>();
    for (const a of data.accelerators) {
      const k = a.id.toLowerCase();
      const num = (field: string, f: Figure, bounds: Bounds, label: string) =>
        read.value(`${k}.${field}`, f, "Accelerators", `${a.id} ${label}`, bounds);
      const opt = (field: string, f: Figure | undefined, bounds: Bounds, label: string) =>
        f === undefined ? undefined : num(field, f, bounds, label);
      const flops: Partial<Record<Precision, number>> = {};
      for (const p of PRECISIONS) {
        const f = a.tflops[p];
        if (f) flops[p] = num(`tflops.${p}`, f, POSITIVE, `peak dense ${p}`) * TERA;
      }
      accelerators.set(k, {
        id: a.id,
        name: a.name,
        flops,
        memoryGb: num("memory_gb", a.memoryGb, POSITIVE, "memory"),
        bandwidthTBs: num("bandwidth_tbs", a.bandwidthTBs, POSITIVE, "memory bandwidth"),
        tdpW: opt("tdp_w", a.tdpW, POSITIVE, "TDP"),
        serverWPerGpu: opt("server_w", a.serverWPerGpu, POSITIVE, "server power per GPU"),
        gpusPerNode: num("node_gpus", a.gpusPerNode, COUNT, "GPUs per node"),
        nodePriceUsd: opt("node_price", a.nodePriceUsd, POSITIVE, "node purchase price"),
        gpuPriceUsd: opt("gpu_price", a.gpuPriceUsd, POSITIVE, "price per GPU"),
        costToMakeUsd: opt("cost_to_make", a.costToMakeUsd, POSITIVE, "cost to make"),
      });
    }

    const instances = new Map<string, Instance>();
    for (const i of data.instances) {
      const k = `${i.provider}.${i.name}`.toLowerCase();
      const label = `${i.provider} ${i.name}`;
      const hourlyUsd: Partial<Record<RentMode, number>> = {};
      for (const mode of RENT_MODES) {
        const f = i.hourlyUsd[mode];
        if (f) hourlyUsd[mode] = read.value(`${k}.${mode}`, f, "Cloud rates", `${label} ${mode}`, NON_NEGATIVE);
      }
      const gpu = accelerators.get(i.gpu.toLowerCase());
      if (!gpu) throw new Error(`price book: instance ${label} names unknown accelerator ${i.gpu}`);
      instances.set(instanceKey(i.provider, gpu.id), {
        provider: i.provider,
        name: i.name,
        gpu,
        gpusPerInstance: read.value(`${k}.gpus`, i.gpusPerInstance, "Cloud rates", `${label} GPUs`, COUNT),
        hourlyUsd,
      });
    }

    const f = data.facility;
    const fac = (field: string, fig: Figure, bounds: Bounds, label: string) =>
      read.value(`facility.${field}`, fig, "Facility", label, bounds);
    this.facility = {
      pue: fac("pue", f.pue, RATIO_AT_LEAST_ONE, "PUE"),
      electricityUsdPerKwh: fac("electricity", f.electricityUsdPerKwh, NON_NEGATIVE, "electricity price"),
      averageDraw: fac("average_draw", f.averageDraw, FRACTION, "average draw"),
      colocationUsdPerKwMonth: fac("colocation", f.colocationUsdPerKwMonth, NON_NEGATIVE, "colocation"),
      operationsShareOfCapex: fac(
        "operations",
        f.operationsShareOfCapex,
        { ...FRACTION, minInclusive: true },
        "operations per year",
      ),
      networkShareOfCluster: fac(
        "network_share",
        f.networkShareOfCluster,
        { ...FRACTION, minInclusive: true, max: 0.9 },
        "network share of cluster cost",
      ),
      depreciationYears: fac("depreciation_years", f.depreciationYears, YEARS, "depreciation life"),
    };
    const m = data.methods;
    const method = (field: string, fig: Figure, bounds: Bounds, label: string) =>
      read.value(`method.${field}`, fig, "Methods", label, bounds);
    this.methods = {
      trainingMfu: method("training_mfu", m.trainingMfu, FRACTION, "training MFU"),
      decodeBatch: method(
        "decode_batch",
        m.decodeBatch,
        { ...COUNT, max: 1e6 },
        "decode batch (sets default inference utilisation)",
      ),
      modelParams: method("model_params", m.modelParams, { ...POSITIVE, max: 1e15 }, "model parameters"),
      promptTokens: method("prompt_tokens", m.promptTokens, { ...NON_NEGATIVE, max: 1e9 }, "prompt tokens per query"),
      outputTokens: method("output_tokens", m.outputTokens, { ...NON_NEGATIVE, max: 1e9 }, "output tokens per query"),
      peakToAverage: method(
        "peak_to_average",
        m.peakToAverage,
        { ...RATIO_AT_LEAST_ONE, max: 100 },
        "fleet peak-to-average load",
      ),
    };
    const c = data.customChip;
    const chip = (field: string, fig: Figure, bounds: Bounds, label: string) =>
      read.value(`chip.${field}`, fig, "Methods", `custom chip ${label}`, bounds);
    this.customChip = {
      unitCostUsd: chip("unit_cost", c.unitCostUsd, NON_NEGATIVE, "unit cost"),
      nrePerYearUsd: chip("nre_per_year", c.nrePerYearUsd, NON_NEGATIVE, "design cost per year"),
      programmeYears: chip("years", c.programmeYears, YEARS, "programme years"),
    };

    read.rejectUnused();
    this.assumptions = read.assumptions;
    this.accelerators = accelerators;
    this.instances = instances;
    this.providers = [...new Set(data.instances.map((i) => i.provider))];
  }

  get version(): string {
    return this.data.version;
  }

  /** The accelerator named `name` (any case), or #N/A listing the known ones. */
  accelerator(name: string): Accelerator {
    const found = this.accelerators.get(name.trim().toLowerCase());
    if (found) return found;
    const ids = [...this.accelerators.values()].map((a) => a.id);
    throw notAvailable(`Unknown gpu ${quote(name)}. Use ${listOf(ids)}.`);
  }

  /** The instance `provider` rents with `gpu` aboard, or #N/A saying who rents it. */
  instance(provider: string, gpu: Accelerator): Instance {
    const p = provider.trim().toLowerCase();
    if (!this.providers.includes(p)) {
      throw notAvailable(`Unknown provider ${quote(provider)}. Use ${listOf(this.providers)}.`);
    }
    const found = this.instances.get(instanceKey(p, gpu.id));
    if (found) return found;
    const renters = this.providers.filter((q) => this.instances.has(instanceKey(q, gpu.id)));
    const who = renters.length
      ? `${gpu.id} is rented by ${listOf(renters)}.`
      : `No provider in the price book rents ${gpu.id}.`;
    throw notAvailable(`Provider "${p}" rents no ${gpu.id} instance. ${who}`);
  }

  /** The assumption with this key (any case), or #N/A naming the closest keys. */
  assumption(key: string): Assumption {
    const found = this.assumptions.get(key.trim().toLowerCase());
    if (found) return found;
    throw notAvailable(`Unknown key ${quote(key)}. Closest: ${listOf(closest(key, this.assumptions.keys()))}.`);
  }
}

function instanceKey(provider: string, gpuId: string): string {
  return `${provider.toLowerCase()}|${gpuId.toLowerCase()}`;
}

/** Reads each figure's value in force and records it as an assumption. */
class Reader {
  readonly assumptions = new Map<string, Assumption>();
  private readonly overrides: Map<string, number>;

  constructor(overrides: Overrides) {
    this.overrides = new Map([...overrides].map(([k, v]) => [k.trim().toLowerCase(), v]));
  }

  value(key: string, shipped: Figure, group: AssumptionGroup, label: string, bounds: Bounds): number {
    let value = shipped.value;
    if (this.overrides.has(key)) {
      value = this.overrides.get(key)!;
      const problem = boundsProblem(value, bounds);
      if (problem) throw invalid(`Assumption ${quote(key)} ${problem} (${shipped.unit}); got ${value}.`);
      this.overrides.delete(key);
    }
    this.assumptions.set(key, { key, group, label, value, shipped, bounds });
    return value;
  }

  rejectUnused(): void {
    for (const key of this.overrides.keys()) {
      throw notAvailable(
        `Unknown assumption ${quote(key)}. Closest: ${listOf(closest(key, this.assumptions.keys()))}.`,
      );
    }
  }
}
