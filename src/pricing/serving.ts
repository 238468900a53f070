import type { Precision } from "./book/types";
import { listOf } from "./closest";
import { peakFlops } from "./compute";
import { invalid, notAvailable } from "./errors";
import type { Accelerator, Model, PriceBook } from "./priceBook";

/**
 * The serving model: how many tokens a second an accelerator generates for a model, from a
 * roofline (Williams et al. 2009; for transformer inference, kipply 2022 and Pope et al. 2022,
 * Efficiently Scaling Transformer Inference). One place for every serving figure: TOKENSPERSEC,
 * TOKENCOST, and the GPU-seconds of QUERYCOST, QUERYENERGY, FLEETSIZE and FLEETCOST when no
 * utilisation is given.
 *
 * A copy of the model is split over n accelerators (tensor or pipeline parallel, one node or
 * rack at most). It serves b sequences at once, each of i prompt and o output tokens:
 *
 *   weights   W = total parameters x bytes per value of the precision
 *   KV cache  K = layers x KV heads x head dim x 2 (keys and values) x KV bytes, per token of context
 *   prefill   t_p = 2 x active parameters x i / (n x peak x prefill efficiency), per sequence
 *   decode    t_d = max(W / (n x bandwidth x bandwidth efficiency),
 *                       2 x active parameters x b / (n x peak x decode efficiency))
 *                 + b x K x (i + o / 2) / (n x bandwidth x bandwidth efficiency), per step
 *   b sequences take  b x t_p + o x t_d,  so
 *   tokens/s per accelerator = b x o / (b x t_p + o x t_d) / n
 *
 * The two parts of a decode step: the matrix multiplies read the weights while they compute,
 * so the weights' reads and the arithmetic overlap (the max); attention then reads every
 * sequence's own KV cache in separate kernels whose arithmetic is too thin to hide it (2 FLOP
 * per cached value per query head sharing it: 16 FLOP a byte for an 8-bit Llama-class cache,
 * against ~300 at the ridge of an H100 or B200), so that time adds. Above the ridge batch
 * (W / bandwidth = 2 x active x b / peak at the efficiencies: bytes per weight x peak x decode
 * efficiency / (2 x bandwidth x bandwidth efficiency), 290-420 sequences for a dense 8- or
 * 4-bit model on the accelerators calibrated, whatever its size) a step is compute-bound and
 * tokens/s stop growing with b; a mixture of experts' ridge is total / active times higher.
 *
 * Memory: W + b x K x (i + o) <= n x memory x usable share. With `batch` given, n is the
 * fewest accelerators that hold the weights and that batch's caches; otherwise (n, b) is the
 * throughput-optimal pair: b as large as fits, up to the serving engine's cap per copy
 * (`method.decode_batch`), n from 1 to a node (or rack).
 *
 * Switches of the price book: `serving.kv_cache` 0 reads weights only; `serving.batched_prefill`
 * 0 decodes prompt tokens one at a time like output tokens (the founding analysis's method:
 * with batch 1, no KV and no prefill, every token costs W / bandwidth, the decode floor).
 *
 * Calibration (docs/serving.md, scripts/calibrate-serving.ts): the efficiencies and the cap are
 * fitted to MLPerf Inference Offline results (Llama 2 70B on H100, H200, B200, MI300X; Llama 3.1
 * 405B and DeepSeek-R1 on B200) and checked against 30 held-out results (docs/serving.md).
 *
 * Limits: no speculative decoding, KV-cache offload, prefix caching, tensor-parallel
 * communication or attention FLOPs (prefill efficiency absorbs the prompt's attention, which
 * grows with its length); MoE experts are all resident and read at every step, each token goes
 * through the active parameters, and expert routing, all-to-all and MLA attention are not
 * modelled (the cap stands in for them: see docs/serving.md).
 *
 * Example (2026.11-1 as calibrated: prefill 0.33, decode 0.6, bandwidth 0.42, memory 0.9, cap
 * 512): llama-3.3-70b (70.55B, K = 80 x 8 x 128 x 2 x 1 = 163,840 B a token) on H100 at fp8,
 * 1,000 prompt and 500 output tokens. On 3 H100s 591 sequences fit ((3 x 72 - 70.55) GB /
 * (163,840 B x 1,500)), so b = 512 (the cap); read bandwidth 3 x 3.35 TB/s x 0.42 = 4.22 TB/s:
 *   t_d = max(70.55 GB / 4.22 TB/s = 16.7 ms, 2 x 70.55e9 x 512 / (3 x 1,978.9 TFLOP/s x 0.6) = 20.3 ms)
 *       + 512 x 163,840 B x 1,250 / 4.22 TB/s = 24.8 ms  =  45.1 ms
 *   t_p = 2 x 70.55e9 x 1,000 / (3 x 1,978.9e12 x 0.33) = 72.0 ms
 *   512 x 500 / (512 x 72.0 ms + 500 x 45.1 ms) / 3 = 1,436 tokens/s per H100 (the best split of 1 to 8).
 */

/** Bytes a weight takes in a precision. */
const BYTES_PER_VALUE: Record<Precision, number> = { fp4: 0.5, fp8: 1, int8: 1, bf16: 2, fp16: 2, tf32: 4 };

/** KV caches are kept in 8-bit where the weights are 8-bit or less, else in 16-bit. */
function kvBytesPerValue(precision: Precision): number {
  return BYTES_PER_VALUE[precision] <= 1 ? 1 : 2;
}

