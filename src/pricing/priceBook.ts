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
import {
  PRECISIONS,
  RENT_MODES,
  type AcceleratorData,
  type ApiPriceData,
  type InstanceData,
  type ModelData,
  type PriceBookData,
  type Precision,
  type RentMode,
} from "./book/types";
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
 * thousands of cells of a recalculation share one instance. `patched` derives a book with a
 * few more overrides (a cell's own override range) by rebuilding only the parts those keys
 * touch.
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
  /** The part of the book each key belongs to (shared by every book of an edition's build). */
  private readonly sections: ReadonlyMap<string, string>;

  /**
   * The shipped figures of `data` with `overrides` (any case) applied; with `base`, the
   * overrides are applied on top of that book instead, rebuilding only what they touch.
   * Throws #VALUE! for a value out of its bounds, #N/A for an unknown key.
   */
  constructor(
    readonly data: PriceBookData,
    overrides: Overrides = new Map(),
    base?: PriceBook,
  ) {
    // A full build works on a copy (it crosses off the keys it uses); a patch reads a cell's
    // range as given when it names keys as the book does, as it usually does.
    let wanted = overrides as Map<string, number>;
    for (const k of overrides.keys()) {
      if (!base || canonical(k) !== k) {
        wanted = new Map();
        for (const [k, v] of overrides) wanted.set(canonical(k), v);
        break;
      }
    }
    const read = new Reader(wanted, base);
    let parts: Parts;
    if (base) {
      const affected: string[] = [];
      for (const key of wanted.keys()) {
        const section = base.sections.get(key);
        if (section === undefined) read.rejectUnused();
        else if (!affected.includes(section)) affected.push(section);
      }
      parts = rebuild(data, base, affected, read);
      this.assumptions = read.assumptions;
      this.sections = base.sections;
    } else {
      parts = buildAll(data, read);
      read.rejectUnused();
      this.assumptions = read.assumptions;
      this.sections = read.sections;
    }
    this.accelerators = parts.accelerators;
    this.instances = parts.instances;
    this.instancesByName = parts.instancesByName;
    this.providers = parts.providers;
    this.facility = parts.facility;
    this.methods = parts.methods;
    this.customChip = parts.customChip;
    this.finance = parts.finance;
    this.serving = parts.serving;
    this.models = parts.models;
    this.apis = parts.apis;
  }

  /** The book's parts, for `rebuild`. */
  parts(): Readonly<Parts> {
    return {
      accelerators: this.accelerators,
      instances: this.instances,
      instancesByName: this.instancesByName,
      providers: this.providers,
      facility: this.facility,
      methods: this.methods,
      customChip: this.customChip,
      finance: this.finance,
      serving: this.serving,
      models: this.models,
      apis: this.apis,
    };
  }

  /**
   * This book with `extra` overrides on top (a cell's own override range): only the parts the
   * keys touch are rebuilt, so a derived book costs a few microseconds, not a full build.
   * A patched book patches in turn: its overlays become the base's.
   */
  patched(extra: Overrides): PriceBook {
    if (extra.size === 0) return this;
    return new PriceBook(this.data, extra, this);
  }

  get version(): string {
    return this.data.version;
  }

  /** The accelerator named `name` (any case), or #N/A listing the known ones. */
  accelerator(name: string): Accelerator {
    const found = this.accelerators.get(canonical(name));
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
    const p = canonical(provider);
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
    const found = this.models.get(canonical(name));
    if (found) return found;
    throw notAvailable(
      `Unknown model ${quote(name)} in price book ${this.version}. Use ${listOf(closest(name, this.models.keys()))}, or a parameter count such as 70E9.`,
    );
  }

  /** The API `name` (any case), or #N/A naming the closest ones. */
  api(name: string): ApiPrice {
    const found = this.apis.get(canonical(name));
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
    const found = this.assumptions.get(canonical(key));
    if (found) return found;
    throw notAvailable(`Unknown key ${quote(key)}. Closest: ${listOf(closest(key, this.assumptions.keys()))}.`);
  }
}

/** provider|gpu, lower case: the key of `PriceBook.instances` (made once per pair). */
function instanceKey(provider: string, gpuId: string): string {
  let ofProvider = INSTANCE_KEYS.get(provider);
  if (!ofProvider) INSTANCE_KEYS.set(provider, (ofProvider = new Map()));
  let key = ofProvider.get(gpuId);
  if (key === undefined) {
    key = `${provider.toLowerCase()}|${gpuId.toLowerCase()}`;
    if (ofProvider.size < MAX_REMEMBERED) ofProvider.set(gpuId, key);
  }
  return key;
}

