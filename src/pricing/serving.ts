import type { Precision } from "./book/types";
import { listOf } from "./closest";
import { peakFlops } from "./compute";
import { invalid, notAvailable } from "./errors";
import type { Accelerator, PriceBook } from "./priceBook";

/**
 * The serving model: how many tokens a second an accelerator generates for a model, from a
 * roofline (Williams et al. 2009; for transformer inference, kipply 2022 and Pope et al. 2022,
 * Efficiently Scaling Transformer Inference). One place for every serving figure: TOKENSPERSEC,
 * TOKENCOST, and the GPU-seconds of QUERYCOST, QUERYENERGY, FLEETSIZE and FLEETCOST when no
 * utilisation is given.
 *
 * A copy of the model is split over n accelerators (tensor parallel, one node or rack at
 * most). It serves b sequences at once:
 *
 *   weights   W = total parameters x bytes per value of the precision
 *   KV cache  K = layers x KV heads x head dim x 2 (keys and values) x KV bytes, per token of context
 *   prefill   t_p = 2 x active parameters x prompt tokens / (n x peak x prefill efficiency), per sequence
 *   decode    t_d = max((W + b x K x average context) / (n x bandwidth x bandwidth efficiency),
 *                       2 x active parameters x b / (n x peak x decode efficiency)), per step
 *   b sequences of o output tokens take  b x t_p + o x t_d,  so
 *   tokens/s per accelerator = b x o / (b x t_p + o x t_d) / n
 *
 * with average context = prompt + output / 2 while decoding, and memory: W + b x K x (prompt +
 * output) <= n x memory x usable share. With `batch` given, n is the fewest accelerators that
 * hold the weights and that batch's caches; otherwise (n, b) is the throughput-optimal pair: b
 * as large as fits, up to the serving engine's cap (`method.decode_batch`), n from the fewest
 * that hold the weights up to a node.
 *
 * Switches of the price book: `serving.kv_cache` 0 reads weights only; `serving.batched_prefill`
 * 0 decodes prompt tokens one at a time like output tokens (the founding analysis's method:
 * with batch 1, no KV and no prefill, every token costs W / bandwidth, the decode floor).
 *
 * Limits: no speculative decoding, KV-cache offload, prefix caching, or attention FLOPs (small
 * beside the weights' at contexts of a few thousand tokens); MoE experts are all resident and
 * each token goes through the active parameters; see docs/serving.md for the calibration.
 *
 * Example (2026.11-1 defaults as calibrated, see docs/serving.md): llama-3.3-70b on H100 at fp8,
 * 1,000 prompt and 500 output tokens.
 */

/** Bytes a weight takes in a precision. */
const BYTES_PER_VALUE: Record<Precision, number> = { fp4: 0.5, fp8: 1, int8: 1, bf16: 2, fp16: 2, tf32: 4 };

/** KV caches are kept in 8-bit where the weights are 8-bit or less, else in 16-bit. */
function kvBytesPerValue(precision: Precision): number {
  return BYTES_PER_VALUE[precision] <= 1 ? 1 : 2;
}

/** A model's shape as the serving model reads it (a reference model, or one estimated from its size). */
export interface ModelShape {
  readonly name: string;
  readonly totalParams: number;
  readonly activeParams: number;
  readonly layers: number;
  readonly kvHeads: number;
  readonly headDim: number;
}

/**
 * The shape of a dense model known only by its parameter count P: the proportions of the
 * Llama family (width = 128 x layers, P = 12 x layers x width^2, so layers = (P / 196,608)^(1/3))
 * with grouped-query attention of 8 KV heads of 128. estimatedShape(70e9): 71 layers (Llama 3
 * 70B has 80), KV 71 x 8 x 128 x 2 = 145K values a token (Llama: 164K).
 */
export function estimatedShape(params: number): ModelShape {
  return {
    name: `a ${formatParams(params)} model`,
    totalParams: params,
    activeParams: params,
    layers: Math.max(1, Math.round(Math.cbrt(params / 196_608))),
    kvHeads: 8,
    headDim: 128,
  };
}

/** A `model` argument: a reference model key, or a parameter count. */
export function shapeOf(book: PriceBook, model: string | number): ModelShape {
  return typeof model === "number" ? estimatedShape(model) : book.model(model);
}

function formatParams(p: number): string {
  return p >= 1e12 ? `${+(p / 1e12).toPrecision(3)}T` : p >= 1e9 ? `${+(p / 1e9).toPrecision(3)}B` : `${p}-parameter`;
}

export interface ServingInput {
  readonly model: ModelShape;
  readonly gpu: Accelerator;
  readonly precision: Precision;
  readonly tokensIn: number;
  readonly tokensOut: number;
  /** Sequences decoded together; undefined for the throughput-optimal batch. */
  readonly batch?: number;
}

/** How a model is served: the split, the batch and what they deliver. */
export interface ServingPoint {
  /** Accelerators holding one copy of the model. */
  readonly accelerators: number;
  readonly batch: number;
  /** Output tokens a second per accelerator, prompt processing included. */
  readonly tokensPerSecond: number;
  /** Accelerator-seconds one sequence (its prompt and its output) takes. */
  readonly gpuSecondsPerSequence: number;
}

/** Most accelerators a copy is split over: one node (or rack), as the price book sells it. */
function maxSplit(gpu: Accelerator): number {
  return gpu.gpusPerNode;
}

