/**
 * gpu-cost, as a user runs it (the built CLI in a child process): formulas, workbooks, stored
 * assumptions, and clear failures. Its numbers are the Excel bundle's.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { SETTINGS_KEY, emptyDocument, serialize } from "../../src/store/document";
import { loadRuntime } from "../harness/runtime";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLE = path.join(ROOT, "examples/founding-analysis.xlsx");
const tmp = mkdtempSync(path.join(os.tmpdir(), "gpu-cost-cli-"));

async function gpuCost(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("node", [path.join(ROOT, "bin/gpu-cost.js"), ...args], {
      cwd: tmp,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const doc = (overrides: Record<string, number>) =>
  serialize({
    ...emptyDocument(),
    scenarios: {
      base: Object.fromEntries(
        Object.entries(overrides).map(([k, value]) => [k, { value, changedAt: "2026-11-25T00:00:00Z" }]),
      ),
    },
  });

/** A copy of the example with assumptions stored the way Excel stores the add-in's settings. */
async function withStoredAssumptions(file: string, text: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
  const value = JSON.stringify(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  zip.file(
    "xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{52811C31-4593-4B6B-A3D2-1D4E8E7F1F8C}"><we:reference id="75948ded-ac35-4c86-acb1-29474d4a2a88" version="0.1.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="${SETTINGS_KEY}" value="${value}"/></we:properties><we:bindings/><we:snapshot/></we:webextension>`,
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>',
    ),
  );
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  return file;
}

async function readValues(file: string): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const values = new Map<string, unknown>();
  wb.worksheets[0]!.eachRow((row) =>
    row.eachCell((cell) => values.set(cell.address, cell.formula ? cell.result : cell.value)),
  );
  return values;
}

describe("gpu-cost eval", () => {
  let xl: ReturnType<typeof loadRuntime>;
  beforeAll(() => {
    xl = loadRuntime();
  });

  it("prints a formula's value, equal to what Excel's bundle computes", async () => {
    const r = await gpuCost("eval", '=GPU.CLUSTERCOST(8,"H100-SXM","reserved3y",3,"aws")');
    expect(r.code).toBe(0);
    // Printed to 12 significant digits.
    expect(Number(r.stdout.trim())).toBeCloseTo(
      (await xl.value("CLUSTERCOST", 8, "H100-SXM", "reserved3y", 3, "aws")) as number,
      5,
    );
  });

  it("handles nested calls, Excel's operators and functions", async () => {
    const r = await gpuCost(
      "eval",
      '=ROUND(GPU.CLUSTERCOST(20214,,"reserved3y")/GPU.CLUSTERCOST(20214,,"buy"),2)&" x"',
    );
    expect(r.stdout.trim()).toBe("2.54 x");
    const s = await gpuCost("eval", '=IF(SUM(GPU.SCALEGAIN(0.5),GPU.SCALEGAIN(0.75))=6,"ok","no")');
    expect(s.stdout.trim()).toBe("ok");
    const nested = await gpuCost("eval", '=GPU.CLUSTERCOST(GPU.GPUSFOR(20E18,,"fp16"),,"capex")');
    expect(Number(nested.stdout.trim())).toBeCloseTo(Math.ceil(20_215 / 8) * (248_956 / 0.81), 0);
  });

  it("prints a spill as an aligned table", async () => {
    const r = await gpuCost("eval", "=GPU.TCO(8)");
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^Hardware capex \(USD\)\s+307353\.08642$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1); // right-aligned numbers: equal widths
  });

  it("applies an exported assumptions file", async () => {
    const file = path.join(tmp, "assumptions.json");
    writeFileSync(file, doc({ "aws.p5.48xlarge.ondemand": 49.16 }));
    const r = await gpuCost("eval", '=GPU.CLUSTERCOST(8,"H100-SXM","ondemand",1)', "--assumptions", file);
    expect(Number(r.stdout.trim())).toBeCloseTo(49.16 * 8760, 6);
  });

  it.each([
    ['=GPU.CLUSTERCOST(8,"H900")', 1, /#N\/A Unknown gpu "H900"/],
    ["=SUM(1,", 2, /does not parse/],
    ["=NOSUCH(1)", 2, /Unknown function NOSUCH/],
  ])("%s fails with a message and exit code %i", async (formula, code, message) => {
    const r = await gpuCost("eval", formula);
    expect(r.code).toBe(code);
    expect(r.stdout + r.stderr).toMatch(message);
  });

  it("refuses a bad assumptions file", async () => {
    const file = path.join(tmp, "bad.json");
    writeFileSync(file, '{"schema":1}');
    const r = await gpuCost("eval", '=GPU.PRICE("facility.pue")', "--assumptions", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not an assumptions file/);
  });
});

