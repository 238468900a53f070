/**
 * The function reference, generated from the one place each fact lives:
 * - each function's JSDoc in src/functions/*.ts (what custom-functions-metadata also reads for
 *   functions.json and Excel's tooltips): description, parameters, returns, examples;
 * - the price book: accepted values (accelerators, providers, modes, models, APIs) and the
 *   defaults a parameter takes from it, as of the edition new workbooks start on.
 * It writes docs/functions.md (served with the add-in as help.html: every function's helpUrl
 * points at its anchor) and the README's generated lists. `npx tsx scripts/docs-functions.ts`;
 * test/docs/functions.test.ts fails when a committed file is stale.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import {
  LATEST_EDITION,
  PERIODS,
  PRECISIONS,
  PRICING_MODES,
  SCALING_LAWS,
  bookFor,
  loadEditions,
  type PriceBook,
} from "../src/pricing";

const ROOT = path.join(__dirname, "..");
export const FUNCTIONS_DIR = path.join(ROOT, "src", "functions");
export const OUTPUT = path.join(ROOT, "docs", "functions.md");
export const README = path.join(ROOT, "README.md");

/** One parameter as the JSDoc declares it. */
export interface ParameterDoc {
  readonly name: string;
  readonly optional: boolean;
  readonly description: string;
}

/** One example: a formula and what it prints, with the edition it was computed with. */
export interface ExampleDoc {
  readonly formula: string;
  /** The printed result ("1,134,245", "7.92E+15", "$0.042", "2.37M"...), if the example gives one. */
  readonly printed?: string;
  /** The edition the printed figure holds for; the latest when the example names none. */
  readonly edition: string;
  /** The example line as written. */
  readonly text: string;
}

/** One function as its JSDoc declares it. */
export interface FunctionDoc {
  readonly id: string;
  readonly description: string;
  readonly parameters: readonly ParameterDoc[];
  readonly returns: string;
  readonly examples: readonly ExampleDoc[];
  readonly helpUrl?: string;
  readonly file: string;
}

/** "Example: =GPU.X(...) = 1,234 (edition 2023.10-1)." and its variants: formula, printed figure, edition. */
export function parseExample(text: string): ExampleDoc[] {
  const edition = /edition (\d{4}\.\d{2}-\d+)/.exec(text)?.[1] ?? LATEST_EDITION;
  const found: ExampleDoc[] = [];
  // A formula runs from "=GPU." to its balanced closing parenthesis (quotes respected).
  for (let i = text.indexOf("=GPU."); i >= 0; i = text.indexOf("=GPU.", i + 1)) {
    let depth = 0;
    let quoted = false;
    let end = -1;
    for (let j = i; j < text.length; j++) {
      const ch = text[j];
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === "(") depth++;
      else if (!quoted && ch === ")" && --depth === 0) {
        end = j + 1;
        break;
      }
    }
    if (end < 0) break;
    const formula = text.slice(i, end);
    // The printed figure: a quoted text, or a number as people print it (1,134,245; 7.92E+15;
    // $0.042; 2.37M; 35%), its unit word after a space left out.
    const printed = /^\s*=\s*("[^"]*"|\$?-?\d[\d,]*(?:\.\d+)?(?:E[+-]?\d+)?[KMBT%]?)(?![\w])/.exec(
      text.slice(end),
    )?.[1];
    found.push({ formula, printed: printed?.trim(), edition, text });
    i = end - 1;
  }
  return found;
}

/** Every @customfunction of src/functions, in file and source order. */
export function readFunctionDocs(dir = FUNCTIONS_DIR): FunctionDoc[] {
  const docs: FunctionDoc[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()) {
    const source = ts.createSourceFile(file, readFileSync(path.join(dir, file), "utf8"), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (!ts.isFunctionDeclaration(statement)) continue;
      for (const jsdoc of ts.getJSDocCommentsAndTags(statement).filter(ts.isJSDoc)) {
        const tags = jsdoc.tags ?? [];
        const id = tagText(tags.find((t) => t.tagName.text === "customfunction"));
        if (!id) continue;
        const comment = ts.getTextOfJSDocComment(jsdoc.comment) ?? "";
        const lines = comment.split("\n").map((l) => l.trim());
        const description = lines
          .filter((l) => !l.startsWith("Example:"))
          .join(" ")
          .trim();
        const examples = lines.filter((l) => l.startsWith("Example:")).flatMap((l) => parseExample(l));
        const parameters = tags
          .filter((t) => ts.isJSDocParameterTag(t))
          .map((t) => t as ts.JSDocParameterTag)
          .map((p) => ({
            name: p.name.getText(source),
            optional: p.isBracketed,
            description: (ts.getTextOfJSDocComment(p.comment) ?? "").replace(/^[\s-]+/, ""),
          }));
        const returns = tagText(tags.find((t) => t.tagName.text === "returns"));
        const helpUrl = tagText(tags.find((t) => t.tagName.text.toLowerCase() === "helpurl"));
        docs.push({ id: id.split(/\s+/)[0]!, description, parameters, returns, examples, helpUrl, file });
      }
    }
  }
  return docs;
}

function tagText(tag: ts.JSDocTag | undefined): string {
  return tag ? (ts.getTextOfJSDocComment(tag.comment) ?? "").trim() : "";
}

/** The anchor of a function in docs/functions.md and help.html. */
export function anchorOf(id: string): string {
  return id.toLowerCase();
}