/** The roofline at a given split and batch. */
function pointAt(book: PriceBook, s: ServingInput, n: number, b: number): ServingPoint {
  const sv = book.serving;
  const peak = peakFlops(s.gpu, s.precision);
  const bandwidth = s.gpu.bandwidthTBs * 1e12;
  const weights = s.model.totalParams * BYTES_PER_VALUE[s.precision];
  const kvPerToken = sv.kvCache ? kvBytes(s.model, s.precision) : 0;
  const flopPerToken = 2 * s.model.activeParams;
  const averageContext = s.tokensIn + s.tokensOut / 2;
  const step =
    Math.max(
      (weights + b * kvPerToken * averageContext) / (n * bandwidth * sv.bandwidthEfficiency),
      (flopPerToken * b) / (n * peak * sv.decodeEfficiency),
    ) || 0;
  // Batched prefill: each prompt runs compute-bound on its own; else its tokens are decode steps.
  const prefillPerSequence = sv.batchedPrefill ? (flopPerToken * s.tokensIn) / (n * peak * sv.prefillEfficiency) : 0;
  const decodeSteps = sv.batchedPrefill ? s.tokensOut : s.tokensIn + s.tokensOut;
  const seconds = b * prefillPerSequence + decodeSteps * step;
  return {
    accelerators: n,
    batch: b,
    tokensPerSecond: (b * s.tokensOut) / seconds / n,
    gpuSecondsPerSequence: (seconds * n) / b,
  };
}

/** KV-cache bytes per token of context. */
function kvBytes(model: ModelShape, precision: Precision): number {
  return model.layers * model.kvHeads * model.headDim * 2 * kvBytesPerValue(precision);
}

/** Sequences whose caches fit beside the weights on n accelerators (0 when the weights do not fit). */
function batchThatFits(book: PriceBook, s: ServingInput, n: number): number {
  const usable = n * s.gpu.memoryGb * 1e9 * book.serving.memoryUsable;
  const free = usable - s.model.totalParams * BYTES_PER_VALUE[s.precision];
  if (free <= 0) return 0;
  const perSequence = book.serving.kvCache ? kvBytes(s.model, s.precision) * (s.tokensIn + s.tokensOut) : 0;
  return perSequence === 0 ? Infinity : Math.floor(free / perSequence);
}

/**
 * How `s.model` is served on `s.gpu`: at `s.batch` on the fewest accelerators that hold it, or
 * at the throughput-optimal split and batch. #N/A when the model does not fit on a node; #VALUE!
 * when `batch` does not fit.
 */
export function servingPoint(book: PriceBook, s: ServingInput): ServingPoint {
  peakFlops(s.gpu, s.precision); // #N/A naming the precisions the chip has
  const cap = book.methods.decodeBatch;
  let best: ServingPoint | undefined;
  let mostThatFits = 0;
  for (let n = 1; n <= maxSplit(s.gpu); n++) {
    const fits = batchThatFits(book, s, n);
    mostThatFits = Math.max(mostThatFits, fits);
    if (fits < 1) continue;
    if (s.batch !== undefined) {
      if (s.batch <= fits) return pointAt(book, s, n, s.batch);
      continue;
    }
    const point = pointAt(book, s, n, Math.min(cap, fits));
    if (!best || point.tokensPerSecond > best.tokensPerSecond * (1 + 1e-9)) best = point;
  }
  if (best) return best;
  const node = maxSplit(s.gpu);
  if (mostThatFits < 1) {
    const gb = (s.model.totalParams * BYTES_PER_VALUE[s.precision]) / 1e9;
    const usable = node * s.gpu.memoryGb * book.serving.memoryUsable;
    throw notAvailable(
      `${capitalize(s.model.name)} needs ${gb.toFixed(0)} GB of weights in ${s.precision}: more than the ${usable.toFixed(0)} GB usable on ${node} ${s.gpu.id} (one node). Use a lower precision (${listOf(
        Object.keys(s.gpu.flops),
      )}) or an accelerator with more memory.`,
    );
  }
  throw invalid(
    `batch ${s.batch} does not fit: at most ${mostThatFits} sequences of ${s.tokensIn + s.tokensOut} tokens fit beside ${s.model.name} on ${node} ${s.gpu.id}.`,
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The precision a model is served at when none is given: 8-bit floating point where the
 * accelerator has it (MLPerf Inference's closed-division LLM results on Hopper, Blackwell and
 * MI300-class parts run FP8 or lower), else bf16.
 */
export function defaultServingPrecision(gpu: Accelerator): Precision {
  return gpu.flops.fp8 !== undefined ? "fp8" : "bf16";
}

/**
 * USD per million output tokens served on `gpu` at `usdPerGpuHour` (the effective GPU-hour),
 * prompt processing included:
 *
 *   USD per 1M output tokens = GPU-hour / (tokens/s per accelerator x 3,600) x 10^6
 */
export function tokenCostUsdPerMillion(point: ServingPoint, usdPerGpuHour: number): number {
  return (usdPerGpuHour / (point.tokensPerSecond * 3600)) * 1e6;
}

/**
 * USD an API charges for a call: prompt tokens x input price + output tokens x output price,
 * prices per million tokens. apiCostUsd(gpt-4o at $2.50 / $10.00, 1e6, 1e6) = $12.50.
 */
export function apiCostUsd(
  api: { inputUsdPerMTok: number; outputUsdPerMTok: number },
  tokensIn: number,
  tokensOut: number,
): number {
  return (tokensIn * api.inputUsdPerMTok + tokensOut * api.outputUsdPerMTok) / 1e6;
}
