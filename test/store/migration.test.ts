/**
 * Workbooks made by 0.1, which kept the assumptions in the add-in's settings: read as before,
 * moved into the sheet by the first edit, the settings left untouched.
 */
import { describe, expect, it } from "vitest";
import { SETTINGS_KEY, emptyDocument, serialize, type AssumptionsDocument } from "../../src/store/document";
import { SHEET_NAME } from "../../src/store/sheet";
import { FakeWorkbook } from "../harness/fakeExcel";
import { T0, cellOf, open, pue, sheetDoc, until } from "./helpers";

const LATER = "2026-12-01T08:00:00.000Z";
const v01: AssumptionsDocument = {
  ...emptyDocument(),
  activeScenario: "bull",
  scenarios: {
    base: { "facility.pue": { value: 1.1, changedAt: "2025-03-01T09:30:00Z" } },
    bull: {
      "facility.pue": { value: 1.05, changedAt: "2025-03-02T09:30:00+01:00" },
      "method.decode_batch": { value: 8, changedAt: T0 },
    },
  },
};

function workbook01(text = serialize(v01)): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.setSetting(SETTINGS_KEY, text);
  return wb;
}

describe("a 0.1 workbook", () => {
  it("is read as before (its settings), and opening it writes nothing", async () => {
    const wb = workbook01();
    const store = await open(wb);
    expect(store.snapshot).toMatchObject({ status: "ok", location: "settings", problems: [] });
    expect(store.snapshot.doc).toEqual(v01);
    expect([pue(store), pue(store, "base")]).toEqual([1.05, 1.1]);
    expect(wb.writes).toBe(0);
    expect(wb.sheetNames()).toEqual([]);
  });

  it("moves into the sheet at its first edit: every scenario, time, the edition and the active one; settings untouched", async () => {
    const wb = workbook01();
    const store = await open(wb, wb.excel(), { clock: () => LATER });
    await store.set("facility.electricity", 0.1, "base");
    expect(wb.getSetting(SETTINGS_KEY)).toBe(serialize(v01));
    expect(store.snapshot.location).toBe("sheet");
    expect(sheetDoc(wb)).toEqual({
      ...v01,
      scenarios: {
        base: { ...v01.scenarios.base, "facility.electricity": { value: 0.1, changedAt: LATER } },
        bull: v01.scenarios.bull,
      },
    });
    expect(wb.cell(SHEET_NAME, "B4")!.value).toBe("bull");
    expect(wb.sheet(SHEET_NAME)!.visibility).toBe("Hidden");
  });

  it("once moved, the sheet is what computes; a later change of the old settings is ignored", async () => {
    const wb = workbook01();
    const store = await open(wb);
    await store.set("facility.electricity", 0.1, "base");
    wb.setSetting(SETTINGS_KEY, serialize(emptyDocument()));
    await store.reload();
    expect(pue(store)).toBe(1.05);
  });

  it("the sheet is the same for every install: a store-installed copy reads what the sideloaded one saved", async () => {
    const wb = workbook01();
    const sideloaded = await open(wb);
    const fromStore = await open(wb, wb.session({ install: "store" }));
    // Before the move, the other install cannot see 0.1's settings (office-js #840): defaults.
    expect(fromStore.snapshot.location).toBe("none");
    await sideloaded.set("facility.colocation", 150, "base");
    await until(() => fromStore.snapshot.location === "sheet", "the other install finding the sheet");
    expect(fromStore.snapshot.doc).toEqual(sheetDoc(wb));
    expect(pue(fromStore)).toBe(1.05);
  });

  it("a damaged settings document is read-only, exported as it is, and an import starts the sheet", async () => {
    const wb = workbook01('{"schema":1,"scen');
    const store = await open(wb);
    expect(store.snapshot).toMatchObject({ status: "corrupt", location: "settings" });
    expect(store.snapshot.warning).toMatch(/not valid JSON.*read-only.*kept untouched/);
    expect(store.export()).toBe('{"schema":1,"scen');
    await expect(store.set("facility.pue", 1.1)).rejects.toThrow(/read-only/);
    await store.import(serialize(v01));
    expect(store.snapshot).toMatchObject({ status: "ok", location: "sheet" });
    expect(pue(store)).toBe(1.05);
    expect(wb.getSetting(SETTINGS_KEY)).toBe('{"schema":1,"scen');
  });

  it("a settings document from a newer schema is read-only and never overwritten", async () => {
    const future = JSON.stringify({ schema: 2, whatever: true });
    const wb = workbook01(future);
    const store = await open(wb);
    expect(store.snapshot.status).toBe("future");
    expect(store.snapshot.warning).toMatch(/newer version/);
    await expect(store.set("facility.pue", 1.1)).rejects.toThrow(/read-only/);
    expect(wb.getSetting(SETTINGS_KEY)).toBe(future);
    expect(wb.sheetNames()).toEqual([]);
  });

  it("a value typed later into the migrated sheet applies like any other", async () => {
    const wb = workbook01();
    const store = await open(wb);
    await store.set("facility.electricity", 0.1, "base");
    wb.user.type(SHEET_NAME, cellOf(wb, "facility.pue", "bull"), "1.02");
    await until(() => pue(store) === 1.02, "the typed value");
  });
});
