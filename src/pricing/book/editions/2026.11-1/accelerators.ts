import { fig } from "../../../figure";
import { SRC } from "./sources";
import type { AcceleratorData } from "../../types";

/**
 * Accelerators of edition 2026.11-1. Throughput is peak *dense* (no structured sparsity): the
 * datasheets' sparse headline figures halved. Why each value among disagreeing sources: ./notes.ts.
 *
 * Derivations (arithmetic in the notes):
 * - SERVER_OVER_GPUS: where only a GPU or GPU-baseboard price is citable, the server costs 1.4x
 *   its GPUs. SemiAnalysis's DGX H100 model gives about 1.4x; the DGX B200 quote ($379,273,
 *   2024-12) over 8 B200 at NVIDIA's $35K midpoint gives 1.35x; a complete Supermicro HGX H100
 *   server ($296,644, 2024-03) over 8 H100 modules at $31,250 gives 1.19x; Epoch AI's range is
 *   1.3-2.1 (average 1.64). 1.4 sits inside Epoch's range, on the two system quotes' side.
 * - Server power per GPU where no system datasheet exists: the GPU's TDP plus the non-GPU power
 *   per GPU of the same generation's DGX: (10,200 W - 8 x 700 W) / 8 = 575 W (DGX H100) or
 *   (14,300 W - 8 x 1,000 W) / 8 = 787.5 W (DGX B200).
 * - Rack-scale systems (GB200, GB300 NVL72): the purchase unit is the rack, so `gpusPerNode` is
 *   72 and `nodePriceUsd` the rack; server power per GPU is the rack's power over 72.
 */
const SERVER_OVER_GPUS = 1.4;
const DGX_H100_OVERHEAD_W = 575;
const DGX_B200_OVERHEAD_W = 787.5;
const SERVER_OVER_GPUS_SOURCE = `${SRC.semianalysisDgxH100}; ${SRC.epochCostModel}; ${SRC.epochHardwarePrices}`;

