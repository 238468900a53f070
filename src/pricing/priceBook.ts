import {
  COUNT,
  FRACTION,
  NON_NEGATIVE,
  POSITIVE,
  RATIO_AT_LEAST_ONE,
  SHARE,
  SWITCH,
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
  /** kg CO2e per kWh of the electricity. */
  readonly gridIntensityKgPerKwh: number;
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
  readonly goodput: number;
}

export interface CustomChip {
  readonly unitCostUsd: number;
  readonly nrePerYearUsd: number;
  readonly programmeYears: number;
}

export interface Finance {
  readonly costOfCapital: number;
  readonly residualValue: number;
  readonly priceDecline: number;
}

export interface Serving {
  readonly prefillEfficiency: number;
  readonly decodeEfficiency: number;
  readonly bandwidthEfficiency: number;
  readonly memoryUsable: number;
  /** Whether decode reads each sequence's KV cache. */
  readonly kvCache: boolean;
  /** Whether prompt tokens are processed together (prefill) rather than one at a time. */
  readonly batchedPrefill: boolean;
}

/** A reference model's shape in force. */
export interface Model {
  readonly id: string;
  readonly name: string;
  readonly totalParams: number;
  readonly activeParams: number;
  readonly layers: number;
  readonly kvHeads: number;
  readonly headDim: number;
}

