/**
 * The editing code (./edit and what it uses: the patch planner, the document validator, the 0.1
 * settings reader, the workbook writer) is a chunk loaded on demand, outside the functions
 * bundle every workbook open loads (issue 15). Opening a workbook with a sheet never loads it;
 * an edit loads it, waits for it and saves in order; a failed load refuses the edit with a
 * clear message, writes nothing, and the next edit loads again.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  DocumentError,
  SETTINGS_KEY,
  emptyDocument,
  serialize,
  type AssumptionsDocument,
} from "../../src/store/document";
import { FOUNDING_EDITION } from "../../src/pricing";
import { newSheet } from "../../src/store/plan";
import { SHEET_NAME } from "../../src/store/sheet";
import { ExcelBackend } from "../../src/store/backend";
import { AssumptionStore, type EditModule } from "../../src/store/store";
import { FakeWorkbook } from "../harness/fakeExcel";
import { T0, open, pue, settle, sheetDoc, until } from "./helpers";

/** A loader of the editing code that counts its loads and can hold or fail them. */
function loader() {
  const state = {
    loads: 0,
    /** Rejects the next load with this error (once). */
    failNext: undefined as Error | undefined,
    /** While set, loads wait for it. */
    gate: undefined as Promise<void> | undefined,
  };
  const load = async (): Promise<EditModule> => {
    state.loads++;
    if (state.gate) await state.gate;
    const failure = state.failNext;
    state.failNext = undefined;
    if (failure) throw failure;
    return import("../../src/store/edit");
  };
  return { state, load };
}

function workbookWithSheet(doc: AssumptionsDocument = emptyDocument()): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.putSheet(SHEET_NAME, newSheet(doc).cells);
  return wb;
}

