import { fig } from "../figure";
import { SRC } from "./sources";
import type { AcceleratorData } from "./types";

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
    id: "H100-PCIE",
    name: "NVIDIA H100 PCIe 80GB",
    tflops: {
      bf16: fig(756, "TFLOP/s", SRC.nvidiaH100, "2023-03", "PCIe column; 1,513 with sparsity"),
      fp16: fig(756, "TFLOP/s", SRC.nvidiaH100, "2023-03", "PCIe column; 1,513 with sparsity"),
      fp8: fig(
        1513,
        "TFLOP/s",
        SRC.nvidiaH100,
        "2023-03",
        "PCIe column, 3,026 with sparsity halved; the reference figures mark this value unverified",
      ),
      tf32: fig(378, "TFLOP/s", SRC.nvidiaH100, "2023-03", "PCIe column; 756 with sparsity"),
      int8: fig(1513, "TOP/s", SRC.nvidiaH100, "2023-03", "PCIe column, 3,026 with sparsity halved"),
    },
    memoryGb: fig(80, "GB", SRC.nvidiaH100PcieBrief, "2022-11", "HBM2e"),
    bandwidthTBs: fig(2.0, "TB/s", SRC.nvidiaH100PcieBrief, "2022-11", "the brief says greater than 2,000 GB/s"),
    tdpW: fig(350, "W", SRC.nvidiaH100PcieBrief, "2022-11", "maximum TDP (the reference figures give 350 W too)"),
    serverWPerGpu: fig(
      350 + DGX_H100_OVERHEAD_W,
      "W",
      `Derived from ${SRC.nvidiaDgxH100} and ${SRC.nvidiaH100PcieBrief}`,
      "2023-03",
      "no PCIe server datasheet found: 350 W TDP plus the DGX H100's 575 W of non-GPU power per " +
        "GPU. A PCIe server has no NVSwitch, so this likely overstates its draw a little.",
    ),
    gpusPerNode: fig(
      8,
      "GPUs",
      `Derived from ${SRC.lambdaScalarTco}`,
      "2021",
      "8 PCIe GPUs per server, as in Lambda's Scalar PCIe server; 2- and 4-GPU PCIe servers are also sold",
    ),
  },
  {
    id: "H200",
    name: "NVIDIA H200 SXM 141GB",
    tflops: {
      bf16: fig(989.5, "TFLOP/s", SRC.nvidiaH200, "2023-11"),
      fp16: fig(989.5, "TFLOP/s", SRC.nvidiaH200, "2023-11"),
      fp8: fig(1979, "TFLOP/s", SRC.nvidiaH200, "2023-11"),
      tf32: fig(494.7, "TFLOP/s", SRC.nvidiaH200, "2023-11"),
      int8: fig(1979, "TOP/s", SRC.nvidiaH200, "2023-11", "3,958 with sparsity halved"),
    },
    memoryGb: fig(141, "GB", SRC.nvidiaH200, "2023-11", "HBM3e"),
    bandwidthTBs: fig(4.8, "TB/s", SRC.nvidiaH200, "2023-11"),
    tdpW: fig(700, "W", SRC.nvidiaH200, "2023-11", "SXM, up to 700 W (configurable)"),
    serverWPerGpu: fig(1275, "W", SRC.nvidiaDgxH200, "2024", "10.2 kW / 8 GPUs"),
    gpusPerNode: fig(8, "GPUs", SRC.nvidiaDgxH200, "2024", "HGX H200 8-GPU baseboard"),
    nodePriceUsd: fig(
      33_800 * 8 * SERVER_OVER_GPUS,
      "USD",
      `Derived from ${SRC.referenceFigures} and ${SRC.epochCostModel}`,
      "2024-03",
      "8 x $33,800 (H200 per-GPU price in HGX, 2024-03) x 1.64 (Epoch AI server-to-GPU cost ratio) " +
        "= $443,456. No citable HGX H200 server quote was found. Note the HGX H100 quote implies only " +
        "1.13x its GPUs' street price, so this may overstate the node.",
    ),
    gpuPriceUsd: fig(
      33_800,
      "USD",
      SRC.referenceFigures,
      "2024-03",
      "per GPU bought in an HGX system; $39,100 by 2025-01. The earlier quote is taken to stay close " +
        "to the book's 2023-10 edition date.",
    ),
  },
  {
    id: "B200",
    name: "NVIDIA B200 (Blackwell)",
    tflops: {
      bf16: fig(2250, "TFLOP/s", SRC.nvidiaB200, "2024-03", "4,500 with sparsity"),
      fp16: fig(2250, "TFLOP/s", SRC.nvidiaB200, "2024-03", "4,500 with sparsity"),
      fp8: fig(4500, "TFLOP/s", SRC.nvidiaB200, "2024-03", "9,000 with sparsity"),
    },
    memoryGb: fig(
      192,
      "GB",
      SRC.nvidiaB200,
      "2024-03",
      "HBM3e as announced; DGX B200 systems ship 1,440 GB for 8 GPUs (180 GB usable per GPU)",
    ),
    bandwidthTBs: fig(8, "TB/s", SRC.nvidiaB200, "2024-03"),
    tdpW: fig(1000, "W", SRC.nvidiaB200, "2024-03", "HGX B200 air-cooled configuration"),
    serverWPerGpu: fig(1787.5, "W", SRC.nvidiaDgxB200, "2024", "14.3 kW / 8 GPUs"),
    gpusPerNode: fig(8, "GPUs", SRC.nvidiaDgxB200, "2024", "HGX B200 8-GPU baseboard"),
    nodePriceUsd: fig(
      35_000 * 8 * SERVER_OVER_GPUS,
      "USD",
      `Derived from ${SRC.cnbcB200Price} and ${SRC.epochCostModel}`,
      "2024-03",
      "8 x $35,000 (midpoint of the CEO's $30K-40K) x 1.64 (Epoch AI server-to-GPU cost ratio) = $459,200. " +
        "No citable HGX/DGX B200 quote was found.",
    ),
    gpuPriceUsd: fig(35_000, "USD", SRC.cnbcB200Price, "2024-03", "midpoint of the $30K-40K stated by NVIDIA's CEO"),
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
  {
    id: "MI300X",
    name: "AMD Instinct MI300X 192GB",
    tflops: {
      bf16: fig(1307.4, "TFLOP/s", SRC.amdMi300x, "2023-12", "2,614.9 with sparsity"),
      fp16: fig(1307.4, "TFLOP/s", SRC.amdMi300x, "2023-12", "2,614.9 with sparsity"),
      fp8: fig(2614.9, "TFLOP/s", SRC.amdMi300x, "2023-12", "5,229.8 with sparsity"),
      tf32: fig(653.7, "TFLOP/s", SRC.amdMi300x, "2023-12", "1,307.4 with sparsity"),
      int8: fig(2614.9, "TOP/s", SRC.amdMi300x, "2023-12", "5,229.8 with sparsity"),
    },
    memoryGb: fig(192, "GB", SRC.amdMi300x, "2023-12", "HBM3"),
    bandwidthTBs: fig(5.3, "TB/s", SRC.amdMi300x, "2023-12"),
    tdpW: fig(750, "W", SRC.amdMi300x, "2023-12"),
    serverWPerGpu: fig(
      750 + DGX_H100_OVERHEAD_W,
      "W",
      `Derived from ${SRC.nvidiaDgxH100} and ${SRC.amdMi300x}`,
      "2023-12",
      "no AMD server power figure found: 750 W TDP plus the DGX H100's 575 W of non-GPU power per GPU " +
        "(a comparable 8-accelerator server with dual CPUs and 8 NICs)",
    ),
    gpusPerNode: fig(8, "GPUs", SRC.amdMi300xPlatform, "2023-12", "8 OAM modules on one universal baseboard"),
    nodePriceUsd: fig(
      25_700 * 8 * SERVER_OVER_GPUS,
      "USD",
      `Derived from ${SRC.referenceFigures} and ${SRC.epochCostModel}`,
      "2025-02",
      "8 x $25,700 (reseller listing, 2025-02) x 1.64 (Epoch AI server-to-GPU cost ratio) = $337,184. " +
        "No citable MI300X server quote was found.",
    ),
    gpuPriceUsd: fig(25_700, "USD", SRC.referenceFigures, "2025-02", "reseller listing, about $25.7K"),
  },
  {
    id: "TPU-V5E",
    name: "Google Cloud TPU v5e",
    tflops: {
      bf16: fig(197, "TFLOP/s", SRC.googleTpuV5e, "2024"),
      int8: fig(393, "TOP/s", SRC.googleTpuV5e, "2024"),
    },
    memoryGb: fig(16, "GB", SRC.googleTpuV5e, "2024", "HBM2"),
    bandwidthTBs: fig(
      0.819,
      "TB/s",
      SRC.googleTpuV5e,
      "2024",
      "819 GB/s; another version of the page says 800 GiB/s (0.859 TB/s). The GB/s figure is taken, as the reference figures do.",
    ),
    gpusPerNode: fig(8, "GPUs", SRC.googleTpuV5e, "2024", "chips per host; Google sells it only as a cloud service"),
  },
  {
    id: "TPU-V5P",
    name: "Google Cloud TPU v5p",
    tflops: {
      bf16: fig(459, "TFLOP/s", SRC.googleTpuV5p, "2024"),
    },
    memoryGb: fig(95, "GB", SRC.googleTpuV5p, "2024", "HBM2e"),
    bandwidthTBs: fig(2.765, "TB/s", SRC.googleTpuV5p, "2024"),
    gpusPerNode: fig(4, "GPUs", SRC.googleTpuV5p, "2024", "a 2x2x1 slice is 4 chips on 1 host"),
  },
  {
    id: "TRAINIUM2",
    name: "AWS Trainium2",
    tflops: {
      bf16: fig(
        667,
        "TFLOP/s",
        SRC.awsNeuronTrainium2,
        "2024-12",
        "BF16/FP16/TF32 dense; 10.7 PFLOP/s per 16-chip trn2.48xlarge",
      ),
      fp16: fig(667, "TFLOP/s", SRC.awsNeuronTrainium2, "2024-12"),
      fp8: fig(1299, "TFLOP/s", SRC.awsNeuronTrainium2, "2024-12", "dense; 20.8 PFLOP/s per trn2.48xlarge"),
      tf32: fig(667, "TFLOP/s", SRC.awsNeuronTrainium2, "2024-12"),
    },
    memoryGb: fig(
      96,
      "GB",
      SRC.awsNeuronTrainium2,
      "2024-12",
      "AWS gives 96 GiB (103 GB); recorded as 96, as in the reference figures",
    ),
    bandwidthTBs: fig(
      2.9,
      "TB/s",
      SRC.awsNeuronTrainium2,
      "2024-12",
      "one version of the NKI guide says 3 TB/s; 2.9 TB/s (46.4 TB/s per 16 chips) is taken",
    ),
    tdpW: fig(
      500,
      "W",
      SRC.referenceFigures,
      "2024-12",
      "attributed to AWS in the reference figures; the Neuron docs give no TDP",
    ),
    gpusPerNode: fig(
      16,
      "GPUs",
      SRC.awsNeuronTrainium2,
      "2024-12",
      "16 chips per trn2.48xlarge; AWS does not sell the chip",
    ),
  },
  {
    id: "INFERENTIA2",
    name: "AWS Inferentia2",
    tflops: {
      bf16: fig(190, "TFLOP/s", SRC.awsNeuronInferentia2, "2023-04", "FP8/FP16/BF16/TF32"),
      fp16: fig(190, "TFLOP/s", SRC.awsNeuronInferentia2, "2023-04"),
      fp8: fig(190, "TFLOP/s", SRC.awsNeuronInferentia2, "2023-04"),
      tf32: fig(190, "TFLOP/s", SRC.awsNeuronInferentia2, "2023-04"),
    },
    memoryGb: fig(32, "GB", SRC.awsNeuronInferentia2, "2023-04", "AWS gives 32 GiB; recorded as 32"),
    bandwidthTBs: fig(
      0.82,
      "TB/s",
      SRC.awsNeuronInferentia2,
      "2023-04",
      "820 GB/s per the NKI architecture guide (the instance table says 820 GiB/s)",
    ),
    gpusPerNode: fig(
      12,
      "GPUs",
      SRC.awsNeuronInferentia2,
      "2023-04",
      "12 chips per inf2.48xlarge; AWS does not sell the chip",
    ),
  },
  {
    id: "MAIA-100",
    name: "Microsoft Azure Maia 100",
    tflops: {
      bf16: fig(800, "TFLOP/s", SRC.microsoftMaiaHotChips, "2024-08", "peak dense tensor BF16 0.8 POPS"),
    },
    memoryGb: fig(64, "GB", SRC.microsoftMaiaHotChips, "2024-08", "HBM2E"),
    bandwidthTBs: fig(1.8, "TB/s", SRC.microsoftMaiaHotChips, "2024-08"),
    tdpW: fig(500, "W", SRC.microsoftMaiaHotChips, "2024-08", "provisioned TDP; designed for 700 W"),
    gpusPerNode: fig(
      1,
      "GPUs",
      `Placeholder: no citable figure (${SRC.microsoftMaiaHotChips} gives no accelerators per server)`,
      "2024-08",
      "1 makes whole-node rounding a no-op; Maia is internal to Azure and has no price or power per node here. " +
        "Override if you know the server configuration.",
    ),
  },
];
