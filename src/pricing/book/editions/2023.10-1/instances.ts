import { fig, type Figure } from "../../../figure";
import { SRC } from "./sources";
import type { InstanceData } from "../../types";

/**
 * Epoch AI's typical commitment discounts off on-demand (1-year, 3-year), used only where a
 * provider sells a commitment but no list price for it could be cited.
 */
const COMMITMENT_DISCOUNT = {
  aws: { 1: 0.41, 3: 0.64 },
  gcp: { 1: 0.37, 3: 0.56 },
  azure: { 1: 0.25, 3: 0.49 },
} as const;

const PROVIDER_NAME = { aws: "AWS", gcp: "GCP", azure: "Azure" } as const;

/** A committed-use price derived from the on-demand list price (rounded to 0.01 cent). */
function committed(provider: keyof typeof COMMITMENT_DISCOUNT, years: 1 | 3, onDemand: number, asOf: string): Figure {
  const discount = COMMITMENT_DISCOUNT[provider][years];
  const value = Math.round(onDemand * (1 - discount) * 10_000) / 10_000;
  return fig(
    value,
    "USD/h",
    `Derived: on-demand x (1 - Epoch AI typical ${years}-year ${PROVIDER_NAME[provider]} discount)`,
    asOf,
  );
}

/** Cloud instance types, with their list prices in USD per instance-hour. */
export const INSTANCES: readonly InstanceData[] = [
  // ---------------------------------------------------------------- AWS
  {
    provider: "aws",
    name: "p5.48xlarge",
    gpu: "H100-SXM",
    gpusPerInstance: fig(8, "GPUs", SRC.awsPricing, "2023-07"),
    hourlyUsd: {
      ondemand: fig(98.32, "USD/h", SRC.awsPricing, "2023-07"),
      reserved1y: committed("aws", 1, 98.32, "2023-07"),
      reserved3y: fig(43.16, "USD/h", SRC.awsPricing, "2023-07"),
    },
  },
  {
    provider: "aws",
    name: "p4de.24xlarge",
    gpu: "A100-80GB",
    gpusPerInstance: fig(8, "GPUs", SRC.awsPricing, "2023"),
    hourlyUsd: {
      ondemand: fig(40.96576, "USD/h", SRC.awsPricing, "2023"),
    },
  },
  {
    provider: "aws",
    name: "inf2.48xlarge",
    gpu: "INFERENTIA2",
    gpusPerInstance: fig(12, "GPUs", SRC.awsNeuronInferentia2, "2023-04"),
    hourlyUsd: {
      ondemand: fig(12.98127, "USD/h", SRC.awsPricing, "2023-04"),
      reserved1y: committed("aws", 1, 12.98127, "2023-04"),
      reserved3y: committed("aws", 3, 12.98127, "2023-04"),
    },
  },
  // ---------------------------------------------------------------- Azure
  {
    provider: "azure",
    name: "ND96isr_H100_v5",
    gpu: "H100-SXM",
    gpusPerInstance: fig(8, "GPUs", SRC.azurePricing, "2023-12"),
    hourlyUsd: {
      ondemand: fig(98.32, "USD/h", SRC.azurePricing, "2023-12"),
      reserved1y: committed("azure", 1, 98.32, "2023-12"),
      reserved3y: committed("azure", 3, 98.32, "2023-12"),
    },
  },
  // ---------------------------------------------------------------- Google Cloud
  {
    provider: "gcp",
    name: "a3-highgpu-8g",
    gpu: "H100-SXM",
    gpusPerInstance: fig(8, "GPUs", SRC.gcpGpuPricing, "2025-03"),
    hourlyUsd: {
      ondemand: fig(88.5, "USD/h", SRC.gcpGpuPricing, "2025-03"),
      reserved1y: committed("gcp", 1, 88.5, "2025-03"),
      reserved3y: committed("gcp", 3, 88.5, "2025-03"),
    },
  },
  {
    provider: "gcp",
    name: "ct5lp-hightpu-1t",
    gpu: "TPU-V5E",
    gpusPerInstance: fig(1, "GPUs", SRC.googleTpuPricing, "2024-08"),
    hourlyUsd: {
      ondemand: fig(1.2, "USD/h", SRC.googleTpuPricing, "2024-08"),
      reserved1y: fig(0.84, "USD/h", SRC.googleTpuPricing, "2024-08"),
      reserved3y: fig(0.54, "USD/h", SRC.googleTpuPricing, "2024-08"),
    },
  },
  // ---------------------------------------------------------------- Lambda
  {
    provider: "lambda",
    name: "gpu_8x_h100_sxm5",
    gpu: "H100-SXM",
    gpusPerInstance: fig(8, "GPUs", SRC.lambdaPricing, "2025-02"),
    hourlyUsd: {
      ondemand: fig(27.92, "USD/h", SRC.lambdaPricing, "2025-02"),
    },
  },
  // ---------------------------------------------------------------- Oracle
  {
    provider: "oracle",
    name: "BM.GPU.H100.8",
    gpu: "H100-SXM",
    gpusPerInstance: fig(8, "GPUs", SRC.ociPricing, "2023-10"),
    hourlyUsd: {
      ondemand: fig(80, "USD/h", SRC.ociPricing, "2023-10"),
    },
  },
];
