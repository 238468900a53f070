import type { Figure } from "../figure";

/** Numeric formats whose dense peak throughput the price book records. */
export const PRECISIONS = ["bf16", "fp16", "fp8", "tf32", "int8"] as const;
export type Precision = (typeof PRECISIONS)[number];

/** The ways a cloud sells an instance-hour. */
export const RENT_MODES = ["ondemand", "reserved1y", "reserved3y", "spot"] as const;
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
}

/** A custom accelerator programme (its FLOP/s are those of the reference chip, MAIA-100). */
export interface CustomChipData {
  /** Manufacturing cost of one chip. */
  readonly unitCostUsd: Figure;
  /** Design cost (NRE: teams, masks, IP) per year of the programme. */
  readonly nrePerYearUsd: Figure;
  readonly programmeYears: Figure;
}

/** The shipped defaults, as authored. */
export interface PriceBookData {
  /** Edition of the price book; workbooks record the edition they were built on. */
  readonly version: string;
  readonly accelerators: readonly AcceleratorData[];
  readonly instances: readonly InstanceData[];
  readonly facility: FacilityData;
  readonly methods: MethodData;
  readonly customChip: CustomChipData;
}
