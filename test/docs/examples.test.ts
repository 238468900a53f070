/**
 * Examples that cannot lie (issue 14.6): every documented example is evaluated by the gpu-cost
 * formula engine in-process (the CLI host on the built bundle, over a workbook recording the
 * example's edition) and compared with its printed figure at its printed precision.
 *
 * Where examples are found, and how they are read:
 *
 * - JSDoc `Example:` lines of src/functions/*.ts, through `readFunctionDocs()`/`parseExample()`
 *   of scripts/docs-functions.ts (readFunctionDocs reads each line with parseExample): a formula from `=GPU.` to its closing parenthesis, its printed
 *   figure after ` = `, its edition named as "edition 2023.10-1" on the line, else the latest.
 * - docs/functions.md (generated from the same JSDoc), when the tree has it: its example lines
 *   "- `=GPU...` = figure (edition X)" must be the JSDoc's, and are evaluated too.
 * - README.md, three forms, the edition being the one named in the nearest heading above the
 *   line ("### Worked examples ... (edition 2023.10-1)"), else the latest:
 *   1. inline code that is a formula using the add-in (`` `=GPU.X(...)` ``, or
 *      `` `=XLOOKUP(...GPU.TCO(8)...)` ``) followed on the same line by ` = <figure>`;
 *   2. a table row where a cell starts with such a formula in backticks and a later cell starts
 *      with a figure (the first figure of that cell: "20,215 GPUs; $0.78B" reads 20,215);
 *   3. in a fenced code block, `gpu-cost eval '<formula>'` followed by `# <figure>` on the same
 *      line (its `--edition X` if the command names one; lines with --assumptions are skipped).
 *   An example with no printed figure must still evaluate, to a value with no Excel error in it;
 *   one that refers to cells (`=GPU.CLUSTERCOST(A2:A10,...,B1:F1)`, a sheet's formula shown as
 *   an illustration) must parse and be computable, and may print no figure.
 *   Examples compute in a workbook whose GPU Assumptions sheet records their edition, with the
 *   base scenario active and scenarios "bull" and "bear" (no overrides) for the README's
 *   scenario examples.
 *
 * A figure is read as people print it, and compared at its precision (half a unit of its last
 * digit): "1,134,245" to the unit; "7.92E+15" to 3 significant digits; "0.042"; "$51.1B" and
 * "2.37M" (K, M, B, T scale it); "35%"; "8.3x" (a ratio); "12.50" to the cent; text in quotes
 * exactly; an error code ("#N/A") by its code. A spilled result matches when one of its cells
 * does (FLEETCOST's "$51.1B" is its up-front row).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileFormula } from "../../src/cli/calc/compile";
import { evaluateFormula } from "../../src/cli/calc/engine";
import type { Env } from "../../src/cli/calc/types";
import { customFunctionsEnv } from "../../src/cli/host";
import { EDITIONS, LATEST_EDITION } from "../../src/pricing";
import { ExcelError } from "../../src/runtime";
import { emptyDocument } from "../../src/store/document";
import { readFunctionDocs } from "../../scripts/docs-functions";
import { withWorkbook } from "../harness/workbooks";

const ROOT = path.resolve(__dirname, "../..");
const README = path.join(ROOT, "README.md");
const FUNCTIONS_MD = path.join(ROOT, "docs", "functions.md");

/** One documented example: where it is, its formula, what it prints, the edition it holds for. */
interface Documented {
  readonly where: string;
  readonly formula: string;
  readonly printed?: string;
  readonly edition: string;
}

/* ------------------------------------------------------------------------------------------ */
/* Figures                                                                                    */

/** A printed figure at the start of a text: quoted text, an error code, or a number as people print it. */
const FIGURE =
  /^("[^"]*"|#(?:N\/A|VALUE!|NUM!|DIV\/0!|REF!|NAME\?|NULL!|SPILL!|CALC!|BUSY!)|-?\$?-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:E[+-]?\d+)?(?:[KMBT%x](?![A-Za-z0-9]))?)/;

type Figure =
  | { readonly kind: "number"; readonly value: number; readonly tolerance: number }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "error"; readonly code: string };

function figureAt(text: string): string | undefined {
  return FIGURE.exec(text.trim())?.[1];
}

const SCALE: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12, "%": 0.01, x: 1 };

