/**
 * npm run bench: runs every bench module (bench/*.ts but this runner and types), in this
 * process's main context (no vm: a vm context makes every global read cost ~290 ns and would
 * measure the harness, not the add-in), prints one table and writes bench/results.json.
 *   npm run bench            full run
 *   npm run bench -- --smoke a quick run that only proves every bench works (CI)
 * Exit code 1 when a measurement misses its budget in a full run.
 */
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ratioOf, withinBudget, type BenchModule, type Measurement } from "./types";

const smoke = process.argv.includes("--smoke");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const dir = __dirname;

async function main(): Promise<number> {
  const modules = readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && f !== "run.ts" && f !== "types.ts")
    .filter((f) => !only || f.startsWith(only))
    .sort();
  const results: (Measurement & { module: string; ratio?: number; pass?: boolean })[] = [];
  for (const file of modules) {
    const mod = (await import(path.join(dir, file))) as BenchModule;
    for (const m of await mod.run({ smoke })) {
      results.push({ module: file.replace(/\.ts$/, ""), ...m, ratio: ratioOf(m), pass: withinBudget(m) });
    }
  }
  const rows = [
    ["area", "measurement", "value", "baseline", "ratio", "budget", ""],
    ...results.map((r) => [
      r.module,
      r.name,
      `${format(r.value)} ${r.unit}`,
      r.baseline ? `${format(r.baseline.value)} ${r.unit} (${r.baseline.name})` : "",
      r.ratio === undefined ? "" : `${r.ratio.toFixed(2)}x`,
      budgetText(r),
      r.pass === undefined ? "" : r.pass ? "ok" : "OVER",
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows)
    console.log(
      row
        .map((c, i) => c.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    );
  const out = path.join(dir, "results.json");
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), smoke, results }, null, 2) + "\n");
  console.log(`\nWrote ${path.relative(process.cwd(), out)}${smoke ? " (smoke run: figures not meaningful)" : ""}.`);
  const over = results.filter((r) => r.pass === false);
  if (!smoke && over.length) {
    console.log(`${over.length} measurement(s) over budget.`);
    return 1;
  }
  return 0;
}

function format(v: number): string {
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString("en-US") : v.toPrecision(3);
}

function budgetText(m: Measurement): string {
  const parts: string[] = [];
  if (m.budget?.ratio !== undefined) parts.push(`<= ${m.budget.ratio}x`);
  if (m.budget?.max !== undefined) parts.push(`<= ${format(m.budget.max)} ${m.unit}`);
  if (m.budget?.issue !== undefined) parts.push(`#${m.budget.issue}`);
  return parts.join(" ");
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
