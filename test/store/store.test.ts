/**
 * The workbook's assumptions through the Excel backend on a fake workbook: the sheet is made by
 * the first saved edit (never on open), hidden; edits, scenarios, undo, import and export; the
 * sheet shown on request.
 */
import { describe, expect, it } from "vitest";
import { LATEST_EDITION, bookFor } from "../../src/pricing";
import { SCHEMA_VERSION, emptyDocument } from "../../src/store/document";
import { SHEET_NAME, SHEET_TITLE } from "../../src/store/sheet";
import { FakeWorkbook } from "../harness/fakeExcel";
import { T0, cellOf, open, pue, sheetDoc } from "./helpers";

/** A workbook with no sheet computes with the latest edition: its PUE until someone changes it. */
const DEFAULT_PUE = bookFor(new Map(), LATEST_EDITION).facility.pue;

describe("the assumptions sheet", () => {
  it("is not created on open: opening writes nothing, and the workbook computes with the latest edition", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    expect(wb.writes).toBe(0);
    expect(wb.sheetNames()).toEqual([]);
    expect(store.snapshot).toMatchObject({ status: "empty", location: "none", problems: [] });
    expect(store.snapshot.doc.bookVersion).toBe(LATEST_EDITION);
    expect(store.writable).toBe(true);
  });

  it("is created hidden (not very hidden) by the first saved edit, with the edition recorded", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await store.set("facility.PUE", 1.1);
    expect(wb.sheetNames()).toEqual([SHEET_NAME]);
    expect(wb.sheet(SHEET_NAME)!.visibility).toBe("Hidden");
    expect(wb.cell(SHEET_NAME, "A1")!.value).toBe(SHEET_TITLE);
    expect(wb.cell(SHEET_NAME, "B2")!.value).toBe(SCHEMA_VERSION);
    expect(wb.cell(SHEET_NAME, "B3")).toMatchObject({ value: LATEST_EDITION, numberFormat: "@" });
    expect(wb.cell(SHEET_NAME, cellOf(wb, "facility.pue"))!.value).toBe(1.1);
    expect(store.snapshot).toMatchObject({ status: "ok", location: "sheet", problems: [] });
  });

  it("writes text cells as text: as-of dates and times stay as written, never turned into dates", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await store.set("facility.pue", 1.1);
    const grid = wb.grid(SHEET_NAME);
    const row = grid.find((r) => r[0] === "aws.p5.48xlarge.ondemand")!;
    expect(row[5]).toBe(bookFor(new Map()).assumption("aws.p5.48xlarge.ondemand").shipped.asOf);
    expect(grid.find((r) => r[0] === "facility.pue")![7]).toBe(T0);
  });

  it("an edit is read back by the next session; values are the workbook's", async () => {
    const wb = new FakeWorkbook();
    const first = await open(wb);
    await first.set("facility.pue", 1.3);
    const second = await open(wb, wb.session());
    expect(second.snapshot.status).toBe("ok");
    expect(pue(second)).toBe(1.3);
    expect(second.book().assumption("facility.pue").shipped.value).toBe(DEFAULT_PUE);
    expect(second.snapshot.doc.scenarios.base!["facility.pue"]).toEqual({ value: 1.3, changedAt: T0 });
  });

  it("a value typed straight into the sheet applies, and is read on the change event", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await store.set("facility.pue", 1.1);
    const versions: number[] = [];
    store.subscribe(() => versions.push(store.snapshot.version));
    wb.user.type(SHEET_NAME, cellOf(wb, "facility.electricity"), "0.1");
    await new Promise((r) => setTimeout(r, 20));
    expect(store.book().facility.electricityUsdPerKwh).toBe(0.1);
    expect(versions).toHaveLength(1);
    expect(store.snapshot.doc.scenarios.base!["facility.electricity"]).toEqual({ value: 0.1 });
  });

  it("refuses a value outside the assumption's bounds and writes nothing", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await expect(store.set("facility.pue", 0.5)).rejects.toThrow(/PUE must be/);
    await expect(store.set("h100-sxm.node_gpus", 2.5)).rejects.toThrow(/whole number/);
    await expect(store.set("no.such.key", 1)).rejects.toThrow(/closest/i);
    expect(wb.writes).toBe(0);
  });

  it("quick successive edits are saved in order, none lost", async () => {
    const wb = new FakeWorkbook();
    wb.syncDelayMs = 3;
    const store = await open(wb);
    await Promise.all([
      store.set("facility.pue", 1.1),
      store.set("facility.electricity", 0.1),
      store.set("facility.pue", 1.15),
    ]);
    expect(sheetDoc(wb).scenarios.base).toMatchObject({
      "facility.pue": { value: 1.15 },
      "facility.electricity": { value: 0.1 },
    });
    await store.undo();
    expect(pue(store)).toBe(1.1);
  });

  it("reset one, reset all, and undo the last change", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await store.set("facility.pue", 1.3);
    await store.set("facility.electricity", 0.12);
    await store.reset("facility.pue");
    expect(pue(store)).toBe(DEFAULT_PUE);
    expect(wb.cell(SHEET_NAME, cellOf(wb, "facility.pue"))!.value).toBe("");
    await store.undo();
    expect(pue(store)).toBe(1.3);
    await store.resetAll();
    expect(sheetDoc(wb).scenarios.base).toEqual({});
    await store.undo();
    expect(store.book().facility.electricityUsdPerKwh).toBe(0.12);
  });

  it("shows the sheet on request (visible and active), and says so when there is none", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await expect(store.showSheet()).rejects.toThrow(/no "GPU Assumptions" sheet yet.*first change you save/);
    expect(wb.sheetNames()).toEqual([]);
    await store.set("facility.pue", 1.1);
    await store.showSheet();
    expect(wb.sheet(SHEET_NAME)!.visibility).toBe("Visible");
    expect(wb.state.active).toBe(wb.sheet(SHEET_NAME)!.id);
  });

  it("a renamed sheet is still found by its title and still edited; a deleted one is said to be gone", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await store.set("facility.pue", 1.3);
    wb.user.userSheetAction(SHEET_NAME, { rename: "Prices (do not edit)" });
    await store.reload();
    expect(pue(store)).toBe(1.3);
    await store.set("facility.electricity", 0.1);
    expect(wb.sheetNames()).toEqual(["Prices (do not edit)"]);
    expect(readCell(wb, "Prices (do not edit)", "facility.electricity")).toBe(0.1);
    wb.user.userSheetAction("Prices (do not edit)", { delete: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(store.snapshot).toMatchObject({ location: "none", status: "empty" });
    expect(store.snapshot.warning).toMatch(/sheet is gone.*shipped defaults.*Undo in Excel restores it/);
    expect(pue(store)).toBe(DEFAULT_PUE);
  });
});