/** "1,134,245" -> 1134245 +- 0.5; "7.92E+15" -> 7.92e15 +- 5e12; "$51.1B" -> 5.11e10 +- 5e7. */
function parseFigure(printed: string): Figure | undefined {
  const p = printed.trim();
  if (/^".*"$/.test(p)) return { kind: "text", text: p.slice(1, -1) };
  if (p.startsWith("#")) return { kind: "error", code: p };
  const m = /^(-?)\$?(-?)([\d,]+)(?:\.(\d+))?(?:E([+-]?\d+))?([KMBT%x]?)$/.exec(p);
  if (!m) return undefined;
  const sign = m[1] || m[2] ? -1 : 1;
  const decimals = m[4] ?? "";
  const mantissa = Number(`${m[3]!.replace(/,/g, "")}.${decimals || "0"}`);
  const scale = Math.pow(10, Number(m[5] ?? 0)) * (SCALE[m[6] ?? ""] ?? 1);
  return {
    kind: "number",
    value: sign * mantissa * scale,
    tolerance: 0.5 * Math.pow(10, -decimals.length) * scale,
  };
}

/** Whether a computed value shows as the printed figure. */
function shows(value: unknown, figure: Figure): boolean {
  if (Array.isArray(value)) return value.some((row: unknown[]) => row.some((v) => shows(v, figure)));
  switch (figure.kind) {
    case "text":
      return value === figure.text;
    case "error":
      return value instanceof ExcelError && value.code === figure.code;
    case "number":
      return (
        typeof value === "number" &&
        Math.abs(value - figure.value) <= figure.tolerance + 1e-12 * Math.max(1, Math.abs(figure.value))
      );
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Where examples are                                                                         */

/** The JSDoc examples of src/functions. */
function jsdocExamples(): Documented[] {
  return readFunctionDocs().flatMap((f) =>
    f.examples.map((e) => ({
      where: `src/functions/${f.file} (${f.id})`,
      formula: e.formula,
      ...(e.printed !== undefined ? { printed: e.printed } : {}),
      edition: e.edition,
    })),
  );
}

/** A formula in inline code that uses the add-in: "=GPU.X(...)", or another formula around one. */
const isAddinFormula = (code: string) => code.startsWith("=") && /\bGPU\.[A-Z]/i.test(code);

/** Inline-code spans of a line, with where each ends. */
function codeSpans(line: string): { code: string; end: number; cell: number }[] {
  const spans: { code: string; end: number; cell: number }[] = [];
  let cell = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "|") cell++;
    else if (line[i] === "`") {
      const close = line.indexOf("`", i + 1);
      if (close < 0) break;
      spans.push({ code: line.slice(i + 1, close), end: close + 1, cell });
      i = close;
    }
  }
  return spans;
}

/** Table cells of a markdown row ("| a | b |" -> ["a", "b"]), pipes inside code spans kept. */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let current = "";
  let code = false;
  for (const ch of line.trim().replace(/^\||\|$/g, "")) {
    if (ch === "`") code = !code;
    if (ch === "|" && !code) {
      cells.push(current.trim());
      current = "";
    } else current += ch;
  }
  cells.push(current.trim());
  return cells;
}

const EDITION_NAMED = /edition (\d{4}\.\d{2}-\d+)/;

/** README-style examples of a markdown text (see the rules at the top of this file). */
function markdownExamples(text: string, name: string): Documented[] {
  const found: Documented[] = [];
  let edition = LATEST_EDITION;
  let fenced = false;
  text.split("\n").forEach((line, i) => {
    const where = `${name}:${i + 1}`;
    if (/^```/.test(line.trim())) {
      fenced = !fenced;
      return;
    }
    if (fenced) {
      const m = /gpu-cost eval '([^']+)'(.*?)#\s*(.+)$/.exec(line);
      if (m && !/--assumptions/.test(m[2]!) && isAddinFormula(m[1]!)) {
        const printed = figureAt(m[3]!);
        const named = /--edition (\S+)/.exec(m[2]!)?.[1];
        found.push({ where, formula: m[1]!, ...(printed ? { printed } : {}), edition: named ?? edition });
      }
      return;
    }
    if (/^#{1,6}\s/.test(line)) {
      edition = EDITION_NAMED.exec(line)?.[1] ?? LATEST_EDITION;
      return;
    }
    const spans = codeSpans(line).filter((s) => isAddinFormula(s.code));
    const isRow = line.trim().startsWith("|");
    const cells = isRow ? cellsOf(line) : [];
    for (const s of spans) {
      // 1. ` = figure` right after the code span.
      const after = /^\s*=\s*(.*)$/.exec(line.slice(s.end));
      if (after) {
        const printed = figureAt(after[1]!);
        found.push({ where, formula: s.code, ...(printed ? { printed } : {}), edition });
        continue;
      }
      // 2. A table cell starting with the formula, a later cell starting with a figure.
      const cellIndex = s.cell - 1; // the leading "|" opens cell 0
      const own = cells[cellIndex];
      if (isRow && own?.startsWith(`\`${s.code}\``)) {
        const later = cells.slice(cellIndex + 1).find((c) => figureAt(c) !== undefined);
        const printed = later === undefined ? undefined : figureAt(later);
        found.push({ where, formula: s.code, ...(printed ? { printed } : {}), edition });
        continue;
      }
      found.push({ where, formula: s.code, edition });
    }
  });
  return found;
}

