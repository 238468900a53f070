import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { DocumentError, validateDocument } from "../store/document";
import { useAssumptions } from "../store/instance";
import { FormulaEngine } from "./formulas";
import { formatResult, formatTable } from "./format";
import { CellError } from "./host";
import { RecalcError, recalcWorkbook } from "./recalc";
import { XlsxError, loadWorkbook, saveWorkbook } from "./xlsx";

/**
 * gpu-cost: the GPU.* functions outside Excel, through the same adapters Excel calls.
 *   gpu-cost eval '<formula>' [--assumptions file.json]
 *   gpu-cost recalc model.xlsx [-o out.xlsx] [--assumptions file.json]
 */
class UsageError extends Error {}

function readAssumptionsFile(file: string): string {
  if (!existsSync(file)) throw new UsageError(`No assumptions file at ${file}.`);
  const text = readFileSync(file, "utf8");
  try {
    validateDocument(JSON.parse(text));
  } catch (error) {
    const why = error instanceof DocumentError ? error.message : `not JSON (${(error as Error).message})`;
    throw new UsageError(`${file} is not an assumptions file the add-in would import: ${why}`);
  }
  return text;
}

/** Points the functions at a document, warning when Excel would show it read-only. */
async function applyAssumptions(text: string | undefined, from: string): Promise<void> {
  const store = useAssumptions(text);
  await store.ready;
  const { status, warning } = store.snapshot;
  if (status === "corrupt" || status === "future") console.error(`warning: ${from}: ${warning}`);
}

async function evalCommand(formula: string, options: { assumptions?: string }): Promise<number> {
  await applyAssumptions(
    options.assumptions ? readAssumptionsFile(options.assumptions) : undefined,
    options.assumptions ?? "defaults",
  );
  const result = await new FormulaEngine().evaluate(formula);
  console.log(formatResult(result));
  return result instanceof CellError ? 1 : 0;
}

async function recalcCommand(
  file: string,
  options: { output?: string; assumptions?: string; failOnError?: boolean; table?: boolean },
): Promise<number> {
  if (!existsSync(file)) throw new UsageError(`No such file: ${file}.`);
  if (path.extname(file).toLowerCase() !== ".xlsx") throw new UsageError(`${file} is not an .xlsx file.`);
  const loaded = await loadWorkbook(readFileSync(file), file);
  const source = options.assumptions ? `${options.assumptions}` : `${file} (stored assumptions)`;
  const text = options.assumptions ? readAssumptionsFile(options.assumptions) : loaded.storedAssumptions;
  await applyAssumptions(text, text === undefined ? "defaults" : source);
  console.log(`Assumptions: ${text === undefined ? "the shipped defaults (the workbook stores none)" : source}`);

  const report = await recalcWorkbook(loaded.workbook);
  console.log(
    `Recalculated ${report.formulas} formulas; ${report.changes.length} changed against the file's cached values.`,
  );
  if (report.changes.length) {
    console.log(formatTable([["Cell", "Cached", "Now"], ...report.changes.map((c) => [c.address, c.before, c.after])]));
  }
  for (const e of report.errors) console.log(`${e.address}: ${e.code} ${e.message}`);
  if (options.table) {
    console.log(
      formatTable([
        ["Cell", "Label", "Value"],
        ...[...report.values].map(([a, v]) => [a, report.labels.get(a) ?? "", v]),
      ]),
    );
  }
  if (options.output) {
    writeFileSync(options.output, await saveWorkbook(loaded));
    console.log(`Wrote ${options.output}.`);
  }
  return options.failOnError && report.errors.length ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name("gpu-cost")
    .description("The GPU.* Excel functions outside Excel: evaluate a formula or recalculate a workbook.")
    .exitOverride();
  let code = 0;
  program
    .command("eval")
    .argument("<formula>", 'an Excel formula, e.g. \'=ROUND(GPU.CLUSTERCOST(8,"H100-SXM","reserved3y"),0)\'')
    .option("--assumptions <file>", "an assumptions file exported from the task pane")
    .description("print the value of a formula (a spill as a table); exits 1 on an Excel error")
    .action(async (formula: string, options) => {
      code = await evalCommand(formula, options);
    });
  program
    .command("recalc")
    .argument("<workbook>", "an .xlsx file")
    .option("-o, --output <file>", "write the recalculated workbook here (the input is never changed otherwise)")
    .option("--assumptions <file>", "use this assumptions file instead of the workbook's stored assumptions")
    .option("--fail-on-error", "exit 1 when a cell evaluates to an Excel error")
    .option("--table", "print every formula cell with its label and value")
    .description("recalculate every formula and report the cells whose value changed")
    .action(async (file: string, options) => {
      code = await recalcCommand(file, options);
    });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error && typeof error === "object" && "exitCode" in error) return (error as { exitCode: number }).exitCode;
    throw error;
  }
  return code;
}

main(process.argv).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CellError) console.error(`${error.code} ${error.message}`);
    else if (error instanceof UsageError || error instanceof XlsxError || error instanceof RecalcError)
      console.error(`gpu-cost: ${error.message}`);
    else console.error(error);
    process.exit(2);
  },
);
