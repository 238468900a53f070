/**
 * Calibrates the roofline serving model (src/pricing/serving.ts) on published maximum-throughput
 * results (test/pricing/fixtures/published-throughput.ts) and prints the fit, the residual of
 * every result and the hold-out errors, as the table of docs/serving.md.
 *
 *   npx tsx scripts/calibrate-serving.ts            # fit (about a minute), then the report
 *   npx tsx scripts/calibrate-serving.ts --check    # the report at FITTED (below) only
 *   npx tsx scripts/calibrate-serving.ts --write    # ... and write its table into docs/serving.md
 *
 * test/pricing/serving.test.ts fails when docs/serving.md's table differs from renderTable().
 *
 * What it fits, on the calibration set only: serving.prefill_efficiency, decode_efficiency and
 * bandwidth_efficiency (each in [0.05, 1]) and method.decode_batch (one of the batches per copy
 * the cited engine configurations run), by minimising the root mean square of
 * ln(predicted / published) output tokens/s per accelerator: a grid (steps of 0.025) for each
 * cap, then a coordinate search down to steps of 0.001. serving.memory_usable is not fitted
 * (the results barely depend on it): 0.9, the middle of the engines' own settings (TensorRT-LLM
 * kvcache_free_gpu_mem_frac 0.90-0.95 of the memory left after the weights; vLLM
 * gpu_memory_utilization 0.93-0.98 of the whole). Every prediction is the engine's own
 * servingPoint on edition 2026.11-1 with those values as overrides, at the result's
 * accelerator, model, precision and mean prompt/output tokens, at the throughput-optimal split
 * and batch.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bookFor, loadEditions, servingPoint, type PriceBook } from "../src/pricing";
import { PUBLISHED, perAccelerator, type PublishedResult } from "../test/pricing/fixtures/published-throughput";

const EDITION = "2026.11-1";

/** The values for edition 2026.11-1's serving.ts, as this script last fitted and rounded them. */
export const FITTED = {
  prefillEfficiency: 0.33,
  decodeEfficiency: 0.6,
  bandwidthEfficiency: 0.42,
  memoryUsable: 0.9,
  decodeBatch: 512,
} as const;

/** Batches per copy of the model in the cited engine configurations (see the fixture's `engine`). */
const CAPS = [512, 806, 896, 1024, 1536, 2048, 3072, 4096];

export interface Values {
  prefillEfficiency: number;
  decodeEfficiency: number;
  bandwidthEfficiency: number;
  memoryUsable: number;
  decodeBatch: number;
}

/** The price-book overrides that put `v` into the edition. */
export function overrides(v: Values): Map<string, number> {
  return new Map([
    ["serving.prefill_efficiency", v.prefillEfficiency],
    ["serving.decode_efficiency", v.decodeEfficiency],
    ["serving.bandwidth_efficiency", v.bandwidthEfficiency],
    ["serving.memory_usable", v.memoryUsable],
    ["method.decode_batch", v.decodeBatch],
  ]);
}

/** The edition's book, built once (after its edition is loaded). */
let baseBook: PriceBook | undefined;
const editionBook = () => (baseBook ??= bookFor(new Map(), EDITION));

/** The edition with `v` in place, without building and validating a price book per trial. */
function fastBook(v: Values): PriceBook {
  const base = editionBook();
  return Object.create(base, {
    serving: { value: { ...base.serving, ...v } },
    methods: { value: { ...base.methods, decodeBatch: v.decodeBatch } },
  }) as PriceBook;
}

/** What the serving model predicts for a published result's setup, with `book`'s figures. */
export function predict(book: PriceBook, r: PublishedResult) {
  return servingPoint(book, {
    model: book.model(r.model),
    gpu: book.accelerator(r.gpu),
    precision: r.precision,
    tokensIn: r.tokensIn,
    tokensOut: r.tokensOut,
  });
}

function logError(book: PriceBook, r: PublishedResult): number {
  return Math.log(predict(book, r).tokensPerSecond / perAccelerator(r));
}