/* ------------------------------------------------------------------------------------------ */
/* Evaluation                                                                                 */

const envs = new Map<string, Env>();
function envFor(edition: string): Env {
  let env = envs.get(edition);
  if (!env) {
    // The README's scenario examples name "bull" and "bear": the workbook has them (no overrides).
    const doc = { ...emptyDocument(edition), scenarios: { base: {}, bull: {}, bear: {} } };
    env = customFunctionsEnv(withWorkbook(doc).xl.host, 46_000.5);
    envs.set(edition, env);
  }
  return env;
}

const errorsIn = (value: unknown): ExcelError[] =>
  Array.isArray(value)
    ? value.flatMap((row: unknown[]) => row.flatMap(errorsIn))
    : value instanceof ExcelError
      ? [value]
      : [];

/** What is wrong with an example (undefined: it holds). */
async function check(e: Documented): Promise<string | undefined> {
  if (!EDITIONS.has(e.edition)) return `names edition ${e.edition}, which is not shipped`;
  const compiled = compileFormula(e.formula, 1, 1, "array");
  if (compiled.unsupported)
    return `${compiled.invalid ? "does not parse" : "cannot be computed"}: ${compiled.unsupported}`;
  if (compiled.refs.length > 0) {
    // A sheet's formula shown as an illustration: its cells are not in the text.
    return e.printed === undefined ? undefined : "refers to cells, so its printed figure cannot be checked";
  }
  const outcome = await evaluateFormula(e.formula, envFor(e.edition));
  if ("invalid" in outcome) return `does not parse: ${outcome.invalid}`;
  if ("unsupported" in outcome) return `cannot be computed: ${outcome.unsupported}`;
  const { value } = outcome;
  const shown = Array.isArray(value)
    ? `a ${value.length}x${value[0]?.length ?? 0} spill`
    : value instanceof ExcelError
      ? `${value.code} ${value.message}`
      : JSON.stringify(value);
  if (e.printed === undefined) {
    const errors = errorsIn(value);
    return errors.length ? `gives ${errors[0]!.code} ${errors[0]!.message}` : undefined;
  }
  const figure = parseFigure(e.printed);
  if (!figure) return `prints "${e.printed}", which is not a figure this test reads`;
  return shows(value, figure) ? undefined : `prints ${e.printed}; computes ${shown} (edition ${e.edition})`;
}

/** Every example that does not hold, with the reason. */
async function failures(examples: readonly Documented[]): Promise<string[]> {
  const out: string[] = [];
  for (const e of examples) {
    const why = await check(e);
    if (why) out.push(`${e.where}: ${e.formula} ${why}`);
  }
  return out;
}

/* ------------------------------------------------------------------------------------------ */