const INSTANCE_KEYS = new Map<string, Map<string, string>>();

/**
 * A name as users type it (any case, spaces around), as the book keys it: trimmed, lower case.
 * Remembered, so that the thousands of cells of a recalculation, which pass the same few names,
 * allocate nothing to look them up; bounded against a sheet of distinct texts.
 */
function canonical(name: string): string {
  let key = CANONICAL.get(name);
  if (key === undefined) {
    key = name.trim().toLowerCase();
    if (CANONICAL.size < MAX_REMEMBERED) CANONICAL.set(name, key);
  }
  return key;
}

const CANONICAL = new Map<string, string>();
const MAX_REMEMBERED = 1024;

/** The parts of a price book, each built from its own keys. */
interface Parts {
  accelerators: ReadonlyMap<string, Accelerator>;
  instances: ReadonlyMap<string, Instance>;
  instancesByName: ReadonlyMap<string, Instance>;
  providers: readonly string[];
  facility: Facility;
  methods: Methods;
  customChip: CustomChip;
  finance: Finance;
  serving: Serving;
  models: ReadonlyMap<string, Model>;
  apis: ReadonlyMap<string, ApiPrice>;
}

const ACCELERATOR = (id: string) => `accelerator:${id.toLowerCase()}`;
const INSTANCE = (key: string) => `instance:${key}`;
const MODEL = (id: string) => `model:${id.toLowerCase()}`;
const API = (id: string) => `api:${id.toLowerCase()}`;

function instanceName(i: InstanceData): string {
  return namesOf(i).name;
}

/** An instance's assumption keys and labels, made once per shipped instance (patching reads them per cell). */
interface InstanceNames {
  readonly name: string;
  /** Its accelerator's id, lower case. */
  readonly gpu: string;
  /** provider|gpu, the key of `PriceBook.instances`. */
  readonly byGpu: string;
  readonly section: string;
  readonly modes: readonly { readonly mode: RentMode; readonly key: string; readonly label: string }[];
  readonly gpusKey: string;
  readonly gpusLabel: string;
}

const instanceNames = new WeakMap<InstanceData, InstanceNames>();

function namesOf(i: InstanceData): InstanceNames {
  let names = instanceNames.get(i);
  if (!names) {
    const name = `${i.provider}.${i.name}`.toLowerCase();
    const label = `${i.provider} ${i.name}`;
    names = {
      name,
      gpu: i.gpu.toLowerCase(),
      byGpu: instanceKey(i.provider, i.gpu),
      section: INSTANCE(name),
      modes: RENT_MODES.map((mode) => ({ mode, key: `${name}.${mode}`, label: `${label} ${mode}` })),
      gpusKey: `${name}.gpus`,
      gpusLabel: `${label} GPUs`,
    };
    instanceNames.set(i, names);
  }
  return names;
}

/** Every part, from the edition's figures. */
function buildAll(data: PriceBookData, read: Reader): Parts {
  const accelerators = new Map(data.accelerators.map((a) => [a.id.toLowerCase(), buildAccelerator(a, read)]));
  const instances = new Map<string, Instance>();
  const instancesByName = new Map<string, Instance>();
  for (const i of data.instances) {
    const instance = buildInstance(i, read, accelerators);
    if (!instances.has(instanceKey(i.provider, instance.gpu.id)))
      instances.set(instanceKey(i.provider, instance.gpu.id), instance);
    instancesByName.set(instanceName(i), instance);
  }
  return {
    accelerators,
    instances,
    instancesByName,
    providers: [...new Set(data.instances.map((i) => i.provider))],
    facility: buildFacility(data, read),
    methods: buildMethods(data, read),
    customChip: buildCustomChip(data, read),
    finance: buildFinance(data, read),
    serving: buildServing(data, read),
    models: new Map(data.models.map((m) => [m.id.toLowerCase(), buildModel(m, read)])),
    apis: new Map(data.apis.map((a) => [a.id.toLowerCase(), buildApi(a, read)])),
  };
}

