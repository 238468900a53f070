import { fig } from "../../../figure";
import { SRC } from "./sources";
import type { AcceleratorData } from "../../types";

/**
 * Accelerators. Throughput is peak *dense* (no structured sparsity), as datasheets print it
 * halved from their sparse headline figures.
 *
 * Derivations used below (see docs/sources.md, "Where sources disagree"):
 * - SERVER_OVER_GPUS: where only a per-GPU street price is citable, the node price is the
 *   GPUs' price times Epoch AI's typical server-to-GPU cost ratio of 1.64.
 * - DGX_H100_OVERHEAD_W: where no server datasheet exists, server power per GPU is the GPU's
 *   TDP plus the non-GPU share of a DGX H100 ((10,200 W - 8 x 700 W) / 8 = 575 W per GPU).
 */
const SERVER_OVER_GPUS = 1.64;
const DGX_H100_OVERHEAD_W = 575;

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
    memoryGb: fig(80, "GB", SRC.nvidiaH100, "2023-03"),
    bandwidthTBs: fig(3.35, "TB/s", SRC.nvidiaH100, "2023-03"),
    tdpW: fig(700, "W", SRC.nvidiaH100, "2023-03"),
    serverWPerGpu: fig(1275, "W", SRC.nvidiaDgxH100, "2023-03"),
    gpusPerNode: fig(8, "GPUs", SRC.nvidiaDgxH100, "2023-03"),
    nodePriceUsd: fig(248_956, "USD", SRC.epochHardwarePrices, "2023-09"),
    gpuPriceUsd: fig(27_500, "USD", SRC.raymondJames, "2023"),
    costToMakeUsd: fig(3_320, "USD", SRC.raymondJames, "2023"),
  },
  {
    id: "H100-PCIE",
    name: "NVIDIA H100 PCIe 80GB",
    tflops: {
      bf16: fig(756, "TFLOP/s", SRC.nvidiaH100, "2023-03"),
      fp16: fig(756, "TFLOP/s", SRC.nvidiaH100, "2023-03"),
      fp8: fig(1513, "TFLOP/s", SRC.nvidiaH100, "2023-03"),
      tf32: fig(378, "TFLOP/s", SRC.nvidiaH100, "2023-03"),
      int8: fig(1513, "TOP/s", SRC.nvidiaH100, "2023-03"),
    },
    memoryGb: fig(80, "GB", SRC.nvidiaH100PcieBrief, "2022-11"),
    bandwidthTBs: fig(2.0, "TB/s", SRC.nvidiaH100PcieBrief, "2022-11"),
    tdpW: fig(350, "W", SRC.nvidiaH100PcieBrief, "2022-11"),
    serverWPerGpu: fig(
      350 + DGX_H100_OVERHEAD_W,
      "W",
      `Derived from ${SRC.nvidiaDgxH100} and ${SRC.nvidiaH100PcieBrief}`,
      "2023-03",
    ),
    gpusPerNode: fig(8, "GPUs", `Derived from ${SRC.lambdaScalarTco}`, "2021"),
  },
  {
    id: "H200",
    name: "NVIDIA H200 SXM 141GB",
    tflops: {
      bf16: fig(989.5, "TFLOP/s", SRC.nvidiaH200, "2023-11"),
      fp16: fig(989.5, "TFLOP/s", SRC.nvidiaH200, "2023-11"),
      fp8: fig(1979, "TFLOP/s", SRC.nvidiaH200, "2023-11"),
      tf32: fig(494.7, "TFLOP/s", SRC.nvidiaH200, "2023-11"),
      int8: fig(1979, "TOP/s", SRC.nvidiaH200, "2023-11"),
    },
    memoryGb: fig(141, "GB", SRC.nvidiaH200, "2023-11"),
    bandwidthTBs: fig(4.8, "TB/s", SRC.nvidiaH200, "2023-11"),
    tdpW: fig(700, "W", SRC.nvidiaH200, "2023-11"),
    serverWPerGpu: fig(1275, "W", SRC.nvidiaDgxH200, "2024"),
    gpusPerNode: fig(8, "GPUs", SRC.nvidiaDgxH200, "2024"),
    nodePriceUsd: fig(
      33_800 * 8 * SERVER_OVER_GPUS,
      "USD",
      `Derived from ${SRC.referenceFigures} and ${SRC.epochCostModel}`,
      "2024-03",
    ),
    gpuPriceUsd: fig(33_800, "USD", SRC.referenceFigures, "2024-03"),
  },
  {
    id: "B200",
    name: "NVIDIA B200 (Blackwell)",
    tflops: {
      bf16: fig(2250, "TFLOP/s", SRC.nvidiaB200, "2024-03"),
      fp16: fig(2250, "TFLOP/s", SRC.nvidiaB200, "2024-03"),
      fp8: fig(4500, "TFLOP/s", SRC.nvidiaB200, "2024-03"),
    },
    memoryGb: fig(192, "GB", SRC.nvidiaB200, "2024-03"),
    bandwidthTBs: fig(8, "TB/s", SRC.nvidiaB200, "2024-03"),
    tdpW: fig(1000, "W", SRC.nvidiaB200, "2024-03"),
    serverWPerGpu: fig(1787.5, "W", SRC.nvidiaDgxB200, "2024"),
    gpusPerNode: fig(8, "GPUs", SRC.nvidiaDgxB200, "2024"),
    nodePriceUsd: fig(
      35_000 * 8 * SERVER_OVER_GPUS,
      "USD",
      `Derived from ${SRC.cnbcB200Price} and ${SRC.epochCostModel}`,
      "2024-03",
    ),
    gpuPriceUsd: fig(35_000, "USD", SRC.cnbcB200Price, "2024-03"),
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
    memoryGb: fig(80, "GB", SRC.nvidiaA100, "2021"),
    bandwidthTBs: fig(2.039, "TB/s", SRC.nvidiaA100, "2021"),
    tdpW: fig(400, "W", SRC.nvidiaA100, "2021"),
    serverWPerGpu: fig(812.5, "W", SRC.nvidiaDgxA100, "2020-05"),
    gpusPerNode: fig(8, "GPUs", SRC.nvidiaDgxA100, "2020-05"),
    nodePriceUsd: fig(199_000, "USD", SRC.nvidiaDgxA100Launch, "2020-05"),
    gpuPriceUsd: fig(15_000, "USD", "NVIDIA A100 40GB launch price, press reports", "2020"),
  },
  {
    id: "MI300X",
    name: "AMD Instinct MI300X 192GB",
    tflops: {
      bf16: fig(1307.4, "TFLOP/s", SRC.amdMi300x, "2023-12"),
      fp16: fig(1307.4, "TFLOP/s", SRC.amdMi300x, "2023-12"),
      fp8: fig(2614.9, "TFLOP/s", SRC.amdMi300x, "2023-12"),
      tf32: fig(653.7, "TFLOP/s", SRC.amdMi300x, "2023-12"),
      int8: fig(2614.9, "TOP/s", SRC.amdMi300x, "2023-12"),
    },
    memoryGb: fig(192, "GB", SRC.amdMi300x, "2023-12"),
    bandwidthTBs: fig(5.3, "TB/s", SRC.amdMi300x, "2023-12"),
    tdpW: fig(750, "W", SRC.amdMi300x, "2023-12"),
    serverWPerGpu: fig(
      750 + DGX_H100_OVERHEAD_W,
      "W",
      `Derived from ${SRC.nvidiaDgxH100} and ${SRC.amdMi300x}`,
      "2023-12",
    ),
    gpusPerNode: fig(8, "GPUs", SRC.amdMi300xPlatform, "2023-12"),
    nodePriceUsd: fig(
      25_700 * 8 * SERVER_OVER_GPUS,
      "USD",
      `Derived from ${SRC.referenceFigures} and ${SRC.epochCostModel}`,
      "2025-02",
    ),
    gpuPriceUsd: fig(25_700, "USD", SRC.referenceFigures, "2025-02"),
  },
  {
    id: "TPU-V5E",
    name: "Google Cloud TPU v5e",
    tflops: {
      bf16: fig(197, "TFLOP/s", SRC.googleTpuV5e, "2024"),
      int8: fig(393, "TOP/s", SRC.googleTpuV5e, "2024"),
    },
    memoryGb: fig(16, "GB", SRC.googleTpuV5e, "2024"),
    bandwidthTBs: fig(0.819, "TB/s", SRC.googleTpuV5e, "2024"),
    gpusPerNode: fig(8, "GPUs", SRC.googleTpuV5e, "2024"),
  },
  {
    id: "TPU-V5P",
    name: "Google Cloud TPU v5p",
    tflops: {
      bf16: fig(459, "TFLOP/s", SRC.googleTpuV5p, "2024"),
    },
    memoryGb: fig(95, "GB", SRC.googleTpuV5p, "2024"),
    bandwidthTBs: fig(2.765, "TB/s", SRC.googleTpuV5p, "2024"),
    gpusPerNode: fig(4, "GPUs", SRC.googleTpuV5p, "2024"),
  },
  {
    id: "TRAINIUM2",
    name: "AWS Trainium2",
    tflops: {
      bf16: fig(667, "TFLOP/s", SRC.awsNeuronTrainium2, "2024-12"),
      fp16: fig(667, "TFLOP/s", SRC.awsNeuronTrainium2, "2024-12"),
      fp8: fig(1299, "TFLOP/s", SRC.awsNeuronTrainium2, "2024-12"),
      tf32: fig(667, "TFLOP/s", SRC.awsNeuronTrainium2, "2024-12"),
    },
    memoryGb: fig(96, "GB", SRC.awsNeuronTrainium2, "2024-12"),
    bandwidthTBs: fig(2.9, "TB/s", SRC.awsNeuronTrainium2, "2024-12"),
    tdpW: fig(500, "W", SRC.referenceFigures, "2024-12"),
    gpusPerNode: fig(16, "GPUs", SRC.awsNeuronTrainium2, "2024-12"),
  },
  {
    id: "INFERENTIA2",
    name: "AWS Inferentia2",
    tflops: {
      bf16: fig(190, "TFLOP/s", SRC.awsNeuronInferentia2, "2023-04"),
      fp16: fig(190, "TFLOP/s", SRC.awsNeuronInferentia2, "2023-04"),
      fp8: fig(190, "TFLOP/s", SRC.awsNeuronInferentia2, "2023-04"),
      tf32: fig(190, "TFLOP/s", SRC.awsNeuronInferentia2, "2023-04"),
    },
    memoryGb: fig(32, "GB", SRC.awsNeuronInferentia2, "2023-04"),
    bandwidthTBs: fig(0.82, "TB/s", SRC.awsNeuronInferentia2, "2023-04"),
    gpusPerNode: fig(12, "GPUs", SRC.awsNeuronInferentia2, "2023-04"),
  },
  {
    id: "MAIA-100",
    name: "Microsoft Azure Maia 100",
    tflops: {
      bf16: fig(800, "TFLOP/s", SRC.microsoftMaiaHotChips, "2024-08"),
    },
    memoryGb: fig(64, "GB", SRC.microsoftMaiaHotChips, "2024-08"),
    bandwidthTBs: fig(1.8, "TB/s", SRC.microsoftMaiaHotChips, "2024-08"),
    tdpW: fig(500, "W", SRC.microsoftMaiaHotChips, "2024-08"),
    gpusPerNode: fig(
      1,
      "GPUs",
      `Placeholder: no citable figure (${SRC.microsoftMaiaHotChips} gives no accelerators per server)`,
      "2024-08",
    ),
  },
];