describe("reading figures", () => {
  it.each([
    ["1,134,245", 1_134_244.8, 1_134_245.6],
    ["7.92E+15", 7_915_200_000_000_000, 7.926e15],
    ["0.042", 0.04242706, 0.0426],
    ["2.37M", 2_374_997.19, 2_376_000],
    ["$51.1B", 51_103_597_679, 51_160_000_000],
    ["12.50", 12.5, 12.506],
    ["21,147", 21_147, 21_148],
    ["17.9", 17.91267, 17.96],
    ["35%", 0.35, 0.356],
    ["8.3x", 8.2831, 8.36],
    ["1.49E+09", 1_491_569_840, 1_496_000_000],
  ])("%s holds %d and not %d", (printed, holds, not) => {
    const f = parseFigure(printed)!;
    expect(shows(holds, f)).toBe(true);
    expect(shows(not, f)).toBe(false);
  });

  it("text in quotes, error codes, spills", () => {
    expect(shows("2026.11-1", parseFigure('"2026.11-1"')!)).toBe(true);
    expect(shows("2026.11-1 ", parseFigure('"2026.11-1"')!)).toBe(false);
    expect(shows(new ExcelError("#N/A" as never, "never"), parseFigure("#N/A")!)).toBe(true);
    expect(shows([["Up-front capex (USD)", 51_103_597_679]], parseFigure("$51.1B")!)).toBe(true);
  });

  it("finds the figure at the start of a text", () => {
    expect(figureAt("20,215 GPUs; $0.78B")).toBe("20,215");
    expect(figureAt("2, 4, 1.414")).toBe("2");
    expect(figureAt("$51.1B up front, $17.0B a year")).toBe("$51.1B");
    expect(figureAt("52.5M.")).toBe("52.5M");
    expect(figureAt("spills $51.1B up front")).toBeUndefined();
  });

  it("reads the README's three forms and the edition of the heading above", () => {
    const text = [
      "# Title",
      "Type `=GPU.CLUSTERCOST(8)` = 1,234 in a cell; `=GPU.TCO(8)` spills.",
      "### Worked (edition 2023.10-1)",
      '| F1 | `=GPU.CLUSTERCOST(8,"H100-SXM","capex")` | 307,353 ($248,956 quote) |',
      "| x | `GPU.FLOPS(gpus)` | `=GPU.FLOPS(8)` = 7.92E+15 |",
      "```sh",
      "npx gpu-cost eval '=GPU.FLOPS(8)' --edition 2023.10-1   # 7.92E+15",
      "npx gpu-cost eval '=GPU.HOURLY()' --assumptions a.json   # 2.13",
      "```",
      "## Next",
      '| `=GPU.EDITION()` | "2026.11-1" |',
    ].join("\n");
    expect(markdownExamples(text, "R")).toEqual([
      { where: "R:2", formula: "=GPU.CLUSTERCOST(8)", printed: "1,234", edition: LATEST_EDITION },
      { where: "R:2", formula: "=GPU.TCO(8)", edition: LATEST_EDITION },
      { where: "R:4", formula: '=GPU.CLUSTERCOST(8,"H100-SXM","capex")', printed: "307,353", edition: "2023.10-1" },
      { where: "R:5", formula: "=GPU.FLOPS(8)", printed: "7.92E+15", edition: "2023.10-1" },
      { where: "R:7", formula: "=GPU.FLOPS(8)", printed: "7.92E+15", edition: "2023.10-1" },
      { where: "R:11", formula: "=GPU.EDITION()", printed: '"2026.11-1"', edition: LATEST_EDITION },
    ]);
  });
});

describe("documented examples hold", () => {
  beforeAll(() => {
    envFor(LATEST_EDITION); // load the bundle once before the timed tests
  });

  it("every JSDoc Example: line of src/functions", async () => {
    const examples = jsdocExamples();
    expect(examples.length).toBeGreaterThan(20);
    expect(await failures(examples)).toEqual([]);
  });

  it("every README example", async () => {
    const examples = markdownExamples(readFileSync(README, "utf8"), "README.md");
    expect(examples.length).toBeGreaterThan(20);
    expect(examples.filter((e) => e.printed !== undefined).length).toBeGreaterThan(15);
    expect(await failures(examples)).toEqual([]);
  });

  it.skipIf(!existsSync(FUNCTIONS_MD))("docs/functions.md: the JSDoc's examples, holding", async () => {
    const lines = readFileSync(FUNCTIONS_MD, "utf8").split("\n");
    const examples = markdownExamples(lines.join("\n"), "docs/functions.md")
      .map((e) => ({ ...e, line: lines[Number(e.where.split(":")[1]) - 1] ?? "" }))
      // The generated "Examples" lists: "- `=GPU...` = figure (edition X)", the edition on the line.
      .filter((e) => e.line.startsWith("- `="))
      .map(({ line, ...e }) => ({ ...e, edition: EDITION_NAMED.exec(line)?.[1] ?? LATEST_EDITION }));
    const key = (e: Documented) => `${e.formula} = ${e.printed ?? ""} @ ${e.edition}`;
    expect(examples.map(key).sort()).toEqual(jsdocExamples().map(key).sort());
    expect(await failures(examples)).toEqual([]);
  });
});
