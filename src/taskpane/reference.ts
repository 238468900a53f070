/**
 * The pane's function reference: every GPU.* function of `functions.json` (the metadata Excel
 * reads, built from the functions' JSDoc and served beside the pane), with its parameters and
 * examples, and the formula "Insert into the selected cell" writes. Pure (tested in Node); the
 * pane fetches the file and ./workbook.ts writes the formula.
 */

/** The functions' namespace in Excel (manifest.xml, `Functions.Namespace`). */
export const NAMESPACE = "GPU";

export interface ParamInfo {
  readonly name: string;
  readonly description: string;
  readonly optional: boolean;
  /** "number", "string", "boolean" or "any" (functions.json). */
  readonly type: string;
  /** Takes a range (a 2-D argument). */
  readonly range: boolean;
}

export interface FunctionInfo {
  readonly id: string;
  readonly name: string;
  /** The description without its example lines. */
  readonly description: string;
  /** Example formulas from the description ("Example: =GPU.X(...) = 42"), with what they give. */
  readonly examples: readonly { readonly formula: string; readonly result: string }[];
  readonly params: readonly ParamInfo[];
  /** Returns a 2-D array that spills. */
  readonly spills: boolean;
  readonly helpUrl?: string;
}

/**
 * Reads `functions.json`: unknown shapes give an empty list rather than an exception (the file
 * is ours, but the pane must never break on it).
 */
export function parseMetadata(json: unknown): FunctionInfo[] {
  const list = (json as { functions?: unknown })?.functions;
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw): FunctionInfo[] => {
    if (!raw || typeof raw !== "object") return [];
    const f = raw as Record<string, unknown>;
    if (typeof f.name !== "string" || typeof f.id !== "string") return [];
    const text = typeof f.description === "string" ? f.description : "";
    const lines = text.split("\n");
    const examples = lines
      .filter((l) => /^\s*Example:/i.test(l))
      .flatMap((l) => {
        const rest = l.replace(/^\s*Example:\s*/i, "");
        const formula = leadingFormula(rest);
        return formula
          ? [
              {
                formula,
                result: rest
                  .slice(formula.length)
                  .replace(/^\s*=\s*/, "")
                  .replace(/\.$/, ""),
              },
            ]
          : [];
      });
    const params = (Array.isArray(f.parameters) ? f.parameters : []).map((p: Record<string, unknown>) => ({
      name: String(p.name ?? ""),
      description: String(p.description ?? ""),
      optional: p.optional === true,
      type: String(p.type ?? "any"),
      range: p.dimensionality === "matrix",
    }));
    const result = f.result as { dimensionality?: unknown } | undefined;
    const info: FunctionInfo = {
      id: f.id,
      name: f.name,
      description: lines
        .filter((l) => !/^\s*Example:/i.test(l))
        .join("\n")
        .trim(),
      examples,
      params,
      spills: result?.dimensionality === "matrix",
    };
    return [typeof f.helpUrl === "string" ? { ...info, helpUrl: f.helpUrl } : info];
  });
}

/** `GPU.CLUSTERCOST(gpus, [gpu], [pricing], [years], [provider], [scenario])` */
export function signature(f: FunctionInfo): string {
  return `${NAMESPACE}.${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

/** Whether a function matches what was typed into the reference's search (name, words, parameters). */
export function matches(f: FunctionInfo, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  const hay = `${NAMESPACE}.${f.name} ${f.description} ${f.params.map((p) => `${p.name} ${p.description}`).join(" ")}`;
  return hay.toLowerCase().includes(needle);
}

/** The formula at the start of `text` ("=GPU.X(1,"a")" of "=GPU.X(1,"a") = 3"), up to its closing parenthesis. */
function leadingFormula(text: string): string | undefined {
  if (!text.startsWith("=")) return undefined;
  let depth = 0;
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return text.slice(0, i + 1);
  }
  return undefined;
}

/**
 * The top-level arguments of a call, as typed: `=GPU.X(8,"H100-SXM",,3)` -> ["8", '"H100-SXM"', "", "3"].
 */
export function argumentsOf(formula: string): string[] {
  const open = formula.indexOf("(");
  if (open < 0 || !formula.endsWith(")")) return [];
  const inner = formula.slice(open + 1, -1);
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      args.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (inner.trim() !== "" || args.length > 0) args.push(inner.slice(start).trim());
  return args;
}

/** What a parameter's field shows for an argument as typed in a formula: text without its quotes. */
export function fieldText(arg: string): string {
  return /^".*"$/s.test(arg) ? arg.slice(1, -1).replace(/""/g, '"') : arg;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i;
/** A cell or range reference, optionally on another sheet: B2, $B$2, A2:A10, Sheet1!B2, 'My sheet'!B2:C3. */
const REFERENCE = /^((('[^']+')|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;
const BOOLEAN = /^(true|false)$/i;

/** Whether a text is a name the price book knows (a chip, provider, mode or scenario). */
export type KnownName = (text: string) => boolean;

/**
 * One argument as it goes into the formula. Numbers, cell references, booleans and text the
 * user quoted go in as typed; other text is quoted for Excel ("H100-SXM" -> `"H100-SXM"`,
 * embedded quotes doubled). A name the price book knows is quoted even where it reads as a
 * cell address too ("B200" is a chip and cell B200). A number parameter takes what was typed
 * (a number, a reference, an expression such as 20E18 or B2*2).
 */
export function formulaArgument(text: string, param: ParamInfo, known: KnownName = () => false): string {
  const t = text.trim();
  if (t === "") return "";
  if (param.type === "number") return t;
  // A name the price book knows ("B200", a chip, reads as a cell address too) is quoted only
  // where the parameter takes names; in a count or a price it stays a reference.
  if (NAME_PARAMETERS.has(param.name) && known(t)) return `"${t}"`;
  if (NUMBER.test(t) || REFERENCE.test(t) || BOOLEAN.test(t) || /^".*"$/s.test(t)) return t;
  return `"${t.replace(/"/g, '""')}"`;
}

/**
 * The formula for a function and the texts of its parameter fields; trailing omitted arguments
 * are left out, inner ones left empty as Excel allows (`=GPU.HOURLY(,"buy")`).
 * composeFormula(HOURLY, ["", "buy"]) -> { formula: '=GPU.HOURLY(,"buy")', missing: [] }
 */
/**
 * Parameters that take a name from the price book (a chip, a provider, a mode, a model...): the
 * scalar functions' parameters all arrive as "any" in functions.json (they accept ranges), so
 * their names say which take names.
 */
const NAME_PARAMETERS: ReadonlySet<string> = new Set([
  "gpu",
  "pricing",
  "provider",
  "precision",
  "period",
  "law",
  "key",
  "filter",
  "model",
  "params",
  "scenario",
]);

export function composeFormula(
  f: FunctionInfo,
  texts: readonly string[],
  known?: KnownName,
): { formula: string; missing: string[] } {
  const args = f.params.map((p, i) => formulaArgument(texts[i] ?? "", p, known));
  const missing = f.params.filter((p, i) => !p.optional && args[i] === "").map((p) => p.name);
  while (args.length > 0 && args[args.length - 1] === "") args.pop();
  return { formula: `=${NAMESPACE}.${f.name}(${args.join(",")})`, missing };
}

/** The parameter fields' starting texts: the first example's arguments, else empty. */
export function exampleTexts(f: FunctionInfo): string[] {
  const args = f.examples[0] ? argumentsOf(f.examples[0].formula) : [];
  return f.params.map((_, i) => fieldText(args[i] ?? ""));
}