/** A model's shape as the serving model reads it: a reference model's, or one estimated from its size. */
export type ModelShape = Omit<Model, "id">;

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
  const bandwidth = n * s.gpu.bandwidthTBs * 1e12 * sv.bandwidthEfficiency;
  const weights = s.model.totalParams * BYTES_PER_VALUE[s.precision];
  const kvPerToken = sv.kvCache ? kvBytes(s.model, s.precision) : 0;
  const flopPerToken = 2 * s.model.activeParams;
  // Batched prefill: each prompt runs compute-bound on its own, then its output tokens are
  // decoded at an average context of i + o / 2. Without it the prompt's tokens are decode steps
  // too, at an average context of (i + o) / 2.
  const prefillPerSequence = sv.batchedPrefill ? (flopPerToken * s.tokensIn) / (n * peak * sv.prefillEfficiency) : 0;
  const decodeSteps = sv.batchedPrefill ? s.tokensOut : s.tokensIn + s.tokensOut;
  const averageContext = sv.batchedPrefill ? s.tokensIn + s.tokensOut / 2 : (s.tokensIn + s.tokensOut) / 2;
  const step =
    Math.max(weights / bandwidth, (flopPerToken * b) / (n * peak * sv.decodeEfficiency)) +
    (b * kvPerToken * averageContext) / bandwidth;
  const seconds = b * prefillPerSequence + decodeSteps * step;
  return {
    accelerators: n,
    batch: b,
    // No output tokens: none a second (and no 0 / 0 when the prompt is empty too).
    tokensPerSecond: s.tokensOut > 0 ? (b * s.tokensOut) / seconds / n : 0,
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

/** #VALUE! naming the argument when a token count or the batch is not one. */
function checkInput(s: ServingInput): void {
  const count = (name: string, value: number, meaning: string) => {
    if (!Number.isFinite(value) || value < 0) throw invalid(`${name} must be 0 or more ${meaning}; got ${value}.`);
  };
  count("tokens_in", s.tokensIn, "prompt tokens per sequence");
  count("tokens_out", s.tokensOut, "output tokens per sequence");
  if (s.batch !== undefined && !(Number.isInteger(s.batch) && s.batch >= 1))
    throw invalid(`batch must be a whole number of sequences, 1 or more; got ${s.batch}.`);
}

/**
 * How `s.model` is served on `s.gpu`: at `s.batch` on the fewest accelerators that hold it, or
 * at the throughput-optimal split and batch. #N/A when the model does not fit on a node (naming
 * the precisions of the chip in which it would); #VALUE! when `batch` does not fit (naming the
 * most that does), when not even one sequence's cache fits beside the weights, or when a token
 * count is negative.
 */
export function servingPoint(book: PriceBook, s: ServingInput): ServingPoint {
  checkInput(s);
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
  const gb = (s.model.totalParams * BYTES_PER_VALUE[s.precision]) / 1e9;
  const usable = node * s.gpu.memoryGb * book.serving.memoryUsable;
  if (mostThatFits < 1 && gb < usable) {
    const tokens = s.tokensIn + s.tokensOut;
    const cacheGb = (kvBytes(s.model, s.precision) * tokens) / 1e9;
    throw invalid(
      `tokens_in + tokens_out = ${tokens} tokens do not fit: one sequence's KV cache takes ${cacheGb.toPrecision(3)} GB beside ${gb.toFixed(0)} GB of weights, more than the ${usable.toFixed(0)} GB usable on ${node} ${s.gpu.id}.`,
    );
  }
  if (mostThatFits < 1) {
    const smaller = (Object.keys(s.gpu.flops) as Precision[]).filter(
      (p) => s.model.totalParams * BYTES_PER_VALUE[p] < usable * 1e9,
    );
    throw notAvailable(
      `${capitalize(s.model.name)} needs ${gb.toFixed(0)} GB of weights in ${s.precision}: more than the ${usable.toFixed(0)} GB usable on ${node} ${s.gpu.id} (one ${node > 8 ? "rack" : "node"}). ${
        smaller.length > 0
          ? `Use a precision in which it fits (${listOf(smaller)}) or an accelerator with more memory.`
          : `It fits in none of the precisions ${s.gpu.id} has (${listOf(Object.keys(s.gpu.flops))}): use an accelerator with more memory.`
      }`,
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
 * The precision a model is served at when none is given: the narrowest floating-point format the
 * accelerator's tensor cores run. 4-bit where it has it: every maximum-throughput result
 * published for Blackwell (B200, B300, GB200, GB300) and the MI355X, in MLPerf Inference v4.1 to
 * v6.0 and in TensorRT-LLM's own tables, runs NVFP4 or MXFP4 weights (with an 8-bit KV cache), and
 * NVIDIA's B200 Llama 2 70B result meets MLPerf's 99.9% accuracy target at FP4. Else 8-bit
 * floating point (Hopper, MI300X and MI325X results run FP8). Else bf16.
 *
 * Example: B200 -> fp4, H100-SXM -> fp8, A100-80GB -> bf16.
 */
export function defaultServingPrecision(gpu: Accelerator): Precision {
  if (gpu.flops.fp4 !== undefined) return "fp4";
  return gpu.flops.fp8 !== undefined ? "fp8" : "bf16";
}

/**
 * USD per million output tokens served on `gpu` at `usdPerGpuHour` (the effective GPU-hour),
 * prompt processing included:
 *
 *   USD per 1M output tokens = GPU-hour / (tokens/s per accelerator x 3,600) x 10^6
 */
export function tokenCostUsdPerMillion(point: ServingPoint, usdPerGpuHour: number): number {
  if (!(point.tokensPerSecond > 0))
    throw invalid("tokens_out must be above 0: a sequence without output tokens has no cost per output token.");
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