function rms(book: PriceBook, rows: readonly PublishedResult[]): number {
  return Math.sqrt(rows.reduce((s, r) => s + logError(book, r) ** 2, 0) / rows.length);
}

const calibration = PUBLISHED.filter((r) => r.set === "calibration");
const holdout = PUBLISHED.filter((r) => r.set === "holdout");

const KEYS = ["prefillEfficiency", "decodeEfficiency", "bandwidthEfficiency"] as const;

function fit(): { values: Values; loss: number } {
  let best: { values: Values; loss: number } | undefined;
  for (const decodeBatch of CAPS) {
    let local: { values: Values; loss: number } | undefined;
    for (let p = 0.05; p <= 1.0001; p += 0.025)
      for (let d = 0.05; d <= 1.0001; d += 0.025)
        for (let b = 0.05; b <= 1.0001; b += 0.025) {
          const values = {
            prefillEfficiency: p,
            decodeEfficiency: d,
            bandwidthEfficiency: b,
            memoryUsable: 0.9,
            decodeBatch,
          };
          const loss = rms(fastBook(values), calibration);
          if (!local || loss < local.loss) local = { values, loss };
        }
    // Coordinate search around the grid's best.
    for (const step of [0.01, 0.005, 0.001]) {
      let improved = true;
      while (improved) {
        improved = false;
        for (const key of KEYS)
          for (const sign of [-1, 1]) {
            const value = Math.round((local!.values[key] + sign * step) * 1000) / 1000;
            if (value < 0.05 || value > 1) continue;
            const values = { ...local!.values, [key]: value };
            const loss = rms(fastBook(values), calibration);
            if (loss < local!.loss - 1e-12) {
              local = { values, loss };
              improved = true;
            }
          }
      }
    }
    const v = local!.values;
    console.log(
      `cap ${String(decodeBatch).padStart(4)}: prefill ${v.prefillEfficiency.toFixed(3)}, decode ${v.decodeEfficiency.toFixed(3)}, bandwidth ${v.bandwidthEfficiency.toFixed(3)}: calibration RMS ln error ${local!.loss.toFixed(4)}, hold-out ${rms(fastBook(v), holdout).toFixed(4)}`,
    );
    if (!best || local!.loss < best.loss) best = local;
  }
  return best!;
}

function pct(x: number): string {
  return `${x >= 0 ? "+" : ""}${(x * 100).toFixed(0)}%`;
}

/** Where docs/serving.md holds the table: between these two lines. */
export const TABLE_START = "<!-- serving-table: generated by `npx tsx scripts/calibrate-serving.ts --write` -->";
export const TABLE_END = "<!-- /serving-table -->";
export const DOC = path.join(__dirname, "..", "docs", "serving.md");

