/**
 * Names of the publications the price book cites, written once so that a source reads the
 * same everywhere (and a reviewer can grep for it). Full references: docs/sources.md.
 */
export const SRC = {
  nvidiaH100: "NVIDIA H100 Tensor Core GPU datasheet",
  nvidiaA100: "NVIDIA A100 Tensor Core GPU datasheet",
  nvidiaDgxH100: "NVIDIA DGX H100 datasheet (10.2 kW max for 8 GPUs)",
  nvidiaDgxA100: "NVIDIA DGX A100 datasheet (6.5 kW max for 8 GPUs)",
  nvidiaDgxA100Launch: "NVIDIA DGX A100 launch announcement",
  epochHardwarePrices: "Epoch AI, ML hardware prices dataset",
  epochCostModel: "Epoch AI, cost of training frontier models (method defaults)",
  raymondJames: "Raymond James via Barron's / Financial Times",
  awsPricing: "AWS EC2 pricing page, us-east-1, Linux",
  nextPlatform: "The Next Platform, 'OpenAI To Join The Custom AI Chip Club?' (2023-10-06)",
  eia: "US EIA average industrial electricity price, via Epoch AI",
  coloQuotes: "Colocation industry quotes ($150-200 per kW-month)",
} as const;
