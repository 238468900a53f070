/**
 * gpu-cost, as a user runs it (the built CLI in a child process): formulas, workbooks, stored
 * assumptions, editions, JSON, exit codes. Its numbers are the Excel bundle's.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EDITIONS, FOUNDING_EDITION } from "../../src/pricing";
import { SETTINGS_KEY, emptyDocument, serialize } from "../../src/store/document";
import { foundingRuntime } from "../harness/workbooks";
import { realisticWorkbook } from "./fixtures/realistic";
import { ROOT, expectClean, gpuCost as run, readCellsOf, tmp, workbookBytes } from "./helpers";

const EXAMPLE = path.join(ROOT, "examples/founding-analysis.xlsx");
const dir = tmp();
const gpuCost = (...args: string[]) => run(dir, ...args);

// 0.1 documents (and exported files) built on edition 2023.10-1, whose figures the tests use.
const doc = (overrides: Record<string, number>) =>
  serialize({
    ...emptyDocument(FOUNDING_EDITION),
    scenarios: {
      base: Object.fromEntries(
        Object.entries(overrides).map(([k, value]) => [k, { value, changedAt: "2026-11-25T00:00:00Z" }]),
      ),
    },
  });

describe("gpu-cost eval", () => {
  // Excel's bundle on a workbook built on 2023.10-1, and gpu-cost told the same edition.
  let xl: ReturnType<typeof foundingRuntime>;
  beforeAll(() => {
    xl = foundingRuntime();
  });

  it("prints a formula's value, equal to what Excel's bundle computes", async () => {
    const r = await gpuCost(
      "eval",
      '=GPU.CLUSTERCOST(8,"H100-SXM","reserved3y",3,"aws")',
      "--edition",
      FOUNDING_EDITION,
    );
    expect(r.code).toBe(0);
    expect(Number(r.stdout.trim())).toBeCloseTo(
      (await xl.value("CLUSTERCOST", 8, "H100-SXM", "reserved3y", 3, "aws")) as number,
      5,
    );
  });

  it('keeps a leading empty argument in its place (the README\'s =GPU.HOURLY(,"buy"))', async () => {
    const r = await gpuCost("eval", '=GPU.HOURLY(,"buy")', "--edition", FOUNDING_EDITION);
    expect(r.code).toBe(0);
    expect(Number(r.stdout)).toBeCloseTo((await xl.value("HOURLY", null, "buy")) as number, 9);
    expect(Number(r.stdout)).toBeCloseTo(2.13, 2);
  });

  it("handles nested calls, Excel's operators and functions", async () => {
    const r = await gpuCost(
      "eval",
      '=ROUND(GPU.CLUSTERCOST(20214,,"reserved3y")/GPU.CLUSTERCOST(20214,,"buy"),2)&" x"',
      "--edition",
      FOUNDING_EDITION,
    );
    expect(r.stdout.trim()).toBe("2.54 x");
    const s = await gpuCost("eval", '=IF(SUM(GPU.SCALEGAIN(0.5),GPU.SCALEGAIN(0.75))=6,"ok","no")');
    expect(s.stdout.trim()).toBe("ok");
    const nested = await gpuCost(
      "eval",
      '=GPU.CLUSTERCOST(GPU.GPUSFOR(20E18,,"fp16"),,"capex")',
      "--edition",
      FOUNDING_EDITION,
    );
    expect(Number(nested.stdout.trim())).toBeCloseTo(Math.ceil(20_215 / 8) * (248_956 / 0.81), 0);
  });

  it("prints a spill as an aligned table, and as JSON with --json", async () => {
    const r = await gpuCost("eval", "=GPU.TCO(8)", "--edition", FOUNDING_EDITION);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^Hardware capex \(USD\)\s+307353\.08642$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    const j = await gpuCost("eval", "=GPU.TCO(8)", "--json", "--edition", FOUNDING_EDITION);
    const parsed = JSON.parse(j.stdout) as { value: unknown[][] };
    expect(parsed.value[0]).toEqual(["Hardware capex (USD)", expect.closeTo(307_353.086, 2)]);
  });

  it("applies an exported assumptions file", async () => {
    const file = path.join(dir, "assumptions.json");
    writeFileSync(file, doc({ "aws.p5.48xlarge.ondemand": 49.16 }));
    const r = await gpuCost("eval", '=GPU.CLUSTERCOST(8,"H100-SXM","ondemand",1)', "--assumptions", file);
    expect(Number(r.stdout.trim())).toBeCloseTo(49.16 * 8760, 6);
  });

  it("computes with any shipped edition, and names them for an unknown one", async () => {
    for (const id of EDITIONS.keys()) {
      const r = await gpuCost("eval", '=GPU.CLUSTERCOST(8,"H100-SXM","reserved3y",3,"aws")', "--edition", id);
      expect(r.code, id).toBe(0);
      expect(Number(r.stdout)).toBeGreaterThan(0);
    }
    const f3 = await gpuCost("eval", '=GPU.CLUSTERCOST(8,"H100-SXM","reserved3y",3,"aws")', "--edition", "2023.10-1");
    expect(Number(f3.stdout)).toBeCloseTo(1_134_244.8, 6);
    const bad = await gpuCost("eval", "=1", "--edition", "1999.01-1");
    expect(bad.code).toBe(64);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/Unknown edition "1999.01-1". This gpu-cost ships 2023\.10-1/);
  });

  it.each([
    ['=GPU.CLUSTERCOST(8,"H900")', 1, /#N\/A Unknown gpu "H900"/],
    ["=1/0", 1, /#DIV\/0!/],
    ["=SUM(1,", 2, /does not parse/],
    ["=NOSUCH(1)", 2, /NOSUCH is not a function gpu-cost computes/],
    ["=LAMBDA(x,x)(1)", 2, /./],
  ])("%s exits %i with a message, no stack trace", async (formula, code, message) => {
    const r = await gpuCost("eval", formula);
    expectClean(r);
    expect(r.code).toBe(code);
    expect(r.stdout + r.stderr).toMatch(message);
  });

  it("gives usage errors their own exit code", async () => {
    for (const args of [["frobnicate"], ["eval"], ["recalc"], ["eval", "=1", "--nope"]]) {
      const r = await gpuCost(...args);
      expect(r.code, args.join(" ")).toBe(64);
      expectClean(r);
    }
    expect((await gpuCost("--help")).code).toBe(0);
  });

  it("refuses a bad assumptions file", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(file, '{"schema":1}');
    const r = await gpuCost("eval", '=GPU.PRICE("facility.pue")', "--assumptions", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not an assumptions file/);
  });
});

describe("gpu-cost recalc", () => {
  it("reproduces the founding analysis from the example workbook (F1-F9), on the edition its sheet records", async () => {
    const input = path.join(dir, "example.xlsx");
    copyFileSync(EXAMPLE, input);
    const out = path.join(dir, "example-out.xlsx");
    const r = await gpuCost("recalc", input, "-o", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/its 'GPU Assumptions' sheet \(edition 2023\.10-1/);
    expect(r.stdout).toMatch(/ 0 changed against the file's cached values/); // the committed file is current
    const cells = await readCellsOf(readFileSync(out));
    const v = (a: string) => cells.get(`Founding analysis!${a}`)?.value as number | string;
    const near = (cell: string, expected: number, tolerance: number) =>
      expect(Math.abs((v(cell) as number) / expected - 1), `${cell} = ${v(cell)}`).toBeLessThanOrEqual(tolerance);
    near("B16", 300_000, 0.1); // F1
    near("B17", 98.32 * 26_280, 0.001); // F2
    near("B18", 43.16 * 26_280, 0.001); // F3
    near("B19", 20_214, 0.01); // F4
    expect(v("B23")).toBeGreaterThan(2.1); // F5
    expect(v("B23")).toBeLessThan(2.9);
    expect(v("B24")).toBeLessThan(500_000); // F6
    expect(v("B25")).toBe("yes");
    expect([v("B26"), v("B27")]).toEqual([2, 4]); // F7
    near("B28", Math.SQRT2, 1e-12);
    near("B29", 0.04, 0.1); // F8
    near("B31", 48.1e9, 0.1);
    near("B32", 16e9, 0.1);
    expect(v("B33")).toBeGreaterThanOrEqual(7.5); // F9
    expect(v("B33")).toBeLessThanOrEqual(9);
  });

  it("reads the workbook's stored assumptions, reports changed cells, and keeps them in the output", async () => {
    const input = path.join(dir, "stored.xlsx");
    writeFileSync(input, await realisticWorkbook({ [SETTINGS_KEY]: doc({ "aws.p5.48xlarge.reserved3y": 30 }) }));
    const before = readFileSync(input);
    const r = await gpuCost("recalc", input);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/stored assumptions/);
    expect(r.stdout).toMatch(/Model!J2\s+1000000\s+788400/);
    expect(readFileSync(input).equals(before)).toBe(true); // never modified without -o
    const out = path.join(dir, "stored-out.xlsx");
    expect((await gpuCost("recalc", input, "-o", out)).code).toBe(0);
    expect((await gpuCost("recalc", out)).stdout).toMatch(/ 0 changed/);
  });

  it("recalculates in place only when -o names the input, atomically", async () => {
    const input = path.join(dir, "inplace.xlsx");
    writeFileSync(input, await workbookBytes({ S: { A1: 2, B1: { f: "A1*21", v: 0 } } }));
    const r = await gpuCost("recalc", input, "-o", input);
    expect(r.code).toBe(0);
    expect((await readCellsOf(readFileSync(input))).get("S!B1")?.value).toBe(42);
  });

  it("--edition recalculates with another shipped edition, keeping the workbook's overrides", async () => {
    const input = path.join(dir, "edition.xlsx");
    writeFileSync(input, await realisticWorkbook({ [SETTINGS_KEY]: doc({ "aws.p5.48xlarge.reserved3y": 30 }) }));
    const r = await gpuCost("recalc", input, "--edition", "2023.10-1", "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { values: Record<string, unknown>; assumptions: string };
    expect(json.values["Model!J2"]).toBe(788_400);
    expect(json.assumptions).toMatch(/at edition 2023\.10-1/);
  });

  it("--json lists values, errors with messages, and changed cells", async () => {
    const input = path.join(dir, "json.xlsx");
    writeFileSync(
      input,
      await workbookBytes({ S: { A1: { f: "1/0", v: 0 }, A2: { f: 'GPU.PRICE("nope")' }, A3: { f: "2+2", v: 4 } } }),
    );
    const r = await gpuCost("recalc", input, "--json", "--fail-on-error");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as Record<string, any>;
    expect(json.values["S!A3"]).toBe(4);
    expect(json.errors).toEqual(
      expect.arrayContaining([
        { cell: "S!A1", error: "#DIV/0!", message: "" },
        expect.objectContaining({ cell: "S!A2", error: "#N/A", message: expect.stringMatching(/nope/) }),
      ]),
    );
    expect(json.changed).toEqual(
      expect.arrayContaining([{ cell: "S!A1", before: 0, after: { error: "#DIV/0!", message: "" } }]),
    );
    expect(json.written).toBeNull();
  });

  it("lists the cells it cannot compute, writes nothing and exits 2; --partial writes and lists them", async () => {
    const input = path.join(dir, "partial.xlsx");
    writeFileSync(
      input,
      await workbookBytes({
        S: {
          A1: { f: "B1+1", v: 1 },
          B1: { f: "A1+1", v: 2 },
          C1: { f: 'WEBSERVICE("x")', v: 7 },
          D1: { f: "3*3", v: 0 },
        },
      }),
    );
    const out = path.join(dir, "partial-out.xlsx");
    const r = await gpuCost("recalc", input, "-o", out);
    expectClean(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot compute 3 cells \(so nothing was written\)/);
    expect(r.stderr).toMatch(/S!A1 =B1\+1: a circular reference: S!A1 -> S!B1 -> S!A1/);
    expect(r.stderr).toMatch(/S!C1 =WEBSERVICE\("x"\): WEBSERVICE is not a function gpu-cost computes/);
    expect(() => readFileSync(out)).toThrow();
    const p = await gpuCost("recalc", input, "-o", out, "--partial");
    expect(p.code).toBe(0);
    const cells = await readCellsOf(readFileSync(out));
    expect(cells.get("S!D1")?.value).toBe(9);
    expect(cells.get("S!C1")?.value).toBe(7); // kept
  });
});
