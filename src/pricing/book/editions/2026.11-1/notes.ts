/**
 * Why each figure of edition 2026.11-1 was taken among disagreeing sources, the ranges around it,
 * and the arithmetic of derived figures, by assumption key. Shown by the task pane beside the
 * figure; kept apart from the figures so the custom-functions bundle does not carry them.
 * test/pricing/editions.test.ts checks every key exists.
 */
export const NOTES: Readonly<Record<string, string>> = {
  // ------------------------------------------------------------------ H100 SXM
  "h100-sxm.node_price":
    "A complete Supermicro HGX H100 8-GPU server (Epoch AI, dihuni listing, 2024-03-21: $37,080.50 a GPU x 8). Other dated system quotes: DGX H100 $230,000 and $375,000 (2025-03-03), EUR 303,610 (~$329,736, 2024-03-20). Bare HGX H100 8-GPU boards ran $248,956 (2023-09) to $288,142 (2024-07) and $255,237 (2025-01-31): about 8 GPU modules' price, so they are not a server. A server quote is taken because the field is the node without its network share.",
  "h100-sxm.gpu_price":
    "single H100 SXM module, marketplace.uvation.com (Epoch AI, 2025-03-03); the 2023 street price was $25K-30K",
  "h100-sxm.cost_to_make": "Raymond James's 2023 estimate is still the only public one",
  "h100-sxm.server_w": "10.2 kW / 8 GPUs",
  "h100-pcie.server_w":
    "no PCIe server datasheet: 350 W TDP plus the DGX H100's 575 W of non-GPU power per GPU ((10,200 - 8 x 700) / 8)",
  "h100-pcie.node_gpus": "8 PCIe GPUs per server, as in Lambda's Scalar server; 2- and 4-GPU servers are also sold",
  "h100-pcie.gpu_price":
    "marketplace.uvation.com listing (Epoch AI, 2025-03-03); no PCIe server quote, so no node price",
  // ------------------------------------------------------------------ H200
  "h200.node_price":
    "8-GPU H200 baseboard $270,565 (anafrashop 'price development', Epoch AI, 2024-03-27) x 1.4 server-over-GPUs = $378,791. It lands within 2.4% of Mercatus's typical complete HGX H200 server ($370K; range $320K-420K, 2026). The 2025-01-31 'HGX, 8 GPU, on sale' listing ($312,667) does not say whether it is a board or a server; x 1.4 it would give $437,734, above Mercatus's range. The multiplier: SemiAnalysis ~1.4 (DGX H100), DGX B200 quote / 8 B200 at $35K = 1.35, a complete Supermicro HGX H100 server / 8 H100 modules = 1.19, Epoch AI 1.3-2.1 (average 1.64).",
  "h200.gpu_price":
    "per GPU of an 8-GPU HGX listing 'on sale' (Epoch AI, archive.ph/TxlLv, 2025-01-31); $33,821 in 2024-03",
  "h200.server_w": "10.2 kW / 8 GPUs",
  "h200.tdp_w": "SXM, up to 700 W (configurable)",
  // ------------------------------------------------------------------ H800
  "h800.tflops.bf16":
    "the H800 SXM5 is the H100 SXM5 die with NVLink cut to 400 GB/s and FP64 to about 1 TFLOP/s; its tensor rates are the H100's. DeepSeek-V3 was trained on 2,048 of them.",
  "h800.server_w": "no DGX H800 datasheet found: the DGX H100's 10.2 kW / 8, the same board",
  "h800.node_price": "DGX H800 8-GPU, abrmicro listing (Epoch AI, 2025-02-21: $44,750 a GPU x 8)",
  "h800.gpu_price": "H800 SXM5 listing (Epoch AI, archive.ph/W5Vuf, 2025-02-21)",
  // ------------------------------------------------------------------ B200
  "b200.tflops.bf16":
    "HGX/DGX B200 (1,000 W): 2.25 PFLOP/s dense (4.5 sparse). The 1,200 W B200 in a GB200 runs 2.5: see GB200.",
  "b200.tflops.fp4": '9 PFLOP/s dense (18 sparse): =GPU.FLOPS(1,"B200","fp4") = 9E15',
  "b200.tflops.tf32": "NVIDIA: 2.2 PFLOP/s TF32 sparse per HGX B200 GPU = 1.1 dense (Lockwood: 1,100)",
  "b200.tflops.int8": "NVIDIA: 9 POPS INT8 sparse per HGX B200 GPU = 4.5 dense",
  "b200.memory_gb":
    "shipping HGX/DGX B200: 1,440 GB for 8 GPUs (180 GB each; AWS p6-b200 lists 1,432 GB). The chip was announced with 192 GB.",
  "b200.bandwidth_tbs":
    "HGX B200: 7.7 TB/s per GPU (62 TB/s for 8) in NVIDIA's HGX table; the GTC 2024 chip figure is 8 TB/s (Lockwood, Spheron). The shipping system's figure is taken, as for memory.",
  "b200.server_w": "14.3 kW / 8 GPUs",
  "b200.node_price":
    "DGX B200 1,440 GB, deltacomputer.com, EUR converted (Epoch AI, 2024-12-17: $47,409.13 a GPU x 8). No dated HGX B200 quote was found.",
  "b200.gpu_price": "midpoint of the $30K-40K NVIDIA's CEO gave (2024-03); aiinframap's 2026 estimate is about $40K",
  // ------------------------------------------------------------------ B300
  "b300.tflops.bf16": "HGX B300: BF16 dense as the B200's (Blackwell Ultra trades FP64 and INT8 for FP4)",
  "b300.tflops.fp4":
    "13.125 PFLOP/s dense from NVIDIA's HGX B300 table (105 PFLOP/s dense for 8 GPUs), per Lockwood; Verda gives 14 PFLOP/s. The lower figure is taken, from NVIDIA's system table.",
  "b300.memory_gb": "HGX B300 2.30 TB for 8 GPUs = 288 GB each; about 270-279 GB usable per MLPerf and Verda",
  "b300.tdp_w": "1,100 W per Verda (NVIDIA's brief); 1,200 W per SemiAnalysis via aibase. The brief is taken.",
  "b300.server_w": "DGX B300 14.5 kW / 8 GPUs",
  "b300.node_gpus":
    "no citable HGX/DGX B300 purchase price (only an undated 'MSRP $45k' on one page), so B300 has no node or GPU price: capex/buy give #N/A; enter a quote to use them",
  // ------------------------------------------------------------------ GB200, GB300
  "gb200.tflops.bf16": "per B200 GPU in a GB200 (1,200 W): 2.5 PFLOP/s dense; NVL72 rack 180 PFLOP/s",
  "gb200.tflops.fp4": "10 PFLOP/s dense (20 sparse); NVL72 rack 720 PFLOP/s dense (1.44 EF sparse)",
  "gb200.memory_gb":
    "186 GB HBM3E per GPU in NVIDIA's GB200 NVL72 table and MLPerf Inference system descriptions; 192 GB as announced",
  "gb200.server_w": "about 120 kW per NVL72 rack (72 GPUs, 36 Grace CPUs, NVLink switches) / 72 = 1,666.7 W per GPU",
  "gb200.node_gpus":
    "the purchase unit is the NVL72 rack: 72 GPUs. Capex is bought rack by rack, so 8 GB200 cost a whole rack.",
  "gb200.node_price":
    "the NVL72 rack, about $3.1M (SemiAnalysis via fetchlogic) = $43,056 per GPU all-in; other estimates: about $3M (Continuum Labs), $2-3M (awesomeagents), $5M (nextfin, 2026-02, an outlier)",
  "gb300.tflops.fp4": "15 PFLOP/s dense per GPU (Verda; Tom's Hardware 'tops at 15 FP4 PFLOPS'); 1.1 EF dense a rack",
  "gb300.memory_gb": "20.7 TB of HBM3e per NVL72 rack / 72 = 288 GB (279 GB per Verda)",
  "gb300.tdp_w": "1,400 W maximum (Lockwood; Morgan Stanley's rack model)",
  "gb300.server_w": "up to 132 kW per NVL72 rack (Supermicro via Introl; 120 kW in other sources) / 72 = 1,833.3 W",
  "gb300.node_gpus": "the purchase unit is the NVL72 rack: 72 GPUs",
  "gb300.node_price":
    "midpoint of a $3-4M rack estimate (awesomeagents.ai), the only one found; a single estimate: override with a quote",
  // ------------------------------------------------------------------ A100, V100
  "a100-80gb.node_price":
    "HGX A100 80GB 8-GPU baseboard $138,788.44 (anafrashop, Epoch AI, 2025-03-04) x 1.4 server-over-GPUs = $194,303.82. For past runs: DGX A100 640 GB launched at $300,000 (2021-06).",
  "a100-80gb.gpu_price": "single A100 SXM4 80GB, signalpulse (Epoch AI, 2025-03-04)",
  "a100-80gb.server_w": "DGX A100 6.5 kW / 8 GPUs",
  "a100-40gb.node_price": "DGX A100 320 GB launch price (NVIDIA, 2020-05): the A100 as past runs bought it",
  "a100-40gb.gpu_price": "A100 SXM4 40GB single-unit list (The Next Platform, 2020-07); $12,500 by 2022-07",
  "a100-40gb.bandwidth_tbs": "1,555 GB/s (the 80GB part has 2,039)",
  "v100.tflops.fp16":
    'FP16 tensor cores, 125 TFLOP/s (no sparsity on Volta). The V100 has no BF16, FP8 or TF32: use precision "fp16".',
  "v100.memory_gb": "SXM2 32 GB, as in AWS p3dn and Azure ND40rs v2 (16 GB parts also exist)",
  "v100.server_w": "DGX-1 with V100: 3.5 kW / 8 GPUs",
  "v100.node_price": "DGX-1 with 8 V100 at release (2017-07), $149,000",
  "v100.gpu_price": "V100 SXM2 32 GB single-unit list (Microway, 2018-05)",
  // ------------------------------------------------------------------ AMD
  "mi300x.node_price":
    "MI300X 8-OAM universal baseboard at $25,733.71 a GPU (interpromicro, Epoch AI, 2025-02-10) x 8 x 1.4 server-over-GPUs = $288,217.55. The UBB is GPUs on a board, not a server.",
  "mi300x.server_w": "no AMD server power figure: 750 W TDP plus the DGX H100's 575 W of non-GPU power per GPU",
  "mi325x.memory_gb": "256 GB HBM3E (288 GB was announced, then cut before shipping)",
  "mi325x.tflops.bf16": "the MI300X's compute with more and faster memory",
  "mi325x.server_w": "1,000 W TBP plus the DGX H100's 575 W of non-GPU power per GPU (no AMD server figure)",
  "mi325x.node_gpus": "8 OAM per platform; no purchase quote found, so no node price",
  "mi355x.tflops.bf16": "2.5 PFLOP/s dense (rooflinenotes.dev); AMD's headline numbers are sparse",
  "mi355x.tflops.fp8": "about 5 PFLOP/s dense: AMD at ISSCC 2026 ('five petaflops')",
  "mi355x.tflops.fp4": "about 10 PFLOP/s dense; AMD's 20.1 PFLOP/s FP4/FP6 is the sparse figure",
  "mi355x.tdp_w": "1,400 W TBP, liquid-cooled (the air-cooled MI350X is 1,000 W)",
  "mi355x.server_w":
    "1,400 W plus the DGX B200's 787.5 W of non-GPU power per GPU ((14,300 - 8 x 1,000) / 8), the same generation; no AMD figure",
  "mi355x.node_gpus":
    "8 per platform (64 per liquid-cooled rack); Oracle rents it but no price was found, nor a purchase quote",
  // ------------------------------------------------------------------ TPUs
  "tpu-v4.tflops.bf16": "275 TFLOP/s bf16 or int8 per chip",
  "tpu-v4.memory_gb": "32 GiB HBM2 (34.4 GB); recorded as printed",
  "tpu-v4.node_gpus":
    "4 chips per host (ct4p-hightpu-4t); measured power 90/170/192 W min/mean/max, no TDP or server figure",
  "tpu-v5e.bandwidth_tbs": "819 GB/s; another version of the page says 800 GiB/s (0.859 TB/s)",
  "tpu-v5e.node_gpus": "chips per host; sold only as a cloud service",
  "tpu-v5p.memory_gb": "95 GiB usable (96 physical)",
  "tpu-v5p.node_gpus": "the smallest slice, 2x2x1 = 4 chips on 1 host",
  "tpu-v6e.bandwidth_tbs": "1,640 GB/s (1,638 in the TPU7x comparison table)",
  "tpu-7x.bandwidth_tbs":
    "7.37 TB/s (4.5x Trillium) in Google's Ironwood announcement; Hot Chips 2025 coverage says about 7.3 TB/s",
  "tpu-7x.memory_gb": "192 GiB HBM3E per chip; 9,216 chips per pod",
  "tpu-7x.node_gpus": "4 chips per host; no public price was found, so no provider rents it here",
  // ------------------------------------------------------------------ Trainium, Inferentia, Maia
  "trainium2.memory_gb": "96 GiB (103 GB); recorded as printed",
  "trainium2.tdp_w": "about 500 W per chip (SemiAnalysis); AWS's Neuron docs give no TDP",
  "trainium2.node_gpus": "16 chips per trn2.48xlarge; AWS does not sell the chip",
  "trainium3.tflops.bf16": "671 TFLOP/s BF16/FP16/TF32 dense (Neuron docs)",
  "trainium3.tflops.fp8": "2,517 TFLOP/s MXFP8",
  "trainium3.tflops.fp4": "2,517 TFLOP/s MXFP4, the same rate as MXFP8",
  "trainium3.node_gpus":
    "the Trn3 Gen2 UltraServer: 144 chips (the air-cooled Gen1 holds 64). No TDP published ('up to 1 kW' reported earlier, unconfirmed); no price found.",
  "inferentia2.memory_gb": "32 GiB; recorded as printed",
  "inferentia2.node_gpus": "12 chips per inf2.48xlarge",
  "maia-100.tdp_w": "provisioned TDP; designed for 700 W",
  "maia-100.node_gpus": "4 Maia per server: each links to the three others by 3 x 400 GbE (Hot Chips 2024)",
  "maia-200.tflops.fp8":
    '\'over 5 PFLOP/s\' FP8 (Microsoft). Microsoft published no BF16 rate, so the price book has none: use precision "fp8" or "fp4".',
  "maia-200.tflops.fp4": "'over 10 PFLOP/s' FP4 (Microsoft)",
  "maia-200.memory_gb": "216 GB HBM3e at 7 TB/s, plus 272 MB of on-die SRAM",
  "maia-200.node_gpus":
    "four accelerators fully connected in a tray (Microsoft); clusters of up to 6,144. Internal to Azure: no price.",
  // ------------------------------------------------------------------ AWS
  "aws.p5.48xlarge.ondemand":
    "us-east-1 (also us-east-2, us-west-2) after AWS's June 2025 cut of up to 45%: from $98.32 to $55.04 ($6.88 a GPU-hour). Vantage data of 2026-01-21; the same price appears in an AWS price file of 2026-09-10. Other regions: $58.89 (eu-north-1) to $92.47 (sa-east-1).",
  "aws.p5.48xlarge.reserved1y":
    "$55.04 x (1 - 0.41) = $32.4736; no post-cut 1-year list price was found (the founding edition's pre-cut figures no longer apply). Discount: Epoch AI's typical AWS 1-year.",
  "aws.p5.48xlarge.reserved3y":
    "$55.04 x (1 - 0.64) = $19.8144; no post-cut 3-year list price was found. For scale: p5en's 3-year all-upfront Savings Plan is $23.80 (one source).",
  "aws.p5.48xlarge.block":
    "EC2 Capacity Block, us-east-1, 2026-07-22 ($5.191 a GPU-hour). Blocks are repriced often: $31.464 on 2026-01-31, $39.33 before 2025.",
  "aws.p5en.48xlarge.ondemand": "8 x H200 (us-east-1), $7.912 a GPU-hour after the June 2025 cut ($84.80 before)",
  "aws.p5en.48xlarge.reserved1y": "$63.296 x (1 - 0.41) = $37.3446; no 1-year list price found",
  "aws.p5en.48xlarge.reserved3y":
    "$63.296 x (1 - 0.64) = $22.7866; one source gives a $23.80 3-year all-upfront Instance Savings Plan (AWS price file v20261003), within 5%",
  "aws.p5en.48xlarge.block": "Capacity Block, us-east-1, 2026-07-22 ($6.865 a GPU-hour; $41.612 on 2026-01-31)",
  "aws.p5e.48xlarge.block":
    '8 x H200; sold only as Capacity Blocks (no on-demand price in Vantage\'s data); us-east-2, 2026-07-22. Select it with provider "aws.p5e.48xlarge".',
  "aws.p6-b200.48xlarge.ondemand": "8 x B200, $14.2416 a GPU-hour (us-east-1, us-east-2, us-west-2)",
  "aws.p6-b200.48xlarge.reserved1y": "$113.9328 x (1 - 0.41) = $67.2204; no 1-year list price found",
  "aws.p6-b200.48xlarge.reserved3y": "$113.9328 x (1 - 0.64) = $41.0158; no 3-year list price found",
  "aws.p6-b200.48xlarge.block": "Capacity Block, us-east-1, 2026-07-22 ($12.355 a GPU-hour; $74.88 on 2026-01-31)",
  "aws.p6-b300.48xlarge.ondemand":
    "8 x B300, us-west-2 only (the one region with an on-demand price), $17.802 a GPU-hour",
  "aws.p6-b300.48xlarge.reserved1y": "$142.416 x (1 - 0.41) = $84.0254; no 1-year list price found",
  "aws.p6-b300.48xlarge.reserved3y": "$142.416 x (1 - 0.64) = $51.2698; no 3-year list price found",
  "aws.p6-b300.48xlarge.block": "Capacity Block, us-east-1, 2026-07-22 ($14.04 a GPU-hour)",
  "aws.u-p6e-gb200x72.block":
    "a whole GB200 NVL72 UltraServer as a Capacity Block (Dallas Local Zone), $10.582 a GPU-hour; P6e-GB200 has no on-demand price",
  "aws.p4d.24xlarge.ondemand":
    "8 x A100 40GB, us-east-1, after the 2025 cut ($32.77 before). Vantage's unlabelled 'reserved' figure, $13.921094, is 36.6% off, consistent with a 1-year term.",
  "aws.p4d.24xlarge.reserved1y": "$21.957642 x (1 - 0.41) = $12.955; no 1-year list price with a stated term was found",
  "aws.p4d.24xlarge.reserved3y": "$21.957642 x (1 - 0.64) = $7.9048; no 3-year list price found",
  "aws.p4d.24xlarge.block": "Capacity Block, us-east-1, 2026-07-22",
  "aws.p4de.24xlarge.ondemand": "8 x A100 80GB, us-east-1 ($40.96576 in 2023)",
  "aws.p4de.24xlarge.reserved1y":
    "$27.44705 x (1 - 0.41) = $16.1938; no 1-year list price with a stated term was found",
  "aws.p4de.24xlarge.reserved3y": "$27.44705 x (1 - 0.64) = $9.8809; no 3-year list price found",
  "aws.p4de.24xlarge.block": "Capacity Block, us-east-1, 2026-07-22",
  "aws.p3dn.24xlarge.ondemand": "8 x V100 32GB, us-east-1 (p3.16xlarge, 8 x V100 16GB, is $24.48)",
  "aws.trn2.48xlarge.block":
    "16 Trainium2, Capacity Block, us-east-2, 2026-07-22 ($2.235 a chip-hour); Vantage lists no on-demand price",
  "aws.inf2.48xlarge.ondemand": "unchanged since Inf2 general availability (2023-04)",
  "aws.inf2.48xlarge.reserved1y":
    "$12.98127 x (1 - 0.41) = $7.6589; Vantage's unlabelled 'reserved' figure is $8.1782 (37% off)",
  "aws.inf2.48xlarge.reserved3y": "$12.98127 x (1 - 0.64) = $4.6733; no 3-year list price found",
  // ------------------------------------------------------------------ Azure
  "azure.nd96isr_h100_v5.ondemand":
    "East US, Linux pay-as-you-go in a capture of the Azure retail prices API dated 2026-09-16 (one source), unchanged from the 2023-12 list: Azure did not follow AWS's 2025 cut",
  "azure.nd96isr_h100_v5.reserved1y": "$98.32 x (1 - 0.25) = $73.74; no 1-year reservation price was found",
  "azure.nd96isr_h100_v5.reserved3y": "$98.32 x (1 - 0.49) = $50.1432; no 3-year reservation price was found",
  "azure.nd96isr_h100_v5.spot": "Linux spot, East US, same capture ($2.27 a GPU-hour; Windows low-priority $41.094)",
  "azure.nd96isr_h200_v5.ondemand":
    "$13.09 a GPU-hour x 8 (a 2026-01-02 summary; region not given). Another document gives $84.80/h in West US 3 (2026-04-20) but prices AWS p5 stale, so it is not taken. Both are single sources.",
  "azure.nd96isr_h200_v5.reserved3y":
    "a 3-year reservation in East US 2 of $1,109,592 (a cost appendix citing prices.azure.com) / 26,280 h = $42.2219/h; one source",
  "azure.nd96amsr_a100_v4.ondemand":
    "8 x A100 80GB, East US: $4.10 / $3.53 / $2.13 a GPU-hour on demand / 1-year / 3-year",
  "azure.nd96asr_v4.ondemand": "8 x A100 40GB, East US: $3.40 / $2.83 / $1.70 a GPU-hour",
  "azure.nd40rs_v2.ondemand": "8 x V100 32GB, East US: $2.75 / $2.29 / $1.70 a GPU-hour",
  // ------------------------------------------------------------------ Google Cloud
  "gcp.a3-highgpu-8g.ondemand":
    "us-central1, $11.06 a GPU-hour x 8 (Epoch AI's archive of Google's pricing page, 2025-03-17); about $88.49 again on 2026-04-20",
  "gcp.a3-highgpu-8g.reserved1y":
    "Google's 1-year committed-use list price, $7.67 a GPU-hour x 8. The founding edition derived $55.755 from a typical discount, 9% too low.",
  "gcp.a3-highgpu-8g.reserved3y": "Google's 3-year committed-use list price, $4.86 a GPU-hour x 8",
  "gcp.a3-megagpu-8g.ondemand":
    '8 x H100 with more network bandwidth; about $93.40/h in us-central1 (one document, 2026-04-20). The standard a3-highgpu-8g is listed first, so "gcp" picks it; select this one with "gcp.a3-megagpu-8g".',
  "gcp.a3-megagpu-8g.spot": "Spot in us-west1 (0-5% preemption), from a Capacity Advisor screenshot; one source",
  "gcp.a3-ultragpu-8g.ondemand":
    "8 x H200, us-central1 ('confirmed Apr 2026', one document; another gives $10.85 a GPU-hour, 2026-01-02). EU and Asia prices rose from 2026-05-01.",
  "gcp.ct4p-hightpu-4t.ondemand":
    "TPU v4 at $3.22 / $2.03 / $1.45 a chip-hour on demand / 1-year / 3-year (us-central2-b) x 4 chips of the smallest host",
  "gcp.ct5lp-hightpu-1t.ondemand": "TPU v5e per chip-hour, us-central1; unchanged since 2024-08-26",
  "gcp.ct5lp-hightpu-1t.gpus": "TPU v5e is priced per chip-hour: a 1-chip machine type",
  "gcp.ct5p-hightpu-4t.ondemand":
    "TPU v5p at $4.20 a chip-hour (SkyPilot's catalogue of Google's prices; the snapshot's date is not shown, so dated 2025) x 4 chips of the smallest slice",
  "gcp.ct5p-hightpu-4t.reserved1y":
    "$16.80 x (1 - 0.30) = $11.76 ($2.94 a chip-hour); no v5p commitment price was read. The 30% is the 1-year discount of Google's v5e and v6e list prices.",
  "gcp.ct5p-hightpu-4t.reserved3y":
    "$16.80 x (1 - 0.55) = $7.56 ($1.89 a chip-hour); the 55% is the 3-year discount of Google's v5e and v6e list prices",
  "gcp.ct5p-hightpu-4t.spot": "$1.68 a chip-hour spot in us-central1 (SkyPilot's catalogue) x 4",
  "gcp.ct6e-standard-1t.ondemand":
    "TPU v6e (Trillium) per chip-hour in Epoch AI's 2025-03-03 archive (Google's US price; europe-west4 $2.97, Japan $3.24)",
  "gcp.ct6e-standard-1t.spot": "us-central1 spot per chip-hour (SkyPilot's catalogue; snapshot date not shown)",
  // ------------------------------------------------------------------ Lambda, Oracle, CoreWeave
  "lambda.gpu_8x_h100_sxm5.ondemand":
    "$2.99 a GPU-hour x 8, the last archived 8-GPU list price (2024-09-01). Later single-GPU prices: $3.29 (2025-02), $3.78 (2026-05, a secondary page); reservations about $1.85 (2026-04, one source).",
  "lambda.gpu_1x_a100_sxm4.ondemand": "1 x A100 SXM4 40GB, $1.29 a GPU-hour since 2024-07",
  "oracle.bm.gpu.h100.8.ondemand": "$10 a GPU-hour x 8, unchanged from 2023-10-23 to 2025-03-17",
  "oracle.bm.gpu.h200.8.ondemand": "$10 a GPU-hour x 8 (a 2026-01-02 summary; one source)",
  "oracle.bm.gpu.h200.8.reserved3y":
    "$5 a GPU-hour x 8 for a 3-year commitment (Economize, via a cost appendix; one source)",
  "oracle.bm.gpu.a100-v2.8.ondemand": "8 x A100 80GB at $4 a GPU-hour",
  "oracle.bm.gpu4.8.ondemand": "8 x A100 40GB at $3.05 a GPU-hour (Epoch AI's archive names the shape BM.GPU.A4.8)",
  "coreweave.hgx-h100.ondemand":
    "the 'NVIDIA HGX H100' row of CoreWeave's pricing page, an 8-GPU node ($6.155 a GPU-hour), captured 2026-09 in a code fixture whose repository could not be identified: one source",
  "coreweave.hgx-h100.spot": "same capture ($2.46 a GPU-hour)",
  "coreweave.hgx-h200.ondemand": "8 x H200, $6.305 a GPU-hour (a 2026 cost appendix; $6.50 in a 2026-01-02 summary)",
  "coreweave.hgx-b200.ondemand": "8 x B200, $8.60 a GPU-hour, same capture as H100; GB300 NVL72 is 'contact sales'",
  "coreweave.hgx-b200.spot": "same capture ($4.26 a GPU-hour)",
  // ------------------------------------------------------------------ market
  "market.h100.gpus": "the market's quotes are per GPU-hour: an instance of one GPU, so no whole-node rounding",
  "market.h200.gpus": "per GPU-hour, as the quotes are",
  "market.b200.gpus": "per GPU-hour, as the quotes are",
  "market.h100.ondemand":
    "median of four dated 2026 specialist on-demand quotes per GPU-hour: Silicon Data's SDH100RT index ~$2.60, RunPod 8 x H100 $2.79 (2026-04), Lambda 1 x $3.78 (2026-05-07), CoreWeave $6.155 (2026-09): (2.79 + 3.78) / 2 = $3.285. Range $2.60-6.16; Mercatus puts specialty clouds at $2.50-3.50 and hyperscalers at $3.50-5.00 (2026-05); Vast.ai's spot floor was $1.52.",
  "market.h100.reserved1y":
    "SemiAnalysis's H100 1-year contract index: $1.70 at the 2025-10 trough, $2.35 (2026-03), about $2.65 (about 2026-06), read through secondary reports",
  "market.h100.spot":
    "an H100 spot index at $2.42 in late June 2026, about 40% below its May 2026 peak (one secondary report)",
  "market.h200.ondemand":
    "median of ten dated 2026 specialist on-demand quotes per GPU-hour: Vultr 1.99, Sesterce 2.25, packet.ai 2.25 (2026-06), FluidStack 2.30, Nebius 2.30, Hyperstack 3.50, RunPod 3.59, JarvisLabs 3.80 (these 2026-01-02), Spheron 4.54 (2026-03-17), CoreWeave 6.305: (2.30 + 3.50) / 2 = $2.90. Range $1.99-6.31.",
  "market.b200.ondemand":
    "median of four dated 2026 on-demand quotes per GPU-hour: packet.ai $3.75 ('lowest of 26 providers', 2026-06), Silicon Data's SDB200RT ~$5.30, Spheron $6.03 (2026-03-17), CoreWeave $8.60 (2026-09): (5.30 + 6.03) / 2 = $5.665. Lyceum gives $4.50-6.00 (2026-03); AWS p6-b200 is $14.24.",
  "market.b200.spot": "Spheron's B200 spot (2026-03-17); Lyceum: 'spot from $2.25'",
  // ------------------------------------------------------------------ Facility
  "facility.pue":
    "hyperscale: Epoch AI uses 1.1 for hyperscalers and Google's fleet ran at 1.10 in 2023. Colocation sites run 1.25-1.5 (Epoch AI 1.25; new large facilities 1.3 or better); the industry's weighted average is about 1.54 (Uptime Institute 2025). Set 1.25-1.5 for owned nodes in colocation.",
  "facility.electricity":
    "US average industrial price, 2025 (2024: $0.0771; 2023: $0.0806); one report gives 9.77 cents for July 2026",
  "facility.average_draw": "average power over rated power for GPUs (0.43 for TPUs in Epoch AI's model)",
  "facility.colocation":
    "CBRE's North America primary-market rate $184.06/kW-month (H2 2024) x 1.025 (its +2.5% for H1 2025) = $188.66. A secondary copy gives $194.95 for H2 2025; the global average was $217.30 (Q1 2025).",
  "facility.operations":
    "kept from the founding analysis (staff, support and spares at ~6% of capex a year); no newer public figure was found",
  "facility.network_share": "InfiniBand or Ethernet NICs, cables and switches as a share of cluster cost (Epoch AI)",
  "facility.depreciation_years":
    "5 years: Epoch AI's server life from 2023 and Amazon's for part of its servers from 2025; Meta books 5.5, Microsoft and Alphabet 6. A conservative case is 3 years (lenders amortise GPU loans over ~36 months).",
  "facility.grid_intensity":
    "US utility-scale generation in 2023: 1,532 million t CO2 / 4,183,271 million kWh = 0.366 kg/kWh (EIA's 0.81 lb/kWh). EIA counts CO2 only (not other gases) and the US average; 2022 was 0.39. Use your region's or supplier's factor for a market-based figure.",
  // ------------------------------------------------------------------ Methods
  "method.training_mfu":
    "Llama 3.1 405B reached 38-43% BF16 MFU on 8,192-16,384 H100s (Meta, Table 4): 0.40 is the middle, rounded. With goodput 0.9: 6 x 405e9 x 15.6e12 / (989.4e12 x 0.40 x 0.9) / 3600 = 29.6M GPU-hours against Meta's reported 30.84M (-4%). Epoch AI's median of large runs is 37.5%.",
  "method.decode_batch":
    "the cap on the serving model's throughput-optimal batch, per copy of a model. MLPerf Inference v5.0, NVIDIA's closed llama2-70b Offline configuration: gpu_batch_size 1,024 per H100 engine of 2 GPUs = 512 per H100; 2,048 per H200 and per B200; a vLLM submission (Krai, H200) capped max_num_seqs at 1,024; engines run 806-3,072 per copy of a dense model. Dense models saturate below it (294-422 in the calibration); for mixtures of experts it stands in for routing and all-to-all costs the roofline lacks, and 512 fitted best among 512-4,096 (scripts/calibrate-serving.ts).",
  "method.model_params":
    "kept from the founding analysis (GPT-3 175B) so QUERYCOST's default query stays comparable across editions; reference models (model.*) give 2026 shapes",
  "method.prompt_tokens":
    "kept from the founding analysis (~500 prompt and ~500 output tokens): no public 2026 average of a chat query's tokens was found",
  "method.output_tokens": "see prompt tokens",
  "method.peak_to_average": "kept from the founding analysis: fleets sized for average load",
  "method.goodput":
    "Meta: more than 90% effective training time for Llama 3 on 16K H100s despite 466 interruptions in 54 days (419 unexpected); Microsoft's Lucia Training Platform reports 94.45% effective accelerator utilization over five months (2025). 0.9 is Meta's floor, at the scale of a frontier run.",
  "chip.unit_cost":
    "kept from the founding edition: no 2026 manufacturing cost of a custom accelerator (Maia 200 included) has been published",
  "chip.nre_per_year": "kept from the founding edition (F10: hundreds of millions a year)",
  "chip.years": "kept from the founding edition (Apple: P.A. Semi 2008, A4 2010)",
  // ------------------------------------------------------------------ Finance
  "finance.cost_of_capital":
    "CoreWeave's debt at 2025-06-30, weighted by principal: DDTL 1.0 $1.78B at 15%, DDTL 2.0 $4.95B at 11%, 2030 notes $2.0B at 10%, OEM financing $1.73B at 9-10% (9.5 taken), revolver $0.45B at 7%, Magnetar $0.26B at 12%: $1,238.8M of yearly interest / $11,171.5M = 11.1%, rounded to 11%. This is a GPU cloud's cost of debt secured on GPUs, the marginal financing of a GPU purchase; lenders quote 10-17% (SOFR + 500-700 bp). It is not a WACC: no published WACC of a GPU cloud was found, and equity would raise it.",
  "finance.residual_value":
    "derived: what Epoch AI's price decline leaves after the 5-year life, (1 - 0.276)^5 = 0.199, rounded to 0.2. The lenders' 15-20% a year would leave 0.33-0.44. Reseller listings (V100 HGX-2 boards at $9,527 a GPU in 2025-03 against $11,500-13,700 list; A100 80GB at $17,349-17,499) are asking prices in a shortage, not sales, so they are not taken.",
  "finance.price_decline":
    "Epoch AI's ML GPU price-performance trend, +0.14 orders of magnitude a year: a fixed-performance GPU loses 1 - 10^-0.14 = 27.6% of its value a year. This is the rate Epoch AI's amortised training costs charge (0.14 x ln 10 = 32.2% a year, continuously), so 'amortized' pricing reproduces them. Lenders assume 15-20% a year (USD.AI); one lender says 30-50% over 2-3 years.",
  // ------------------------------------------------------------------ Serving
  "serving.prefill_efficiency":
    "fitted: the share of peak that prompt processing reaches, attention over the prompt included; set mostly by Llama 3.1 405B's 9,429-token prompts (MLPerf Inference v5.1, DGX B200). Calibration RMS ln error 0.115 over 6 results, 0.272 over 30 held out (docs/serving.md).",
  "serving.decode_efficiency":
    "fitted: the share of peak the decode matrix multiplies reach at large batch; set mostly by the Llama 2 70B Offline results (8xH100 3,066, 8xH200 3,913, B200 FP4 12,691 tokens/s a GPU).",
  "serving.bandwidth_efficiency":
    "fitted: the effective bandwidth of KV-cache reads (and of weight reads at small batch); the dense results barely constrain it, DeepSeek-R1 on B200 sets it. It makes batch-1 figures conservative.",
  "serving.memory_usable":
    "not fitted (the published results move by less than 0.001 with it): the share of HBM serving engines give weights and KV cache by default, TensorRT-LLM 0.90-0.95, vLLM 0.93-0.98.",
  // ------------------------------------------------------------------ Models
  "model.llama-2-70b.params":
    "from config.json: 80 layers x (attention 2 x 8192^2 + 2 x 8192 x 1024, MLP 3 x 8192 x 28672) + 2 x 32000 x 8192 embeddings = 68.98B ('70B'). MLPerf Inference's benchmark model.",
  "model.llama-2-70b.active_params": "a dense model: every parameter is active",
  "model.llama-3.1-8b.params":
    "from config.json: 32 layers x (2 x 4096^2 + 2 x 4096 x 1024 + 3 x 4096 x 14336) + 2 x 128256 x 4096 = 8.03B",
  "model.llama-3.1-8b.active_params": "a dense model: every parameter is active",
  "model.llama-3.3-70b.params":
    "from config.json: 80 layers x (2 x 8192^2 + 2 x 8192 x 1024 + 3 x 8192 x 28672) + 2 x 128256 x 8192 = 70.55B",
  "model.llama-3.3-70b.active_params": "a dense model: every parameter is active",
  "model.llama-3.1-405b.params":
    "from config.json: 126 layers x (2 x 16384^2 + 2 x 16384 x 1024 + 3 x 16384 x 53248) + 2 x 128256 x 16384 = 405.85B ('405B')",
  "model.llama-3.1-405b.active_params": "a dense model: every parameter is active",
  "model.deepseek-v3.params":
    "671B main model (the released checkpoint adds a 14B multi-token-prediction module: 685B)",
  "model.deepseek-v3.active_params": "37B activated per token (8 of 256 routed experts plus 1 shared)",
  "model.deepseek-v3.kv_heads":
    "Multi-head latent attention caches one 512-d compressed latent plus one 64-d RoPE key per token per layer: 576 values, not K and V per head. The engine caches layers x kv_heads x head_dim x 2 values, so kv_heads = 1 and head_dim = 576 / 2 = 288 give the same bytes.",
  "model.deepseek-v3.head_dim": "288 = (512 + 64) / 2: see kv_heads",
  "model.gpt-oss-120b.params":
    "116.83B total, of which the MoE experts (128, 4 active) hold most; weights ship in MXFP4",
  "model.gpt-oss-120b.active_params": "5.13B active per token",
  "model.gpt-oss-120b.kv_heads":
    "8 KV heads of 64 dims in every layer. Half the layers use a 128-token sliding window, whose cache stops growing; the full figures overstate the cache at long contexts by up to 2x (an approximation).",
  "model.gpt-3.kv_heads": "96 heads, no grouped-query attention",
  // ------------------------------------------------------------------ APIs
  "api.gpt-4o.input": '$2.50 in / $10.00 out per million tokens: =GPU.APICOST("gpt-4o",1E6,1E6) = 12.50',
  "api.gpt-4.1.input": "$2.00 in / $8.00 out; cached input $0.50",
  "api.gpt-5.input": "$1.25 in / $10.00 out (reasoning tokens bill as output); later GPT-5.x models list $2.50-5.00 in",
  "api.claude-sonnet-4.5.input": "$3 in / $15 out for prompts up to 200K tokens",
  "api.claude-sonnet-4.6.input": "$3 in / $15 out; released 2026-02-17",
  "api.claude-haiku-4.5.input": "$1 in / $5 out",
  "api.claude-opus-4.5.input": "$5 in / $25 out (Opus 4.5 to 4.8 and Opus 5 list the same)",
  "api.gemini-2.5-pro.input": "$1.25 in / $10 out up to 200K-token prompts; $2.50 / $15 above",
  "api.gemini-2.5-flash.input": "$0.30 in (text, image, video) / $2.50 out, thinking tokens included in output",
  "api.gemini-3.1-pro.input": "preview pricing, $2 in / $12 out up to 200K-token prompts",
  "api.deepseek-v3.input":
    "deepseek-chat at V3's list price (cache miss $0.27, cache hit $0.07, output $1.10; off-peak discounts not taken). DeepSeek has since moved deepseek-chat to newer models.",
  "api.deepseek-r1.input": "deepseek-reasoner, cache miss $0.55 / output $2.19",
  "api.llama-3.3-70b.input":
    "Together AI's Llama 3.3 70B Instruct Turbo (FP8), $0.88 in and out, recorded in LiteLLM's price data: the most-cited host list price. Other hosts: AWS Bedrock's Llama 3.1 70B $0.55 in / $2.20 out (2026-03, one report). Hosted 70B prices span about $0.5-2.2 per million tokens.",
};
