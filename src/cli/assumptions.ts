import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { bookFor, boundsProblem, closest, listOf, quote, type PriceBook } from "../pricing";
import { MemoryBackend, type WorkbookContent } from "../store/backend";
import { DocumentError, LIMITS, entryOf, hasScenario, type AssumptionsDocument } from "../store/document";
import { cellOfEntry } from "../store/plan";
import { SHEET_NAME, type SheetProblem } from "../store/sheet";
import { AssumptionStore, messageOf } from "../store/store";
import { interpret, scenarioName } from "../store/validate";
import { formatTable } from "./format";
import { writeAtomically, type OutputFs } from "./output";
import { assumptionChanges, readPackageAssumptions, type PackageAssumptions } from "./xlsx/assumptions";
import { XlsxError } from "./xlsx/errors";
import { readWorkbookInfo, type WorkbookInfo } from "./xlsx/workbook";
import { Package } from "./xlsx/zip";

/**
 * `gpu-cost assumptions list|set|export|import`: a workbook's assumptions managed from scripts
 * and CI, in the same `GPU Assumptions` sheet the task pane edits, through the same store
 * (src/store: `AssumptionStore` over an in-memory copy of the sheet, `planEdit` for the cells a
 * change touches). Writes are refused, with one line naming the sheet and cell and nothing
 * written, when a value does not validate or the sheet has cells that do not validate (a
 * damaged sheet) that the change does not replace; they go to `-o` atomically, every other part
 * and byte of the workbook as it was.
 */

/** The work cannot be done (exit 2): a one-line reason. */
export class AssumptionsFailure extends Error {
  override name = "AssumptionsFailure";
}

/** A wrong command line (exit 64). */
export class AssumptionsUsage extends Error {
  override name = "AssumptionsUsage";
}

export interface AssumptionsIo {
  out(text: string): void;
  err(text: string): void;
  fs: OutputFs;
  /** The time recorded with a change (ISO 8601); now by default. */
  clock?: () => string;
}

/** A workbook opened for its assumptions. */
export interface OpenedAssumptions {
  readonly file: string;
  readonly pkg: Package;
  readonly info: WorkbookInfo;
  readonly read: PackageAssumptions;
}

export function isWorkbookFile(file: string): boolean {
  return /\.xls[xm]$/i.test(path.extname(file));
}

export async function openAssumptions(file: string): Promise<OpenedAssumptions> {
  if (!existsSync(file)) throw new AssumptionsFailure(`No such file: ${file}.`);
  if (statSync(file).isDirectory()) throw new AssumptionsFailure(`${file} is a folder, not a workbook.`);
  if (!isWorkbookFile(file)) throw new AssumptionsFailure(`${file} is not an .xlsx file.`);
  const pkg = await Package.open(readFileSync(file), file);
  const info = await readWorkbookInfo(pkg);
  return { file, pkg, info, read: await readPackageAssumptions(pkg, info) };
}

/** Where a workbook's assumptions come from, in words. */
export function describeLocation(content: WorkbookContent): string {
  const seen = interpret(content);
  const edition = `edition ${seen.doc.bookVersion}`;
  if (content.sheet) return `its '${content.sheet.name}' sheet (${edition}, scenario "${seen.doc.activeScenario}")`;
  if (seen.location === "settings") return `its stored assumptions (0.1 settings, ${edition})`;
  return `no stored assumptions (the shipped defaults of ${edition})`;
}

/** A problem as one line: the cell, then why. */
export function problemLine(p: SheetProblem): string {
  return `${p.address}: ${p.message}`;
}

/** Prints every problem (at most `shown`) as a warning on stderr. */
export function warnProblems(problems: readonly SheetProblem[], err: (t: string) => void, shown = 50): void {
  for (const p of problems.slice(0, shown)) err(`warning: ${problemLine(p)}`);
  if (problems.length > shown) err(`warning: ... and ${problems.length - shown} more cells that do not validate.`);
}