/** The model against every published result at `values`, as markdown (docs/serving.md's table). */
export function renderTable(values: Values = FITTED): string {
  const book = bookFor(overrides(values), EDITION); // the real thing, validated
  const lines = [
    `At prefill ${values.prefillEfficiency}, decode ${values.decodeEfficiency}, bandwidth ${values.bandwidthEfficiency}, memory usable ${values.memoryUsable}, decode batch cap ${values.decodeBatch} (edition ${EDITION}).`,
    "",
    "| set | result | accelerators | model | precision | tokens in / out | published tok/s per accelerator | model | error | model's split x batch |",
    "|---|---|---|---|---|---|---:|---:|---:|---|",
  ];
  for (const r of PUBLISHED) {
    const p = predict(book, r);
    const published = perAccelerator(r);
    lines.push(
      `| ${r.set === "calibration" ? "cal" : "hold"} | ${r.id} | ${r.accelerators} x ${r.gpu} | ${r.model} | ${r.precision} | ${r.tokensIn.toFixed(0)} / ${r.tokensOut.toFixed(0)} | ${Math.round(published).toLocaleString("en-US")} | ${Math.round(p.tokensPerSecond).toLocaleString("en-US")} | ${pct(p.tokensPerSecond / published - 1)} | ${p.accelerators} x ${p.batch} |`,
    );
  }
  lines.push("");
  for (const [name, rows] of [
    ["Calibration", calibration],
    ["Hold-out", holdout],
  ] as const) {
    const errors = rows.map((r) => predict(book, r).tokensPerSecond / perAccelerator(r) - 1);
    const worst = Math.max(...errors.map(Math.abs));
    const dense = rows.filter((r) => r.model.startsWith("llama"));
    const denseWorst = Math.max(
      ...dense.map((r) => Math.abs(predict(book, r).tokensPerSecond / perAccelerator(r) - 1)),
    );
    lines.push(
      `- ${name}: ${rows.length} results, RMS ln error ${rms(book, rows).toFixed(3)}, worst ${pct(worst).replace("+", "")}, ${errors.filter((e) => Math.abs(e) <= 0.4).length} of ${rows.length} within 40%; dense (Llama) models: ${dense.length}, worst ${pct(denseWorst).replace("+", "")}.`,
    );
  }
  return lines.join("\n");
}

/** How the errors move when memory_usable or the cap change, and the edition's provisional values. */
function sensitivity(values: Values): void {
  console.log("\nSensitivity (RMS ln error, calibration / hold-out):");
  const line = (label: string, v: Values) => {
    const book = fastBook(v);
    console.log(`  ${label}: ${rms(book, calibration).toFixed(3)} / ${rms(book, holdout).toFixed(3)}`);
  };
  line("as fitted", values);
  for (const memoryUsable of [0.85, 0.95]) line(`memory_usable ${memoryUsable}`, { ...values, memoryUsable });
  for (const decodeBatch of [256, 1024, 2048]) line(`decode_batch ${decodeBatch}`, { ...values, decodeBatch });
  line("provisional 2026.11-1 values (0.5, 0.5, 0.8, 0.9, 512)", {
    prefillEfficiency: 0.5,
    decodeEfficiency: 0.5,
    bandwidthEfficiency: 0.8,
    memoryUsable: 0.9,
    decodeBatch: 512,
  });
}

function main(): void {
  const args = process.argv.slice(2);
  let values: Values = FITTED;
  if (!args.includes("--check") && !args.includes("--write")) {
    console.log(`Fitting on ${calibration.length} calibration results (edition ${EDITION})...`);
    const { values: best, loss } = fit();
    console.log(
      `\nBest: cap ${best.decodeBatch}, prefill ${best.prefillEfficiency}, decode ${best.decodeEfficiency}, bandwidth ${best.bandwidthEfficiency} (calibration RMS ln error ${loss.toFixed(4)})`,
    );
    values = {
      ...best,
      prefillEfficiency: Math.round(best.prefillEfficiency * 100) / 100,
      decodeEfficiency: Math.round(best.decodeEfficiency * 100) / 100,
      bandwidthEfficiency: Math.round(best.bandwidthEfficiency * 100) / 100,
    };
    console.log(`Rounded to two decimals for the price book: ${JSON.stringify(values)}`);
    if (JSON.stringify(values) !== JSON.stringify(FITTED))
      console.log("These differ from FITTED in this script: update FITTED, then run with --write.");
  }
  const table = renderTable(values);
  console.log(`\n${table}`);
  sensitivity(values);
  if (args.includes("--write")) {
    const doc = readFileSync(DOC, "utf8");
    const start = doc.indexOf(TABLE_START);
    const end = doc.indexOf(TABLE_END);
    if (start < 0 || end < start) throw new Error(`${DOC} has no ${TABLE_START} ... ${TABLE_END} section`);
    writeFileSync(DOC, `${doc.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${doc.slice(end)}`);
    console.log(`\nwrote the table into ${path.relative(process.cwd(), DOC)}`);
  }
}

if (require.main === module) void loadEditions().then(main);
