import { fig } from "../figure";
import { SRC } from "./sources";
import type { AcceleratorData } from "./types";

/**
 * Accelerators. Throughput is peak *dense* (no structured sparsity), as datasheets print it
 * halved from their sparse headline figures.
 */
export const ACCELERATORS: readonly AcceleratorData[] = [
  {
    id: "H100-SXM",
    name: "NVIDIA H100 SXM5 80GB",
    tflops: {
      bf16: fig(989.4, "TFLOP/s", SRC.nvidiaH100, "2023-03"),
      fp16: fig(989.4, "TFLOP/s", SRC.nvidiaH100, "2023-03"),
      fp8: fig(1978.9, "TFLOP/s", SRC.nvidiaH100, "2023-03"),
      tf32: fig(494.7, "TFLOP/s", SRC.nvidiaH100, "2023-03"),
      int8: fig(1978.9, "TOP/s", SRC.nvidiaH100, "2023-03"),
    },
    memoryGb: fig(80, "GB", SRC.nvidiaH100, "2023-03", "HBM3"),
    bandwidthTBs: fig(3.35, "TB/s", SRC.nvidiaH100, "2023-03"),
    tdpW: fig(700, "W", SRC.nvidiaH100, "2023-03"),
    serverWPerGpu: fig(1275, "W", SRC.nvidiaDgxH100, "2023-03", "10.2 kW / 8 GPUs"),
    gpusPerNode: fig(8, "GPUs", SRC.nvidiaDgxH100, "2023-03", "HGX H100 8-GPU baseboard"),
    nodePriceUsd: fig(
      248_956,
      "USD",
      SRC.epochHardwarePrices,
      "2023-09",
      "HGX H100 8-GPU server; later quotes $270,480 (2024-02) and $288,142 (2024-07). The 2023-09 " +
        "quote is taken because the founding analysis (2023-10) priced that month's market.",
    ),
    gpuPriceUsd: fig(27_500, "USD", SRC.raymondJames, "2023", "midpoint of the $25K-30K street price"),
    costToMakeUsd: fig(3_320, "USD", SRC.raymondJames, "2023"),
  },
  {
    id: "A100-80GB",
    name: "NVIDIA A100 SXM4 80GB",
    tflops: {
      bf16: fig(312, "TFLOP/s", SRC.nvidiaA100, "2021"),
      fp16: fig(312, "TFLOP/s", SRC.nvidiaA100, "2021"),
      tf32: fig(156, "TFLOP/s", SRC.nvidiaA100, "2021"),
      int8: fig(624, "TOP/s", SRC.nvidiaA100, "2021"),
    },
    memoryGb: fig(80, "GB", SRC.nvidiaA100, "2021", "HBM2e"),
    bandwidthTBs: fig(2.039, "TB/s", SRC.nvidiaA100, "2021"),
    tdpW: fig(400, "W", SRC.nvidiaA100, "2021"),
    serverWPerGpu: fig(812.5, "W", SRC.nvidiaDgxA100, "2020-05", "6.5 kW / 8 GPUs"),
    gpusPerNode: fig(8, "GPUs", SRC.nvidiaDgxA100, "2020-05", "HGX A100 8-GPU baseboard"),
    nodePriceUsd: fig(
      199_000,
      "USD",
      SRC.nvidiaDgxA100Launch,
      "2020-05",
      "DGX A100 launch price (8x A100 40GB); no citable 80GB server quote found, so the 80GB " +
        "node is likely under-priced here. Edit it in the task pane if you have a quote.",
    ),
    gpuPriceUsd: fig(15_000, "USD", "NVIDIA A100 40GB launch price, press reports", "2020", "40GB launch price"),
  },
];