describe("gpu-cost recalc", () => {
  it("reproduces the founding analysis from the example workbook (F1-F9)", async () => {
    const input = path.join(tmp, "example.xlsx");
    copyFileSync(EXAMPLE, input);
    const out = path.join(tmp, "example-out.xlsx");
    const r = await gpuCost("recalc", input, "-o", out);
    expect(r.code).toBe(0);
    const v = await readValues(out);
    const near = (cell: string, expected: number, tolerance: number) =>
      expect(Math.abs((v.get(cell) as number) / expected - 1), `${cell} = ${v.get(cell)}`).toBeLessThanOrEqual(
        tolerance,
      );
    near("B16", 300_000, 0.1); // F1
    near("B17", 98.32 * 26_280, 0.001); // F2
    near("B18", 43.16 * 26_280, 0.001); // F3
    near("B19", 20_214, 0.01); // F4
    expect(v.get("B20")).toBeGreaterThan(0.75e9); // F4 about $1B
    expect(v.get("B20")).toBeLessThan(1.25e9);
    expect(v.get("B23")).toBeGreaterThan(2.1); // F5
    expect(v.get("B23")).toBeLessThan(2.9);
    expect(v.get("B24")).toBeLessThan(500_000); // F6
    expect(v.get("B25")).toBe("yes");
    expect([v.get("B26"), v.get("B27")]).toEqual([2, 4]); // F7
    near("B28", Math.SQRT2, 1e-12);
    near("B29", 0.04, 0.1); // F8
    near("B31", 48.1e9, 0.1);
    near("B32", 16e9, 0.1);
    expect(v.get("B33")).toBeGreaterThanOrEqual(7.5); // F9
    expect(v.get("B33")).toBeLessThanOrEqual(9);
  });

  it("reads the workbook's stored assumptions, reports changed cells, and keeps them in the output", async () => {
    const input = await withStoredAssumptions(path.join(tmp, "stored.xlsx"), doc({ "aws.p5.48xlarge.reserved3y": 30 }));
    const before = statSync(input).mtimeMs;
    const r = await gpuCost("recalc", input);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/stored assumptions/);
    expect(r.stdout).toMatch(/Founding analysis!B18\s+1134244\.8\s+788400/);
    expect(statSync(input).mtimeMs).toBe(before); // never modified in place without -o
    const out = path.join(tmp, "stored-out.xlsx");
    await gpuCost("recalc", input, "-o", out);
    const again = await gpuCost("recalc", out);
    expect(again.stdout).toMatch(/0 changed/);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(await zip.file("xl/webextensions/webextension1.xml")!.async("string")).toContain(SETTINGS_KEY);
  });

  it.each([
    ["a missing file", "missing.xlsx", /No such file/],
    ["a file that is not xlsx", "README.md", /not an \.xlsx/],
  ])("refuses %s with a message and exit 2", async (_what, file, message) => {
    const r = await gpuCost("recalc", file === "README.md" ? path.join(ROOT, file) : file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("refuses a circular reference and an unknown function, naming the cells", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = { formula: "B1+1" } as ExcelJS.CellFormulaValue;
    ws.getCell("B1").value = { formula: "A1*2" } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(path.join(tmp, "cycle.xlsx"));
    const cycle = await gpuCost("recalc", "cycle.xlsx");
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toMatch(/Circular reference: S!A1 -> S!B1 -> S!A1/);
    ws.getCell("A1").value = { formula: "FOO(1)" } as ExcelJS.CellFormulaValue;
    ws.getCell("B1").value = 1;
    await wb.xlsx.writeFile(path.join(tmp, "unknown.xlsx"));
    const unknown = await gpuCost("recalc", "unknown.xlsx");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/S!A1 =FOO\(1\): unknown function/);
  });
});
