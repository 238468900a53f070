/**
 * `gpu-cost assumptions list|set|export|import`, and `recalc`/`eval` reading the GPU Assumptions
 * sheet, on real .xlsx files as a user runs them (the built CLI in a child process). What the CLI
 * writes is read back by an independent reader (exceljs) and by the add-in's own store: pure
 * (`readSheet`, `AssumptionStore` over `MemoryBackend`) and over the fake Excel (`ExcelBackend`),
 * which then edits it as the pane would. Writes touch only the cells of the change; every other
 * part keeps its bytes.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { Package } from "../../src/cli/xlsx/zip";
import { FOUNDING_EDITION, LATEST_EDITION, bookFor } from "../../src/pricing";
import { ExcelBackend, MemoryBackend } from "../../src/store/backend";
import { SETTINGS_KEY, emptyDocument, serialize, type AssumptionsDocument } from "../../src/store/document";
import { newSheet } from "../../src/store/plan";
import { SHEET_NAME, SHEET_TITLE, readSheet } from "../../src/store/sheet";
import { AssumptionStore } from "../../src/store/store";
import { FakeWorkbook } from "../harness/fakeExcel";
import { realisticWorkbook } from "./fixtures/realistic";
import { expectClean, gpuCost as run, readCellsOf, sheetXml, tmp, workbookBytes, type TestCell } from "./helpers";

const dir = tmp();
const gpuCost = (...args: string[]) => run(dir, ...args);
const file = (name: string) => path.join(dir, name);
const T0 = "2026-11-25T00:00:00Z";

/** A grid from A1 as test cells by address (empty cells left out). */
function cellsOf(grid: readonly (readonly unknown[])[]): Record<string, TestCell> {
  const out: Record<string, TestCell> = {};
  grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === "" || v === null || v === undefined) return;
      let col = "";
      for (let x = c + 1; x > 0; x = Math.floor((x - 1) / 26)) col = String.fromCharCode(65 + ((x - 1) % 26)) + col;
      out[`${col}${r + 1}`] = v as TestCell;
    }),
  );
  return out;
}

function doc(edition: string, scenarios: Record<string, Record<string, number>>, active = "base"): AssumptionsDocument {
  return {
    ...emptyDocument(edition),
    activeScenario: active,
    scenarios: Object.fromEntries(
      Object.entries(scenarios).map(([name, o]) => [
        name,
        Object.fromEntries(Object.entries(o).map(([k, value]) => [k, { value, changedAt: T0 }])),
      ]),
    ),
  };
}

/** A workbook with a model sheet and an assumptions sheet holding `grid` (as the add-in wrote it). */
async function withSheet(name: string, grid: readonly (readonly unknown[])[], sheetName = SHEET_NAME): Promise<string> {
  const f = file(name);
  writeFileSync(
    f,
    await workbookBytes({
      Model: { A1: "PUE", B1: { f: 'GPU.PRICE("facility.pue")', v: 0 }, B2: { f: "_xldudf_GPU_EDITION()", v: "" } },
      [sheetName]: cellsOf(grid),
    }),
  );
  return f;
}