/** The first problem as a refusal: one line, with how many more. */
function refusal(problems: readonly SheetProblem[], file: string): AssumptionsFailure {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more: gpu-cost assumptions list ${file})` : "";
  return new AssumptionsFailure(
    `${problemLine(first)} The assumptions sheet has cells that do not validate${more}; fix them in Excel, or set or import values that replace them. Nothing was written.`,
  );
}

/** Refuses a workbook whose assumptions cannot be edited: a newer add-in's sheet, a damaged layout. */
function requireWritable(content: WorkbookContent): void {
  const seen = interpret(content);
  if (seen.status === "future" || (seen.status === "corrupt" && seen.location !== "settings")) {
    throw new AssumptionsFailure(`${seen.warning ?? "The assumptions cannot be edited."} Nothing was written.`);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* list                                                                                       */

interface Row {
  scenario: string;
  key: string;
  value: number;
  default: number;
  unit: string;
  changedAt?: string;
}

function overrideRows(doc: AssumptionsDocument, book: PriceBook, all: boolean): Row[] {
  const rows: Row[] = [];
  const names = [
    doc.activeScenario,
    ...Object.keys(doc.scenarios)
      .filter((s) => s !== doc.activeScenario)
      .sort(),
  ];
  for (const scenario of names) {
    const keys = all ? [...book.assumptions.keys()] : Object.keys(doc.scenarios[scenario] ?? {}).sort();
    for (const key of keys) {
      const a = book.assumptions.get(key);
      if (!a) continue;
      const entry = entryOf(doc, scenario, key);
      rows.push({
        scenario,
        key,
        value: entry?.value ?? a.shipped.value,
        default: a.shipped.value,
        unit: a.shipped.unit,
        ...(entry?.changedAt ? { changedAt: entry.changedAt } : {}),
      });
    }
    if (all) break; // --all lists the active scenario
  }
  return rows;
}

export async function listCommand(
  file: string,
  options: { json?: boolean; all?: boolean },
  io: AssumptionsIo,
): Promise<number> {
  const opened = await openAssumptions(file);
  const { content } = opened.read;
  const seen = interpret(content);
  const book = bookFor(new Map(), seen.doc.bookVersion);
  const rows = overrideRows(seen.doc, book, options.all === true);
  const unusable = seen.status === "future" || seen.status === "corrupt";
  if (options.json) {
    const scenarios: Record<string, Record<string, unknown>> = {};
    for (const name of Object.keys(seen.doc.scenarios)) scenarios[name] = {};
    for (const r of rows) {
      scenarios[r.scenario]![r.key] = {
        value: r.value,
        default: r.default,
        unit: r.unit,
        ...(r.changedAt ? { changedAt: r.changedAt } : {}),
      };
    }
    io.out(
      JSON.stringify({
        file,
        location: seen.location,
        sheet: content.sheet?.name ?? null,
        status: seen.status,
        edition: seen.doc.bookVersion,
        activeScenario: seen.doc.activeScenario,
        scenarios,
        problems: seen.problems.map((p) => ({ cell: p.address, ...(p.key ? { key: p.key } : {}), message: p.message })),
        warning: seen.warning ?? null,
      }),
    );
    return unusable ? 2 : 0;
  }
  if (seen.warning) io.err(`warning: ${seen.warning}`);
  warnProblems(seen.problems, io.err);
  io.out(`${file}: ${describeLocation(content)}.`);
  const others = Object.keys(seen.doc.scenarios).filter((s) => s !== seen.doc.activeScenario);
  if (others.length)
    io.out(`Scenarios: ${[seen.doc.activeScenario, ...others.sort()].join(", ")} (the first is active).`);
  if (rows.length === 0) io.out("No overrides: every key has the edition's default.");
  else {
    io.out(
      formatTable([
        ["Scenario", "Key", "Value", "Default", "Unit", "Changed at"],
        ...rows.map((r) => [r.scenario, r.key, r.value, r.default, r.unit, r.changedAt ?? ""]),
      ]),
    );
  }
  return unusable ? 2 : 0;
}

/* ------------------------------------------------------------------------------------------ */
/* set and import: through the store, then written                                            */

/** A store over an in-memory copy of the workbook's assumptions (as the add-in's over Excel's). */
async function storeOver(content: WorkbookContent, io: AssumptionsIo) {
  const backend = new MemoryBackend(content);
  const store = new AssumptionStore(backend, io.clock ? { clock: io.clock } : {});
  await store.ready;
  return { backend, store };
}

/** Writes the workbook with the assumptions `after` holds; refuses a sheet left with problems. */
async function writeAssumptions(
  opened: OpenedAssumptions,
  after: WorkbookContent,
  output: string,
  io: AssumptionsIo,
): Promise<number> {
  const problems = interpret(after).problems;
  if (problems.length) throw refusal(problems, opened.file);
  const changes = await assumptionChanges(opened.pkg, opened.info, opened.read, after);
  await writeAtomically(output, (sink) => opened.pkg.write(sink, changes.replace, changes.add), io.fs);
  return changes.cells;
}

/** A value typed on the command line: a number ("1.1", "2.5e9", "40%"), or nothing for the default. */
export function parseValue(text: string): number | null | undefined {
  const t = text.trim().replace(/_/g, "");
  if (t === "") return null;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%?)$/i.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]) / (m[2] ? 100 : 1);
  return Number.isFinite(n) ? n : undefined;
}

function checkOutput(output: string | undefined): string {
  if (!output)
    throw new AssumptionsUsage("-o OUT.xlsx is required: where to write the workbook (it may be the input).");
  if (!isWorkbookFile(output)) throw new AssumptionsUsage(`-o ${output}: the output is a workbook, an .xlsx file.`);
  return output;
}

export async function setCommand(
  file: string,
  pairs: string[],
  options: { scenario?: string; output?: string },
  io: AssumptionsIo,
): Promise<number> {
  const output = checkOutput(options.output);
  if (pairs.length === 0) throw new AssumptionsUsage("Give at least one KEY=VALUE, e.g. facility.pue=1.1.");
  const opened = await openAssumptions(file);
  const { content } = opened.read;
  requireWritable(content);
  const seen = interpret(content);
  const doc = seen.doc;
  const sheetName = content.sheet?.name ?? SHEET_NAME;
  let scenario: string;
  try {
    scenario = options.scenario === undefined ? doc.activeScenario : scenarioName(options.scenario);
  } catch (error) {
    throw new AssumptionsUsage(`--scenario: ${messageOf(error)}`);
  }
  const book = bookFor(new Map(), doc.bookVersion);

  // Every pair is checked before anything is changed: all or nothing.
  const changes: { key: string; value: number | null; cell: string }[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) {
      throw new AssumptionsUsage(
        `"${pair}" is not KEY=VALUE (e.g. facility.pue=1.1; KEY= resets a key to its default).`,
      );
    }
    const key = pair.slice(0, eq).trim().toLowerCase();
    const assumption = book.assumptions.get(key);
    if (!assumption) {
      throw new AssumptionsFailure(
        `'${sheetName}': unknown key ${quote(key)} in price book ${doc.bookVersion} (closest: ${listOf(closest(key, book.assumptions.keys()))}). Nothing was written.`,
      );
    }
    if (changes.some((c) => c.key === key)) throw new AssumptionsUsage(`${key} is given twice.`);
    const cell = cellOfEntry(seen.read, doc, scenario, key) ?? `'${sheetName}'`;
    const value = parseValue(pair.slice(eq + 1));
    if (value === undefined) {
      throw new AssumptionsFailure(
        `${cell}: ${key} takes a number (${assumption.shipped.unit}) such as ${assumption.shipped.value}, or nothing (${key}=) for the default; got ${quote(pair.slice(eq + 1))}. Nothing was written.`,
      );
    }
    const problem = value === null ? undefined : boundsProblem(value, assumption.bounds);
    if (problem) {
      throw new AssumptionsFailure(
        `${cell}: ${key} ${problem} (${assumption.shipped.unit}); got ${value}. Nothing was written.`,
      );
    }
    changes.push({ key, value, cell });
  }

  const { backend, store } = await storeOver(content, io);
  try {
    if (!hasScenario(store.snapshot.doc, scenario)) {
      if (Object.keys(store.snapshot.doc.scenarios).length >= LIMITS.scenarios) {
        throw new AssumptionsFailure(`A workbook holds at most ${LIMITS.scenarios} scenarios. Nothing was written.`);
      }
      await store.addScenario(scenario);
      io.err(`Added scenario "${scenario}" (a copy of "${doc.activeScenario}", as the task pane adds one).`);
    }
    for (const c of changes) {
      if (c.value === null) await store.reset(c.key, scenario);
      else await store.set(c.key, c.value, scenario);
    }
  } catch (error) {
    if (error instanceof AssumptionsFailure) throw error;
    throw new AssumptionsFailure(`'${sheetName}': ${messageOf(error)} Nothing was written.`);
  }
  const cells = await writeAssumptions(opened, backend.current, output, io);
  const after = interpret(backend.current);
  const cellNow = (key: string) => cellOfEntry(after.read, after.doc, scenario, key) ?? "";
  for (const c of changes) {
    io.out(
      c.value === null
        ? `${cellNow(c.key)}: ${c.key} reset to the default ${book.assumptions.get(c.key)!.shipped.value} in scenario "${scenario}".`
        : `${cellNow(c.key)}: ${c.key} = ${c.value} in scenario "${scenario}".`,
    );
  }
  io.out(
    `Wrote ${output} (${cells} cell${cells === 1 ? "" : "s"} of '${after.read?.layout?.sheetName ?? SHEET_NAME}'${content.sheet ? "" : ", a new hidden sheet"}).`,
  );
  return 0;
}

export async function importCommand(
  file: string,
  input: string,
  options: { output?: string },
  io: AssumptionsIo,
): Promise<number> {
  const output = checkOutput(options.output);
  if (!existsSync(input)) throw new AssumptionsFailure(`No assumptions file at ${input}.`);
  if (statSync(input).isDirectory()) throw new AssumptionsFailure(`${input} is a folder, not an assumptions file.`);
  if (statSync(input).size > LIMITS.importBytes) {
    throw new AssumptionsFailure(
      `${input} is ${Math.round(statSync(input).size / 1024)} KB; an assumptions file is at most ${LIMITS.importBytes / 1024} KB. Nothing was written.`,
    );
  }
  const text = readFileSync(input, "utf8");
  const opened = await openAssumptions(file);
  const { content } = opened.read;
  requireWritable(content);
  const { backend, store } = await storeOver(content, io);
  try {
    await store.import(text);
  } catch (error) {
    const why = messageOf(error).replace(/^The file was not imported\. /, "");
    throw new AssumptionsFailure(
      error instanceof DocumentError
        ? `${input}: ${why} Nothing was written.`
        : `'${content.sheet?.name ?? SHEET_NAME}': ${why} Nothing was written.`,
    );
  }
  const cells = await writeAssumptions(opened, backend.current, output, io);
  const after = interpret(backend.current);
  const overrides = Object.values(after.doc.scenarios).reduce((n, s) => n + Object.keys(s).length, 0);
  io.out(
    `Imported ${input}: edition ${after.doc.bookVersion}, ${Object.keys(after.doc.scenarios).length} scenario(s), ${overrides} override(s), "${after.doc.activeScenario}" active.`,
  );
  io.out(
    `Wrote ${output} (${cells} cell${cells === 1 ? "" : "s"} of '${after.read?.layout?.sheetName ?? SHEET_NAME}'${content.sheet ? "" : ", a new hidden sheet"}).`,
  );
  return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* export                                                                                     */

export async function exportCommand(file: string, options: { output?: string }, io: AssumptionsIo): Promise<number> {
  const opened = await openAssumptions(file);
  const { content } = opened.read;
  const seen = interpret(content);
  if (seen.status === "future" || seen.status === "corrupt") {
    throw new AssumptionsFailure(`${seen.warning ?? "The assumptions cannot be read."} Nothing was exported.`);
  }
  warnProblems(seen.problems, io.err);
  if (seen.problems.length) io.err("warning: the export holds the values that validate; the cells above are left out.");
  if (seen.location === "none")
    io.err(`note: ${file} stores no assumptions; exporting edition ${seen.doc.bookVersion}'s defaults.`);
  const text = `${JSON.stringify(seen.doc, null, 2)}\n`;
  if (!options.output) {
    io.out(text.trimEnd());
    return 0;
  }
  if (isWorkbookFile(options.output)) {
    throw new AssumptionsUsage(`-o ${options.output}: export writes a JSON file (e.g. -o assumptions.json).`);
  }
  await writeAtomically(
    options.output,
    async (sink) => {
      const writer = sink.getWriter();
      await writer.write(new TextEncoder().encode(text));
      await writer.close();
    },
    io.fs,
  );
  io.err(`Wrote ${options.output}.`);
  return 0;
}

export { XlsxError };