export const ACCELERATORS: readonly AcceleratorData[] = [
  // ------------------------------------------------------------------ NVIDIA Hopper
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
    nodePriceUsd: fig(296_644, "USD", SRC.epochHardwarePrices, "2024-03-21"),
    gpuPriceUsd: fig(31_250, "USD", SRC.epochHardwarePrices, "2025-03-03"),
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
    gpuPriceUsd: fig(24_500, "USD", SRC.epochHardwarePrices, "2025-03-03"),
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
      Math.round(270_565 * SERVER_OVER_GPUS * 100) / 100,
      "USD",
      `Derived from ${SRC.epochHardwarePrices} (H200 8-GPU baseboard $270,565) and ${SERVER_OVER_GPUS_SOURCE}; checked against ${SRC.mercatusCloud}`,
      "2024-03-27",
    ),
    gpuPriceUsd: fig(39_083.38, "USD", SRC.epochHardwarePrices, "2025-01-31"),
  },
  {
    id: "H800",
    name: "NVIDIA H800 SXM5 80GB",
    tflops: {
      bf16: fig(989.4, "TFLOP/s", SRC.nvidiaH800, "2023-03"),
      fp16: fig(989.4, "TFLOP/s", SRC.nvidiaH800, "2023-03"),
      fp8: fig(1978.9, "TFLOP/s", SRC.nvidiaH800, "2023-03"),
      tf32: fig(494.7, "TFLOP/s", SRC.nvidiaH800, "2023-03"),
      int8: fig(1978.9, "TOP/s", SRC.nvidiaH800, "2023-03"),
    },
    memoryGb: fig(80, "GB", SRC.nvidiaH800, "2023-03"),
    bandwidthTBs: fig(3.35, "TB/s", SRC.nvidiaH800, "2023-03"),
    tdpW: fig(700, "W", SRC.nvidiaH800, "2023-03"),
    serverWPerGpu: fig(1275, "W", `Derived from ${SRC.nvidiaDgxH100} (the DGX H800 is the DGX H100 board)`, "2023-03"),
    gpusPerNode: fig(8, "GPUs", SRC.epochHardwarePrices, "2025-02-21"),
    nodePriceUsd: fig(358_000, "USD", SRC.epochHardwarePrices, "2025-02-21"),
    gpuPriceUsd: fig(33_800, "USD", SRC.epochHardwarePrices, "2025-02-21"),
  },
  // ------------------------------------------------------------------ NVIDIA Blackwell
  {
    id: "B200",
    name: "NVIDIA B200 180GB (HGX/DGX B200, 1,000 W)",
    tflops: {
      bf16: fig(2250, "TFLOP/s", SRC.nvidiaHgxB200, "2025"),
      fp16: fig(2250, "TFLOP/s", SRC.nvidiaHgxB200, "2025"),
      fp8: fig(4500, "TFLOP/s", SRC.nvidiaHgxB200, "2025"),
      fp4: fig(9000, "TFLOP/s", SRC.nvidiaHgxB200, "2025"),
      tf32: fig(1100, "TFLOP/s", SRC.nvidiaHgxB200, "2025"),
      int8: fig(4500, "TOP/s", SRC.nvidiaHgxB200, "2025"),
    },
    memoryGb: fig(180, "GB", SRC.nvidiaHgxB200, "2025"),
    bandwidthTBs: fig(7.7, "TB/s", SRC.nvidiaHgxB200, "2025"),
    tdpW: fig(1000, "W", SRC.nvidiaHgxB200, "2025"),
    serverWPerGpu: fig(1787.5, "W", SRC.nvidiaDgxB200, "2024"),
    gpusPerNode: fig(8, "GPUs", SRC.nvidiaDgxB200, "2024"),
    nodePriceUsd: fig(379_273.04, "USD", SRC.epochHardwarePrices, "2024-12-17"),
    gpuPriceUsd: fig(35_000, "USD", SRC.cnbcB200Price, "2024-03"),
  },
  {
    id: "B300",
    name: "NVIDIA B300 288GB (HGX B300, Blackwell Ultra)",
    tflops: {
      bf16: fig(2250, "TFLOP/s", SRC.klockwoodB300, "2025"),
      fp16: fig(2250, "TFLOP/s", SRC.klockwoodB300, "2025"),
      fp8: fig(4500, "TFLOP/s", SRC.klockwoodB300, "2025"),
      fp4: fig(13_125, "TFLOP/s", SRC.klockwoodB300, "2025"),
    },
    memoryGb: fig(288, "GB", SRC.rillorHgx, "2026-06-07"),
    bandwidthTBs: fig(8, "TB/s", SRC.klockwoodB300, "2025"),
    tdpW: fig(1100, "W", SRC.verdaB300, "2025"),
    serverWPerGpu: fig(1812.5, "W", SRC.dgxB300Spec, "2025"),
    gpusPerNode: fig(8, "GPUs", SRC.rillorHgx, "2026-06-07"),
  },
  {
    id: "GB200",
    name: "NVIDIA GB200 NVL72 (per B200 GPU, 1,200 W; bought by the 72-GPU rack)",
    tflops: {
      bf16: fig(2500, "TFLOP/s", SRC.nvidiaHgxB200, "2025"),
      fp16: fig(2500, "TFLOP/s", SRC.nvidiaHgxB200, "2025"),
      fp8: fig(5000, "TFLOP/s", SRC.nvidiaHgxB200, "2025"),
      fp4: fig(10_000, "TFLOP/s", SRC.nvidiaHgxB200, "2025"),
      tf32: fig(1250, "TFLOP/s", SRC.nvidiaHgxB200, "2025"),
      int8: fig(5000, "TOP/s", SRC.nvidiaHgxB200, "2025"),
    },
    memoryGb: fig(186, "GB", SRC.nvidiaHgxB200, "2025"),
    bandwidthTBs: fig(8, "TB/s", SRC.nvidiaHgxB200, "2025"),
    tdpW: fig(1200, "W", SRC.nvidiaHgxB200, "2025"),
    serverWPerGpu: fig(
      Math.round((120_000 / 72) * 10) / 10,
      "W",
      `Derived from ${SRC.gb200Rack} (about 120 kW per 72-GPU rack)`,
      "2025",
    ),
    gpusPerNode: fig(72, "GPUs", SRC.gb200Rack, "2025"),
    nodePriceUsd: fig(3_100_000, "USD", SRC.semianalysisGb200Price, "2025"),
  },
  {
    id: "GB300",
    name: "NVIDIA GB300 NVL72 (per B300 GPU, 1,400 W; bought by the 72-GPU rack)",
    tflops: {
      bf16: fig(2500, "TFLOP/s", SRC.verdaB300, "2025"),
      fp16: fig(2500, "TFLOP/s", SRC.verdaB300, "2025"),
      fp8: fig(5000, "TFLOP/s", SRC.verdaB300, "2025"),
      fp4: fig(15_000, "TFLOP/s", SRC.verdaB300, "2025"),
    },
    memoryGb: fig(288, "GB", SRC.gb300Rack, "2025"),
    bandwidthTBs: fig(8, "TB/s", SRC.gb300Rack, "2025"),
    tdpW: fig(1400, "W", SRC.klockwoodB300, "2025"),
    serverWPerGpu: fig(
      Math.round((132_000 / 72) * 10) / 10,
      "W",
      `Derived from ${SRC.gb300Rack} (up to 132 kW per 72-GPU rack)`,
      "2025",
    ),
    gpusPerNode: fig(72, "GPUs", SRC.gb300Rack, "2025"),
    nodePriceUsd: fig(3_500_000, "USD", SRC.gb300PriceEstimate, "2025"),
  },
  // ------------------------------------------------------------------ NVIDIA Ampere, Volta
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
    nodePriceUsd: fig(
      Math.round(138_788.44 * SERVER_OVER_GPUS * 100) / 100,
      "USD",
      `Derived from ${SRC.epochHardwarePrices} (HGX A100 80GB 8-GPU baseboard $138,788.44) and ${SERVER_OVER_GPUS_SOURCE}`,
      "2025-03-04",
    ),
    gpuPriceUsd: fig(17_499, "USD", SRC.epochHardwarePrices, "2025-03-04"),
  },
  {
    id: "A100-40GB",
    name: "NVIDIA A100 SXM4 40GB",
    tflops: {
      bf16: fig(312, "TFLOP/s", SRC.nvidiaA100, "2020-05"),
      fp16: fig(312, "TFLOP/s", SRC.nvidiaA100, "2020-05"),
      tf32: fig(156, "TFLOP/s", SRC.nvidiaA100, "2020-05"),
      int8: fig(624, "TOP/s", SRC.nvidiaA100, "2020-05"),
    },
    memoryGb: fig(40, "GB", SRC.nvidiaA100, "2020-05"),
    bandwidthTBs: fig(1.555, "TB/s", SRC.nvidiaA100, "2020-05"),
    tdpW: fig(400, "W", SRC.nvidiaA100, "2020-05"),
    serverWPerGpu: fig(812.5, "W", SRC.nvidiaDgxA100, "2020-05"),
    gpusPerNode: fig(8, "GPUs", SRC.nvidiaDgxA100, "2020-05"),
    nodePriceUsd: fig(199_000, "USD", SRC.epochHardwarePrices, "2020-05-21"),
    gpuPriceUsd: fig(15_000, "USD", SRC.epochHardwarePrices, "2020-07-01"),
  },
  {
    id: "V100",
    name: "NVIDIA Tesla V100 SXM2 32GB",
    tflops: {
      fp16: fig(125, "TFLOP/s", SRC.nvidiaV100, "2018"),
    },
    memoryGb: fig(32, "GB", SRC.nvidiaV100, "2018"),
    bandwidthTBs: fig(0.9, "TB/s", SRC.nvidiaV100, "2018"),
    tdpW: fig(300, "W", SRC.nvidiaV100, "2018"),
    serverWPerGpu: fig(437.5, "W", SRC.nvidiaDgx1, "2017"),
    gpusPerNode: fig(8, "GPUs", SRC.nvidiaDgx1, "2017"),
    nodePriceUsd: fig(149_000, "USD", SRC.epochHardwarePrices, "2017-07-01"),
    gpuPriceUsd: fig(11_458, "USD", SRC.epochHardwarePrices, "2018-05-08"),
  },
  // ------------------------------------------------------------------ AMD
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
      Math.round(25_733.71 * 8 * SERVER_OVER_GPUS * 100) / 100,
      "USD",
      `Derived from ${SRC.epochHardwarePrices} (MI300X 8-OAM UBB, $25,733.71 per GPU) and ${SERVER_OVER_GPUS_SOURCE}`,
      "2025-02-10",
    ),
    gpuPriceUsd: fig(25_733.71, "USD", SRC.epochHardwarePrices, "2025-02-10"),
  },
  {
    id: "MI325X",
    name: "AMD Instinct MI325X 256GB",
    tflops: {
      bf16: fig(1307.4, "TFLOP/s", SRC.amdMi325x, "2024-10-10"),
      fp16: fig(1307.4, "TFLOP/s", SRC.amdMi325x, "2024-10-10"),
      fp8: fig(2614.9, "TFLOP/s", SRC.amdMi325x, "2024-10-10"),
    },
    memoryGb: fig(256, "GB", SRC.amdMi325x, "2024-10-10"),
    bandwidthTBs: fig(6, "TB/s", SRC.amdMi325x, "2024-10-10"),
    tdpW: fig(1000, "W", SRC.amdMi325x, "2024-10-10"),
    serverWPerGpu: fig(
      1000 + DGX_H100_OVERHEAD_W,
      "W",
      `Derived from ${SRC.nvidiaDgxH100} and ${SRC.amdMi325x}`,
      "2024-10-10",
    ),
    gpusPerNode: fig(8, "GPUs", SRC.amdMi325x, "2024-10-10"),
  },
  {
    id: "MI355X",
    name: "AMD Instinct MI355X 288GB",
    tflops: {
      bf16: fig(2500, "TFLOP/s", SRC.amdMi355x, "2025-06-12"),
      fp16: fig(2500, "TFLOP/s", SRC.amdMi355x, "2025-06-12"),
      fp8: fig(5000, "TFLOP/s", SRC.amdMi355x, "2025-06-12"),
      fp4: fig(10_000, "TFLOP/s", SRC.amdMi355x, "2025-06-12"),
    },
    memoryGb: fig(288, "GB", SRC.amdMi355x, "2025-06-12"),
    bandwidthTBs: fig(8, "TB/s", SRC.amdMi355x, "2025-06-12"),
    tdpW: fig(1400, "W", SRC.amdMi355x, "2025-06-12"),
    serverWPerGpu: fig(
      1400 + DGX_B200_OVERHEAD_W,
      "W",
      `Derived from ${SRC.nvidiaDgxB200} and ${SRC.amdMi355x}`,
      "2025-06-12",
    ),
    gpusPerNode: fig(8, "GPUs", SRC.amdMi355x, "2025-06-12"),
  },
  // ------------------------------------------------------------------ Google TPU (cloud only)
  {
    id: "TPU-V4",
    name: "Google Cloud TPU v4",
    tflops: {
      bf16: fig(275, "TFLOP/s", SRC.googleTpuV4, "2022"),
      int8: fig(275, "TOP/s", SRC.googleTpuV4, "2022"),
    },
    memoryGb: fig(32, "GB", SRC.googleTpuV4, "2022"),
    bandwidthTBs: fig(1.2, "TB/s", SRC.googleTpuV4, "2022"),
    gpusPerNode: fig(4, "GPUs", SRC.googleTpuV4, "2022"),
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
      int8: fig(918, "TOP/s", SRC.googleTpuV5p, "2024"),
    },
    memoryGb: fig(95, "GB", SRC.googleTpuV5p, "2024"),
    bandwidthTBs: fig(2.765, "TB/s", SRC.googleTpuV5p, "2024"),
    gpusPerNode: fig(4, "GPUs", SRC.googleTpuV5p, "2024"),
  },
  {
    id: "TPU-V6E",
    name: "Google Cloud TPU v6e (Trillium)",
    tflops: {
      bf16: fig(918, "TFLOP/s", SRC.googleTpuV6e, "2024-12"),
      int8: fig(1836, "TOP/s", SRC.googleTpuV6e, "2024-12"),
    },
    memoryGb: fig(32, "GB", SRC.googleTpuV6e, "2024-12"),
    bandwidthTBs: fig(1.638, "TB/s", SRC.googleTpuV6e, "2024-12"),
    gpusPerNode: fig(8, "GPUs", SRC.googleTpuV6e, "2024-12"),
  },
  {
    id: "TPU-7X",
    name: "Google Cloud TPU7x (Ironwood)",
    tflops: {
      bf16: fig(2307, "TFLOP/s", SRC.googleTpu7x, "2025-11"),
      fp8: fig(4614, "TFLOP/s", SRC.googleTpu7x, "2025-11"),
    },
    memoryGb: fig(192, "GB", SRC.googleTpu7x, "2025-11"),
    bandwidthTBs: fig(7.37, "TB/s", SRC.googleIronwoodBlog, "2025-04-09"),
    gpusPerNode: fig(4, "GPUs", SRC.googleTpu7x, "2025-11"),
  },
  // ------------------------------------------------------------------ AWS (cloud only)
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
    tdpW: fig(500, "W", SRC.semianalysisTrainium2, "2024-12"),
    gpusPerNode: fig(16, "GPUs", SRC.awsNeuronTrainium2, "2024-12"),
  },
  {
    id: "TRAINIUM3",
    name: "AWS Trainium3",
    tflops: {
      bf16: fig(671, "TFLOP/s", SRC.awsNeuronTrainium3, "2025-12"),
      fp16: fig(671, "TFLOP/s", SRC.awsNeuronTrainium3, "2025-12"),
      tf32: fig(671, "TFLOP/s", SRC.awsNeuronTrainium3, "2025-12"),
      fp8: fig(2517, "TFLOP/s", SRC.awsNeuronTrainium3, "2025-12"),
      fp4: fig(2517, "TFLOP/s", SRC.awsNeuronTrainium3, "2025-12"),
    },
    memoryGb: fig(144, "GB", SRC.awsNeuronTrainium3, "2025-12"),
    bandwidthTBs: fig(4.9, "TB/s", SRC.awsNeuronTrainium3, "2025-12"),
    gpusPerNode: fig(144, "GPUs", SRC.awsNeuronTrainium3, "2025-12"),
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
  // ------------------------------------------------------------------ Microsoft (internal to Azure)
  {
    id: "MAIA-100",
    name: "Microsoft Azure Maia 100",
    tflops: {
      bf16: fig(800, "TFLOP/s", SRC.microsoftMaiaHotChips, "2024-08"),
    },
    memoryGb: fig(64, "GB", SRC.microsoftMaiaHotChips, "2024-08"),
    bandwidthTBs: fig(1.8, "TB/s", SRC.microsoftMaiaHotChips, "2024-08"),
    tdpW: fig(500, "W", SRC.microsoftMaiaHotChips, "2024-08"),
    gpusPerNode: fig(4, "GPUs", SRC.klockwoodMaia100, "2024-08"),
  },
  {
    id: "MAIA-200",
    name: "Microsoft Azure Maia 200",
    tflops: {
      fp8: fig(5000, "TFLOP/s", SRC.microsoftMaia200, "2026-01-26"),
      fp4: fig(10_000, "TFLOP/s", SRC.microsoftMaia200, "2026-01-26"),
    },
    memoryGb: fig(216, "GB", SRC.microsoftMaia200, "2026-01-26"),
    bandwidthTBs: fig(7, "TB/s", SRC.microsoftMaia200, "2026-01-26"),
    tdpW: fig(750, "W", SRC.microsoftMaia200, "2026-01-26"),
    gpusPerNode: fig(4, "GPUs", SRC.microsoftMaia200, "2026-01-26"),
  },
];
