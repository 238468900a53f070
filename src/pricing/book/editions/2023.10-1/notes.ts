/**
 * Why each figure of edition 2023.10-1 was chosen among disagreeing sources, or what it leaves out,
 * by assumption key. Shown by the task pane beside the figure; kept apart from the figures so the
 * custom-functions bundle, which never shows them, does not carry them.
 */
export const NOTES: Readonly<Record<string, string>> = {
  "h100-sxm.memory_gb": "HBM3",
  "h100-sxm.server_w": "10.2 kW / 8 GPUs",
  "h100-sxm.node_gpus": "HGX H100 8-GPU baseboard",
  "h100-sxm.node_price":
    "HGX H100 8-GPU server; later quotes $270,480 (2024-02) and $288,142 (2024-07). The 2023-09 quote is taken because the founding analysis (2023-10) priced that month's market.",
  "h100-sxm.gpu_price": "midpoint of the $25K-30K street price",
  "h100-pcie.tflops.bf16": "PCIe column; 1,513 with sparsity",
  "h100-pcie.tflops.fp16": "PCIe column; 1,513 with sparsity",
  "h100-pcie.tflops.fp8": "PCIe column, 3,026 with sparsity halved; the reference figures mark this value unverified",
  "h100-pcie.tflops.tf32": "PCIe column; 756 with sparsity",
  "h100-pcie.tflops.int8": "PCIe column, 3,026 with sparsity halved",
  "h100-pcie.memory_gb": "HBM2e",
  "h100-pcie.bandwidth_tbs": "the brief says greater than 2,000 GB/s",
  "h100-pcie.tdp_w": "maximum TDP (the reference figures give 350 W too)",
  "h100-pcie.server_w":
    "no PCIe server datasheet found: 350 W TDP plus the DGX H100's 575 W of non-GPU power per GPU. A PCIe server has no NVSwitch, so this likely overstates its draw a little.",
  "h100-pcie.node_gpus":
    "8 PCIe GPUs per server, as in Lambda's Scalar PCIe server; 2- and 4-GPU PCIe servers are also sold",
  "h200.tflops.int8": "3,958 with sparsity halved",
  "h200.memory_gb": "HBM3e",
  "h200.tdp_w": "SXM, up to 700 W (configurable)",
  "h200.server_w": "10.2 kW / 8 GPUs",
  "h200.node_gpus": "HGX H200 8-GPU baseboard",
  "h200.node_price":
    "8 x $33,800 (H200 per-GPU price in HGX, 2024-03) x 1.64 (Epoch AI server-to-GPU cost ratio) = $443,456. No citable HGX H200 server quote was found. Note the HGX H100 quote implies only 1.13x its GPUs' street price, so this may overstate the node.",
  "h200.gpu_price":
    "per GPU bought in an HGX system; $39,100 by 2025-01. The earlier quote is taken to stay close to the book's 2023-10 edition date.",
  "b200.tflops.bf16": "4,500 with sparsity",
  "b200.tflops.fp16": "4,500 with sparsity",
  "b200.tflops.fp8": "9,000 with sparsity",
  "b200.memory_gb": "HBM3e as announced; DGX B200 systems ship 1,440 GB for 8 GPUs (180 GB usable per GPU)",
  "b200.tdp_w": "HGX B200 air-cooled configuration",
  "b200.server_w": "14.3 kW / 8 GPUs",
  "b200.node_gpus": "HGX B200 8-GPU baseboard",
  "b200.node_price":
    "8 x $35,000 (midpoint of the CEO's $30K-40K) x 1.64 (Epoch AI server-to-GPU cost ratio) = $459,200. No citable HGX/DGX B200 quote was found.",
  "b200.gpu_price": "midpoint of the $30K-40K stated by NVIDIA's CEO",
  "a100-80gb.memory_gb": "HBM2e",
  "a100-80gb.server_w": "6.5 kW / 8 GPUs",
  "a100-80gb.node_gpus": "HGX A100 8-GPU baseboard",
  "a100-80gb.node_price":
    "DGX A100 launch price (8x A100 40GB); no citable 80GB server quote found, so the 80GB node is likely under-priced here. Edit it in the task pane if you have a quote.",
  "a100-80gb.gpu_price": "40GB launch price",
  "mi300x.tflops.bf16": "2,614.9 with sparsity",
  "mi300x.tflops.fp16": "2,614.9 with sparsity",
  "mi300x.tflops.fp8": "5,229.8 with sparsity",
  "mi300x.tflops.tf32": "1,307.4 with sparsity",
  "mi300x.tflops.int8": "5,229.8 with sparsity",
  "mi300x.memory_gb": "HBM3",
  "mi300x.server_w":
    "no AMD server power figure found: 750 W TDP plus the DGX H100's 575 W of non-GPU power per GPU (a comparable 8-accelerator server with dual CPUs and 8 NICs)",
  "mi300x.node_gpus": "8 OAM modules on one universal baseboard",
  "mi300x.node_price":
    "8 x $25,700 (reseller listing, 2025-02) x 1.64 (Epoch AI server-to-GPU cost ratio) = $337,184. No citable MI300X server quote was found.",
  "mi300x.gpu_price": "reseller listing, about $25.7K",
  "tpu-v5e.memory_gb": "HBM2",
  "tpu-v5e.bandwidth_tbs":
    "819 GB/s; another version of the page says 800 GiB/s (0.859 TB/s). The GB/s figure is taken, as the reference figures do.",
  "tpu-v5e.node_gpus": "chips per host; Google sells it only as a cloud service",
  "tpu-v5p.memory_gb": "HBM2e",
  "tpu-v5p.node_gpus": "a 2x2x1 slice is 4 chips on 1 host",
  "trainium2.tflops.bf16": "BF16/FP16/TF32 dense; 10.7 PFLOP/s per 16-chip trn2.48xlarge",
  "trainium2.tflops.fp8": "dense; 20.8 PFLOP/s per trn2.48xlarge",
  "trainium2.memory_gb": "AWS gives 96 GiB (103 GB); recorded as 96, as in the reference figures",
  "trainium2.bandwidth_tbs": "one version of the NKI guide says 3 TB/s; 2.9 TB/s (46.4 TB/s per 16 chips) is taken",
  "trainium2.tdp_w": "attributed to AWS in the reference figures; the Neuron docs give no TDP",
  "trainium2.node_gpus": "16 chips per trn2.48xlarge; AWS does not sell the chip",
  "inferentia2.tflops.bf16": "FP8/FP16/BF16/TF32",
  "inferentia2.memory_gb": "AWS gives 32 GiB; recorded as 32",
  "inferentia2.bandwidth_tbs": "820 GB/s per the NKI architecture guide (the instance table says 820 GiB/s)",
  "inferentia2.node_gpus": "12 chips per inf2.48xlarge; AWS does not sell the chip",
  "maia-100.tflops.bf16": "peak dense tensor BF16 0.8 POPS",
  "maia-100.memory_gb": "HBM2E",
  "maia-100.tdp_w": "provisioned TDP; designed for 700 W",
  "maia-100.node_gpus":
    "1 makes whole-node rounding a no-op; Maia is internal to Azure and has no price or power per node here. Override if you know the server configuration.",
  "aws.p5.48xlarge.ondemand": "AWS cut P5 prices up to ~45% in 2025-06",
  "aws.p5.48xlarge.reserved1y":
    "$98.32/h x (1 - 0.41) = $58.0088/h; no citable 1-year list price was found. Source of the discount: Epoch AI, cost of training frontier models (method defaults).",
  "aws.p5.48xlarge.reserved3y":
    "3-year reserved, as in the founding analysis (a 56% discount, against Epoch AI's typical 64%)",
  "aws.inf2.48xlarge.ondemand":
    "list price since Inf2 general availability (2023-04); the same $12.98127 is still listed in the AWS price list (us-east-2)",
  "aws.inf2.48xlarge.reserved1y":
    "$12.98127/h x (1 - 0.41) = $7.6589/h; no citable 1-year list price was found. Source of the discount: Epoch AI, cost of training frontier models (method defaults).",
  "aws.inf2.48xlarge.reserved3y":
    "$12.98127/h x (1 - 0.64) = $4.6733/h; no citable 3-year list price was found. Source of the discount: Epoch AI, cost of training frontier models (method defaults).",
  "aws.inf2.48xlarge.gpus": "12 Inferentia2 chips",
  "azure.nd96isr_h100_v5.ondemand":
    "list price in East US; $117.98/h was seen in another US region. The East US list is taken because it is the reference region and matches AWS's p5 price.",
  "azure.nd96isr_h100_v5.reserved1y":
    "$98.32/h x (1 - 0.25) = $73.74/h; no citable 1-year list price was found. Source of the discount: Epoch AI, cost of training frontier models (method defaults).",
  "azure.nd96isr_h100_v5.reserved3y":
    "$98.32/h x (1 - 0.49) = $50.1432/h; no citable 3-year list price was found. Source of the discount: Epoch AI, cost of training frontier models (method defaults).",
  "gcp.a3-highgpu-8g.ondemand": "about $88.5/h in us-central1 (GPUs, vCPUs, memory and local SSD)",
  "gcp.a3-highgpu-8g.reserved1y":
    "$88.5/h x (1 - 0.37) = $55.755/h; no citable 1-year list price was found. Source of the discount: Epoch AI, cost of training frontier models (method defaults).",
  "gcp.a3-highgpu-8g.reserved3y":
    "$88.5/h x (1 - 0.56) = $38.94/h; no citable 3-year list price was found. Source of the discount: Epoch AI, cost of training frontier models (method defaults).",
  "gcp.ct5lp-hightpu-1t.ondemand": "per chip-hour, on demand",
  "gcp.ct5lp-hightpu-1t.reserved1y": "per chip-hour, 1-year commitment",
  "gcp.ct5lp-hightpu-1t.reserved3y": "per chip-hour, 3-year commitment",
  "gcp.ct5lp-hightpu-1t.gpus":
    "TPU v5e is priced per chip-hour; recorded as a 1-chip instance (the ct5lp-hightpu-1t machine type)",
  "lambda.gpu_8x_h100_sxm5.ondemand":
    "$3.49 per GPU-hour x 8 GPUs. Lambda's H100 SXM list ranged $1.99-3.49 per GPU-hour from 2023-06 to 2025-02; the reference figures do not date each end. The top of the range is taken so that the default does not understate rent; override with your quote.",
  "oracle.bm.gpu.h100.8.ondemand": "$10 per GPU-hour x 8 GPUs",
  "facility.pue": "1.25 for non-hyperscale sites (owned nodes in colocation); hyperscalers run at about 1.1",
  "facility.electricity": "2024 average was $0.0771; 2023 matches the founding analysis",
  "facility.average_draw": "average power over rated power",
  "facility.colocation": "midpoint of $150-200",
  "facility.operations":
    "the analysis's ~$450K all-in per H100 node over three years, less hardware, power and colocation, leaves ~6% of capex a year for staff, support and spares",
  "facility.network_share": "InfiniBand NICs, cables and switches as a share of cluster cost",
  "facility.depreciation_years": "the analysis's horizon; Epoch AI uses 3-5 years and hyperscalers now book 5-6",
  "method.training_mfu": "median of large training runs; 30-45% typical",
  "method.decode_batch":
    "batch 1 is the decode floor: each token reads every weight once. With it an H100 runs at 3.35 TB/s / 989.4 TFLOP/s = 0.34% of peak, the utilisation at which Bernstein's 4-cent query (F8) fits",
  "method.model_params": "GPT-3 175B, the family ChatGPT launched on",
  "method.prompt_tokens":
    "a ChatGPT exchange of ~500 prompt and ~500 output tokens, with which the F8 figures reproduce",
  "method.output_tokens": "see prompt tokens",
  "method.peak_to_average":
    "the F8 fleet ($48.1B for 1.1B queries a day) is sized for average load; raise it to provision for peaks",
  "chip.unit_cost": "the H100's estimated cost to make, as the proxy for a comparable reticle-size chip with HBM",
  "chip.nre_per_year": "'hundreds of millions of dollars a year' (F10): the low end, doubled",
  "chip.years": "Apple bought P.A. Semi in 2008 and shipped the A4 in 2010 (F10)",
};
