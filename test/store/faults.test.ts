/**
 * Faults: reads that fail, a user editing a cell, writes that fail, listeners that throw, and
 * sheets the add-in must not touch (a newer add-in's, a damaged one).
 */
import { describe, expect, it } from "vitest";
import { bookFor } from "../../src/pricing";
import { ExcelBackend } from "../../src/store/backend";
import { emptyDocument } from "../../src/store/document";
import { SHEET_NAME } from "../../src/store/sheet";
import { newSheet } from "../../src/store/plan";
import { AssumptionStore } from "../../src/store/store";
import { FakeWorkbook } from "../harness/fakeExcel";
import { T0, cellOf, open, pue, settle, until } from "./helpers";

function withSheet(overrides: Record<string, number> = {}): FakeWorkbook {
  const wb = new FakeWorkbook();
  const base = Object.fromEntries(Object.entries(overrides).map(([k, value]) => [k, { value, changedAt: T0 }]));
  wb.putSheet(SHEET_NAME, newSheet({ ...emptyDocument(), scenarios: { base } }).cells);
  return wb;
}

const newStore = (wb: FakeWorkbook) =>
  new AssumptionStore(new ExcelBackend(wb.excel(), 20), { clock: () => T0, retry: { firstMs: 5, maxMs: 20 } });

describe("reads that fail", () => {
  it("the first read is retried until it succeeds: `ready` waits, nothing is written", async () => {
    const wb = withSheet({ "facility.pue": 1.1 });
    wb.failEverySync = new Error("GeneralException: busy");
    const store = newStore(wb);
    let ready = false;
    void store.ready.then(() => (ready = true));
    await settle(80);
    expect(ready).toBe(false);
    expect(wb.syncs).toBeGreaterThan(3); // retried
    expect(store.snapshot.readError).toMatch(/Could not read the workbook's assumptions: GeneralException: busy/);
    wb.failEverySync = undefined;
    await store.ready;
    expect(pue(store)).toBe(1.1);
    expect(store.snapshot.readError).toBeUndefined();
    expect(wb.writes).toBe(0);
  });

  it("a later read that fails keeps the last good values, tells no cell, and a good read clears the warning", async () => {
    const wb = withSheet({ "facility.pue": 1.1 });
    const store = await open(wb);
    let cells = 0;
    let pane = 0;
    store.subscribe(() => cells++);
    store.subscribe(() => pane++, { readErrors: true });
    const version = store.snapshot.version;
    wb.failEverySync = new Error("GeneralException: offline");
    await expect(store.reload()).rejects.toThrow(/offline/);
    expect(pue(store)).toBe(1.1);
    expect(store.snapshot.version).toBe(version);
    expect(store.snapshot.readError).toMatch(/offline/);
    expect([cells, pane]).toEqual([0, 1]);
    await settle(30); // retries fail too, silently for cells
    expect(cells).toBe(0);
    wb.failEverySync = undefined;
    await until(() => store.snapshot.readError === undefined, "the retry");
    expect(store.snapshot.version).toBe(version);
    expect(cells).toBe(0);
    expect(pane).toBeGreaterThanOrEqual(2);
  });

  it("while the user edits a cell, reads and writes wait (delayForCellEdit) instead of failing", async () => {
    const wb = withSheet();
    const store = await open(wb);
    wb.user.editing = true;
    const saving = store.set("facility.pue", 1.1);
    await settle(20);
    expect(wb.cell(SHEET_NAME, cellOf(wb, "facility.pue"))?.value ?? "").toBe("");
    wb.user.editing = false;
    await saving;
    expect(wb.cell(SHEET_NAME, cellOf(wb, "facility.pue"))!.value).toBe(1.1);
  });
});

describe("writes that fail", () => {
  it("leave the store and the workbook as they were, and say why", async () => {
    const wb = withSheet({ "facility.pue": 1.1 });
    const store = await open(wb);
    await store.set("facility.electricity", 0.1);
    const before = JSON.stringify(wb.state);
    wb.failNextWrite = new Error("GeneralException: the workbook is locked");
    await expect(store.set("facility.pue", 1.2)).rejects.toThrow(/locked/);
    expect(JSON.stringify(wb.state)).toBe(before);
    expect(pue(store)).toBe(1.1);
    expect(store.undoLabel).toBe("set facility.electricity");
  });

  it("a read-only file: opening works (nothing is written on open), the first edit says why it failed", async () => {
    const wb = new FakeWorkbook();
    wb.failNextWrite = new Error("AccessDenied: the file is read-only");
    const store = await open(wb);
    expect(wb.failNextWrite).toBeDefined(); // never consumed: no write was tried
    await expect(store.set("facility.pue", 1.1)).rejects.toThrow(/read-only/);
    expect(wb.sheetNames()).toEqual([]);
  });
});

describe("listeners", () => {
  it("one that throws stops no other, and the edit is still saved (not 'Not saved')", async () => {
    const wb = withSheet();
    const store = await open(wb);
    const heard: string[] = [];
    store.subscribe(() => heard.push("first"));
    store.subscribe(() => {
      throw new Error("a cell's setResult failed");
    });
    store.subscribe(() => heard.push("third"));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      await expect(store.set("facility.pue", 1.1)).resolves.toBeUndefined();
    } finally {
      console.error = original;
    }
    expect(heard).toEqual(["first", "third"]);
    expect(errors).toHaveLength(1);
    expect(pue(store)).toBe(1.1);
  });
});

