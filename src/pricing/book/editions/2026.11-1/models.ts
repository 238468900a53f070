import { fig } from "../../../figure";
import { SRC } from "./sources";
import type { ModelData } from "../../types";

/**
 * Reference models for the serving model (issue 12): parameters each token reads (total) and
 * computes with (active), and the shape of the KV cache (layers x KV heads x head dim x 2 values
 * per token). Parameter counts of the Llama models are computed from their config.json shapes
 * (the arithmetic is in ./notes.ts); the names round them.
 */
export const MODELS: readonly ModelData[] = [
  {
    id: "gpt-3",
    name: "OpenAI GPT-3 175B",
    totalParams: fig(175e9, "parameters", SRC.gpt3, "2020-05"),
    activeParams: fig(175e9, "parameters", SRC.gpt3, "2020-05"),
    layers: fig(96, "layers", SRC.gpt3, "2020-05"),
    kvHeads: fig(96, "heads", SRC.gpt3, "2020-05"),
    headDim: fig(128, "values", SRC.gpt3, "2020-05"),
  },
  {
    id: "llama-2-70b",
    name: "Meta Llama 2 70B",
    totalParams: fig(68.98e9, "parameters", `Derived from ${SRC.llama2Paper}`, "2023-07"),
    activeParams: fig(68.98e9, "parameters", `Derived from ${SRC.llama2Paper}`, "2023-07"),
    layers: fig(80, "layers", SRC.llama2Paper, "2023-07"),
    kvHeads: fig(8, "heads", SRC.llama2Paper, "2023-07"),
    headDim: fig(128, "values", SRC.llama2Paper, "2023-07"),
  },
  {
    id: "llama-3.1-8b",
    name: "Meta Llama 3.1 8B",
    totalParams: fig(8.03e9, "parameters", `Derived from ${SRC.llama31Card}`, "2024-07"),
    activeParams: fig(8.03e9, "parameters", `Derived from ${SRC.llama31Card}`, "2024-07"),
    layers: fig(32, "layers", SRC.llama31Card, "2024-07"),
    kvHeads: fig(8, "heads", SRC.llama31Card, "2024-07"),
    headDim: fig(128, "values", SRC.llama31Card, "2024-07"),
  },
  {
    id: "llama-3.3-70b",
    name: "Meta Llama 3.3 70B",
    totalParams: fig(70.55e9, "parameters", `Derived from ${SRC.llama33Card}`, "2024-12"),
    activeParams: fig(70.55e9, "parameters", `Derived from ${SRC.llama33Card}`, "2024-12"),
    layers: fig(80, "layers", SRC.llama33Card, "2024-12"),
    kvHeads: fig(8, "heads", SRC.llama33Card, "2024-12"),
    headDim: fig(128, "values", SRC.llama33Card, "2024-12"),
  },
  {
    id: "llama-3.1-405b",
    name: "Meta Llama 3.1 405B",
    totalParams: fig(405.85e9, "parameters", `Derived from ${SRC.llama31Card}`, "2024-07"),
    activeParams: fig(405.85e9, "parameters", `Derived from ${SRC.llama31Card}`, "2024-07"),
    layers: fig(126, "layers", SRC.llama31Card, "2024-07"),
    kvHeads: fig(8, "heads", SRC.llama31Card, "2024-07"),
    headDim: fig(128, "values", SRC.llama31Card, "2024-07"),
  },
  {
    id: "deepseek-v3",
    name: "DeepSeek-V3 (671B MoE, 37B active, MLA)",
    totalParams: fig(671e9, "parameters", SRC.deepseekV3Paper, "2024-12"),
    activeParams: fig(37e9, "parameters", SRC.deepseekV3Paper, "2024-12"),
    layers: fig(61, "layers", SRC.deepseekV3Paper, "2024-12"),
    kvHeads: fig(
      1,
      "heads",
      `Derived from ${SRC.deepseekV3Paper} (one shared latent per token, not per-head K and V)`,
      "2024-12",
    ),
    headDim: fig(288, "values", `Derived from ${SRC.deepseekV3Paper} ((512 + 64) / 2 values)`, "2024-12"),
  },
  {
    id: "gpt-oss-120b",
    name: "OpenAI gpt-oss-120b (117B MoE, 5.1B active)",
    totalParams: fig(116.83e9, "parameters", SRC.gptOssCard, "2025-08-05"),
    activeParams: fig(5.13e9, "parameters", SRC.gptOssCard, "2025-08-05"),
    layers: fig(36, "layers", SRC.gptOssCard, "2025-08-05"),
    kvHeads: fig(8, "heads", SRC.gptOssCard, "2025-08-05"),
    headDim: fig(64, "values", SRC.gptOssCard, "2025-08-05"),
  },
];