function readCell(wb: FakeWorkbook, sheet: string, key: string): unknown {
  return wb.grid(sheet).find((r) => r[0] === key)?.[6];
}

describe("scenarios", () => {
  it("are columns of the sheet, one active; a copy starts from its source", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await store.set("facility.pue", 1.1);
    await store.addScenario("Bull");
    await store.set("facility.pue", 1.05, "bull");
    await store.addScenario("bear", "base");
    expect(store.scenarios()).toEqual(["base", "bear", "bull"]);
    expect([pue(store, "bull"), pue(store, "bear"), pue(store)]).toEqual([1.05, 1.1, 1.1]);
    expect(wb.grid(SHEET_NAME)[5]!.slice(6)).toEqual([
      "base",
      "changed at",
      "bull",
      "changed at",
      "bear",
      "changed at",
    ]);
    await store.activate("BULL");
    expect(pue(store)).toBe(1.05);
    expect(wb.cell(SHEET_NAME, "B4")!.value).toBe("bull");
    expect((await open(wb, wb.session())).snapshot.doc.activeScenario).toBe("bull");
    await store.removeScenario("bull");
    expect(store.snapshot.doc.activeScenario).toBe("base");
    expect(wb.grid(SHEET_NAME)[5]!.slice(6)).toEqual(["base", "changed at", "", "", "bear", "changed at"]);
    await expect(store.removeScenario("base")).rejects.toThrow(/cannot be removed/);
    expect(() => store.book("nope")).toThrow(/base/);
    await store.addScenario("bull 2");
    expect(wb.grid(SHEET_NAME)[5]!.slice(6, 10)).toEqual(["base", "changed at", "bull 2", "changed at"]);
  });

  it.each(["constructor", "__proto__", "toString", "default", "changed at"])(
    'refuses "%s" as a scenario name and writes nothing',
    async (name) => {
      const wb = new FakeWorkbook();
      const store = await open(wb);
      await expect(store.addScenario(name)).rejects.toThrow(/reserved|scenario name/);
      expect(wb.writes).toBe(0);
    },
  );
});

