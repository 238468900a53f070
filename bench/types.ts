/**
 * What a bench module measures. Every area of the add-in (functions, CLI, pane) has a module in
 * bench/ exporting `run`; bench/run.ts runs them all, prints one table and writes
 * bench/results.json. Budgets are ratios against a baseline measured in the same run (never a
 * wall-clock figure that depends on the machine), or sizes in bytes.
 */
export interface Measurement {
  /** What was measured, e.g. "100,000 GPU.CLUSTERCOST cells, recalc". */
  readonly name: string;
  readonly value: number;
  /** "ms", "µs", "KB", "cells/s"... */
  readonly unit: string;
  /** The same kind of work done by something known to be fast, measured in the same run. */
  readonly baseline?: { readonly name: string; readonly value: number };
  /** The budget this measurement is held to: value / baseline at most `ratio`, value at most `max`. */
  readonly budget?: { readonly ratio?: number; readonly max?: number; readonly issue?: number };
}

export interface BenchOptions {
  /** A quick run that only proves the bench works (CI); its figures are not meaningful. */
  readonly smoke: boolean;
}

export type BenchModule = { run(options: BenchOptions): Promise<Measurement[]> };

/** value / baseline, when there is a baseline. */
export function ratioOf(m: Measurement): number | undefined {
  return m.baseline && m.baseline.value > 0 ? m.value / m.baseline.value : undefined;
}

/** Whether a measurement is within its budget (undefined when it has none). */
export function withinBudget(m: Measurement): boolean | undefined {
  if (!m.budget) return undefined;
  const ratio = ratioOf(m);
  if (m.budget.ratio !== undefined && (ratio === undefined || ratio > m.budget.ratio)) return false;
  if (m.budget.max !== undefined && m.value > m.budget.max) return false;
  return true;
}

/** Collects garbage when the runner allows it (npm run bench passes --expose-gc), so a run does not pay for the last one's. */
function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Median of timed runs of `work` (ms), after a warm-up run. */
export async function timeMs(work: () => unknown, runs: number): Promise<number> {
  return (await compareMs([work], runs))[0]!;
}

/**
 * Medians of timed runs of several pieces of work (ms), interleaved (a, b, a, b...) after a
 * warm-up of each, so that a machine busy for a moment slows them alike: ratios between them
 * are what the budgets hold.
 */
export async function compareMs(works: readonly (() => unknown)[], runs: number): Promise<number[]> {
  for (const work of works) await work();
  const times = works.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [w, work] of works.entries()) {
      collect();
      const start = performance.now();
      await work();
      times[w]!.push(performance.now() - start);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!);
}
