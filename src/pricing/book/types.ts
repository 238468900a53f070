import type { Figure } from "../figure";

/** Numeric formats whose dense peak throughput the price book records. */
export const PRECISIONS = ["bf16", "fp16", "fp8", "tf32", "int8", "fp4"] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * The ways a cloud sells an instance-hour: on demand, 1- and 3-year commitments, spot
 * (interruptible), and block (capacity reserved ahead for days to weeks, as AWS Capacity Blocks).
 */
export const RENT_MODES = ["ondemand", "reserved1y", "reserved3y", "spot", "block"] as const;
export type RentMode = (typeof RENT_MODES)[number];

/** An accelerator as its datasheet and its street price describe it. */
export interface AcceleratorData {
  /** Canonical id users type, e.g. "H100-SXM" (matched case-insensitively). */
  readonly id: string;
  readonly name: string;
  /** Peak dense throughput per precision, in TFLOP/s (TOPS for int8). */
  readonly tflops: Partial<Record<Precision, Figure>>;
  readonly memoryGb: Figure;
  /** Memory bandwidth; sets the memory-bound decode floor of inference. */
  readonly bandwidthTBs: Figure;
  /** Absent where no citable figure exists (some cloud-only chips). */
  readonly tdpW?: Figure;
  /**
   * Wall power of the server per accelerator (host CPUs, NICs, fans included), W. Needed for
   * energy; absent where no citable figure exists.
   */
  readonly serverWPerGpu?: Figure;
  /** Accelerators in one server (node), as sold or as the cloud deploys it. */
  readonly gpusPerNode: Figure;
  /** Purchase price of one node, network excluded; absent where it is not sold (cloud-only chips). */
  readonly nodePriceUsd?: Figure;
  /** Street price of one accelerator. */
  readonly gpuPriceUsd?: Figure;
  /** Estimated cost for the vendor to make one accelerator. */
  readonly costToMakeUsd?: Figure;
}

/** A cloud instance type and its hourly prices (USD per instance-hour). */
export interface InstanceData {
  readonly provider: string;
  readonly name: string;
  /** Id of the accelerator it carries (an AcceleratorData.id). */
  readonly gpu: string;
  readonly gpusPerInstance: Figure;
  readonly hourlyUsd: Partial<Record<RentMode, Figure>>;
}

/** Data-centre assumptions for owned hardware. */
export interface FacilityData {
  /** Power usage effectiveness: facility power over IT power. */
  readonly pue: Figure;
  readonly electricityUsdPerKwh: Figure;
  /** Average draw as a fraction of the server's rated power. */
  readonly averageDraw: Figure;
  /** Colocation price per kW of provisioned IT power per month (space, cooling, power delivery). */
  readonly colocationUsdPerKwMonth: Figure;
  /** Operations (staff, support contracts, spares) per year as a fraction of capex. */
  readonly operationsShareOfCapex: Figure;
  /** Cluster network (NICs, cables, switches) as a fraction of the cluster's purchase cost. */
  readonly networkShareOfCluster: Figure;
  readonly depreciationYears: Figure;
  /** Carbon intensity of the electricity, kg CO2e per kWh (added after 2023.10-1 shipped). */
  readonly gridIntensity?: Figure;
}

/** Defaults of the methods (how compute turns into time and queries into compute). */
export interface MethodData {
  /** Model FLOP utilisation of training runs. */
  readonly trainingMfu: Figure;
  /**
   * Sequences decoded together. Sets the default inference utilisation: decoding is
   * memory-bound, so utilisation = batch x memory bandwidth / peak FLOP/s (capped at 1).
   */
  readonly decodeBatch: Figure;
  /** Parameters of the model a query runs on. */
  readonly modelParams: Figure;
  readonly promptTokens: Figure;
  readonly outputTokens: Figure;
  /** Fleet provisioned for peak load over average load. */
  readonly peakToAverage: Figure;
  /**
   * Share of allocated GPU-hours that do useful training (failures, restarts and checkpoints
   * take the rest). Added after 2023.10-1 shipped.
   */
  readonly goodput?: Figure;
}