describe("import and export", () => {
  const good = () => ({
    ...emptyDocument(),
    scenarios: { base: { "facility.pue": { value: 1.15, changedAt: T0 } }, bear: {} },
  });

  it("imports a valid file into the sheet and exports the document", async () => {
    const store = await open(new FakeWorkbook());
    await store.import(JSON.stringify(good()));
    expect(pue(store)).toBe(1.15);
    expect(store.scenarios()).toEqual(["base", "bear"]);
    expect(JSON.parse(store.export())).toEqual(good());
  });

  it("an exported file without change times (values typed in the sheet) imports again", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await store.set("facility.pue", 1.1);
    wb.user.type(SHEET_NAME, cellOf(wb, "facility.electricity"), 0.1);
    await store.reload();
    const exported = store.export();
    expect(JSON.parse(exported).scenarios.base["facility.electricity"]).toEqual({ value: 0.1 });
    const other = await open(new FakeWorkbook());
    await other.import(exported);
    expect(other.book().facility.electricityUsdPerKwh).toBe(0.1);
  });

  it.each([
    ["not JSON", "{nope", /not JSON/],
    [
      "an unknown key",
      JSON.stringify({ ...good(), scenarios: { base: { "facility.peu": { value: 1, changedAt: T0 } } } }),
      /unknown key "facility\.peu" \(closest: "facility\.pue"/,
    ],
    [
      "a value out of range",
      JSON.stringify({ ...good(), scenarios: { base: { "facility.pue": { value: 99, changedAt: T0 } } } }),
      /scenarios\.base\["facility\.pue"\]: must be from 1 up to 5 \(ratio\); got 99/,
    ],
    [
      "a string for a number",
      JSON.stringify({ ...good(), scenarios: { base: { "facility.pue": { value: "1.1", changedAt: T0 } } } }),
      /scenarios\.base\["facility\.pue"\]\.value: expected a finite number; got the text "1\.1"/,
    ],
    ["an extra field", JSON.stringify({ ...good(), script: "alert(1)" }), /Unrecognized field "script"/],
    [
      "a prototype-pollution field",
      '{"schema":1,"bookVersion":"2023.10-1","activeScenario":"base","scenarios":{"base":{}},"__proto__":{"polluted":1}}',
      /Unrecognized field "__proto__"/,
    ],
    [
      "a prototype name as a scenario",
      '{"schema":1,"bookVersion":"2023.10-1","activeScenario":"constructor","scenarios":{"base":{},"constructor":{}}}',
      /"constructor" is a reserved word/,
    ],
    [
      "an active scenario that is a prototype member",
      '{"schema":1,"bookVersion":"2023.10-1","activeScenario":"constructor","scenarios":{"base":{}}}',
      /activeScenario: "constructor" is not among the scenarios/,
    ],
    ["an unknown edition", JSON.stringify({ ...good(), bookVersion: "2099.01-1" }), /not an edition this add-in ships/],
    ["a huge file", "[" + "0,".repeat(600_000) + "0]", /KB/],
    ["a wrong schema", JSON.stringify({ ...good(), schema: 0 }), /schema: expected 1; got number 0/],
    ["null", "null", /document: expected an object; got null/],
    [
      "a bad time",
      JSON.stringify({ ...good(), scenarios: { base: { "facility.pue": { value: 1.1, changedAt: "now" } } } }),
      /changedAt: expected an ISO 8601 time/,
    ],
  ])("refuses %s with a clear message and changes nothing", async (_what, text, message) => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await store.set("facility.pue", 1.1);
    const before = JSON.stringify(wb.state);
    await expect(store.import(text)).rejects.toThrow(message);
    expect(JSON.stringify(wb.state)).toBe(before);
    expect(pue(store)).toBe(1.1);
    // Nothing a file names "__proto__" reaches an object's prototype (a merge by key would).
    const { scenarios } = store.snapshot.doc;
    expect(Object.getPrototypeOf(scenarios)).toBe(Object.prototype);
    for (const s of Object.values(scenarios)) expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
    expect("polluted" in scenarios).toBe(false);
  });
});