const list = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(", ");

/** The lists users choose from, from the price book new workbooks start on. */
export function acceptedValues(book: PriceBook): { label: string; values: string }[] {
  const instances = [...book.assumptions.keys()]
    .filter((k) => k.endsWith(".gpus") && book.providers.includes(k.split(".")[0]!))
    .map((k) => k.slice(0, -".gpus".length));
  return [
    { label: "Accelerators (`gpu`)", values: list([...book.accelerators.values()].map((a) => a.id)) },
    { label: "Providers (`provider`)", values: list(book.providers) },
    { label: 'Instances (`provider` as "provider.instance")', values: list(instances) },
    { label: "Pricing (`pricing`)", values: `${list(PRICING_MODES)}, or a number: USD per GPU-hour` },
    { label: "Precisions (`precision`)", values: list(PRECISIONS) },
    { label: "Periods (`period`)", values: list(Object.keys(PERIODS)) },
    { label: "Scaling laws (`law`)", values: list(SCALING_LAWS) },
    {
      label: "Reference models (`model`, `params`)",
      values: `${list([...book.models.values()].map((m) => m.id))}, or a parameter count`,
    },
    { label: "APIs (`APICOST`'s `model`)", values: list([...book.apis.values()].map((a) => a.id)) },
  ];
}

/** A parameter's description with the values of the price-book keys it names as defaults. */
function withDefaults(description: string, book: PriceBook): string {
  return description.replace(/\b((?:method|facility|finance|serving|chip)\.[a-z_]+)\b/g, (key) => {
    const a = book.assumptions.get(key);
    return a ? `\`${key}\` = ${format(a.value)} ${a.shipped.unit}` : key;
  });
}

function format(value: number): string {
  return Math.abs(value) >= 1e6 || (Math.abs(value) < 1e-3 && value !== 0)
    ? value.toExponential(2).replace("e+", "E+").replace("e-", "E-")
    : value.toLocaleString("en-US", { maximumFractionDigits: 4 });
}

function signature(f: FunctionDoc): string {
  return `GPU.${f.id}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

export function renderFunctionsDoc(docs = readFunctionDocs()): string {
  const book = bookFor(new Map(), LATEST_EDITION);
  const lines = [
    "# GPU.* function reference",
    "",
    "<!-- Generated by `npx tsx scripts/docs-functions.ts` from the functions' JSDoc and the price book: do not edit by hand. -->",
    "",
    `Every function takes a last optional \`scenario\`: a scenario's name, or a two-column range of key/value overrides. Keys and modes are case-insensitive. Defaults that come from the price book are shown as in edition ${LATEST_EDITION}, the one new workbooks start on (=GPU.EDITION() tells a workbook's). Scalar functions accept ranges in their arguments and spill a grid, as Excel's own functions do: \`=GPU.CLUSTERCOST(A2:A10,"H100-SXM","ondemand",B1:F1)\`.`,
    "",
    "Bad input gives `#VALUE!` (wrong kind or range) or `#N/A` (not in the price book) with a message naming the argument and the accepted values; a result too large for a cell gives `#NUM!`.",
    "",
    "## Accepted values",
    "",
    ...acceptedValues(book).map((a) => `- **${a.label}**: ${a.values}.`),
    "",
    "## Functions",
    "",
    ...docs.map((f) => `- [GPU.${f.id}](#${anchorOf(f.id)})`),
    "",
  ];
  for (const f of docs) {
    lines.push(
      `<a id="${anchorOf(f.id)}"></a>`,
      "",
      `### GPU.${f.id}`,
      "",
      `\`${signature(f)}\``,
      "",
      f.description,
      "",
    );
    lines.push("| parameter | | description |", "|---|---|---|");
    for (const p of f.parameters) {
      lines.push(
        `| \`${p.name}\` | ${p.optional ? "optional" : "required"} | ${withDefaults(p.description, book).replace(/\|/g, "\\|")} |`,
      );
    }
    lines.push("", `**Returns**: ${f.returns}`, "");
    if (f.examples.length) {
      lines.push("**Examples**:", "");
      for (const e of f.examples) {
        lines.push(
          `- \`${e.formula}\`${e.printed ? ` = ${e.printed}` : ""}${e.edition !== LATEST_EDITION ? ` (edition ${e.edition})` : ""}`,
        );
      }
      lines.push("");
    }
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The README's generated lists: between these markers. */
export const README_START = "<!-- generated: accepted values (npx tsx scripts/docs-functions.ts) -->";
export const README_END = "<!-- /generated -->";

export function renderReadmeLists(): string {
  const book = bookFor(new Map(), LATEST_EDITION);
  return [README_START, ...acceptedValues(book).map((a) => `- **${a.label}**: ${a.values}.`), README_END].join("\n");
}

/** The README with its generated lists brought up to date. */
export function updatedReadme(text = readFileSync(README, "utf8")): string {
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${README_START}" ... "${README_END}" block`);
  return text.slice(0, start) + renderReadmeLists() + text.slice(end + README_END.length);
}

if (require.main === module) {
  void loadEditions().then(() => {
    writeFileSync(OUTPUT, renderFunctionsDoc());
    writeFileSync(README, updatedReadme());
    console.log(`wrote ${path.relative(process.cwd(), OUTPUT)} and the README's lists`);
  });
}