/** Where each section's figures are in an edition's data: built once per edition, for `rebuild`. */
interface Layout {
  readonly accelerators: ReadonlyMap<string, AcceleratorData>;
  readonly instances: ReadonlyMap<string, InstanceData>;
  /** The instances carrying each accelerator (by lower-case id): rebuilt with it. */
  readonly instancesOf: ReadonlyMap<string, readonly InstanceData[]>;
  readonly models: ReadonlyMap<string, ModelData>;
  readonly apis: ReadonlyMap<string, ApiPriceData>;
}

const layouts = new WeakMap<PriceBookData, Layout>();

function layoutOf(data: PriceBookData): Layout {
  let layout = layouts.get(data);
  if (!layout) {
    const instancesOf = new Map<string, InstanceData[]>();
    for (const i of data.instances) {
      const gpu = i.gpu.toLowerCase();
      instancesOf.set(gpu, [...(instancesOf.get(gpu) ?? []), i]);
    }
    layout = {
      accelerators: new Map(data.accelerators.map((a) => [ACCELERATOR(a.id), a])),
      instances: new Map(data.instances.map((i) => [INSTANCE(instanceName(i)), i])),
      instancesOf,
      models: new Map(data.models.map((m) => [MODEL(m.id), m])),
      apis: new Map(data.apis.map((a) => [API(a.id), a])),
    };
    layouts.set(data, layout);
  }
  return layout;
}

/**
 * `base`'s parts, with the `affected` sections (and the instances of a rebuilt accelerator)
 * built anew; every other part is `base`'s own object. Work in proportion to what changed.
 */
function rebuild(data: PriceBookData, base: PriceBook, affected: readonly string[], read: Reader): Parts {
  const layout = layoutOf(data);
  const old = base.parts();
  const parts: Parts = base.parts();
  /** The patched book's map `field`, writable: an overlay on the base's, made on first write. */
  const copy = <T>(
    field: "accelerators" | "instances" | "instancesByName" | "models" | "apis",
    from: ReadonlyMap<string, T>,
  ): OverlayMap<string, T> => {
    if (parts[field] === from) parts[field] = new OverlayMap(from) as never;
    return parts[field] as unknown as OverlayMap<string, T>;
  };
  const rebuildInstance = (i: InstanceData) => {
    const instance = buildInstance(i, read, parts.accelerators);
    const key = namesOf(i).byGpu;
    const name = instanceName(i);
    // The provider's default instance for this accelerator stays the one listed first.
    if (old.instances.get(key) === old.instancesByName.get(name)) copy("instances", old.instances).set(key, instance);
    copy("instancesByName", old.instancesByName).set(name, instance);
  };
  // Accelerators first: an instance rebuilt in its own right must carry the rebuilt accelerator.
  const ordered =
    affected.length === 1
      ? affected
      : [...affected].sort((a, b) => +layout.accelerators.has(b) - +layout.accelerators.has(a));
  for (const section of ordered) {
    const accelerator = layout.accelerators.get(section);
    if (accelerator) {
      copy("accelerators", old.accelerators).set(accelerator.id.toLowerCase(), buildAccelerator(accelerator, read));
      for (const i of layout.instancesOf.get(accelerator.id.toLowerCase()) ?? []) {
        if (!affected.includes(namesOf(i).section)) rebuildInstance(i);
      }
      continue;
    }
    const instance = layout.instances.get(section);
    if (instance) {
      rebuildInstance(instance);
      continue;
    }
    const model = layout.models.get(section);
    if (model) {
      copy("models", old.models).set(model.id.toLowerCase(), buildModel(model, read));
      continue;
    }
    const api = layout.apis.get(section);
    if (api) {
      copy("apis", old.apis).set(api.id.toLowerCase(), buildApi(api, read));
      continue;
    }
    if (section === "facility") parts.facility = buildFacility(data, read);
    else if (section === "methods") parts.methods = buildMethods(data, read);
    else if (section === "chip") parts.customChip = buildCustomChip(data, read);
    else if (section === "finance") parts.finance = buildFinance(data, read);
    else if (section === "serving") parts.serving = buildServing(data, read);
  }
  return parts;
}

