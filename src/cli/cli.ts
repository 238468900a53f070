import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Command, CommanderError } from "commander";
import { EDITION_IDS, isEdition, loadEditions } from "../pricing";
import type { WorkbookContent } from "../store/backend";
import { DocumentError, emptyDocument, serialize, type AssumptionsDocument } from "../store/document";
import { useAssumptions } from "../store/instance";
import type { SheetProblem } from "../store/sheet";
import { interpret, validateDocument } from "../store/validate";
import {
  AssumptionsFailure,
  AssumptionsUsage,
  describeLocation,
  exportCommand,
  importCommand,
  isWorkbookFile,
  listCommand,
  openAssumptions,
  problemLine,
  setCommand,
  warnProblems,
} from "./assumptions";
import { ExcelError } from "../runtime";
import { evaluateFormula } from "./calc/engine";
import { isError } from "./calc/values";
import { formatResult, formatScalar, formatTable, jsonValue } from "./format";
import { customFunctionsEnv, loadMetadata } from "./host";
import { OutputError, nodeFs, writeAtomically, type OutputFs } from "./output";
import { openWorkbook, recalcWorkbook, writeWorkbook } from "./recalc";
import { XlsxError } from "./xlsx/errors";

/**
 * gpu-cost: the GPU.* functions outside Excel, through the same adapters Excel calls.
 *   gpu-cost eval '<formula>' [--assumptions file.json|book.xlsx] [--edition ID] [--json]
 *   gpu-cost recalc model.xlsx [-o out.xlsx] [--assumptions file.json|book.xlsx] [--edition ID]
 *                              [--partial] [--fail-on-error] [--fail-on-problems] [--table] [--json]
 *   gpu-cost assumptions list FILE [--json] [--all]
 *   gpu-cost assumptions set FILE KEY=VALUE... [--scenario NAME] -o OUT
 *   gpu-cost assumptions export FILE [-o OUT.json]
 *   gpu-cost assumptions import FILE IN.json -o OUT
 *
 * The assumptions a workbook computes with are its `GPU Assumptions` sheet (found by name, or by
 * its title in A1 when renamed), else its 0.1 settings document, else none (the latest
 * edition's defaults), read by src/store as the add-in reads them: cells that do not validate
 * are printed as warnings and not used; a newer add-in's sheet is used read-only, its defaults.
 *
 * Exit codes: 0 done; 1 a cell evaluated to an Excel error where that is asked about (eval
 * always, recalc with --fail-on-error); 2 the work could not be done (a file that cannot be read
 * or written, a formula gpu-cost cannot compute, a circular reference); 64 the command line is
 * wrong (EX_USAGE of sysexits.h). Failures are one line on stderr, never a stack trace.
 */
export const EXIT = { ok: 0, excelError: 1, failure: 2, usage: 64 } as const;

/** A wrong command line: its own exit code. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The work cannot be done: exit 2. */
export class Failure extends Error {
  override name = "Failure";
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  fs: OutputFs;
  /** The time recorded with an assumption change (ISO 8601); now by default. */
  clock?: () => string;
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  fs: nodeFs,
};

/**
 * An --assumptions file: a JSON file exported from the task pane (or by `gpu-cost assumptions
 * export`), or a workbook whose stored assumptions (its GPU Assumptions sheet, else its 0.1
 * settings) are used.
 */
async function readAssumptionsFile(file: string): Promise<{ content: WorkbookContent; from: string }> {
  if (!existsSync(file)) throw new Failure(`No assumptions file at ${file}.`);
  if (statSync(file).isDirectory()) throw new Failure(`${file} is a folder, not an assumptions file.`);
  if (isWorkbookFile(file)) {
    const opened = await openAssumptions(file);
    return { content: opened.read.content, from: `${file}, ${describeLocation(opened.read.content)}` };
  }
  const text = readFileSync(file, "utf8");
  let doc: AssumptionsDocument;
  try {
    doc = validateDocument(JSON.parse(text));
  } catch (error) {
    const why = error instanceof DocumentError ? error.message : `not JSON (${(error as Error).message})`;
    throw new Failure(`${file} is not an assumptions file the add-in would import: ${why}`);
  }
  return { content: { settings: text }, from: `${file} (edition ${doc.bookVersion})` };
}

/**
 * The document to compute with at edition `id`: the given assumptions (a workbook's or a
 * file's) with their bookVersion set to `id`, their overrides kept; the shipped defaults of `id`
 * when there are none or they cannot be used. src/store is unchanged: it is handed a document,
 * as Excel would hand it one.
 */