/** An API's list price in force, USD per million tokens. */
export interface ApiPrice {
  readonly id: string;
  readonly name: string;
  readonly inputUsdPerMTok: number;
  readonly outputUsdPerMTok: number;
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
  readonly finance: Finance;
  readonly serving: Serving;
  readonly models: ReadonlyMap<string, Model>;
  readonly apis: ReadonlyMap<string, ApiPrice>;
  /** Each provider's instance for an accelerator (the first listed), by provider|gpu. */
  private readonly instances: ReadonlyMap<string, Instance>;
  /** Every instance, by "provider.name" (lower case). */
  private readonly instancesByName: ReadonlyMap<string, Instance>;
  /** Providers in price-book order. */
  readonly providers: readonly string[];

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
    const instancesByName = new Map<string, Instance>();
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
      const instance: Instance = {
        provider: i.provider,
        name: i.name,
        gpu,
        gpusPerInstance: read.value(`${k}.gpus`, i.gpusPerInstance, "Cloud rates", `${label} GPUs`, COUNT),
        hourlyUsd,
      };
      if (!instances.has(instanceKey(i.provider, gpu.id))) instances.set(instanceKey(i.provider, gpu.id), instance);
      instancesByName.set(k, instance);
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
      gridIntensityKgPerKwh: fac(
        "grid_intensity",
        f.gridIntensity,
        { ...NON_NEGATIVE, max: 5 },
        "grid carbon intensity",
      ),
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
      goodput: method("goodput", m.goodput, FRACTION, "training goodput (useful share of GPU-hours)"),
    };
    const c = data.customChip;
    const chip = (field: string, fig: Figure, bounds: Bounds, label: string) =>
      read.value(`chip.${field}`, fig, "Methods", `custom chip ${label}`, bounds);
    this.customChip = {
      unitCostUsd: chip("unit_cost", c.unitCostUsd, NON_NEGATIVE, "unit cost"),
      nrePerYearUsd: chip("nre_per_year", c.nrePerYearUsd, NON_NEGATIVE, "design cost per year"),
      programmeYears: chip("years", c.programmeYears, YEARS, "programme years"),
    };

    const fin = data.finance;
    const finance = (field: string, fig: Figure, bounds: Bounds, label: string) =>
      read.value(`finance.${field}`, fig, "Finance", label, bounds);
    this.finance = {
      costOfCapital: finance("cost_of_capital", fin.costOfCapital, SHARE, "cost of capital a year"),
      residualValue: finance("residual_value", fin.residualValue, SHARE, "residual value at end of life"),
      priceDecline: finance(
        "price_decline",
        fin.priceDecline,
        { ...SHARE, max: 0.99 },
        "yearly fall of a GPU's market value",
      ),
    };

    const sv = data.serving;
    const serving = (field: string, fig: Figure, bounds: Bounds, label: string) =>
      read.value(`serving.${field}`, fig, "Serving", label, bounds);
    this.serving = {
      prefillEfficiency: serving("prefill_efficiency", sv.prefillEfficiency, FRACTION, "prefill share of peak FLOP/s"),
      decodeEfficiency: serving("decode_efficiency", sv.decodeEfficiency, FRACTION, "decode share of peak FLOP/s"),
      bandwidthEfficiency: serving(
        "bandwidth_efficiency",
        sv.bandwidthEfficiency,
        FRACTION,
        "decode share of peak memory bandwidth",
      ),
      memoryUsable: serving("memory_usable", sv.memoryUsable, FRACTION, "memory usable for weights and KV cache"),
      kvCache: serving("kv_cache", sv.kvCache, SWITCH, "KV cache read at decode (1 on, 0 off)") === 1,
      batchedPrefill:
        serving("batched_prefill", sv.batchedPrefill, SWITCH, "prompts processed together (1 on, 0 off)") === 1,
    };

    const models = new Map<string, Model>();
    for (const md of data.models) {
      const k = md.id.toLowerCase();
      const num = (field: string, f: Figure, bounds: Bounds, label: string) =>
        read.value(`model.${k}.${field}`, f, "Serving", `${md.name} ${label}`, bounds);
      const totalParams = num("params", md.totalParams, { ...POSITIVE, max: 1e15 }, "parameters");
      models.set(k, {
        id: md.id,
        name: md.name,
        totalParams,
        activeParams: num("active_params", md.activeParams, { ...POSITIVE, max: 1e15 }, "active parameters"),
        layers: num("layers", md.layers, { ...COUNT, max: 10_000 }, "layers"),
        kvHeads: num("kv_heads", md.kvHeads, { ...COUNT, max: 10_000 }, "KV heads"),
        headDim: num("head_dim", md.headDim, { ...COUNT, max: 100_000 }, "head dimension"),
      });
    }

    const apis = new Map<string, ApiPrice>();
    for (const api of data.apis) {
      const k = api.id.toLowerCase();
      const usd = (field: string, f: Figure, label: string) =>
        read.value(`api.${k}.${field}`, f, "API prices", `${api.name} ${label}`, { ...NON_NEGATIVE, max: 1e6 });
      apis.set(k, {
        id: api.id,
        name: api.name,
        inputUsdPerMTok: usd("input", api.inputUsdPerMTok, "input per million tokens"),
        outputUsdPerMTok: usd("output", api.outputUsdPerMTok, "output per million tokens"),
      });
    }

    read.rejectUnused();
    this.assumptions = read.assumptions;
    this.accelerators = accelerators;
    this.instances = instances;
    this.instancesByName = instancesByName;
    this.providers = [...new Set(data.instances.map((i) => i.provider))];
    this.models = models;
    this.apis = apis;
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

  /**
   * The instance `provider` rents with `gpu` aboard, or #N/A saying who rents it. `provider`
   * is a provider ("gcp": its first-listed instance for that accelerator) or a provider and an
   * instance ("gcp.a3-megagpu-8g").
   */
  instance(provider: string, gpu: Accelerator): Instance {
    const p = provider.trim().toLowerCase();
    const dot = p.indexOf(".");
    if (dot > 0 && this.providers.includes(p.slice(0, dot))) {
      const named = this.instancesByName.get(p);
      if (!named) {
        const theirs = [...this.instancesByName.keys()].filter((k) => k.startsWith(p.slice(0, dot + 1)));
        throw notAvailable(`Unknown instance ${quote(provider)}. Use ${listOf(theirs)}.`);
      }
      if (named.gpu !== gpu) {
        throw notAvailable(`${named.provider} ${named.name} carries ${named.gpu.id}, not ${gpu.id}.`);
      }
      return named;
    }
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

  /** The reference model `name` (any case), or #N/A naming the closest ones. */
  model(name: string): Model {
    const found = this.models.get(name.trim().toLowerCase());
    if (found) return found;
    throw notAvailable(
      `Unknown model ${quote(name)} in price book ${this.version}. Use ${listOf(closest(name, this.models.keys()))}, or a parameter count such as 70E9.`,
    );
  }

  /** The API `name` (any case), or #N/A naming the closest ones. */
  api(name: string): ApiPrice {
    const found = this.apis.get(name.trim().toLowerCase());
    if (found) return found;
    if (this.apis.size === 0) {
      throw notAvailable(
        `Price book ${this.version} has no API prices; they start with a later edition (Update in the task pane).`,
      );
    }
    throw notAvailable(`Unknown API ${quote(name)}. Use ${listOf(closest(name, this.apis.keys()))}.`);
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
