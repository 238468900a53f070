import { fig, type Figure } from "../../../figure";
import { SRC } from "./sources";
import type { InstanceData } from "../../types";

/**
 * Typical commitment discounts off on-demand (1-year, 3-year), used only where a provider sells
 * a commitment but no list price for it could be cited; each such figure says "Derived" and its
 * note shows the arithmetic. GPU VMs: Epoch AI's defaults. Cloud TPUs: the discounts Google's
 * own TPU v5e and v6e list prices show (1-year 30%: $0.84/$1.20, $1.89/$2.70; 3-year 55%:
 * $0.54/$1.20, $1.22/$2.70).
 */
const COMMITMENT_DISCOUNT = {
  aws: { 1: 0.41, 3: 0.64 },
  gcp: { 1: 0.37, 3: 0.56 },
  azure: { 1: 0.25, 3: 0.49 },
  tpu: { 1: 0.3, 3: 0.55 },
} as const;

const DISCOUNT_SOURCE = {
  aws: `Derived: on-demand x (1 - 41% 1-year / 64% 3-year AWS discount), ${SRC.epochCudDefaults}`,
  gcp: `Derived: on-demand x (1 - 37% 1-year / 56% 3-year GCP discount), ${SRC.epochCudDefaults}`,
  azure: `Derived: on-demand x (1 - 25% 1-year / 49% 3-year Azure discount), ${SRC.epochCudDefaults}`,
  tpu: `Derived: on-demand x (1 - 30% 1-year / 55% 3-year), the discounts of Google's TPU v5e and v6e list prices in ${SRC.epochCloudPrices}`,
} as const;

/** A committed-use price derived from the on-demand list price (rounded to 0.01 cent). */
function committed(kind: keyof typeof COMMITMENT_DISCOUNT, years: 1 | 3, onDemand: number, asOf: string): Figure {
  const value = Math.round(onDemand * (1 - COMMITMENT_DISCOUNT[kind][years]) * 10_000) / 10_000;
  return fig(value, "USD/h", DISCOUNT_SOURCE[kind], asOf);
}

/** A per-GPU (or per-chip) hourly price times the GPUs of the instance, rounded to 0.01 cent. */
function perGpu(usdPerGpuHour: number, gpus: number, source: string, asOf: string): Figure {
  return fig(Math.round(usdPerGpuHour * gpus * 10_000) / 10_000, "USD/h", source, asOf);
}

const AWS_OD = "2026-01-21";
const AWS_CB = "2026-07-22";

/**
 * Cloud instance types with their prices in USD per instance-hour. For each provider the first
 * instance listed for an accelerator is the one `provider` alone selects; another is selected as
 * "provider.instance" (e.g. "gcp.a3-megagpu-8g").
 */
