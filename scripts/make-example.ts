/**
 * Writes the example workbooks (`npm run example`), as Excel writes them, then fills their
 * cached values with `gpu-cost recalc`:
 *
 * - examples/founding-analysis.xlsx: the founding analysis (The Next Platform, 2023-10;
 *   shared/reference/figures.md, F1-F9) as a live model of GPU.* formulas with labelled inputs
 *   in yellow, what the analysis said beside each result; its GPU Assumptions sheet records
 *   edition 2023.10-1, so it reproduces F1-F9 with no --edition.
 * - examples/lease-or-buy.xlsx (issue 11.5): lease or buy of a 1,024-GPU H100 cluster on the
 *   latest edition: the GPU.CASHFLOWS schedule spilled, Excel's own NPV and IRR over it,
 *   GPU.BREAKEVEN, and GPU.TCO's present values beside for comparison.
 *
 * "As Excel writes them": add-in functions stored as `_xldudf_GPU_NAME(...)` (the prefix Excel
 * saves JavaScript custom functions with: OfficeDev/Excel-Custom-Functions#108, office-js#2568),
 * newer functions with `_xlfn.` (XLOOKUP, DROP, SWITCH) and `A26#` as `_xlfn.ANCHORARRAY(A26)`,
 * and every dynamic-array formula as an array formula on its anchor with the dynamic-array cell
 * metadata (`cm="1"` -> xl/metadata.xml's XLDAPR fDynamic), which exceljs does not write.
 * The sheet layout and styles are exceljs's (a dev dependency); the assumptions sheet is
 * written by the CLI's own code (src/cli/xlsx, src/store), as `gpu-cost assumptions import` does.
 *
 * Run: `npm run example` (builds first: recalc needs the CLI bundle). `npx tsx
 * scripts/make-example.ts --no-recalc` writes the workbooks without cached values.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { assumptionChanges } from "../src/cli/xlsx/assumptions";
import { withOverride, withRelationship, relsPartOf } from "../src/cli/xlsx/parts";
import { readWorkbookInfo } from "../src/cli/xlsx/workbook";
import { Package } from "../src/cli/xlsx/zip";
import { FOUNDING_EDITION, LATEST_EDITION } from "../src/pricing";
import { MemoryBackend } from "../src/store/backend";
import { emptyDocument, serialize } from "../src/store/document";
import { AssumptionStore } from "../src/store/store";

const ROOT = path.join(__dirname, "..");
export const FOUNDING_FILE = path.join(ROOT, "examples", "founding-analysis.xlsx");
export const LEASE_FILE = path.join(ROOT, "examples", "lease-or-buy.xlsx");

const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
const GREY: Partial<ExcelJS.Font> = { color: { argb: "FF616161" } };
const USD = "#,##0";

/** A formula as the file stores it: add-in functions with Excel's _xldudf_ prefix, newer ones with _xlfn. */
export function stored(formula: string): string {
  return formula
    .replace(/\bGPU\.([A-Z0-9]+)\(/g, "_xldudf_GPU_$1(")
    .replace(/\b(XLOOKUP|DROP|SWITCH|TAKE)\(/g, "_xlfn.$1(")
    .replace(/\b([A-Z]{1,3}\d+)#/g, "_xlfn.ANCHORARRAY($1)");
}

/** A sheet being laid out: cells that hold dynamic-array formulas are remembered for their metadata. */
class Layout {
  readonly dynamic: string[] = [];
  constructor(readonly ws: ExcelJS.Worksheet) {}

  title(address: string, text: string, size = 12): void {
    const cell = this.ws.getCell(address);
    cell.value = text;
    cell.font = { bold: true, size };
  }

  /** A formula as typed (GPU.X, A1#); `spill` stores it as a dynamic-array formula. */
  formula(address: string, typed: string, options: { format?: string; spill?: boolean } = {}): void {
    const cell = this.ws.getCell(address);
    cell.value = options.spill
      ? ({ formula: stored(typed), shareType: "array", ref: address } as ExcelJS.CellFormulaValue)
      : { formula: stored(typed) };
    if (options.format) cell.numFmt = options.format;
    if (options.spill) this.dynamic.push(`${this.ws.name}!${address}`);
  }

  input(address: string, value: string | number, format?: string): void {
    const cell = this.ws.getCell(address);
    cell.value = value;
    cell.fill = INPUT_FILL;
    if (format) cell.numFmt = format;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* The founding analysis                                                                      */

function foundingAnalysis(wb: ExcelJS.Workbook): Layout {
  const ws = wb.addWorksheet("Founding analysis");
  const l = new Layout(ws);
  ws.columns = [{ width: 46 }, { width: 18 }, { width: 16 }, { width: 12 }, { width: 60 }];
  l.title("A1", "Buy or rent AI compute: the founding analysis, live", 14);
  ws.getCell("A2").value =
    "Edit the yellow inputs; every number below is a GPU.* formula on price-book edition 2023.10-1 (recorded in the hidden GPU Assumptions sheet). Source: The Next Platform, 2023-10-06.";
  l.title("A4", "Inputs");
  const inputs: [string, string | number][] = [
    ["Accelerator", "H100-SXM"],
    ["GPUs per node", 8],
    ["Years", 3],
    ["Cloud provider", "aws"],
    ["Training cluster peak, FP16 dense (FLOP/s)", 20e18],
    ["Queries a day (one tenth of Google Search)", 1.1e9],
    ["Tokens per query (prompt + output)", 1000],
    ["Model parameters", 175e9],
  ];
  inputs.forEach(([label, value], i) => {
    ws.getCell(`A${5 + i}`).value = label;
    l.input(`B${5 + i}`, value);
  });
  // B5 gpu, B6 node GPUs, B7 years, B8 provider, B9 cluster FLOP/s, B10 queries, B11 tokens, B12 params
  l.title("A14", "Results");
  ["Claim", "Model", "Analysis says", "Model / analysis", "Formula"].forEach((h, i) => {
    const cell = ws.getRow(15).getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
  });
  const fleet = 'GPU.FLEETCOST(B10,B11,B12,B5,"capex",B7)';
  const results: [string, string, number | string | null, string | null][] = [
    ["F1 8-GPU node, purchase with network (USD)", 'GPU.CLUSTERCOST(B6,B5,"capex",B7,B8)', 300_000, USD],
    ["F2 node on demand for 3 years (USD)", 'GPU.CLUSTERCOST(B6,B5,"ondemand",B7,B8)', 2_600_000, USD],
    ["F3 node reserved for 3 years (USD)", 'GPU.CLUSTERCOST(B6,B5,"reserved3y",B7,B8)', 1_100_000, USD],
    ["F4 GPUs for the 20-exaflop cluster", 'GPU.GPUSFOR(B9,B5,"fp16")', 20_214, USD],
    ["F4 cluster purchase (USD)", 'GPU.CLUSTERCOST(B19,B5,"capex",B7)', 1e9, USD],
    ["F5 cluster all-in to buy for 3 years (USD)", 'GPU.CLUSTERCOST(B19,B5,"buy",B7)', null, USD],
    ["F5 cluster reserved rent for 3 years (USD)", 'GPU.CLUSTERCOST(B19,B5,"reserved3y",B7,B8)', null, USD],
    ["F5 rent over buy", "B22/B21", 2.5, "0.00"],
    ["F6 node all-in to buy for 3 years (USD)", 'GPU.CLUSTERCOST(B6,B5,"buy",B7)', 500_000, USD],
    ["F6 all-in buy under half the reserved rent?", 'IF(B24<B18/2,"yes","no")', "yes", null],
    ["F7 model-size gain, cost halved", "GPU.SCALEGAIN(0.5)", 2, "0.00"],
    ["F7 model-size gain, cost cut by 3/4", "GPU.SCALEGAIN(0.75)", 4, "0.00"],
    ["F7 Chinchilla-optimal gain, cost halved", 'GPU.SCALEGAIN(0.5,"chinchilla")', 1.41, "0.00"],
    ["F8 cost of a query, chips at capex (USD)", 'GPU.QUERYCOST(B11/2,B11/2,B12,B5,,"capex")', 0.04, "0.0000"],
    ["F8 fleet accelerators", `INDEX(${fleet},1,2)`, null, USD],
    ["F8 fleet up front (USD)", `INDEX(${fleet},2,2)`, 48.1e9, USD],
    ["F8 fleet chips a year (USD)", `INDEX(${fleet},3,2)`, 16e9, USD],
    [
      "F9 H100 price over its cost to make",
      'GPU.PRICE("h100-sxm.gpu_price")/GPU.PRICE("h100-sxm.cost_to_make")',
      8.3,
      "0.0",
    ],
  ];
  results.forEach(([label, formula, says, format], i) => {
    const row = 16 + i;
    ws.getCell(`A${row}`).value = label;
    l.formula(`B${row}`, formula, format ? { format } : {});
    if (says !== null) {
      const c = ws.getCell(`C${row}`);
      c.value = says;
      if (format) c.numFmt = format;
      if (typeof says === "number") l.formula(`D${row}`, `B${row}/C${row}`, { format: "0.00" });
    }
    const text = ws.getCell(`E${row}`);
    text.value = `=${formula}`;
    text.font = GREY;
  });
  return l;
}

/* ------------------------------------------------------------------------------------------ */
/* Lease or buy                                                                               */

/** Where the lease-or-buy model keeps things (tests read the same addresses). */
export const LEASE = {
  gpus: "B5",
  gpu: "B6",
  pricing: "B7",
  years: "B8",
  provider: "B9",
  period: "B10",
  costOfCapital: "B11",
  periodsAYear: "B12",
  ratePerPeriod: "B13",
  npvBuy: "B16",
  npvRent: "B17",
  saving: "B18",
  irr: "B19",
  breakeven: "B20",
  tcoPresentBuy: "B21",
  tcoPresentRent: "B22",
  check: "B23",
  cashflows: "A26",
  tco: "H26",
  inputs: { gpus: 1024, gpu: "H100-SXM", pricing: "reserved3y", years: 5, provider: "aws", period: "year" },
} as const;

function leaseOrBuy(wb: ExcelJS.Workbook): Layout {
  const ws = wb.addWorksheet("Lease or buy");
  const l = new Layout(ws);
  ws.columns = [
    { width: 58 },
    { width: 18 },
    { width: 18 },
    { width: 20 },
    { width: 22 },
    { width: 3 },
    { width: 3 },
    { width: 40 },
    { width: 18 },
  ];
  const i = LEASE.inputs;
  l.title("A1", `Lease or buy: ${i.gpus.toLocaleString("en-US")} ${i.gpu} GPUs, discounted cash flows`, 14);
  ws.getCell("A2").value =
    "Edit the yellow inputs. GPU.* formulas price the cluster from the price book (the edition recorded in the hidden GPU Assumptions sheet); Excel's own NPV and IRR discount the GPU.CASHFLOWS schedule.";
  l.title("A4", "Inputs");
  const label = (address: string, text: string) => (ws.getCell(address).value = text);
  label("A5", "GPUs");
  l.input(LEASE.gpus, i.gpus, USD);
  label("A6", "Accelerator");
  l.input(LEASE.gpu, i.gpu);
  label("A7", "Rent compared: ondemand, reserved1y, reserved3y, spot, block");
  l.input(LEASE.pricing, i.pricing);
  label("A8", "Years owned (or rented)");
  l.input(LEASE.years, i.years);
  label("A9", "Cloud provider");
  l.input(LEASE.provider, i.provider);
  label("A10", "Period of the schedule: year, quarter, month");
  l.input(LEASE.period, i.period);
  label("A11", 'Cost of capital a year (price book, =GPU.PRICE("finance.cost_of_capital"))');
  l.formula(LEASE.costOfCapital, 'GPU.PRICE("finance.cost_of_capital")', { format: "0.0%" });
  label("A12", "Periods a year");
  l.formula(LEASE.periodsAYear, 'SWITCH(B10,"year",1,"quarter",4,"month",12)');
  label("A13", "Discount rate a period");
  l.formula(LEASE.ratePerPeriod, "(1+B11)^(1/B12)-1", { format: "0.000%" });

  l.title("A15", "Results");
  const cf = LEASE.cashflows;
  const tco = LEASE.tco;
  label("A16", "Present value to buy (USD): period 0, then NPV of the periods after");
  l.formula(LEASE.npvBuy, `INDEX(${cf}#,2,2)+NPV(B13,DROP(INDEX(${cf}#,,2),2))`, { format: USD, spill: true });
  label("A17", "Present value to rent (USD), the same way");
  l.formula(LEASE.npvRent, `INDEX(${cf}#,2,3)+NPV(B13,DROP(INDEX(${cf}#,,3),2))`, { format: USD, spill: true });
  label("A18", "Buying saves, in today's money (USD)");
  l.formula(LEASE.saving, "B17-B16", { format: USD });
  label("A19", "IRR of buying instead of renting (a year): IRR of rent - buy");
  l.formula(LEASE.irr, `(1+IRR(DROP(INDEX(${cf}#,,3),1)-DROP(INDEX(${cf}#,,2),1)))^B12-1`, {
    format: "0.0%",
    spill: true,
  });
  label("A20", "Break-even (months), discounted at the cost of capital: GPU.BREAKEVEN");
  l.formula(LEASE.breakeven, "GPU.BREAKEVEN(B6,B7,B9)", { format: "0.0" });
  label("A21", "For comparison, GPU.TCO: present value to buy (USD)");
  l.formula(LEASE.tcoPresentBuy, `XLOOKUP("Present value to buy (USD)",INDEX(${tco}#,,1),INDEX(${tco}#,,2))`, {
    format: USD,
    spill: true,
  });
  label("A22", "For comparison, GPU.TCO: present value to rent (USD)");
  l.formula(LEASE.tcoPresentRent, `XLOOKUP("Present value to rent "&B7&" (USD)",INDEX(${tco}#,,1),INDEX(${tco}#,,2))`, {
    format: USD,
    spill: true,
  });
  label("A23", "Check: NPV to buy / TCO's present value (1 on a yearly schedule)");
  l.formula(LEASE.check, "B16/B21", { format: "0.0000" });

  l.title("A25", "Cash flows: =GPU.CASHFLOWS(B5,B6,B7,B8,B9,B10)");
  l.formula(cf, "GPU.CASHFLOWS(B5,B6,B7,B8,B9,B10)", { spill: true });
  l.title("H25", "Total cost of ownership: =GPU.TCO(B5,B6,B8,B9)");
  l.formula(tco, "GPU.TCO(B5,B6,B8,B9)", { spill: true });
  // Number formats over the spills' reach (a monthly schedule over 5 years: 61 rows).
  for (let row = 27; row <= 27 + 12 * 10; row++) {
    for (const col of ["B", "C", "D", "E"]) ws.getCell(`${col}${row}`).numFmt = USD;
    ws.getCell(`I${row}`).numFmt = "#,##0.00";
  }
  for (const [k, col] of ["A", "B", "C", "D", "E"].entries()) {
    if (k) ws.getCell(`${col}26`).alignment = { horizontal: "right" };
  }
  return l;
}

/* ------------------------------------------------------------------------------------------ */
/* Excel's dynamic-array metadata and the assumptions sheet, added to exceljs's package       */

const METADATA = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

async function rewrite(
  bytes: Uint8Array,
  replace: Map<string, string>,
  add: { name: string; text: string }[] = [],
): Promise<Uint8Array> {
  const pkg = await Package.open(bytes, "example.xlsx");
  const chunks: Uint8Array[] = [];
  const sink = new WritableStream<Uint8Array>({ write: (c) => void chunks.push(c) });
  const producers = new Map(
    [...replace].map(([part, text]) => [part, async (emit: (t: string) => void) => emit(text)]),
  );
  await pkg.write(sink, producers, add);
  return Buffer.concat(chunks);
}

/** Marks `cells` ("Sheet!A1") as dynamic arrays: cm="1" on each, and xl/metadata.xml. */
async function withDynamicArrays(bytes: Uint8Array, cells: readonly string[]): Promise<Uint8Array> {
  if (cells.length === 0) return bytes;
  const pkg = await Package.open(bytes, "example.xlsx");
  const info = await readWorkbookInfo(pkg);
  const replace = new Map<string, string>();
  for (const sheet of info.sheets) {
    const mine = cells.filter((c) => c.startsWith(`${sheet.name}!`)).map((c) => c.slice(sheet.name.length + 1));
    if (!mine.length || !sheet.part) continue;
    let xml = await pkg.text(sheet.part);
    for (const address of mine) {
      const before = xml;
      xml = xml.replace(new RegExp(`<c r="${address}"(?=[\\s>])`), `<c r="${address}" cm="1"`);
      if (xml === before) throw new Error(`${sheet.name}!${address} is not in ${sheet.part}`);
    }
    replace.set(sheet.part, xml);
  }
  const relsPart = relsPartOf(info.workbookPart);
  const rels = withRelationship(
    await pkg.text(relsPart),
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata",
    "metadata.xml",
  );
  replace.set(relsPart, rels.text);
  replace.set(
    "[Content_Types].xml",
    withOverride(
      await pkg.text("[Content_Types].xml"),
      "xl/metadata.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
    ),
  );
  return rewrite(bytes, replace, [{ name: "xl/metadata.xml", text: METADATA }]);
}

/** Adds the hidden GPU Assumptions sheet recording `edition`, as `gpu-cost assumptions import` writes it. */
async function withAssumptions(bytes: Uint8Array, edition: string): Promise<Uint8Array> {
  const pkg = await Package.open(bytes, "example.xlsx");
  const info = await readWorkbookInfo(pkg);
  const backend = new MemoryBackend({});
  const store = new AssumptionStore(backend);
  await store.ready;
  await store.import(serialize(emptyDocument(edition)));
  const changes = await assumptionChanges(pkg, info, { content: {} }, backend.current);
  const chunks: Uint8Array[] = [];
  await pkg.write(new WritableStream({ write: (c) => void chunks.push(c) }), changes.replace, changes.add);
  return Buffer.concat(chunks);
}

async function build(make: (wb: ExcelJS.Workbook) => Layout, edition: string, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "gpu-cost";
  // Fixed dates: regenerating gives the same workbook.
  wb.created = wb.modified = new Date(Date.UTC(2026, 10, 25));
  const layout = make(wb);
  let bytes: Uint8Array = new Uint8Array(await wb.xlsx.writeBuffer());
  bytes = await withDynamicArrays(bytes, layout.dynamic);
  bytes = await withAssumptions(bytes, edition);
  writeFileSync(file, bytes);
}

/** Writes both examples into `dir` (examples/ by default), recalculated by the built CLI unless `recalc` is false. */
export async function writeExamples(dir = path.join(ROOT, "examples"), recalc = true): Promise<string[]> {
  // Where price-book editions load on demand (main since 4df5642), load them all first.
  const pricing: Record<string, unknown> = await import("../src/pricing");
  if (typeof pricing["loadEditions"] === "function") await (pricing["loadEditions"] as () => Promise<void>)();
  const files = [path.join(dir, path.basename(FOUNDING_FILE)), path.join(dir, path.basename(LEASE_FILE))];
  await build(foundingAnalysis, FOUNDING_EDITION, files[0]!);
  await build(leaseOrBuy, LATEST_EDITION, files[1]!);
  if (recalc) {
    for (const f of files) {
      execFileSync(process.execPath, [path.join(ROOT, "bin/gpu-cost.js"), "recalc", f, "-o", f], {
        stdio: ["ignore", "ignore", "inherit"],
      });
    }
  }
  return files;
}

if (typeof require !== "undefined" && require.main === module) {
  writeExamples(undefined, !process.argv.includes("--no-recalc")).then(
    (files) => console.log(`Wrote ${files.map((f) => path.relative(process.cwd(), f)).join(" and ")}.`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
