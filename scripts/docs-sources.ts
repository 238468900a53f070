/**
 * Writes docs/sources.md from the data of every shipped edition of the price book: each
 * edition's sources with the figures each supports, its derived and fitted figures, and its
 * notes (why a value was taken among disagreeing sources, ranges, arithmetic). Run it after
 * adding an edition: `npx tsx scripts/docs-sources.ts`. test/docs/sources.test.ts fails when
 * the committed file differs from what this renders.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { EDITIONS, PriceBook, shippedEditions, loadEditions, type Assumption } from "../src/pricing";
import { EDITION_NOTES, loadAllNotes } from "../src/pricing/book/notes";
import { SRC as SRC_2023_10_1 } from "../src/pricing/book/editions/2023.10-1/sources";
import { SRC as SRC_2026_11_1 } from "../src/pricing/book/editions/2026.11-1/sources";

/** Each edition's table of publications (its sources.ts). A new edition adds its line here. */
export const SOURCE_TABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "2023.10-1": SRC_2023_10_1,
  "2026.11-1": SRC_2026_11_1,
};

/**
 * Full references of the founding edition's sources, whose frozen table names them briefly
 * (carried over from the 0.1 sources document).
 */
const FOUNDING_REFERENCES: Readonly<Record<string, { publisher: string; cites: string; date: string; url: string }>> = {
  nvidiaH100: {
    publisher: "NVIDIA",
    cites: "H100 Tensor Core GPU datasheet (SXM and PCIe columns: dense = sparse / 2)",
    date: "2023-03",
    url: "https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet",
  },
  nvidiaH100PcieBrief: {
    publisher: "NVIDIA",
    cites: "H100 PCIe GPU product brief, PB-11133-001 v02 (80 GB HBM2e, > 2,000 GB/s, 350 W max TDP)",
    date: "2022-11",
    url: "",
  },
  nvidiaH200: {
    publisher: "NVIDIA",
    cites: "H200 Tensor Core GPU datasheet (141 GB HBM3e, 4.8 TB/s, up to 700 W)",
    date: "2023-11",
    url: "https://www.nvidia.com/en-us/data-center/h200/",
  },
  nvidiaB200: {
    publisher: "NVIDIA",
    cites:
      "Blackwell platform announcement, GTC 2024 (B200: 192 GB HBM3e, 8 TB/s, 2.25 PFLOP/s dense FP16/BF16, 4.5 PFLOP/s dense FP8, 1,000 W)",
    date: "2024-03-18",
    url: "https://nvidianews.nvidia.com/news/nvidia-blackwell-platform-arrives-to-power-a-new-era-of-computing",
  },
  nvidiaA100: {
    publisher: "NVIDIA",
    cites: "A100 Tensor Core GPU datasheet",
    date: "2021",
    url: "https://www.nvidia.com/en-us/data-center/a100/",
  },
  nvidiaDgxH100: {
    publisher: "NVIDIA",
    cites: "DGX H100 datasheet (8 GPUs, 10.2 kW max)",
    date: "2023-03",
    url: "https://www.nvidia.com/en-us/data-center/dgx-h100/",
  },
  nvidiaDgxH200: {
    publisher: "NVIDIA",
    cites: "DGX H200 datasheet (8 GPUs, 10.2 kW max)",
    date: "2024",
    url: "https://www.nvidia.com/en-us/data-center/dgx-h200/",
  },
  nvidiaDgxB200: {
    publisher: "NVIDIA",
    cites: "DGX B200 datasheet (8 GPUs, 1,440 GB GPU memory, 14.3 kW max)",
    date: "2024",
    url: "https://www.nvidia.com/en-us/data-center/dgx-b200/",
  },
  nvidiaDgxA100: {
    publisher: "NVIDIA",
    cites: "DGX A100 datasheet (8 GPUs, 6.5 kW max)",
    date: "2020-05",
    url: "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/nvidia-dgx-a100-datasheet.pdf",
  },
  nvidiaDgxA100Launch: {
    publisher: "NVIDIA",
    cites: "DGX A100 launch announcement ($199,000)",
    date: "2020-05-14",
    url: "https://nvidianews.nvidia.com/",
  },
  cnbcB200Price: {
    publisher: "CNBC",
    cites: '"Nvidia\'s Blackwell AI chip will cost more than $30,000, CEO says" (Jensen Huang: $30,000-40,000)',
    date: "2024-03-19",
    url: "https://www.cnbc.com/2024/03/19/nvidias-blackwell-ai-chip-will-cost-more-than-30000-ceo-says.html",
  },
  amdMi300x: {
    publisher: "AMD",
    cites:
      "Instinct MI300X accelerator datasheet (192 GB HBM3, 5.3 TB/s, 750 W; 1,307.4 TFLOP/s dense FP16/BF16, 2,614.9 FP8/INT8, 653.7 TF32)",
    date: "2023-12",
    url: "https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html",
  },
  amdMi300xPlatform: {
    publisher: "AMD",
    cites: "Instinct MI300X Platform: 8 OAM accelerators on one universal baseboard",
    date: "2023-12",
    url: "https://www.amd.com/en/products/accelerators/instinct/mi300/platform.html",
  },
  googleTpuV5e: {
    publisher: "Google Cloud",
    cites:
      "Cloud TPU v5e documentation, system architecture (197 TFLOP/s BF16, 393 TOP/s INT8, 16 GB HBM2, 819 GB/s, 8 chips per host)",
    date: "2024",
    url: "https://cloud.google.com/tpu/docs/v5e",
  },
  googleTpuV5p: {
    publisher: "Google Cloud",
    cites:
      "Cloud TPU v5p documentation, system architecture (459 TFLOP/s BF16, 95 GB HBM2e, 2,765 GB/s; 2x2x1 slice = 4 chips on 1 host)",
    date: "2024",
    url: "https://cloud.google.com/tpu/docs/v5p",
  },
  googleTpuPricing: {
    publisher: "Google Cloud",
    cites: "Cloud TPU pricing page (v5e $1.20 / $0.84 / $0.54 per chip-hour on demand / 1y / 3y)",
    date: "2024-08",
    url: "https://cloud.google.com/tpu/pricing",
  },
  gcpGpuPricing: {
    publisher: "Google Cloud",
    cites: "Compute Engine GPU and accelerator-optimized VM pricing, us-central1 (a3-highgpu-8g about $88.5/h)",
    date: "2025-03",
    url: "https://cloud.google.com/compute/gpus-pricing",
  },
  awsNeuronTrainium2: {
    publisher: "Amazon Web Services",
    cites:
      "AWS Neuron documentation: Trainium2 architecture, Trn2 architecture, NKI Trainium2 guide (667 TFLOP/s BF16/FP16/TF32, 1,299 FP8, 96 GiB, 2.9 TB/s, 16 chips per trn2.48xlarge)",
    date: "2024-12",
    url: "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/trn2-arch.html",
  },
  awsNeuronInferentia2: {
    publisher: "Amazon Web Services",
    cites:
      "AWS Neuron documentation: Inf2 architecture, NKI Trainium/Inferentia2 guide (190 TFLOP/s FP8/FP16/BF16/TF32, 32 GiB, 820 GB/s, 12 chips per inf2.48xlarge)",
    date: "2023-04",
    url: "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/inf2-arch.html",
  },
  awsPricing: {
    publisher: "Amazon Web Services",
    cites: "Amazon EC2 On-Demand and Reserved Instance pricing, us-east-1, Linux",
    date: "2023",
    url: "https://aws.amazon.com/ec2/pricing/on-demand/",
  },
  microsoftMaiaHotChips: {
    publisher: "Microsoft",
    cites:
      'Maia 100 presentation, Hot Chips 2024 (also in M. Russinovich, "Inside Microsoft AI hardware innovation", 2024): 64 GB HBM2E, 1.8 TB/s, 0.8 POPS dense BF16, 700 W design / 500 W provisioned TDP',
    date: "2024-08",
    url: "https://hotchips.org/",
  },
  azurePricing: {
    publisher: "Microsoft",
    cites: "Azure Linux Virtual Machines pricing, pay-as-you-go (ND96isr H100 v5 $98.32/h East US)",
    date: "2023-12",
    url: "https://azure.microsoft.com/pricing/details/virtual-machines/linux/",
  },
  lambdaPricing: {
    publisher: "Lambda",
    cites: "Lambda Cloud GPU pricing page (H100 SXM $1.99-3.49 per GPU-hour over 2023-06 to 2025-02)",
    date: "2025-02",
    url: "https://lambdalabs.com/service/gpu-cloud",
  },
  lambdaScalarTco: {
    publisher: "Lambda",
    cites: '"NVIDIA A100 server total cost of ownership" blog post (Scalar server with 8 PCIe GPUs)',
    date: "2021",
    url: "https://lambdalabs.com/blog/tesla-a100-server-total-cost-of-ownership/",
  },
  ociPricing: {
    publisher: "Oracle",
    cites: "Oracle Cloud Infrastructure compute pricing (BM.GPU.H100.8 $10 per GPU-hour)",
    date: "2023-10",
    url: "https://www.oracle.com/cloud/compute/pricing/",
  },
  epochHardwarePrices: {
    publisher: "Epoch AI",
    cites:
      "ML hardware prices dataset (HGX H100 8-GPU server quotes $248,956 / $270,480 / $288,142, 2023-09 / 2024-02 / 2024-07)",
    date: "2024",
    url: "https://epoch.ai/data",
  },
  epochCostModel: {
    publisher: "Epoch AI",
    cites:
      'Cottier et al., "The rising costs of training frontier AI models" / "How much does it cost to train frontier AI models?" and its method defaults (PUE, average draw, network share, MFU, server ~1.64x its GPUs, typical commitment discounts AWS 41/64%, GCP 37/56%, Azure 25/49%)',
    date: "2024",
    url: "https://epoch.ai/blog/how-much-does-it-cost-to-train-frontier-ai-models",
  },
  raymondJames: {
    publisher: "Raymond James (analyst note), reported by Barron's and the Financial Times",
    cites: "H100 cost to make about $3,320; street price $25K-30K",
    date: "2023",
    url: "",
  },
  referenceFigures: {
    publisher: "this project",
    cites:
      "`shared/reference/figures.md`, \u00a72-3: compiled figures whose primary publisher is not recorded there (H200 per-GPU price in HGX $33.8K 2024-03 / $39.1K 2025-01; MI300X about $25.7K, 2025-02 reseller listing; Trainium2 500 W TDP, attributed to AWS)",
    date: "2025",
    url: "",
  },
  nextPlatform: {
    publisher: "The Next Platform",
    cites:
      '"OpenAI To Join The Custom AI Chip Club?", building on "H100 GPU Instance Pricing On AWS: Grin And Bear It" (2023-07-27)',
    date: "2023-10-06",
    url: "https://www.nextplatform.com/2023/07/27/h100-gpu-instance-pricing-on-aws-grin-and-bear-it/ (the 2023-07 article)",
  },
  eia: {
    publisher: "US Energy Information Administration, via Epoch AI",
    cites: "Average price of electricity to industrial customers ($0.0806/kWh 2023, $0.0771 2024)",
    date: "2024",
    url: "https://www.eia.gov/electricity/monthly/",
  },
  coloQuotes: {
    publisher: "industry quotes",
    cites: "Colocation about $150-200 per kW of IT power per month",
    date: "2023",
    url: "",
  },
  kipply: {
    publisher: "kipply (Carol Chen)",
    cites:
      '"Transformer Inference Arithmetic": at small batch, decoding a token reads every weight once, so memory bandwidth sets the speed',
    date: "2022-03",
    url: "https://kipp.ly/transformer-inference-arithmetic/",
  },
  gpt3: {
    publisher: "Brown et al., OpenAI",
    cites: '"Language Models are Few-Shot Learners" (GPT-3, 175B parameters)',
    date: "2020-05",
    url: "https://arxiv.org/abs/2005.14165",
  },
  projectF8: {
    publisher: "this project",
    cites:
      'Query size (500 prompt + 500 output tokens) and average-load provisioning chosen so that the defaults reproduce F8 (Bernstein via Reuters); see README, "Worked examples"',
    date: "2023-10",
    url: "",
  },
  reuters: {
    publisher: "Reuters",
    cites: '"Exclusive: ChatGPT-owner OpenAI is exploring making its own AI chips" (F8, F10)',
    date: "2023-10-06",
    url: "https://www.reuters.com/technology/chatgpt-owner-openai-is-exploring-making-its-own-ai-chips-sources-2023-10-06/",
  },
  appleA4: {
    publisher: "Apple / press",
    cites: "P.A. Semi acquisition (2008-04); A4 shipped in the first iPad (2010-04) (F10)",
    date: "2010-04",
    url: "",
  },
};