export function documentAtEdition(content: WorkbookContent, id: string, warn: (t: string) => void): string {
  if (!isEdition(id)) {
    throw new UsageError(`Unknown edition "${id}". This gpu-cost ships ${EDITION_IDS.join(", ")}.`);
  }
  const seen = interpret(content);
  if (seen.status === "corrupt" || seen.status === "future") {
    warn(`warning: the stored assumptions cannot be used; computing with edition ${id}'s defaults.`);
    return serialize(emptyDocument(id));
  }
  const doc = { ...seen.doc, bookVersion: id };
  try {
    validateDocument(doc);
  } catch (error) {
    throw new Failure(`The assumptions do not fit edition ${id}: ${(error as Error).message}`);
  }
  return serialize(doc);
}

interface CommonOptions {
  assumptions?: string;
  edition?: string;
  json?: boolean;
  failOnProblems?: boolean;
}

/**
 * Points the functions at the assumptions, printing what Excel's pane would show: the cells that
 * do not validate (not used; every other key applies), or why the assumptions are read-only
 * (the shipped defaults then compute). With --fail-on-problems either stops the command (exit 2).
 */
async function applyAssumptions(
  source: { content: WorkbookContent; from: string },
  options: CommonOptions,
  io: CliIo,
): Promise<{ described: string; problems: readonly SheetProblem[]; edition: string }> {
  const seen = interpret(source.content);
  if (seen.warning) io.err(`warning: ${seen.warning}`);
  warnProblems(seen.problems, io.err);
  if (options.failOnProblems && (seen.warning || seen.problems.length)) {
    const first = seen.problems[0];
    throw new Failure(
      `${first ? problemLine(first) : seen.warning} (--fail-on-problems: the assumptions do not all validate; nothing was computed or written.)`,
    );
  }
  const store = useAssumptions(
    options.edition ? documentAtEdition(source.content, options.edition, io.err) : source.content,
  );
  await store.ready;
  const edition = store.snapshot.doc.bookVersion;
  return {
    described: options.edition ? `${source.from}, at edition ${options.edition}` : source.from,
    problems: seen.problems,
    edition,
  };
}

async function evalCommand(formula: string, options: CommonOptions, io: CliIo): Promise<number> {
  const source = options.assumptions
    ? await readAssumptionsFile(options.assumptions)
    : { content: {}, from: "the shipped defaults" };
  await applyAssumptions(source, options, io);
  const outcome = await evaluateFormula(formula, customFunctionsEnv());
  if ("invalid" in outcome)
    throw new Failure(`The formula does not parse: ${outcome.invalid.replace(/^The formula does not parse: /, "")}`);
  if ("unsupported" in outcome) throw new Failure(`Cannot compute ${formula}: ${outcome.unsupported}`);
  const { value } = outcome;
  const failed = isError(value);
  if (options.json) io.out(JSON.stringify({ formula, value: jsonValue(value) }));
  else io.out(formatResult(value));
  return failed ? EXIT.excelError : EXIT.ok;
}

interface RecalcOptions extends CommonOptions {
  output?: string;
  failOnError?: boolean;
  table?: boolean;
  partial?: boolean;
}

