/**
 * `gpu-cost recalc -o` on a workbook as Excel writes it (test/cli/fixtures/realistic.ts): every
 * part it does not recalculate is copied with the same compressed bytes, in the same order; in
 * the recalculated sheet only the recalculated cells differ; the values are Excel's.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as F from "@formulajs/formulajs";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { Package } from "../../src/cli/xlsx/zip";
import { FOUNDING_EDITION } from "../../src/pricing";
import { SETTINGS_KEY, emptyDocument, serialize } from "../../src/store/document";
import { realisticWorkbook } from "./fixtures/realistic";
import { expectClean, gpuCost, readCellsOf, tmp, type Run } from "./helpers";

const dir = tmp();
const input = path.join(dir, "model.xlsx");
const output = path.join(dir, "model-recalculated.xlsx");
// A 0.1 workbook: its settings document was built on edition 2023.10-1.
const stored = serialize({
  ...emptyDocument(FOUNDING_EDITION),
  scenarios: { base: { "aws.p5.48xlarge.reserved3y": { value: 30, changedAt: "2026-11-25T00:00:00Z" } } },
});
let run: Run;
let before: Package;
let after: Package;

beforeAll(async () => {
  writeFileSync(input, await realisticWorkbook({ [SETTINGS_KEY]: stored }));
  run = await gpuCost(dir, "recalc", input, "-o", output, "--json");
  before = await Package.open(readFileSync(input), "in");
  after = await Package.open(readFileSync(output), "out");
});

/** The sheet's text with the given cells (and <dimension>, and row spans) taken out. */
function without(xml: string, cells: Set<string>): string {
  return xml
    .replace(/<c r="([A-Z]+\d+)"[^>]*?(\/>|>[\s\S]*?<\/c>)/g, (m, a: string) => (cells.has(a) ? "" : m))
    .replace(/<dimension ref="[^"]*"\/>/, "")
    .replace(/ spans="\d+:\d+"/g, "")
    .replace(/<row r="\d+"><\/row>/g, "");
}

describe("a realistic workbook round-trips", () => {
  it("exits 0 and says what it wrote", () => {
    expectClean(run);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).written).toBe(output);
  });

  it("keeps every entry, in order, and every part it did not recalculate byte for byte", async () => {
    expect(after.order()).toEqual(before.order());
    expect(before.parts().length).toBeGreaterThanOrEqual(35);
    const changed: string[] = [];
    for (const part of before.parts()) {
      const a = Buffer.from(await before.rawBytes(part));
      const b = Buffer.from(await after.rawBytes(part));
      if (!a.equals(b)) changed.push(part);
    }
    expect(changed).toEqual(["xl/worksheets/sheet1.xml"]);
  });

  it("changes only recalculated cells in the recalculated sheet", async () => {
    const json = JSON.parse(run.stdout) as { changed: { cell: string }[]; values: Record<string, unknown> };
    const touched = new Set([
      ...json.changed.map((c) => c.cell.replace(/^.*!/, "")),
      "E2", // the spill anchor: its range grew
    ]);
    const a = await before.text("xl/worksheets/sheet1.xml");
    const b = await after.text("xl/worksheets/sheet1.xml");
    expect(without(b, touched)).toBe(without(a, touched));
    // GPU.TCO(8) spills 15 rows: 11 as in 0.1, then the present values of buying and of 3 rents.
    expect(b).toContain('<dimension ref="A1:K16"/>');
    expect(b).toContain('<c r="E2" t="str" cm="1"><f t="array" ref="E2:F16">_xldudf_GPU_TCO(8)</f>');
    expect(b).toContain("x14:sparklineGroups");
    expect(b).toContain('<sheetProtection algorithmName="SHA-512"');
  });

  it("computes what Excel computes", async () => {
    const cells = await readCellsOf(readFileSync(output));
    const value = (a: string) => cells.get(`Model!${a}`)?.value;
    expect(value("D1")).toBe(3520); // {=SUM(A1:A5*A1:A5)}
    expect([1, 2, 3, 4, 5].map((r) => value(`C${r}`))).toEqual([16, 32, 48, 64, 80]); // shared
    expect(value("H1")).toBeCloseTo(21, 12); // TaxRate*100, a constant name
    expect(value("I1")).toBe(120); // Total, a formula name
    expect(value("J1")).toBe(24.05); // a sheet-local name + a range name
    expect(value("K1")).toBe(64); // LET
    expect(value("H2")).toBeCloseTo(-1610.46486903642, 9); // PMT(Rate/12,360,300000)
    expect(value("J2")).toBe(30 * 26_280); // the workbook's stored reserved rate
    expect(value("K2")).toBeCloseTo(2.127053, 6); // GPU.HOURLY(,"buy")
    expect(value("H3")).toBeCloseTo(Math.round((F.IRR([-8, 16, 24, 32, 40]) as number) * 1e6) / 1e6, 12);
    expect(value("E6")).toBe("Total to buy (USD)"); // the spill grew from 3 rows to 15
    expect(value("F6")).toBeCloseTo(447_191.62, 1);
    expect(value("I2")).toBe(value("F6")); // XLOOKUP over the spill
    let spillSum = 0;
    for (let r = 2; r <= 16; r++) spillSum += value(`F${r}`) as number;
    expect(value("G1")).toBeCloseTo(spillSum, 6); // SUM(ANCHORARRAY(E2)) read the new spill
    expect(value("B8")).toBe(3.52);
  });

  it("is read by another library, and a second recalculation changes nothing", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Model")!.getCell("D1").result).toBe(3520);
    const again = await gpuCost(dir, "recalc", output, "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).changed).toEqual([]);
  });
});