/** A custom accelerator programme (its FLOP/s are those of the reference chip, MAIA-100). */
export interface CustomChipData {
  /** Manufacturing cost of one chip. */
  readonly unitCostUsd: Figure;
  /** Design cost (NRE: teams, masks, IP) per year of the programme. */
  readonly nrePerYearUsd: Figure;
  readonly programmeYears: Figure;
}

/** The cost of money and what owned hardware is worth over time. */
export interface FinanceData {
  /** Yearly discount rate of the cash flows (a GPU-financing rate or a WACC). */
  readonly costOfCapital: Figure;
  /** Share of the purchase price recovered by selling the hardware at the end of its life. */
  readonly residualValue: Figure;
  /** Yearly fall of a GPU's market value, as a fraction of its value a year earlier. */
  readonly priceDecline: Figure;
}

/**
 * A reference LLM's shape, for the serving model: what a forward pass computes (active
 * parameters) and what it reads (all parameters' weights, and each sequence's KV cache:
 * layers x KV heads x head dim x 2 values per token of context).
 */
export interface ModelData {
  /** Key users type, e.g. "llama-3.3-70b" (matched case-insensitively). */
  readonly id: string;
  readonly name: string;
  readonly totalParams: Figure;
  /** Parameters each token goes through (all of them unless a mixture of experts). */
  readonly activeParams: Figure;
  readonly layers: Figure;
  /** KV heads (grouped-query attention has fewer than query heads). */
  readonly kvHeads: Figure;
  readonly headDim: Figure;
}

/** An LLM API's list price (USD per million tokens). */
export interface ApiPriceData {
  /** Key users type, e.g. "gpt-4o". */
  readonly id: string;
  readonly name: string;
  readonly inputUsdPerMTok: Figure;
  readonly outputUsdPerMTok: Figure;
}

/** How serving turns FLOP/s and bytes/s into tokens (the roofline model's efficiencies). */
export interface ServingData {
  /** Share of peak FLOP/s prompt processing (prefill) reaches. */
  readonly prefillEfficiency: Figure;
  /** Share of peak FLOP/s a compute-bound decode step reaches. */
  readonly decodeEfficiency: Figure;
  /** Share of peak memory bandwidth a memory-bound decode step reaches. */
  readonly bandwidthEfficiency: Figure;
  /** Share of accelerator memory usable for weights and KV caches (the rest: activations, runtime). */
  readonly memoryUsable: Figure;
  /** 1: decode reads each sequence's KV cache as well as the weights; 0: weights only. */
  readonly kvCache: Figure;
  /** 1: prompt tokens are processed together (prefill); 0: one at a time, like output tokens. */
  readonly batchedPrefill: Figure;
}

/**
 * An edition of the price book as authored in its folder (src/pricing/book/editions/<id>/).
 * Sections and fields the price book gained after an edition shipped are optional here: the
 * registry completes that edition with figures chosen to keep every number it computed.
 */
export interface EditionData {
  /** Edition of the price book; workbooks record the edition they were built on. */
  readonly version: string;
  readonly accelerators: readonly AcceleratorData[];
  readonly instances: readonly InstanceData[];
  readonly facility: FacilityData;
  readonly methods: MethodData;
  readonly customChip: CustomChipData;
  readonly finance?: FinanceData;
  readonly serving?: ServingData;
  readonly models?: readonly ModelData[];
  readonly apis?: readonly ApiPriceData[];
}

/** What the price book gained after an edition shipped, with that edition's values. */
export interface LaterKeys {
  readonly facility: { readonly gridIntensity: Figure };
  readonly methods: { readonly goodput: Figure };
  readonly finance: FinanceData;
  readonly serving: ServingData;
  readonly models: readonly ModelData[];
  readonly apis: readonly ApiPriceData[];
}

/** An edition complete with every section the engine reads. */
export interface PriceBookData extends EditionData {
  readonly facility: FacilityData & { readonly gridIntensity: Figure };
  readonly methods: MethodData & { readonly goodput: Figure };
  readonly finance: FinanceData;
  readonly serving: ServingData;
  readonly models: readonly ModelData[];
  readonly apis: readonly ApiPriceData[];
}
