/**
 * Names of the publications the price book cites, written once so that a source reads the
 * same everywhere (and a reviewer can grep for it). Full references: docs/sources.md.
 */
export const SRC = {
  // NVIDIA
  nvidiaH100: "NVIDIA H100 Tensor Core GPU datasheet",
  nvidiaH100PcieBrief: "NVIDIA H100 PCIe GPU product brief (PB-11133-001)",
  nvidiaH200: "NVIDIA H200 Tensor Core GPU datasheet",
  nvidiaB200: "NVIDIA Blackwell platform announcement, GTC 2024 (B200 specifications)",
  nvidiaA100: "NVIDIA A100 Tensor Core GPU datasheet",
  nvidiaDgxH100: "NVIDIA DGX H100 datasheet (10.2 kW max for 8 GPUs)",
  nvidiaDgxH200: "NVIDIA DGX H200 datasheet (10.2 kW max for 8 GPUs)",
  nvidiaDgxB200: "NVIDIA DGX B200 datasheet (14.3 kW max for 8 GPUs)",
  nvidiaDgxA100: "NVIDIA DGX A100 datasheet (6.5 kW max for 8 GPUs)",
  nvidiaDgxA100Launch: "NVIDIA DGX A100 launch announcement",
  cnbcB200Price: "CNBC, Nvidia CEO Jensen Huang on Blackwell pricing ($30,000-40,000), 2024-03-19",
  // AMD
  amdMi300x: "AMD Instinct MI300X accelerator datasheet",
  amdMi300xPlatform: "AMD Instinct MI300X Platform (8 OAM accelerators on one baseboard)",
  // Google
  googleTpuV5e: "Google Cloud TPU v5e documentation (system architecture)",
  googleTpuV5p: "Google Cloud TPU v5p documentation (system architecture)",
  googleTpuPricing: "Google Cloud TPU pricing page",
  gcpGpuPricing: "Google Cloud Compute Engine GPU / accelerator-optimized VM pricing, us-central1",
  // AWS
  awsNeuronTrainium2: "AWS Neuron documentation, Trainium2 and Trn2 architecture",
  awsNeuronInferentia2: "AWS Neuron documentation, Inferentia2 and Inf2 architecture",
  awsPricing: "AWS EC2 pricing page, us-east-1, Linux",
  // Microsoft
  microsoftMaiaHotChips: "Microsoft, Maia 100 presentation, Hot Chips 2024",
  azurePricing: "Azure Virtual Machines pricing page, Linux pay-as-you-go",
  // Other clouds
  lambdaPricing: "Lambda Cloud GPU pricing page",
  lambdaScalarTco: "Lambda, A100 server total cost of ownership (Scalar 8x PCIe server)",
  ociPricing: "Oracle Cloud Infrastructure compute pricing page",
  // Market and method
  epochHardwarePrices: "Epoch AI, ML hardware prices dataset",
  epochCostModel: "Epoch AI, cost of training frontier models (method defaults)",
  raymondJames: "Raymond James via Barron's / Financial Times",
  referenceFigures: "Project reference figures (shared/reference/figures.md), compiled price table",
  nextPlatform: "The Next Platform, 'OpenAI To Join The Custom AI Chip Club?' (2023-10-06)",
  eia: "US EIA average industrial electricity price, via Epoch AI",
  coloQuotes: "Colocation industry quotes ($150-200 per kW-month)",
  kipply: "kipply, 'Transformer inference arithmetic' (decode is memory-bound at small batch)",
  gpt3: "Brown et al., 'Language Models are Few-Shot Learners' (GPT-3)",
  projectF8: "Project assumption fitted to F8 (Bernstein via Reuters, 2023-10-06)",
  reuters: "Reuters, 'OpenAI exploring making its own AI chips' (2023-10-06)",
  appleA4: "Apple A4 history: P.A. Semi acquisition (2008-04), A4 in the iPad (2010-04)",
} as const;