function buildAccelerator(a: AcceleratorData, read: Reader): Accelerator {
  const k = a.id.toLowerCase();
  read.section = ACCELERATOR(a.id);
  const num = (field: string, f: Figure, bounds: Bounds, label: string) =>
    read.value(`${k}.${field}`, f, "Accelerators", `${a.id} ${label}`, bounds);
  const opt = (field: string, f: Figure | undefined, bounds: Bounds, label: string) =>
    f === undefined ? undefined : num(field, f, bounds, label);
  const flops: Partial<Record<Precision, number>> = {};
  for (const p of PRECISIONS) {
    const f = a.tflops[p];
    if (f) flops[p] = num(`tflops.${p}`, f, POSITIVE, `peak dense ${p}`) * TERA;
  }
  return {
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
  };
}

function buildInstance(i: InstanceData, read: Reader, accelerators: ReadonlyMap<string, Accelerator>): Instance {
  const names = namesOf(i);
  read.section = names.section;
  const hourlyUsd: Partial<Record<RentMode, number>> = {};
  for (const { mode, key, label } of names.modes) {
    const f = i.hourlyUsd[mode];
    if (f) hourlyUsd[mode] = read.value(key, f, "Cloud rates", label, NON_NEGATIVE);
  }
  const gpu = accelerators.get(names.gpu);
  if (!gpu) throw new Error(`price book: instance ${i.provider} ${i.name} names unknown accelerator ${i.gpu}`);
  return {
    provider: i.provider,
    name: i.name,
    gpu,
    gpusPerInstance: read.value(names.gpusKey, i.gpusPerInstance, "Cloud rates", names.gpusLabel, COUNT),
    hourlyUsd,
  };
}

function buildFacility(data: PriceBookData, read: Reader): Facility {
  read.section = "facility";
  const f = data.facility;
  const fac = (field: string, fig: Figure, bounds: Bounds, label: string) =>
    read.value(`facility.${field}`, fig, "Facility", label, bounds);
  return {
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
    gridIntensityKgPerKwh: fac("grid_intensity", f.gridIntensity, { ...NON_NEGATIVE, max: 5 }, "grid carbon intensity"),
  };
}