describe("the editing code, loaded on demand", () => {
  it("is not loaded to open a workbook with a sheet, nor to compute; the first edit loads it once, and edits work", async () => {
    const wb = workbookWithSheet();
    const { state, load } = loader();
    const store = await open(wb, wb.excel(), { loadEdits: load });
    const shipped = pue(store);
    expect(state.loads).toBe(0);
    await store.set("facility.pue", 1.31);
    await store.addScenario("Bull");
    await store.set("facility.pue", 1.05, "bull");
    expect(state.loads).toBe(1);
    expect(pue(store)).toBe(1.31);
    expect(pue(store, "bull")).toBe(1.05);
    expect(sheetDoc(wb).scenarios).toEqual({
      base: { "facility.pue": { value: 1.31, changedAt: T0 } },
      bull: { "facility.pue": { value: 1.05, changedAt: T0 } },
    });
    await store.undo();
    await store.undo();
    await store.undo();
    expect(pue(store)).toBe(shipped);
    expect(sheetDoc(wb).scenarios).toEqual({ base: {} });
  });

  it("still refuses a bad edit with the message naming what is wrong and what is accepted", async () => {
    const wb = workbookWithSheet();
    const store = await open(wb);
    await expect(store.set("facility.pue", 7)).rejects.toThrow("PUE must be from 1 up to 5 (ratio).");
    await expect(store.activate("nope")).rejects.toThrow('Unknown scenario "nope". This workbook has "base".');
    await expect(store.import("{")).rejects.toThrow(/^The file is not JSON/);
    expect(wb.writes).toBe(0);
  });

  it("reads a 0.1 workbook (its settings reader is in the chunk) and moves it into the sheet at the first edit", async () => {
    const v01: AssumptionsDocument = {
      ...emptyDocument(),
      scenarios: { base: { "facility.pue": { value: 1.1, changedAt: "2025-03-01T09:30:00Z" } } },
    };
    const wb = new FakeWorkbook();
    wb.setSetting(SETTINGS_KEY, serialize(v01));
    const { state, load } = loader();
    const store = await open(wb, wb.excel(), { loadEdits: load });
    expect(state.loads).toBe(1);
    expect(store.snapshot).toMatchObject({ status: "ok", location: "settings", doc: v01 });
    expect(pue(store)).toBe(1.1);
    await store.set("facility.electricity", 0.1);
    expect(state.loads).toBe(1);
    expect(sheetDoc(wb).scenarios["base"]).toEqual({
      "facility.pue": { value: 1.1, changedAt: "2025-03-01T09:30:00Z" },
      "facility.electricity": { value: 0.1, changedAt: T0 },
    });
    expect(wb.getSetting(SETTINGS_KEY)).toBe(serialize(v01));
  });

  it("queues edits made before the chunk arrives: none is lost, they save in the order made", async () => {
    const wb = workbookWithSheet();
    const { state, load } = loader();
    const store = await open(wb, wb.excel(), { loadEdits: load });
    let release!: () => void;
    state.gate = new Promise((r) => (release = r));
    const first = store.set("facility.pue", 1.2);
    const second = store.set("facility.pue", 1.4);
    const third = store.set("facility.electricity", 0.09);
    await settle(20);
    expect(wb.writes).toBe(0); // still waiting for the chunk
    release();
    await Promise.all([first, second, third]);
    expect(state.loads).toBe(1);
    expect(pue(store)).toBe(1.4); // the later of the two edits of one key wins
    expect(sheetDoc(wb).scenarios["base"]).toEqual({
      "facility.pue": { value: 1.4, changedAt: T0 },
      "facility.electricity": { value: 0.09, changedAt: T0 },
    });
    await store.undo(); // the last edit made is the first undone
    expect(sheetDoc(wb).scenarios["base"]).toEqual({ "facility.pue": { value: 1.4, changedAt: T0 } });
  });

  it("a failed load refuses that edit with a clear error, writes nothing, loses nothing; the next edit loads again", async () => {
    const wb = workbookWithSheet({
      ...emptyDocument(),
      scenarios: { base: { "facility.pue": { value: 1.25, changedAt: T0 } } },
    });
    const { state, load } = loader();
    const store = await open(wb, wb.excel(), { loadEdits: load });
    const before = store.snapshot;
    state.failNext = new Error("Loading chunk store-edit failed.");
    const refused = store.set("facility.pue", 1.3);
    await expect(refused).rejects.toBeInstanceOf(DocumentError);
    await expect(refused).rejects.toThrow(
      "The add-in could not load the code that edits and checks the assumptions (Loading chunk store-edit failed.); nothing was changed. Check the connection and try again.",
    );
    expect(wb.writes).toBe(0);
    expect(store.snapshot).toBe(before);
    expect(store.canUndo).toBe(false);
    expect(pue(store)).toBe(1.25);
    await store.set("facility.pue", 1.3);
    expect(state.loads).toBe(2);
    expect(pue(store)).toBe(1.3);
    expect(sheetDoc(wb).scenarios["base"]).toEqual({ "facility.pue": { value: 1.3, changedAt: T0 } });
  });

  it("a 0.1 workbook whose reader cannot load keeps its settings untouched, says so, and reads once the load succeeds", async () => {
    const v01 = { ...emptyDocument(), scenarios: { base: { "facility.pue": { value: 1.15 } } } };
    const wb = new FakeWorkbook();
    wb.setSetting(SETTINGS_KEY, serialize(v01));
    const { state, load } = loader();
    state.failNext = new Error("offline");
    const store = new AssumptionStore(new ExcelBackend(wb.excel(), 20), {
      clock: () => T0,
      retry: { firstMs: 5, maxMs: 20 },
      loadEdits: load,
    });
    await store.ready; // the retry after the failed load
    expect(state.loads).toBe(2);
    expect(store.snapshot).toMatchObject({ status: "ok", location: "settings", doc: v01 });
    await until(() => store.snapshot.readError === undefined, "the read error cleared");
    expect(pue(store)).toBe(1.15);
    expect(wb.getSetting(SETTINGS_KEY)).toBe(serialize(v01));
    expect(wb.writes).toBe(0);
  });

  it("a sheet with a problem loads the words of its problems: the message names the cell and what is accepted", async () => {
    const cells = newSheet(emptyDocument()).cells.map((row) => [...row]);
    const row = cells.findIndex((r) => r[0] === "facility.pue");
    cells[row]![6] = "lots"; // base column G: text where a number belongs
    const wb = new FakeWorkbook();
    wb.putSheet(SHEET_NAME, cells);
    const { state, load } = loader();
    const store = await open(wb, wb.excel(), { loadEdits: load });
    expect(state.loads).toBe(1);
    expect(store.snapshot.problems).toEqual([
      {
        address: `'GPU Assumptions'!G${row + 1}`,
        key: "facility.pue",
        message: `facility.pue (scenario "base") must be a number (ratio); the text "lots" is not. Not used: the default ${pue(store)} applies.`,
      },
    ]);
  });

  it("when those words cannot be loaded, the values still compute and each problem says why it has no words", async () => {
    const cells = newSheet(emptyDocument()).cells.map((row) => [...row]);
    const pueRow = cells.findIndex((r) => r[0] === "facility.pue");
    const elecRow = cells.findIndex((r) => r[0] === "facility.electricity");
    cells[pueRow]![6] = "lots";
    cells[elecRow]![6] = 0.2;
    const wb = new FakeWorkbook();
    wb.putSheet(SHEET_NAME, cells);
    const { state, load } = loader();
    state.failNext = new Error("offline");
    const store = await open(wb, wb.excel(), { loadEdits: load });
    expect(store.book().facility.electricityUsdPerKwh).toBe(0.2);
    expect(store.snapshot.problems).toEqual([
      {
        address: "'GPU Assumptions'",
        key: "facility.pue",
        message:
          "This does not validate and is not used; the add-in could not load the words saying why (The add-in could not load the code that edits and checks the assumptions (offline); nothing was changed. Check the connection and try again.).",
      },
    ]);
  });

  it("what an update of the price book changes (pane only) is compared in the chunk: the pane hears when it is there", async () => {
    const wb = workbookWithSheet(emptyDocument(FOUNDING_EDITION));
    const { state, load } = loader();
    const store = await open(wb, wb.excel(), { loadEdits: load });
    let pane = 0;
    let cells = 0;
    store.subscribe(() => pane++, { readErrors: true });
    store.subscribe(() => cells++);
    expect(store.editionChanges()).toEqual([]); // not loaded yet: loading
    await until(() => pane > 0, "the pane told");
    expect(cells).toBe(0); // nothing that computes changed
    expect(state.loads).toBe(1);
    const changes = new Map(store.editionChanges().map((c) => [c.key, c]));
    expect(changes.get("aws.p5.48xlarge.ondemand")).toMatchObject({ from: 98.32, to: 55.04 });
    expect(changes.get("facility.pue")).toMatchObject({ from: 1.25, to: 1.1 });
  });

  it("is not in the functions bundle (dist/functions.js) that every workbook open loads, but in store-edit.js", () => {
    const dist = path.resolve(__dirname, "../../dist");
    const functions = readFileSync(path.join(dist, "functions.js"), "utf8");
    const chunk = readFileSync(path.join(dist, "store-edit.js"), "utf8");
    // One text of each part only an edit, a 0.1 workbook or a sheet with a problem needs.
    const marks = [
      "The file was not imported", // import (./edit)
      "Unrecognized field", // document validation (./validate)
      "saved by a newer version of the add-in (schema", // the 0.1 settings reader (./validate)
      "is a reserved word, not a scenario name", // scenario-name words (./validate)
      "appears more than once on the assumptions sheet", // the planner (./plan)
      "The assumptions sheet disappeared while saving", // the writer (./write)
      "more cells do not validate", // the sheet's problems (./sheetText)
      "sheet is gone (deleted or renamed)", // the store's warnings (./sheetText)
    ];
    for (const mark of marks) {
      expect(functions, mark).not.toContain(mark);
      expect(chunk, mark).toContain(mark);
    }
  });
});