/** The assumptions sheet of a written workbook as an independent reader (exceljs) sees it. */
async function sheetByExcelJS(f: string, name = SHEET_NAME): Promise<{ grid: unknown[][]; state: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in ${f}`);
  const grid: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value;
      values[c - 1] =
        v === null || v === undefined ? "" : typeof v === "object" && "formula" in v ? `=${v.formula}` : v;
    });
    grid[r - 1] = Array.from(values, (v) => v ?? "");
  });
  return { grid: Array.from(grid, (r) => r ?? []), state: ws.state };
}

/** The store over the fake Excel, opened on a grid as the file holds it. */
async function fakeExcelStore(grid: readonly (readonly unknown[])[]) {
  const wb = new FakeWorkbook();
  wb.putSheet(SHEET_NAME, grid);
  const store = new AssumptionStore(new ExcelBackend(wb.excel(), 20), { clock: () => T0 });
  await store.ready;
  return { wb, store };
}

async function partText(f: string, part: string): Promise<string> {
  return (await Package.open(readFileSync(f), f)).text(part);
}

describe("assumptions set", () => {
  it("creates the hidden sheet in a workbook that has none, readable by exceljs, the store and the fake Excel", async () => {
    const input = file("plain.xlsx");
    writeFileSync(input, await workbookBytes({ Model: { A1: { f: 'GPU.PRICE("facility.pue")', v: 0 } } }));
    const out = file("plain-set.xlsx");
    const r = await gpuCost("assumptions", "set", input, "facility.pue=1.25", "aws.p5.48xlarge.ondemand=50", "-o", out);
    expectClean(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/'GPU Assumptions'!G\d+: facility\.pue = 1\.25 in scenario "base"/);
    expect(r.stdout).toMatch(/a new hidden sheet/);

    const { grid, state } = await sheetByExcelJS(out);
    expect(state).toBe("hidden");
    expect(grid[0]![0]).toBe(SHEET_TITLE);
    const read = readSheet(grid);
    expect(read.status).toBe("ok");
    expect(read.problems).toEqual([]);
    expect(read.doc.bookVersion).toBe(LATEST_EDITION); // a workbook with no record: the latest edition
    expect(read.doc.scenarios["base"]!["facility.pue"]).toMatchObject({ value: 1.25 });
    expect(read.doc.scenarios["base"]!["aws.p5.48xlarge.ondemand"]).toMatchObject({ value: 50 });
    expect(read.doc.scenarios["base"]!["facility.pue"]!.changedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Every key of the edition has its row, as the pane's first edit writes it.
    expect(read.layout!.keyRows.size).toBe(bookFor(new Map(), LATEST_EDITION).assumptions.size);

    // The add-in's store, pure and over the fake Excel, computes with what the CLI wrote.
    const pure = new AssumptionStore(new MemoryBackend({ sheet: { id: "s", name: SHEET_NAME, values: grid } }));
    await pure.ready;
    expect(pure.snapshot).toMatchObject({ status: "ok", location: "sheet", problems: [] });
    expect(pure.book().facility.pue).toBe(1.25);
    const { wb, store } = await fakeExcelStore(grid);
    expect(store.snapshot).toMatchObject({ status: "ok", location: "sheet", problems: [] });
    expect(store.book().facility.pue).toBe(1.25);
    // ...and edits it as the pane does: the cells the CLI wrote are the cells the pane writes.
    await store.set("facility.pue", 1.4);
    expect(readSheet(wb.grid(SHEET_NAME)).doc.scenarios["base"]!["facility.pue"]!.value).toBe(1.4);

    // recalc computes with the sheet.
    const rc = await gpuCost("recalc", out, "--json");
    expect(rc.code).toBe(0);
    const json = JSON.parse(rc.stdout) as { values: Record<string, unknown>; assumptions: string; edition: string };
    expect(json.values["Model!A1"]).toBe(1.25);
    expect(json.edition).toBe(LATEST_EDITION);
    expect(json.assumptions).toMatch(/'GPU Assumptions' sheet/);
  });

  it("changes only the workbook.xml, relationship and content-type entries it adds, and nothing else", async () => {
    const input = file("realistic.xlsx");
    writeFileSync(input, await realisticWorkbook({}, { protectStructure: false }));
    const out = file("realistic-set.xlsx");
    const r = await gpuCost("assumptions", "set", input, "facility.pue=1.3", "-o", out);
    expect(r.code).toBe(0);
    const before = await Package.open(readFileSync(input), "in");
    const after = await Package.open(readFileSync(out), "out");
    const added = after.order().filter((p) => !before.has(p));
    expect(added).toEqual(["xl/worksheets/sheet4.xml"]);
    expect(after.order().slice(0, before.order().length)).toEqual(before.order());
    const changed: string[] = [];
    for (const part of before.parts()) {
      if (!Buffer.from(await before.rawBytes(part)).equals(Buffer.from(await after.rawBytes(part)))) changed.push(part);
    }
    expect(changed.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"]);
    // Each by one inserted element: taking it out gives the original text back.
    const strip = (text: string, element: RegExp) => text.replace(element, "");
    expect(
      strip(
        await after.text("xl/workbook.xml"),
        /<sheet name="GPU Assumptions" sheetId="4" state="hidden" r:id="rId12"\/>/,
      ),
    ).toBe(await before.text("xl/workbook.xml"));
    expect(
      strip(
        await after.text("xl/_rels/workbook.xml.rels"),
        /<Relationship Id="rId12" Type="[^"]+\/worksheet" Target="worksheets\/sheet4\.xml"\/>/,
      ),
    ).toBe(await before.text("xl/_rels/workbook.xml.rels"));
    expect(
      strip(
        await after.text("[Content_Types].xml"),
        /<Override PartName="\/xl\/worksheets\/sheet4\.xml" ContentType="[^"]+"\/>/,
      ),
    ).toBe(await before.text("[Content_Types].xml"));
    // exceljs opens it: the new sheet last, hidden; the others as they were.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Model", "visible"],
      ["Data", "visible"],
      ["Pivot", "visible"],
      ["GPU Assumptions", "hidden"],
    ]);
  });

  it("writes only the cells a change touches on an existing sheet: the value and its change time", async () => {
    const input = await withSheet(
      "existing.xlsx",
      newSheet(doc(FOUNDING_EDITION, { base: { "facility.pue": 1.2 } })).cells,
    );
    const out = file("existing-set.xlsx");
    const r = await gpuCost("assumptions", "set", input, "facility.electricity=0.1", "-o", out);
    expect(r.code).toBe(0);
    const before = await readCellsOf(readFileSync(input));
    const after = await readCellsOf(readFileSync(out));
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
      (a) => JSON.stringify(before.get(a)?.value) !== JSON.stringify(after.get(a)?.value),
    );
    const grid = newSheet(emptyDocument(FOUNDING_EDITION)).cells;
    const row = grid.findIndex((x) => x[0] === "facility.electricity") + 1;
    expect(changed.sort()).toEqual([`GPU Assumptions!G${row}`, `GPU Assumptions!H${row}`]);
    expect(after.get(`GPU Assumptions!G${row}`)?.value).toBe(0.1);
    expect(r.stdout).toMatch(new RegExp(`'GPU Assumptions'!G${row}: facility\\.electricity = 0\\.1`));
    // The other sheets' parts and the workbook's structure keep their bytes.
    const a = await Package.open(readFileSync(input), "a");
    const b = await Package.open(readFileSync(out), "b");
    for (const part of a.parts().filter((p) => p !== "xl/worksheets/sheet2.xml")) {
      expect(Buffer.from(await b.rawBytes(part)).equals(Buffer.from(await a.rawBytes(part))), part).toBe(true);
    }
    // The text cell is inline text, not a formula's cached string.
    expect(await partText(out, "xl/worksheets/sheet2.xml")).toMatch(
      new RegExp(`<c r="H${row}" t="inlineStr"><is><t>\\d{4}-\\d\\d-\\d\\dT[^<]+</t></is></c>`),
    );
    const rc = await gpuCost("recalc", out, "--json");
    expect(JSON.parse(rc.stdout).values["Model!B1"]).toBe(1.2); // the founding edition's sheet, its PUE override
    expect(JSON.parse(rc.stdout).values["Model!B2"]).toBe(FOUNDING_EDITION);
  });

  it("adds a scenario as the pane does (a copy of the active one), and KEY= resets a key", async () => {
    const input = await withSheet(
      "scenario.xlsx",
      newSheet(doc(FOUNDING_EDITION, { base: { "facility.pue": 1.2 } })).cells,
    );
    const out = file("scenario-set.xlsx");
    const r = await gpuCost(
      "assumptions",
      "set",
      input,
      "facility.pue=",
      "facility.electricity=12%",
      "--scenario",
      "Bull",
      "-o",
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Added scenario "bull" \(a copy of "base"/);
    const read = readSheet((await sheetByExcelJS(out)).grid);
    expect(read.problems).toEqual([]);
    expect(read.doc.scenarios["base"]).toEqual({ "facility.pue": { value: 1.2, changedAt: T0 } });
    expect(read.doc.scenarios["bull"]!["facility.pue"]).toBeUndefined();
    expect(read.doc.scenarios["bull"]!["facility.electricity"]!.value).toBeCloseTo(0.12, 12);
    expect(read.doc.activeScenario).toBe("base");
  });

  it("writes in place atomically when -o names the input", async () => {
    const input = await withSheet("inplace.xlsx", newSheet(emptyDocument(FOUNDING_EDITION)).cells);
    const r = await gpuCost("assumptions", "set", input, "facility.pue=1.5", "-o", input);
    expect(r.code).toBe(0);
    expect(readSheet((await sheetByExcelJS(input)).grid).doc.scenarios["base"]!["facility.pue"]!.value).toBe(1.5);
  });

  it("migrates a 0.1 workbook's settings into a new sheet with the edit; the settings part stays as it was", async () => {
    const input = file("v01.xlsx");
    writeFileSync(
      input,
      await realisticWorkbook(
        { [SETTINGS_KEY]: serialize(doc(FOUNDING_EDITION, { base: { "aws.p5.48xlarge.reserved3y": 30 } })) },
        { protectStructure: false },
      ),
    );
    const out = file("v01-set.xlsx");
    const r = await gpuCost("assumptions", "set", input, "facility.pue=1.3", "-o", out);
    expect(r.code).toBe(0);
    const read = readSheet((await sheetByExcelJS(out)).grid);
    expect(read.doc.bookVersion).toBe(FOUNDING_EDITION);
    expect(read.doc.scenarios["base"]!["aws.p5.48xlarge.reserved3y"]).toEqual({ value: 30, changedAt: T0 });
    expect(read.doc.scenarios["base"]!["facility.pue"]!.value).toBe(1.3);
    const a = await Package.open(readFileSync(input), "a");
    const b = await Package.open(readFileSync(out), "b");
    for (const part of a.parts().filter((p) => p.startsWith("xl/webextensions/"))) {
      expect(Buffer.from(await b.rawBytes(part)).equals(Buffer.from(await a.rawBytes(part))), part).toBe(true);
    }
    // From now on the sheet computes: J2 is the reserved rent at 30 a GPU-hour-instance.
    const rc = await gpuCost("recalc", out, "--json");
    expect(JSON.parse(rc.stdout).values["Model!J2"]).toBe(788_400);
  });

  it("writes into a renamed sheet, found by its title in A1", async () => {
    const input = await withSheet("renamed.xlsx", newSheet(emptyDocument(FOUNDING_EDITION)).cells, "My inputs");
    const out = file("renamed-set.xlsx");
    const r = await gpuCost("assumptions", "set", input, "facility.pue=1.35", "-o", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/'My inputs'!G\d+: facility\.pue = 1\.35/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Model", "My inputs"]);
    expect(readSheet((await sheetByExcelJS(out, "My inputs")).grid).doc.scenarios["base"]!["facility.pue"]!.value).toBe(
      1.35,
    );
  });
});

describe("assumptions set and import refuse, with one line naming the sheet and cell, writing nothing", () => {
  const grid = newSheet(doc(FOUNDING_EDITION, { base: { "facility.pue": 1.2 } })).cells;
  const rowOf = (key: string) => grid.findIndex((x) => x[0] === key) + 1;

  it.each([
    [
      "facility.pue=0.5",
      /^gpu-cost: 'GPU Assumptions'!G(\d+): facility\.pue must be from 1 up to 5 \(ratio\); got 0\.5\. Nothing was written\.$/,
    ],
    ["facility.pue=abc", /^gpu-cost: 'GPU Assumptions'!G(\d+): facility\.pue takes a number \(ratio\)/],
    [
      "facility.pu=1.2",
      /^gpu-cost: 'GPU Assumptions': unknown key "facility\.pu" in price book 2023\.10-1 \(closest: .*facility\.pue/,
    ],
  ])("%s", async (pair, message) => {
    const input = await withSheet(`refuse-${pair.replace(/\W/g, "")}.xlsx`, grid);
    const out = file(`refused-${pair.replace(/\W/g, "")}.xlsx`);
    const r = await gpuCost("assumptions", "set", input, "facility.electricity=0.1", pair, "-o", out);
    expectClean(r);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    const m = message.exec(r.stderr.trim());
    expect(m, r.stderr).not.toBeNull();
    if (m?.[1]) expect(Number(m[1])).toBe(rowOf("facility.pue"));
    expect(existsSync(out)).toBe(false);
  });

  it("a damaged sheet: the bad cell is named and nothing is written; setting that very key repairs it", async () => {
    const damaged = grid.map((row) => [...row]);
    const row = rowOf("facility.electricity");
    damaged[row - 1]![6] = "twelve cents";
    const input = await withSheet("damaged.xlsx", damaged);
    const out = file("damaged-set.xlsx");
    const r = await gpuCost("assumptions", "set", input, "facility.pue=1.4", "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(
      new RegExp(`^gpu-cost: 'GPU Assumptions'!G${row}: facility\\.electricity \\(scenario "base"\\) must be a number`),
    );
    expect(r.stderr).toMatch(/Nothing was written\.$/m);
    expect(existsSync(out)).toBe(false);

    const fixed = await gpuCost("assumptions", "set", input, "facility.electricity=0.09", "-o", out);
    expect(fixed.code).toBe(0);
    const read = readSheet((await sheetByExcelJS(out)).grid);
    expect(read.problems).toEqual([]);
    expect(read.doc.scenarios["base"]!["facility.electricity"]!.value).toBe(0.09);
  });

  it("a formula typed in a value cell is replaced by the value set (the cell becomes a constant)", async () => {
    const withFormula: unknown[][] = grid.map((row) => [...row]);
    const row = rowOf("facility.pue");
    withFormula[row - 1]![6] = { f: "1+0.2", v: 1.2 };
    const input = await withSheet("formula.xlsx", withFormula);
    const refused = await gpuCost(
      "assumptions",
      "set",
      input,
      "facility.electricity=0.1",
      "-o",
      file("formula-x.xlsx"),
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      new RegExp(`'GPU Assumptions'!G${row}: facility\\.pue \\(scenario "base"\\) holds a formula`),
    );
    const out = file("formula-set.xlsx");
    expect((await gpuCost("assumptions", "set", input, "facility.pue=1.3", "-o", out)).code).toBe(0);
    const xml = await partText(out, "xl/worksheets/sheet2.xml");
    expect(xml).toContain(`<c r="G${row}"><v>1.3</v></c>`);
    expect(readSheet((await sheetByExcelJS(out)).grid).problems).toEqual([]);
  });

  it("a newer add-in's sheet is never written", async () => {
    const future = grid.map((row) => [...row]);
    future[1]![1] = 2;
    const input = await withSheet("future.xlsx", future);
    const out = file("future-set.xlsx");
    for (const args of [
      ["set", input, "facility.pue=1.3", "-o", out],
      ["import", input, file("none.json"), "-o", out],
    ]) {
      writeFileSync(file("none.json"), serialize(emptyDocument(FOUNDING_EDITION)));
      const r = await gpuCost("assumptions", ...args);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toMatch(/newer version of the add-in \(schema 2 in 'GPU Assumptions'!B2/);
      expect(existsSync(out)).toBe(false);
    }
    // recalc uses it read-only: the shipped defaults, with the warning.
    const rc = await gpuCost("recalc", input);
    expect(rc.code).toBe(0);
    expect(rc.stderr).toMatch(/warning: .*newer version/);
    expect((await gpuCost("recalc", input, "--fail-on-problems")).code).toBe(2);
  });

  it("an import file that does not validate names its path in the file", async () => {
    const input = await withSheet("import-bad.xlsx", grid);
    const bad = file("bad.json");
    writeFileSync(bad, serialize(doc(FOUNDING_EDITION, { base: { "facility.pue": 9 } })));
    const out = file("import-bad-out.xlsx");
    const r = await gpuCost("assumptions", "import", input, bad, "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `gpu-cost: ${bad}: scenarios.base["facility.pue"]: must be from 1 up to 5 (ratio); got 9. Nothing was written.`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("a workbook whose structure is protected: no sheet is added (Excel would refuse too)", async () => {
    const input = file("protected.xlsx");
    writeFileSync(input, await realisticWorkbook());
    const out = file("protected-set.xlsx");
    const r = await gpuCost("assumptions", "set", input, "facility.pue=1.3", "-o", out);
    expectClean(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/structure is protected/);
    expect(existsSync(out)).toBe(false);
  });

  it("a protected assumptions sheet is not written (Excel would refuse the add-in's writes too)", async () => {
    const xml = sheetXml(cellsOf(grid)).replace("</sheetData>", '</sheetData><sheetProtection sheet="1" objects="1"/>');
    const input = file("sheet-protected.xlsx");
    writeFileSync(input, await workbookBytes({ Model: { A1: 1 }, [SHEET_NAME]: xml }));
    const out = file("sheet-protected-set.xlsx");
    const r = await gpuCost("assumptions", "set", input, "facility.pue=1.3", "-o", out);
    expectClean(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'GPU Assumptions' sheet is protected/);
    expect(existsSync(out)).toBe(false);
  });

  it("usage errors exit 64", async () => {
    const input = await withSheet("usage.xlsx", grid);
    for (const args of [
      ["set", input, "facility.pue=1.3"], // no -o
      ["set", input, "facility.pue", "-o", file("u.xlsx")],
      ["set", input, "facility.pue=1.3", "-o", file("u.json")],
      ["set", input, "facility.pue=1.3", "--scenario", "constructor", "-o", file("u.xlsx")],
      ["import", input],
      ["frobnicate", input],
    ]) {
      const r = await gpuCost("assumptions", ...args);
      expectClean(r);
      expect(r.code, args.join(" ")).toBe(64);
    }
  });
});

describe("assumptions list, export and import", () => {
  it("lists the edition, scenarios and overrides; --json with the problems and their cells", async () => {
    const grid = newSheet(
      doc(FOUNDING_EDITION, { base: { "facility.pue": 1.2 }, bear: { "facility.pue": 1.5 } }),
    ).cells;
    const row = grid.findIndex((x) => x[0] === "facility.electricity");
    grid[row]![6] = -1;
    const input = await withSheet("list.xlsx", grid);
    const r = await gpuCost("assumptions", "list", input);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/its 'GPU Assumptions' sheet \(edition 2023\.10-1, scenario "base"\)/);
    expect(r.stdout).toMatch(/^base\s+facility\.pue\s+1\.2\s+1\.25\s+ratio\s+2026-11-25T00:00:00Z$/m);
    expect(r.stdout).toMatch(/^bear\s+facility\.pue\s+1\.5\s+1\.25\s+ratio/m);
    expect(r.stderr).toMatch(new RegExp(`^warning: 'GPU Assumptions'!G${row + 1}: facility\\.electricity`, "m"));
    const j = JSON.parse((await gpuCost("assumptions", "list", input, "--json")).stdout);
    expect(j).toMatchObject({
      location: "sheet",
      sheet: SHEET_NAME,
      status: "ok",
      edition: FOUNDING_EDITION,
      activeScenario: "base",
      scenarios: { base: { "facility.pue": { value: 1.2, default: 1.25, unit: "ratio" } } },
    });
    expect(j.problems).toEqual([
      expect.objectContaining({ cell: `'GPU Assumptions'!G${row + 1}`, key: "facility.electricity" }),
    ]);
    const all = await gpuCost("assumptions", "list", input, "--all");
    expect(all.stdout.trim().split("\n").length).toBeGreaterThan(bookFor(new Map(), FOUNDING_EDITION).assumptions.size);
  });

  it("exports what the store exports, and an import of it into another workbook gives the same assumptions", async () => {
    const source = newSheet(
      doc(FOUNDING_EDITION, { base: { "facility.pue": 1.25 }, bull: { "finance.cost_of_capital": 0.08 } }, "bull"),
    ).cells;
    const input = await withSheet("export.xlsx", source);
    const exported = file("exported.json");
    const e = await gpuCost("assumptions", "export", input, "-o", exported);
    expect(e.code).toBe(0);
    const store = new AssumptionStore(new MemoryBackend({ sheet: { id: "s", name: SHEET_NAME, values: source } }));
    await store.ready;
    expect(JSON.parse(readFileSync(exported, "utf8"))).toEqual(JSON.parse(store.export()));
    expect(JSON.parse((await gpuCost("assumptions", "export", input)).stdout)).toEqual(JSON.parse(store.export()));

    const target = file("import-target.xlsx");
    writeFileSync(target, await workbookBytes({ Model: { A1: { f: 'GPU.PRICE("facility.pue")', v: 0 } } }));
    const out = file("imported.xlsx");
    const i = await gpuCost("assumptions", "import", target, exported, "-o", out);
    expect(i.code).toBe(0);
    const read = readSheet((await sheetByExcelJS(out)).grid);
    expect(read.problems).toEqual([]);
    expect(read.doc).toEqual(JSON.parse(store.export()));
    const { store: fake } = await fakeExcelStore((await sheetByExcelJS(out)).grid);
    expect(fake.snapshot.doc).toEqual(read.doc);
    expect(fake.book().finance.costOfCapital).toBe(0.08); // bull is active
  });

  it("export refuses a sheet it cannot read; a workbook without assumptions exports the defaults", async () => {
    const broken = newSheet(emptyDocument(FOUNDING_EDITION)).cells.map((r) => [...r]);
    broken[5]![0] = "";
    const input = await withSheet("broken.xlsx", broken);
    const r = await gpuCost("assumptions", "export", input);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no header row/);
    const plain = file("plain-export.xlsx");
    writeFileSync(plain, await workbookBytes({ Model: { A1: 1 } }));
    const p = await gpuCost("assumptions", "export", plain);
    expect(p.code).toBe(0);
    expect(JSON.parse(p.stdout)).toEqual(emptyDocument(LATEST_EDITION));
  });
});

describe("recalc and eval read the sheet", () => {
  it("recalc: the sheet over the 0.1 settings; problems as warnings; --fail-on-problems stops", async () => {
    const grid = newSheet(doc(FOUNDING_EDITION, { base: { "facility.pue": 1.2 } })).cells;
    grid[grid.findIndex((x) => x[0] === "facility.electricity")]![6] = "n/a";
    const input = await withSheet("recalc.xlsx", grid);
    const r = await gpuCost("recalc", input, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.values["Model!B1"]).toBe(1.2);
    expect(json.assumptionProblems).toEqual([
      expect.objectContaining({ cell: expect.stringMatching(/^'GPU Assumptions'!G\d+$/) }),
    ]);
    expect(r.stderr).toMatch(/^warning: 'GPU Assumptions'!G\d+: facility\.electricity/m);
    const strict = await gpuCost("recalc", input, "-o", file("recalc-out.xlsx"), "--fail-on-problems");
    expectClean(strict);
    expect(strict.code).toBe(2);
    expect(existsSync(file("recalc-out.xlsx"))).toBe(false);
  });

  it("eval --assumptions takes a workbook", async () => {
    const input = await withSheet(
      "eval.xlsx",
      newSheet(doc(FOUNDING_EDITION, { base: { "facility.pue": 1.45 } })).cells,
    );
    const r = await gpuCost("eval", '=GPU.PRICE("facility.pue")&" "&GPU.EDITION()', "--assumptions", input);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe("1.45 2023.10-1");
  });

  it("several sheets titled as the assumptions sheet, none named so: read-only, and named", async () => {
    const grid = newSheet(emptyDocument(FOUNDING_EDITION)).cells;
    const f = file("lookalikes.xlsx");
    writeFileSync(f, await workbookBytes({ Model: { A1: 1 }, One: cellsOf(grid), Two: cellsOf(grid) }));
    const r = await gpuCost("assumptions", "set", f, "facility.pue=1.3", "-o", file("lookalikes-out.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Several sheets look like the assumptions sheet \("One" or "Two"\)/);
  });

  it("the example workbook keeps working when copied", async () => {
    const copy = file("founding.xlsx");
    copyFileSync(path.join(__dirname, "../../examples/founding-analysis.xlsx"), copy);
    const r = await gpuCost("assumptions", "list", copy, "--json");
    expect(JSON.parse(r.stdout).edition).toBe(FOUNDING_EDITION);
  });
});