function buildMethods(data: PriceBookData, read: Reader): Methods {
  read.section = "methods";
  const m = data.methods;
  const method = (field: string, fig: Figure, bounds: Bounds, label: string) =>
    read.value(`method.${field}`, fig, "Methods", label, bounds);
  return {
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
}

function buildCustomChip(data: PriceBookData, read: Reader): CustomChip {
  read.section = "chip";
  const c = data.customChip;
  const chip = (field: string, fig: Figure, bounds: Bounds, label: string) =>
    read.value(`chip.${field}`, fig, "Methods", `custom chip ${label}`, bounds);
  return {
    unitCostUsd: chip("unit_cost", c.unitCostUsd, NON_NEGATIVE, "unit cost"),
    nrePerYearUsd: chip("nre_per_year", c.nrePerYearUsd, NON_NEGATIVE, "design cost per year"),
    programmeYears: chip("years", c.programmeYears, YEARS, "programme years"),
  };
}

function buildFinance(data: PriceBookData, read: Reader): Finance {
  read.section = "finance";
  const fin = data.finance;
  const finance = (field: string, fig: Figure, bounds: Bounds, label: string) =>
    read.value(`finance.${field}`, fig, "Finance", label, bounds);
  return {
    costOfCapital: finance("cost_of_capital", fin.costOfCapital, SHARE, "cost of capital a year"),
    residualValue: finance("residual_value", fin.residualValue, SHARE, "residual value at end of life"),
    priceDecline: finance(
      "price_decline",
      fin.priceDecline,
      { ...SHARE, max: 0.99 },
      "yearly fall of a GPU's market value",
    ),
  };
}

function buildServing(data: PriceBookData, read: Reader): Serving {
  read.section = "serving";
  const sv = data.serving;
  const serving = (field: string, fig: Figure, bounds: Bounds, label: string) =>
    read.value(`serving.${field}`, fig, "Serving", label, bounds);
  return {
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
}

function buildModel(md: ModelData, read: Reader): Model {
  const k = md.id.toLowerCase();
  read.section = MODEL(md.id);
  const num = (field: string, f: Figure, bounds: Bounds, label: string) =>
    read.value(`model.${k}.${field}`, f, "Serving", `${md.name} ${label}`, bounds);
  return {
    id: md.id,
    name: md.name,
    totalParams: num("params", md.totalParams, { ...POSITIVE, max: 1e15 }, "parameters"),
    activeParams: num("active_params", md.activeParams, { ...POSITIVE, max: 1e15 }, "active parameters"),
    layers: num("layers", md.layers, { ...COUNT, max: 10_000 }, "layers"),
    kvHeads: num("kv_heads", md.kvHeads, { ...COUNT, max: 10_000 }, "KV heads"),
    headDim: num("head_dim", md.headDim, { ...COUNT, max: 100_000 }, "head dimension"),
  };
}

function buildApi(api: ApiPriceData, read: Reader): ApiPrice {
  const k = api.id.toLowerCase();
  read.section = API(api.id);
  const usd = (field: string, f: Figure, label: string) =>
    read.value(`api.${k}.${field}`, f, "API prices", `${api.name} ${label}`, { ...NON_NEGATIVE, max: 1e6 });
  return {
    id: api.id,
    name: api.name,
    inputUsdPerMTok: usd("input", api.inputUsdPerMTok, "input per million tokens"),
    outputUsdPerMTok: usd("output", api.outputUsdPerMTok, "output per million tokens"),
  };
}

const NO_SECTIONS: Map<string, string> = new Map();

/**
 * Reads each figure's value in force (an override, else the base book's value, else the
 * shipped one) and records it as an assumption of the section being built.
 */
class Reader {
  /** The assumptions read: all of them in a full build; in a patch, the base's with the overridden ones replaced. */
  readonly assumptions: Map<string, Assumption> | OverlayMap<string, Assumption>;
  /** Each key's section: recorded by a full build (a patch shares its base's). */
  readonly sections: Map<string, string>;
  section = "";

  constructor(
    private readonly overrides: Map<string, number>,
    private readonly base?: PriceBook,
  ) {
    this.assumptions = base ? new OverlayMap(base.assumptions) : new Map();
    this.sections = base ? NO_SECTIONS : new Map();
  }

  value(key: string, shipped: Figure, group: AssumptionGroup, label: string, bounds: Bounds): number {
    const override = this.overrides.get(key);
    if (override === undefined) {
      // Patching: a key the overrides do not touch keeps its base assumption (the overlay shows it).
      const inBase = this.base?.assumptions.get(key);
      if (inBase) return inBase.value;
      this.assumptions.set(key, { key, group, label, value: shipped.value, shipped, bounds });
      if (!this.base) this.sections.set(key, this.section);
      return shipped.value;
    }
    const problem = boundsProblem(override, bounds);
    if (problem) throw invalid(`Assumption ${quote(key)} ${problem} (${shipped.unit}); got ${override}.`);
    this.assumptions.set(key, { key, group, label, value: override, shipped, bounds });
    if (!this.base) {
      this.overrides.delete(key);
      this.sections.set(key, this.section);
    }
    return override;
  }

  rejectUnused(): void {
    const known = this.base?.assumptions ?? this.assumptions;
    for (const key of this.overrides.keys()) {
      if (known.has(key)) continue;
      throw notAvailable(`Unknown assumption ${quote(key)}. Closest: ${listOf(closest(key, known.keys()))}.`);
    }
  }
}

/**
 * A map with a few values replaced, in the base's order: a patched book's view of its base's
 * maps. A cell's own override range usually replaces one value, so the first replacement is
 * kept in two fields and a map is made only for a second: thousands of cells each patching a
 * book allocate as little as they can.
 */
class OverlayMap<K, V> implements ReadonlyMap<K, V> {
  private oneKey: K | undefined;
  private oneValue: V | undefined;
  private more: Map<K, V> | undefined;

  constructor(private readonly base: ReadonlyMap<K, V>) {}

  /** Replaces the value of `key`, a key of the base. */
  set(key: K, value: V): this {
    if (this.more) this.more.set(key, value);
    else if (this.oneKey === undefined || this.oneKey === key) [this.oneKey, this.oneValue] = [key, value];
    else
      this.more = new Map([
        [this.oneKey, this.oneValue as V],
        [key, value],
      ]);
    return this;
  }
  private replaced(key: K): V | undefined {
    return this.more ? this.more.get(key) : key === this.oneKey ? this.oneValue : undefined;
  }
  get size(): number {
    return this.base.size;
  }
  get(key: K): V | undefined {
    return this.replaced(key) ?? this.base.get(key);
  }
  has(key: K): boolean {
    return this.base.has(key);
  }
  *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.base) yield [k, this.replaced(k) ?? v];
  }
  *keys(): MapIterator<K> {
    yield* this.base.keys();
  }
  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [k, v] of this.entries()) callback(v, k, this);
  }
}