export const INSTANCES: readonly InstanceData[] = [
  // ---------------------------------------------------------------- AWS (us-east-1 unless noted)
  {
    provider: "aws",
    name: "p5.48xlarge",
    gpu: "H100-SXM",
    gpusPerInstance: fig(8, "GPUs", SRC.vantageAws, AWS_OD),
    hourlyUsd: {
      ondemand: fig(55.04, "USD/h", `${SRC.vantageAws}; ${SRC.awsPriceCut2025}`, AWS_OD),
      reserved1y: committed("aws", 1, 55.04, AWS_OD),
      reserved3y: committed("aws", 3, 55.04, AWS_OD),
      block: fig(41.528, "USD/h", SRC.awsCapacityBlocks, AWS_CB),
    },
  },
  {
    provider: "aws",
    name: "p5en.48xlarge",
    gpu: "H200",
    gpusPerInstance: fig(8, "GPUs", SRC.vantageAws, AWS_OD),
    hourlyUsd: {
      ondemand: fig(63.296, "USD/h", `${SRC.vantageAws}; ${SRC.awsPriceCut2025}`, AWS_OD),
      reserved1y: committed("aws", 1, 63.296, AWS_OD),
      reserved3y: committed("aws", 3, 63.296, AWS_OD),
      block: fig(54.92, "USD/h", SRC.awsCapacityBlocks, AWS_CB),
    },
  },
  {
    provider: "aws",
    name: "p5e.48xlarge",
    gpu: "H200",
    gpusPerInstance: fig(8, "GPUs", SRC.awsCapacityBlocks, AWS_CB),
    hourlyUsd: {
      block: fig(47.76, "USD/h", SRC.awsCapacityBlocks, AWS_CB),
    },
  },
  {
    provider: "aws",
    name: "p6-b200.48xlarge",
    gpu: "B200",
    gpusPerInstance: fig(8, "GPUs", SRC.vantageAws, AWS_OD),
    hourlyUsd: {
      ondemand: fig(113.9328, "USD/h", SRC.vantageAws, AWS_OD),
      reserved1y: committed("aws", 1, 113.9328, AWS_OD),
      reserved3y: committed("aws", 3, 113.9328, AWS_OD),
      block: fig(98.84, "USD/h", SRC.awsCapacityBlocks, AWS_CB),
    },
  },
  {
    provider: "aws",
    name: "p6-b300.48xlarge",
    gpu: "B300",
    gpusPerInstance: fig(8, "GPUs", SRC.vantageAws, AWS_OD),
    hourlyUsd: {
      ondemand: fig(142.416, "USD/h", SRC.vantageAws, AWS_OD),
      reserved1y: committed("aws", 1, 142.416, AWS_OD),
      reserved3y: committed("aws", 3, 142.416, AWS_OD),
      block: fig(112.32, "USD/h", SRC.awsCapacityBlocks, AWS_CB),
    },
  },
  {
    provider: "aws",
    name: "u-p6e-gb200x72",
    gpu: "GB200",
    gpusPerInstance: fig(72, "GPUs", SRC.awsCapacityBlocks, AWS_CB),
    hourlyUsd: {
      block: fig(761.904, "USD/h", SRC.awsCapacityBlocks, AWS_CB),
    },
  },
  {
    provider: "aws",
    name: "p4d.24xlarge",
    gpu: "A100-40GB",
    gpusPerInstance: fig(8, "GPUs", SRC.vantageAws, AWS_OD),
    hourlyUsd: {
      ondemand: fig(21.957642, "USD/h", SRC.vantageAws, AWS_OD),
      reserved1y: committed("aws", 1, 21.957642, AWS_OD),
      reserved3y: committed("aws", 3, 21.957642, AWS_OD),
      block: fig(11.8, "USD/h", SRC.awsCapacityBlocks, AWS_CB),
    },
  },
  {
    provider: "aws",
    name: "p4de.24xlarge",
    gpu: "A100-80GB",
    gpusPerInstance: fig(8, "GPUs", SRC.vantageAws, AWS_OD),
    hourlyUsd: {
      ondemand: fig(27.44705, "USD/h", SRC.vantageAws, AWS_OD),
      reserved1y: committed("aws", 1, 27.44705, AWS_OD),
      reserved3y: committed("aws", 3, 27.44705, AWS_OD),
      block: fig(17.712, "USD/h", SRC.awsCapacityBlocks, AWS_CB),
    },
  },
  {
    provider: "aws",
    name: "p3dn.24xlarge",
    gpu: "V100",
    gpusPerInstance: fig(8, "GPUs", SRC.vantageAws, AWS_OD),
    hourlyUsd: {
      ondemand: fig(31.212, "USD/h", SRC.vantageAws, AWS_OD),
    },
  },
  {
    provider: "aws",
    name: "trn2.48xlarge",
    gpu: "TRAINIUM2",
    gpusPerInstance: fig(16, "GPUs", SRC.awsCapacityBlocks, AWS_CB),
    hourlyUsd: {
      block: fig(35.7608, "USD/h", SRC.awsCapacityBlocks, AWS_CB),
    },
  },
  {
    provider: "aws",
    name: "inf2.48xlarge",
    gpu: "INFERENTIA2",
    gpusPerInstance: fig(12, "GPUs", SRC.vantageAws, AWS_OD),
    hourlyUsd: {
      ondemand: fig(12.98127, "USD/h", SRC.vantageAws, AWS_OD),
      reserved1y: committed("aws", 1, 12.98127, AWS_OD),
      reserved3y: committed("aws", 3, 12.98127, AWS_OD),
    },
  },
  // ---------------------------------------------------------------- Azure (East US, Linux)
  {
    provider: "azure",
    name: "ND96isr_H100_v5",
    gpu: "H100-SXM",
    gpusPerInstance: fig(8, "GPUs", SRC.azureRetailCapture, "2026-09-16"),
    hourlyUsd: {
      ondemand: fig(98.32, "USD/h", SRC.azureRetailCapture, "2026-09-16"),
      reserved1y: committed("azure", 1, 98.32, "2026-09-16"),
      reserved3y: committed("azure", 3, 98.32, "2026-09-16"),
      spot: fig(18.169536, "USD/h", SRC.azureRetailCapture, "2026-09-16"),
    },
  },
  {
    provider: "azure",
    name: "ND96isr_H200_v5",
    gpu: "H200",
    gpusPerInstance: fig(8, "GPUs", SRC.h200Summary, "2026-01-02"),
    hourlyUsd: {
      ondemand: perGpu(13.09, 8, SRC.h200Summary, "2026-01-02"),
      reserved3y: fig(
        Math.round((1_109_592 / 26_280) * 10_000) / 10_000,
        "USD/h",
        `Derived from ${SRC.costAppendix}`,
        "2026",
      ),
    },
  },
  {
    provider: "azure",
    name: "ND96amsr_A100_v4",
    gpu: "A100-80GB",
    gpusPerInstance: fig(8, "GPUs", SRC.epochCloudPrices, "2024-01-29"),
    hourlyUsd: {
      ondemand: perGpu(4.1, 8, SRC.epochCloudPrices, "2024-01-29"),
      reserved1y: perGpu(3.53, 8, SRC.epochCloudPrices, "2024-01-29"),
      reserved3y: perGpu(2.13, 8, SRC.epochCloudPrices, "2024-01-29"),
    },
  },
  {
    provider: "azure",
    name: "ND96asr_v4",
    gpu: "A100-40GB",
    gpusPerInstance: fig(8, "GPUs", SRC.epochCloudPrices, "2024-01-29"),
    hourlyUsd: {
      ondemand: perGpu(3.4, 8, SRC.epochCloudPrices, "2024-01-29"),
      reserved1y: perGpu(2.83, 8, SRC.epochCloudPrices, "2024-01-29"),
      reserved3y: perGpu(1.7, 8, SRC.epochCloudPrices, "2024-01-29"),
    },
  },
  {
    provider: "azure",
    name: "ND40rs_v2",
    gpu: "V100",
    gpusPerInstance: fig(8, "GPUs", SRC.epochCloudPrices, "2024-01-29"),
    hourlyUsd: {
      ondemand: perGpu(2.75, 8, SRC.epochCloudPrices, "2024-01-29"),
      reserved1y: perGpu(2.29, 8, SRC.epochCloudPrices, "2024-01-29"),
      reserved3y: perGpu(1.7, 8, SRC.epochCloudPrices, "2024-01-29"),
    },
  },
  // ---------------------------------------------------------------- Google Cloud (us-central1 unless noted)
  {
    provider: "gcp",
    name: "a3-highgpu-8g",
    gpu: "H100-SXM",
    gpusPerInstance: fig(8, "GPUs", SRC.epochCloudPrices, "2025-03-17"),
    hourlyUsd: {
      ondemand: perGpu(11.06, 8, SRC.epochCloudPrices, "2025-03-17"),
      reserved1y: perGpu(7.67, 8, SRC.epochCloudPrices, "2025-03-17"),
      reserved3y: perGpu(4.86, 8, SRC.epochCloudPrices, "2025-03-17"),
    },
  },
  {
    provider: "gcp",
    name: "a3-megagpu-8g",
    gpu: "H100-SXM",
    gpusPerInstance: fig(8, "GPUs", SRC.computeComparison, "2026-04-20"),
    hourlyUsd: {
      ondemand: fig(93.4, "USD/h", SRC.computeComparison, "2026-04-20"),
      spot: fig(53.35, "USD/h", SRC.gcpSpotAdvisor, "2026"),
    },
  },
  {
    provider: "gcp",
    name: "a3-ultragpu-8g",
    gpu: "H200",
    gpusPerInstance: fig(8, "GPUs", SRC.computeComparison, "2026-04-20"),
    hourlyUsd: {
      ondemand: fig(84.81, "USD/h", SRC.computeComparison, "2026-04-20"),
    },
  },
  {
    provider: "gcp",
    name: "ct4p-hightpu-4t",
    gpu: "TPU-V4",
    gpusPerInstance: fig(4, "GPUs", SRC.googleTpuV4, "2025-03-03"),
    hourlyUsd: {
      ondemand: perGpu(3.22, 4, SRC.epochCloudPrices, "2025-03-03"),
      reserved1y: perGpu(2.03, 4, SRC.epochCloudPrices, "2025-03-03"),
      reserved3y: perGpu(1.45, 4, SRC.epochCloudPrices, "2025-03-03"),
    },
  },
  {
    provider: "gcp",
    name: "ct5lp-hightpu-1t",
    gpu: "TPU-V5E",
    gpusPerInstance: fig(1, "GPUs", SRC.googleTpuV5e, "2025-03-03"),
    hourlyUsd: {
      ondemand: fig(1.2, "USD/h", SRC.epochCloudPrices, "2025-03-03"),
      reserved1y: fig(0.84, "USD/h", SRC.epochCloudPrices, "2025-03-03"),
      reserved3y: fig(0.54, "USD/h", SRC.epochCloudPrices, "2025-03-03"),
    },
  },
  {
    provider: "gcp",
    name: "ct5p-hightpu-4t",
    gpu: "TPU-V5P",
    gpusPerInstance: fig(4, "GPUs", SRC.googleTpuV5p, "2025"),
    hourlyUsd: {
      ondemand: perGpu(4.2, 4, SRC.skypilotCatalog, "2025"),
      reserved1y: committed("tpu", 1, 16.8, "2025"),
      reserved3y: committed("tpu", 3, 16.8, "2025"),
      spot: perGpu(1.68, 4, SRC.skypilotCatalog, "2025"),
    },
  },
  {
    provider: "gcp",
    name: "ct6e-standard-1t",
    gpu: "TPU-V6E",
    gpusPerInstance: fig(1, "GPUs", SRC.googleTpuV6e, "2025-03-03"),
    hourlyUsd: {
      ondemand: fig(2.7, "USD/h", SRC.epochCloudPrices, "2025-03-03"),
      reserved1y: fig(1.89, "USD/h", SRC.epochCloudPrices, "2025-03-03"),
      reserved3y: fig(1.22, "USD/h", SRC.epochCloudPrices, "2025-03-03"),
      spot: fig(0.64833, "USD/h", SRC.skypilotCatalog, "2025"),
    },
  },
  // ---------------------------------------------------------------- Lambda
  {
    provider: "lambda",
    name: "gpu_8x_h100_sxm5",
    gpu: "H100-SXM",
    gpusPerInstance: fig(8, "GPUs", SRC.epochCloudPrices, "2024-09-01"),
    hourlyUsd: {
      ondemand: perGpu(2.99, 8, SRC.epochCloudPrices, "2024-09-01"),
    },
  },
  {
    provider: "lambda",
    name: "gpu_1x_a100_sxm4",
    gpu: "A100-40GB",
    gpusPerInstance: fig(1, "GPUs", SRC.epochCloudPrices, "2025-02-28"),
    hourlyUsd: {
      ondemand: fig(1.29, "USD/h", SRC.epochCloudPrices, "2025-02-28"),
    },
  },
  // ---------------------------------------------------------------- Oracle
  {
    provider: "oracle",
    name: "BM.GPU.H100.8",
    gpu: "H100-SXM",
    gpusPerInstance: fig(8, "GPUs", SRC.epochCloudPrices, "2025-03-17"),
    hourlyUsd: {
      ondemand: perGpu(10, 8, SRC.epochCloudPrices, "2025-03-17"),
    },
  },
  {
    provider: "oracle",
    name: "BM.GPU.H200.8",
    gpu: "H200",
    gpusPerInstance: fig(8, "GPUs", SRC.h200Summary, "2026-01-02"),
    hourlyUsd: {
      ondemand: perGpu(10, 8, SRC.h200Summary, "2026-01-02"),
      reserved3y: perGpu(5, 8, SRC.costAppendix, "2026"),
    },
  },
  {
    provider: "oracle",
    name: "BM.GPU.A100-v2.8",
    gpu: "A100-80GB",
    gpusPerInstance: fig(8, "GPUs", SRC.epochCloudPrices, "2025-03-17"),
    hourlyUsd: {
      ondemand: perGpu(4, 8, SRC.epochCloudPrices, "2025-03-17"),
    },
  },
  {
    provider: "oracle",
    name: "BM.GPU4.8",
    gpu: "A100-40GB",
    gpusPerInstance: fig(8, "GPUs", SRC.epochCloudPrices, "2025-03-17"),
    hourlyUsd: {
      ondemand: perGpu(3.05, 8, SRC.epochCloudPrices, "2025-03-17"),
    },
  },
  // ---------------------------------------------------------------- CoreWeave
  {
    provider: "coreweave",
    name: "HGX-H100",
    gpu: "H100-SXM",
    gpusPerInstance: fig(8, "GPUs", SRC.coreweaveCapture, "2026-09"),
    hourlyUsd: {
      ondemand: fig(49.24, "USD/h", SRC.coreweaveCapture, "2026-09"),
      spot: fig(19.71, "USD/h", SRC.coreweaveCapture, "2026-09"),
    },
  },
  {
    provider: "coreweave",
    name: "HGX-H200",
    gpu: "H200",
    gpusPerInstance: fig(8, "GPUs", SRC.costAppendix, "2026"),
    hourlyUsd: {
      ondemand: fig(50.44, "USD/h", SRC.costAppendix, "2026"),
    },
  },
  {
    provider: "coreweave",
    name: "HGX-B200",
    gpu: "B200",
    gpusPerInstance: fig(8, "GPUs", SRC.coreweaveCapture, "2026-09"),
    hourlyUsd: {
      ondemand: fig(68.8, "USD/h", SRC.coreweaveCapture, "2026-09"),
      spot: fig(34.11, "USD/h", SRC.coreweaveCapture, "2026-09"),
    },
  },
  // ---------------------------------------------------------------- market: the going specialist-cloud rate per GPU
  {
    provider: "market",
    name: "H100",
    gpu: "H100-SXM",
    gpusPerInstance: fig(1, "GPUs", "Derived: the market quotes are per GPU-hour (an instance of one GPU)", "2026"),
    hourlyUsd: {
      ondemand: fig(
        3.285,
        "USD/h",
        `Derived: median of dated 2026 on-demand quotes (${SRC.techplained}; ${SRC.siliconData}; ${SRC.lambdaTechbytes}; ${SRC.coreweaveCapture})`,
        "2026",
      ),
      reserved1y: fig(2.65, "USD/h", SRC.semianalysisIndex, "2026-06"),
      spot: fig(2.42, "USD/h", SRC.spotIndex, "2026-06"),
    },
  },
  {
    provider: "market",
    name: "H200",
    gpu: "H200",
    gpusPerInstance: fig(1, "GPUs", "Derived: the market quotes are per GPU-hour (an instance of one GPU)", "2026"),
    hourlyUsd: {
      ondemand: fig(
        2.9,
        "USD/h",
        `Derived: median of dated 2026 on-demand quotes (${SRC.h200Summary}; ${SRC.spheron}; ${SRC.packetAi}; ${SRC.costAppendix})`,
        "2026",
      ),
    },
  },
  {
    provider: "market",
    name: "B200",
    gpu: "B200",
    gpusPerInstance: fig(1, "GPUs", "Derived: the market quotes are per GPU-hour (an instance of one GPU)", "2026"),
    hourlyUsd: {
      ondemand: fig(
        5.665,
        "USD/h",
        `Derived: median of dated 2026 on-demand quotes (${SRC.packetAi}; ${SRC.siliconData}; ${SRC.spheron}; ${SRC.coreweaveCapture})`,
        "2026",
      ),
      spot: fig(2.25, "USD/h", SRC.spheron, "2026-03-17"),
    },
  },
];