export const OUTPUT = path.join(__dirname, "..", "docs", "sources.md");

/** Markdown table cell: no pipes or line breaks. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

function formatValue(a: Assumption): string {
  const v = a.shipped.value;
  const text = Math.abs(v) >= 1e6 && Number.isInteger(v) ? v.toExponential().replace("e+", "E") : String(v);
  return `${text} ${a.shipped.unit}`;
}

/** "aws.p5.48xlarge: ondemand, block; h100-sxm: node_price": keys grouped by all but their last part. */
function compactKeys(keys: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const dot = key.lastIndexOf(".");
    const owner = dot > 0 ? key.slice(0, dot) : key;
    const field = dot > 0 ? key.slice(dot + 1) : "";
    groups.set(owner, [...(groups.get(owner) ?? []), field]);
  }
  return [...groups].map(([owner, fields]) => `\`${owner}\`: ${fields.join(", ")}`).join("; ");
}

function renderEdition(edition: string): string[] {
  const entry = shippedEditions().find((e) => e.data.version === edition);
  const data = EDITIONS.get(edition);
  const table = SOURCE_TABLES[edition];
  if (!entry || !data || !table) throw new Error(`docs-sources: no data or source table for edition ${edition}`);
  const assumptions = [...new PriceBook(data).assumptions.values()];
  const notes = EDITION_NOTES.get(edition) ?? {};
  const lines: string[] = [];
  const founding = edition === "2023.10-1";

  lines.push(`## Edition ${edition}`, "");
  lines.push(
    `${assumptions.length} figures, ${data.accelerators.length} accelerators, ${data.instances.length} instances at ${new Set(data.instances.map((i) => i.provider)).size} providers, ${Object.keys(table).length} sources.`,
    "",
  );

  lines.push(`### Sources of ${edition}`, "");
  if (founding) {
    lines.push(
      "| key (`SRC.`) | publisher | what is cited | date | URL | figures it supports |",
      "|---|---|---|---|---|---|",
    );
  } else {
    lines.push("| key (`SRC.`) | publication | figures it supports |", "|---|---|---|");
  }
  const matched = new Set<Assumption>();
  for (const [key, text] of Object.entries(table)) {
    const supports = assumptions.filter((a) => a.shipped.source.includes(text));
    supports.forEach((a) => matched.add(a));
    const keys = supports.length ? compactKeys(supports.map((a) => a.key)) : "(cited in notes only)";
    if (founding) {
      const ref = FOUNDING_REFERENCES[key];
      lines.push(
        `| \`${key}\` | ${cell(ref?.publisher ?? "")} | ${cell(ref?.cites ?? text)} | ${ref?.date ?? ""} | ${ref?.url || "—"} | ${cell(keys)} |`,
      );
    } else {
      lines.push(`| \`${key}\` | ${cell(text)} | ${cell(keys)} |`);
    }
  }
  lines.push("");

  const other = assumptions.filter((a) => !matched.has(a));
  if (other.length) {
    const bySource = new Map<string, string[]>();
    for (const a of other) bySource.set(a.shipped.source, [...(bySource.get(a.shipped.source) ?? []), a.key]);
    lines.push(
      founding
        ? `### Figures given to ${edition} for keys added after it shipped (\`2023.10-1.later.ts\`), and other sources`
        : `### Figures citing no publication of the table above`,
      "",
      "| source | figures |",
      "|---|---|",
    );
    for (const [source, keys] of bySource) lines.push(`| ${cell(source)} | ${cell(compactKeys(keys))} |`);
    lines.push("");
  }

  const derived = assumptions.filter((a) => /^(Derived|Fitted)/.test(a.shipped.source));
  if (derived.length) {
    lines.push(
      `### Derived and fitted figures of ${edition}`,
      "",
      "A figure whose source starts with `Derived` was computed from the sources it names; one that starts with `Fitted` was fitted to published results. The note shows how.",
      "",
      "| figure | value | as of | how |",
      "|---|---|---|---|",
    );
    for (const a of derived) {
      lines.push(
        `| \`${a.key}\` | ${formatValue(a)} | ${a.shipped.asOf} | ${cell(notes[a.key] ?? a.shipped.source)} |`,
      );
    }
    lines.push("");
  }

  const derivedKeys = new Set(derived.map((a) => a.key));
  const byKey = new Map(assumptions.map((a) => [a.key, a]));
  const rest = Object.entries(notes).filter(([key]) => !derivedKeys.has(key));
  if (rest.length) {
    lines.push(
      `### Where sources disagree, ranges and caveats (${edition})`,
      "",
      "Why each value was taken, by figure (the task pane shows the same note beside it).",
      "",
    );
    for (const [key, note] of rest) {
      const a = byKey.get(key);
      const value = a ? ` = ${formatValue(a)} (${a.shipped.asOf})` : "";
      lines.push(`- \`${key}\`${value}: ${note.replace(/\s*\n\s*/g, " ")}`);
    }
    lines.push("");
  }
  return lines;
}

