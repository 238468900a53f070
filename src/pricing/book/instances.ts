import { fig } from "../figure";
import { SRC } from "./sources";
import type { InstanceData } from "./types";

/** Cloud instance types, with their list prices in USD per instance-hour. */
export const INSTANCES: readonly InstanceData[] = [
  {
    provider: "aws",
    name: "p5.48xlarge",
    gpu: "H100-SXM",
    gpusPerInstance: fig(8, "GPUs", SRC.awsPricing, "2023-07"),
    hourlyUsd: {
      ondemand: fig(98.32, "USD/h", SRC.awsPricing, "2023-07", "AWS cut P5 prices up to ~45% in 2025-06"),
      reserved3y: fig(43.16, "USD/h", SRC.awsPricing, "2023-07", "3-year reserved, as in the founding analysis"),
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
];