async function recalcCommand(file: string, options: RecalcOptions, io: CliIo): Promise<number> {
  if (!existsSync(file)) throw new Failure(`No such file: ${file}.`);
  if (statSync(file).isDirectory()) throw new Failure(`${file} is a folder, not a workbook.`);
  if (!/\.xls[xm]$/i.test(path.extname(file))) throw new Failure(`${file} is not an .xlsx file.`);
  const timing = process.env.GPU_COST_TIMING ? new Map<string, number>() : undefined;
  let lap = performance.now();
  const mark = (phase: string) => {
    const now = performance.now();
    timing?.set(phase, Math.round(now - lap));
    lap = now;
  };
  const opened = await openWorkbook(readFileSync(file), file);
  mark("read");
  const source = options.assumptions
    ? await readAssumptionsFile(options.assumptions)
    : { content: opened.assumptions.content, from: `${file}, ${describeLocation(opened.assumptions.content)}` };
  const { described, problems, edition } = await applyAssumptions(source, options, io);
  const result = await recalcWorkbook(opened, customFunctionsEnv());
  mark("calculate");
  const cannot = result.unsupported;
  const writing = options.output !== undefined && (cannot.length === 0 || options.partial);
  if (writing) await writeAtomically(options.output!, (sink) => writeWorkbook(opened, result, sink), io.fs);
  mark("write");
  // GPU_COST_TIMING=1: the time of each phase, in ms, on stderr (npm run bench reads it).
  if (timing) io.err(`timing ${JSON.stringify(Object.fromEntries(timing))}`);

  if (options.json) {
    io.out(
      JSON.stringify({
        file,
        assumptions: described,
        edition,
        assumptionProblems: problems.map((p) => ({ cell: p.address, message: p.message })),
        formulas: result.formulas,
        changed: result.changes.map((c) => ({
          cell: c.address,
          before: jsonValue(c.before),
          after: jsonValue(c.after),
        })),
        errors: result.errors.map((e) => ({ cell: e.address, error: e.code, message: e.message })),
        cannotCompute: cannot.map((u) => ({ cell: u.address, formula: `=${u.formula}`, reason: u.reason })),
        values: Object.fromEntries([...result.values].map(([a, v]) => [a, jsonValue(v)])),
        written: writing ? options.output : null,
      }),
    );
  } else {
    io.out(`Assumptions: ${described}`);
    io.out(
      `Recalculated ${result.formulas - cannot.length} of ${result.formulas} formulas; ${result.changes.length} changed against the file's cached values.`,
    );
    const SHOWN = 200;
    if (result.changes.length) {
      const rows = result.changes.slice(0, SHOWN).map((c) => [c.address, c.before, c.after]);
      io.out(formatTable([["Cell", "Cached", "Now"], ...rows]));
      if (result.changes.length > SHOWN)
        io.out(`... and ${result.changes.length - SHOWN} more (--json lists every one).`);
    }
    for (const e of result.errors.slice(0, SHOWN)) io.out(`${e.address}: ${e.code}${e.message ? ` ${e.message}` : ""}`);
    if (result.errors.length > SHOWN)
      io.out(`... and ${result.errors.length - SHOWN} more errors (--json lists every one).`);
    if (options.table) {
      io.out(
        formatTable([
          ["Cell", "Label", "Value"],
          ...[...result.values].map(([a, v]) => [a, result.labels.get(a) ?? "", Array.isArray(v) ? v[0]![0]! : v]),
        ]),
      );
    }
  }
  if (cannot.length) {
    const list = cannot.slice(0, 50).map((u) => `  ${u.address} =${u.formula}: ${u.reason}`);
    if (cannot.length > 50) list.push(`  ... and ${cannot.length - 50} more`);
    const what = options.partial ? "kept their cached values" : "so nothing was written";
    if (!options.json)
      io.err(
        `gpu-cost cannot compute ${cannot.length} cell${cannot.length === 1 ? "" : "s"} (${what}):\n${list.join("\n")}`,
      );
    if (!options.partial) return EXIT.failure;
  }
  if (writing && !options.json) io.out(`Wrote ${options.output}.`);
  return options.failOnError && result.errors.length ? EXIT.excelError : EXIT.ok;
}