describe("sheets the add-in must not write", () => {
  it("a newer add-in's sheet (schema 2): read-only with a warning, never overwritten", async () => {
    const wb = withSheet({ "facility.pue": 1.3 });
    wb.sheet(SHEET_NAME)!.cells["1,1"]!.value = 2;
    const store = await open(wb);
    expect(store.snapshot).toMatchObject({ status: "future", location: "sheet" });
    expect(store.writable).toBe(false);
    expect(store.snapshot.warning).toMatch(/newer version of the add-in.*schema 2/);
    // The shipped defaults, not the sheet's 1.3.
    expect(pue(store)).toBe(bookFor(new Map()).facility.pue);
    expect(pue(store)).not.toBe(1.3);
    const before = JSON.stringify(wb.state);
    await expect(store.set("facility.pue", 1.3)).rejects.toThrow(/read-only/);
    await expect(store.resetAll()).rejects.toThrow(/read-only/);
    await expect(store.import(JSON.stringify(emptyDocument()))).rejects.toThrow(/read-only/);
    await expect(store.updateEdition()).rejects.toThrow(/read-only/);
    expect(JSON.stringify(wb.state)).toBe(before);
    expect(JSON.parse(store.export())[1][1]).toBe(2); // the sheet's own cells, for a newer add-in
  });

  it("a sheet turned schema 2 by a newer co-author between our read and our write: refused, nothing written", async () => {
    const wb = withSheet({ "facility.pue": 1.1 });
    const store = await open(wb);
    const newer = wb.session();
    let syncs = 0;
    wb.beforeSync = (session) => {
      // Our save reads the sheet (two syncs) and writes in the third: the newer add-in acts before.
      if (session === wb.user && ++syncs === 2) newer.type(SHEET_NAME, "B2", 2);
    };
    await expect(store.set("facility.pue", 1.2)).rejects.toThrow(/read-only.*newer version/);
    wb.beforeSync = undefined;
    expect(wb.cell(SHEET_NAME, "B2")!.value).toBe(2);
    expect(wb.cell(SHEET_NAME, cellOf(wb, "facility.pue"))!.value).toBe(1.1);
    await until(() => store.snapshot.status === "future", "the store reading the newer sheet");
  });

  it("a damaged sheet (no header): read-only, the warning says what to restore, nothing written", async () => {
    const wb = withSheet({ "facility.pue": 1.1 });
    wb.sheet(SHEET_NAME)!.cells["5,0"]!.value = "Keys";
    const store = await open(wb);
    expect(store.snapshot.status).toBe("corrupt");
    expect(store.snapshot.warning).toMatch(/no header row.*"Key"/);
    const before = JSON.stringify(wb.state);
    await expect(store.set("facility.pue", 1.2)).rejects.toThrow(/read-only/);
    expect(JSON.stringify(wb.state)).toBe(before);
    wb.user.type(SHEET_NAME, "A6", "Key"); // the user restores it
    await until(() => store.snapshot.status === "ok", "the repaired sheet");
    expect(pue(store)).toBe(1.1);
  });

  it("bad cells are listed with their address, the rest applies, and they stay as typed until the user acts", async () => {
    const wb = withSheet({ "facility.pue": 1.1 });
    const store = await open(wb);
    wb.user.type(SHEET_NAME, cellOf(wb, "facility.electricity"), "cheap");
    await until(() => store.snapshot.problems.length === 1, "the problem");
    expect(store.snapshot.problems[0]).toEqual({
      address: `'${SHEET_NAME}'!${cellOf(wb, "facility.electricity")}`,
      key: "facility.electricity",
      message: expect.stringMatching(/must be a number \(USD\/kWh\); the text "cheap" is not/),
    });
    expect(pue(store)).toBe(1.1);
    await store.set("facility.colocation", 150);
    expect(wb.cell(SHEET_NAME, cellOf(wb, "facility.electricity"))!.value).toBe("cheap");
    await store.set("facility.electricity", 0.1); // the user's own action replaces it
    expect(store.snapshot.problems).toEqual([]);
  });

  it("several sheets that look like the assumptions sheet, none named so: read-only until one is renamed", async () => {
    const wb = new FakeWorkbook();
    wb.putSheet("Copy A", newSheet(emptyDocument()).cells);
    wb.putSheet("Copy B", newSheet(emptyDocument()).cells);
    const store = await open(wb);
    expect(store.snapshot.status).toBe("corrupt");
    expect(store.snapshot.warning).toMatch(/Several sheets look like the assumptions sheet \("Copy A" or "Copy B"\)/);
    await expect(store.set("facility.pue", 1.1)).rejects.toThrow(/read-only/);
    expect(wb.sheetNames()).toEqual(["Copy A", "Copy B"]);
  });
});
