/**
 * gpu-cost recalc at scale (issue 13), end to end as a user runs it: `node bin/gpu-cost.js recalc
 * model.xlsx -o out.xlsx` in a child process (read, calculate, write), median of runs. The GPU
 * sheet and its baseline (the same sheet with a built-in formula of similar arithmetic) are run
 * alternately, so both see the same machine load.
 *
 * Budgets: 100,000 GPU.* cells in under 10 s and within 1.5x of the built-in sheet; a running
 * SUM over 100,000 rows in under 10 s; a 20,000-cell reverse chain and 2,000 formulas in column
 * XFD complete (under 10 s too).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { workbookBytes, type TestCell } from "../test/cli/helpers";
import type { BenchOptions, Measurement } from "./types";

const ROOT = path.resolve(__dirname, "..");

function recalcMs(file: string): number {
  const start = performance.now();
  execFileSync(process.execPath, [path.join(ROOT, "bin/gpu-cost.js"), "recalc", file, "-o", `${file}.out.xlsx`], {
    stdio: "ignore",
  });
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function sheet(dir: string, name: string, cells: Record<string, TestCell>): Promise<string> {
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, await workbookBytes({ Model: cells }));
  return file;
}

export async function run(options: BenchOptions): Promise<Measurement[]> {
  const n = options.smoke ? 2_000 : 100_000;
  const chain = options.smoke ? 1_000 : 20_000;
  const runs = options.smoke ? 1 : 3;
  const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-cost-bench-"));
  try {
    const gpu: Record<string, TestCell> = {};
    const builtin: Record<string, TestCell> = {};
    const running: Record<string, TestCell> = {};
    for (let i = 1; i <= n; i++) {
      const gpus = (i % 64) + 1;
      gpu[`A${i}`] = gpus;
      builtin[`A${i}`] = gpus;
      running[`A${i}`] = i % 7;
      // 8 H100 per p5.48xlarge at the 3-year reserved rate, for 3 years: the same arithmetic.
      gpu[`B${i}`] = { f: `GPU.CLUSTERCOST(A${i},"H100-SXM","reserved3y",3,"aws")` };
      builtin[`B${i}`] = { f: `ROUNDUP(A${i}/8,0)*43.16*3*8760` };
      running[`B${i}`] = { f: `SUM($A$1:A${i})` };
    }
    const reverse: Record<string, TestCell> = { [`A${chain}`]: 1 };
    for (let i = 1; i < chain; i++) reverse[`A${i}`] = { f: `A${i + 1}+1` };
    const xfd: Record<string, TestCell> = { A1: 3 };
    for (let i = 1; i <= 2_000; i++) xfd[`XFD${i}`] = { f: `$A$1*ROW()+SUM(A:A)` };

    const files = {
      gpu: await sheet(dir, "gpu", gpu),
      builtin: await sheet(dir, "builtin", builtin),
      running: await sheet(dir, "running", running),
      reverse: await sheet(dir, "reverse", reverse),
      xfd: await sheet(dir, "xfd", xfd),
    };
    const times: Record<keyof typeof files, number[]> = { gpu: [], builtin: [], running: [], reverse: [], xfd: [] };
    for (let r = 0; r < runs; r++) {
      for (const k of Object.keys(files) as (keyof typeof files)[]) times[k].push(recalcMs(files[k]));
    }
    const size = n.toLocaleString("en-US");
    const builtinMs = median(times.builtin);
    return [
      {
        name: `${size} GPU.CLUSTERCOST cells, gpu-cost recalc -o (read, calculate, write)`,
        value: median(times.gpu),
        unit: "ms",
        baseline: { name: `${size} cells of ROUNDUP(A/8,0)*rate*years*8760`, value: builtinMs },
        budget: { ratio: 1.5, max: 10_000, issue: 13 },
      },
      {
        name: `running SUM($A$1:An) over ${size} rows, gpu-cost recalc -o`,
        value: median(times.running),
        unit: "ms",
        baseline: { name: `${size} cells of ROUNDUP(A/8,0)*rate*years*8760`, value: builtinMs },
        budget: { max: 10_000, issue: 13 },
      },
      {
        name: `${chain.toLocaleString("en-US")}-cell reverse chain (A1=A2+1...), gpu-cost recalc -o`,
        value: median(times.reverse),
        unit: "ms",
        budget: { max: 10_000, issue: 13 },
      },
      {
        name: "2,000 formulas in column XFD reading A:A, gpu-cost recalc -o",
        value: median(times.xfd),
        unit: "ms",
        budget: { max: 10_000, issue: 13 },
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