/** Runs the command line; resolves with the exit code. Never rejects. */
export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command()
    .name("gpu-cost")
    .description(
      "The GPU.* Excel functions outside Excel: evaluate a formula, recalculate a workbook, manage its assumptions.",
    )
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.out(t.trimEnd()), writeErr: (t) => io.err(t.trimEnd()) });
  program
    .command("eval")
    .argument("<formula>", 'an Excel formula, e.g. \'=ROUND(GPU.CLUSTERCOST(8,"H100-SXM","reserved3y"),0)\'')
    .option("--assumptions <file>", "a JSON file exported from the task pane, or a workbook whose assumptions to use")
    .option("--edition <id>", "compute with this shipped price-book edition")
    .option("--fail-on-problems", "exit 2 when the assumptions have cells that do not validate")
    .option("--json", "print the value as JSON")
    .description("print the value of a formula (a spill as a table); exits 1 on an Excel error")
    .exitOverride()
    .action(async (formula: string, options: CommonOptions) => {
      code = await evalCommand(formula, options, io);
    });
  program
    .command("recalc")
    .argument("<workbook>", "an .xlsx file")
    .option(
      "-o, --output <file>",
      "write the recalculated workbook here (written atomically; the input is never changed otherwise)",
    )
    .option(
      "--assumptions <file>",
      "use these assumptions (a JSON file, or another workbook's) instead of the workbook's own",
    )
    .option("--edition <id>", "compute with this shipped price-book edition (the workbook's overrides kept)")
    .option("--partial", "write even when some cells cannot be computed: they keep their cached values and are listed")
    .option("--fail-on-error", "exit 1 when a cell evaluates to an Excel error")
    .option(
      "--fail-on-problems",
      "exit 2, writing nothing, when the assumptions sheet has cells that do not validate or cannot be used",
    )
    .option("--table", "print every formula cell with its label and value")
    .option("--json", "print the result as JSON: values, errors with messages, changed cells")
    .description("recalculate every formula and report the cells whose value changed")
    .exitOverride()
    .action(async (file: string, options: RecalcOptions) => {
      code = await recalcCommand(file, options, io);
    });
  const assumptions = program
    .command("assumptions")
    .description("list, set, export or import a workbook's assumptions (its GPU Assumptions sheet)")
    .exitOverride();
  assumptions
    .command("list")
    .argument("<workbook>", "an .xlsx file")
    .option("--json", "print them as JSON, with the cells that do not validate")
    .option("--all", "list every key of the price book with its value in the active scenario")
    .description("print the workbook's edition, scenarios and overrides; cells that do not validate as warnings")
    .exitOverride()
    .action(async (file: string, options: { json?: boolean; all?: boolean }) => {
      code = await listCommand(file, options, io);
    });
  assumptions
    .command("set")
    .argument("<workbook>", "an .xlsx file")
    .argument("<key=value...>", "keys and values, e.g. facility.pue=1.1 (key= resets a key to its default)")
    .option("--scenario <name>", "the scenario to change (default: the active one; a new name adds a scenario)")
    .option("-o, --output <file>", "write the workbook here (atomically; it may be the input)")
    .description("set assumptions, writing only the cells they change; refuses a bad value or a damaged sheet")
    .exitOverride()
    .action(async (file: string, pairs: string[], options: { scenario?: string; output?: string }) => {
      code = await setCommand(file, pairs, options, io);
    });
  assumptions
    .command("export")
    .argument("<workbook>", "an .xlsx file")
    .option("-o, --output <file>", "write the JSON here instead of printing it")
    .description("print (or write) the assumptions as the JSON file the task pane imports")
    .exitOverride()
    .action(async (file: string, options: { output?: string }) => {
      code = await exportCommand(file, options, io);
    });
  assumptions
    .command("import")
    .argument("<workbook>", "an .xlsx file")
    .argument("<file.json>", "an assumptions file (exported by the task pane or gpu-cost)")
    .option("-o, --output <file>", "write the workbook here (atomically; it may be the input)")
    .description("replace the workbook's assumptions with a file's; refuses a bad file or a damaged sheet")
    .exitOverride()
    .action(async (file: string, input: string, options: { output?: string }) => {
      code = await importCommand(file, input, options, io);
    });
  try {
    // Every shipped edition, by id (--edition, documents of any edition): the CLI loads them all.
    await loadEditions();
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    return failure(error, io);
  }
}

/** One line for any failure, and its exit code. */
export function failure(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    if (
      error.code === "commander.helpDisplayed" ||
      error.code === "commander.version" ||
      error.code === "commander.help"
    ) {
      return EXIT.ok;
    }
    return EXIT.usage; // commander has printed its one-line message
  }
  if (error instanceof UsageError || error instanceof AssumptionsUsage) {
    io.err(`gpu-cost: ${error.message}`);
    return EXIT.usage;
  }
  if (error instanceof ExcelError) {
    io.err(`gpu-cost: ${formatScalar(error)}`);
    return EXIT.failure;
  }
  const known =
    error instanceof XlsxError ||
    error instanceof OutputError ||
    error instanceof Failure ||
    error instanceof AssumptionsFailure;
  const message = error instanceof Error ? error.message : String(error);
  io.err(`gpu-cost: ${known ? "" : "internal error: "}${message.replace(/\s+/g, " ").trim()}`);
  return EXIT.failure;
}

/** The bin's entry: reads functions.json, runs, exits with the code; no stack trace ever. */
export function main(): void {
  const io = processIo;
  const fatal = (error: unknown) => {
    process.exitCode = failure(error, io);
    process.exit();
  };
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);
  // A reader that stops reading (`gpu-cost ... | head`) is not a failure.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  try {
    loadMetadata();
  } catch (error) {
    fatal(new Failure(`cannot read functions.json beside the CLI: ${(error as Error).message}`));
    return;
  }
  run(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  }, fatal);
}