/** The whole document, newest edition first. */
export function renderSourcesDoc(): string {
  const editions = shippedEditions()
    .map((e) => e.data.version)
    .reverse();
  const lines = [
    "# Price book sources",
    "",
    "<!-- Generated by `npx tsx scripts/docs-sources.ts` from src/pricing/book/editions/: do not edit by hand. -->",
    "",
    "Every default in the price book is a figure with a value, a unit, a source and an as-of date. This document lists, for",
    "each shipped edition, the publications its figures cite and which figures each supports, the figures derived from",
    "others (with their arithmetic) and the notes on why a value was taken where sources disagree. Prices on vendors'",
    "pages change: a figure's as-of date is the date its price was true, not the date the page was read. A workbook",
    "computes with the edition it records until its user presses Update.",
    "",
    `Editions: ${editions.map((e) => `[${e}](#edition-${e.replace(/\./g, "")})`).join(", ")}.`,
    "",
  ];
  for (const edition of editions) lines.push(...renderEdition(edition));
  return `${lines.join("\n").trimEnd()}\n`;
}

if (require.main === module) {
  void Promise.all([loadEditions(), loadAllNotes()]).then(() => {
    writeFileSync(OUTPUT, renderSourcesDoc());
    console.log(`wrote ${path.relative(process.cwd(), OUTPUT)}`);
  });
}
