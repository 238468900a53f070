import { fig } from "../../../figure";
import { SRC } from "./sources";
import type { ApiPriceData } from "../../types";

const MTOK = "USD/Mtok";

/** One API's list price: standard (non-batch, non-cached) input and output, short prompts. */
function api(id: string, name: string, input: number, output: number, source: string, asOf: string): ApiPriceData {
  return {
    id,
    name,
    inputUsdPerMTok: fig(input, MTOK, source, asOf),
    outputUsdPerMTok: fig(output, MTOK, source, asOf),
  };
}

/**
 * LLM API list prices in USD per million tokens (issue 12), to set self-hosting against. Dates
 * are the prices' own where known, otherwise when the pricing page was read.
 */
export const APIS: readonly ApiPriceData[] = [
  api("gpt-4o", "OpenAI GPT-4o", 2.5, 10, SRC.openaiPricing, "2025"),
  api("gpt-4.1", "OpenAI GPT-4.1", 2, 8, SRC.openaiPricing, "2025-04"),
  api("gpt-5", "OpenAI GPT-5", 1.25, 10, SRC.openaiPricing, "2025-08"),
  api("claude-sonnet-4.5", "Anthropic Claude Sonnet 4.5", 3, 15, SRC.anthropicPricing, "2025-11-25"),
  api("claude-sonnet-4.6", "Anthropic Claude Sonnet 4.6", 3, 15, SRC.anthropicPricing, "2026-02-17"),
  api("claude-haiku-4.5", "Anthropic Claude Haiku 4.5", 1, 5, SRC.anthropicPricing, "2026"),
  api("claude-opus-4.5", "Anthropic Claude Opus 4.5", 5, 25, SRC.anthropicPricing, "2025-11"),
  api(
    "gemini-2.5-pro",
    "Google Gemini 2.5 Pro (prompts up to 200K tokens)",
    1.25,
    10,
    SRC.googleGeminiPricing,
    "2026-09-20",
  ),
  api("gemini-2.5-flash", "Google Gemini 2.5 Flash", 0.3, 2.5, SRC.googleGeminiPricing, "2026-09-20"),
  api(
    "gemini-3.1-pro",
    "Google Gemini 3.1 Pro Preview (prompts up to 200K tokens)",
    2,
    12,
    SRC.googleGeminiPricing,
    "2026-09-20",
  ),
  api("deepseek-v3", "DeepSeek-V3 (deepseek-chat, cache miss)", 0.27, 1.1, SRC.deepseekPricing, "2025-02"),
  api("deepseek-r1", "DeepSeek-R1 (deepseek-reasoner, cache miss)", 0.55, 2.19, SRC.deepseekPricing, "2025-02"),
  api("llama-3.3-70b", "Meta Llama 3.3 70B hosted (Together AI Turbo)", 0.88, 0.88, SRC.togetherPricing, "2025"),
];
