/**
 * Which chips, providers and rent modes a workbook prices, for the pane's "Key drivers". Pure:
 * it reads cell contents (as Excel's `Range.formulas` gives them) and the document's edits; the
 * Excel side that reads the cells is ./workbook.ts.
 */
import type { PriceBook } from "../pricing";
import type { Usage } from "./layout";

/** The words of the price book a cell may name: accelerator ids, providers, rent modes. */
interface Vocabulary {
  readonly gpus: ReadonlyMap<string, string>;
  readonly providers: ReadonlySet<string>;
  readonly modes: ReadonlySet<string>;
}

function vocabulary(book: PriceBook): Vocabulary {
  const gpus = new Map<string, string>();
  for (const [k, a] of book.accelerators) gpus.set(k, a.id);
  const providers = new Set<string>();
  const modes = new Set<string>();
  for (const i of book.data.instances ?? []) {
    providers.add(i.provider.toLowerCase());
    for (const m of Object.keys(i.hourlyUsd)) modes.add(m.toLowerCase());
  }
  return { gpus, providers, modes };
}

const GPU_CALL = /\bGPU\.[A-Z]+\s*\(/i;
const STRING_LITERAL = /"((?:[^"]|"")*)"/g;

/**
 * What cells name, most often named first. A formula counts when it calls a GPU.* function:
 * its string literals are read ("B200", "aws", "reserved3y"). A constant counts when the whole
 * cell is a chip id, provider or mode (an input cell such as B2 = "B200" that a formula refers
 * to). Anything else is ignored.
 *
 * usageFromCells(['=GPU.CLUSTERCOST(8,"B200","reserved1y",3,"aws")', "H200", 8], book)
 *   -> { gpus: ["B200", "H200"], providers: ["aws"], modes: ["reserved1y"] }
 */
export function usageFromCells(cells: Iterable<unknown>, book: PriceBook): Usage {
  const words = vocabulary(book);
  const counts = {
    gpus: new Map<string, number>(),
    providers: new Map<string, number>(),
    modes: new Map<string, number>(),
  };
  const note = (raw: string) => {
    const w = raw.trim().toLowerCase();
    if (w.length === 0 || w.length > 40) return;
    const gpu = words.gpus.get(w);
    if (gpu !== undefined) counts.gpus.set(gpu, (counts.gpus.get(gpu) ?? 0) + 1);
    else if (words.providers.has(w)) counts.providers.set(w, (counts.providers.get(w) ?? 0) + 1);
    else if (words.modes.has(w)) counts.modes.set(w, (counts.modes.get(w) ?? 0) + 1);
  };
  for (const cell of cells) {
    if (typeof cell !== "string" || cell.length === 0) continue;
    if (cell.startsWith("=")) {
      if (!GPU_CALL.test(cell)) continue;
      for (const m of cell.matchAll(STRING_LITERAL)) note(m[1]!.replace(/""/g, '"'));
    } else {
      note(cell);
    }
  }
  const ranked = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  return { gpus: ranked(counts.gpus), providers: ranked(counts.providers), modes: ranked(counts.modes) };
}

/**
 * What the user's own edits say: the chips and providers of the keys changed in a scenario,
 * the most recently changed first. `h100-sxm.node_price` names H100-SXM; `aws.p5.48xlarge.ondemand`
 * names aws and the chip the instance carries.
 */
export function usageFromEdits(
  overrides: Readonly<Record<string, { readonly changedAt?: string | undefined }>>,
  book: PriceBook,
): Usage {
  const carries = new Map<string, string>();
  for (const i of book.data.instances ?? []) carries.set(`${i.provider}.${i.name}`.toLowerCase(), i.gpu);
  const gpus: string[] = [];
  const providers: string[] = [];
  // The most recent first; edits without a time (typed into the sheet by hand) last.
  const at = (k: string) => overrides[k]?.changedAt ?? "";
  const keys = Object.keys(overrides).sort((a, b) => (at(b) < at(a) ? -1 : at(b) > at(a) ? 1 : 0));
  for (const key of keys) {
    const chip = book.accelerators.get(key.slice(0, key.indexOf(".")))?.id;
    const instance = key.slice(0, key.lastIndexOf("."));
    const carried = carries.get(instance);
    const gpu = chip ?? (carried === undefined ? undefined : book.accelerators.get(carried.toLowerCase())?.id);
    if (gpu !== undefined && !gpus.includes(gpu)) gpus.push(gpu);
    if (carried !== undefined) {
      const provider = instance.slice(0, instance.indexOf("."));
      if (!providers.includes(provider)) providers.push(provider);
    }
  }
  return { gpus, providers, modes: [] };
}

/** `first`'s entries, then `second`'s that `first` lacks. */
export function mergeUsage(first: Usage, second: Usage): Usage {
  const merge = (a: readonly string[], b: readonly string[]) => [...a, ...b.filter((x) => !a.includes(x))];
  return {
    gpus: merge(first.gpus, second.gpus),
    providers: merge(first.providers, second.providers),
    modes: merge(first.modes, second.modes),
  };
}

export const NO_USAGE: Usage = { gpus: [], providers: [], modes: [] };
