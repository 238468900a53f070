/**
 * Every defect issue 9 lists, as it was reported, now held by a test.
 */
import { describe, expect, it } from "vitest";
import { ExcelBackend, MemoryBackend } from "../../src/store/backend";
import { SETTINGS_KEY, emptyDocument, serialize } from "../../src/store/document";
import { readStored } from "../../src/store/validate";
import { SHEET_NAME } from "../../src/store/sheet";
import { newSheet } from "../../src/store/plan";
import { AssumptionStore } from "../../src/store/store";
import { FakeWorkbook } from "../harness/fakeExcel";
import { T0, cellOf, open, pue, settle, sheetDoc, until } from "./helpers";

describe("issue 9", () => {
  it("settings belong to one install: a workbook saved with the sideloaded add-in reads the same for the store-installed one", async () => {
    const wb = new FakeWorkbook();
    const sideloaded = await open(wb, wb.session({ install: "sideloaded" }));
    await sideloaded.set("facility.pue", 1.1);
    const installed = await open(wb, wb.session({ install: "admin-deployed" }));
    expect(pue(installed)).toBe(1.1);
    expect(installed.snapshot.location).toBe("sheet");
  });

  it("a failed first read shows no defaults and writes nothing over the stored assumptions (no pinEdition)", async () => {
    const wb = new FakeWorkbook();
    wb.putSheet(
      SHEET_NAME,
      newSheet({ ...emptyDocument(), scenarios: { base: { "facility.pue": { value: 1.1 } } } }).cells,
    );
    const cells = JSON.stringify(wb.state.sheets);
    wb.failNextSync = new Error("InvalidOperationInCellEditMode: the user is editing a cell");
    const store = new AssumptionStore(new ExcelBackend(wb.excel()), { retry: { firstMs: 5, maxMs: 10 } });
    await store.ready;
    expect(pue(store)).toBe(1.1);
    expect(wb.writes).toBe(0);
    expect(JSON.stringify(wb.state.sheets)).toBe(cells);
    expect("pinEdition" in store).toBe(false);
  });

  it.each([
    ["null", "null"],
    ["an object whose bookVersion cannot become text", '{"bookVersion":{"toString":1}}'],
    ["a list", "[1,2]"],
    ["a number", "7"],
    ["a string", '"text"'],
    ["schema as an object", '{"schema":{"valueOf":1}}'],
  ])("a stored 0.1 text of %s: no throw, `ready` resolves, read-only with a warning", async (_what, text) => {
    expect(() => readStored(text)).not.toThrow();
    expect(readStored(text).status).toBe("corrupt");
    const wb = new FakeWorkbook();
    wb.setSetting(SETTINGS_KEY, text);
    const store = await open(wb);
    expect(store.snapshot.status).toBe("corrupt");
    expect(store.snapshot.warning).toMatch(/damaged|not valid/);
    expect(pue(store)).toBe(1.25);
    expect(store.export()).toBe(text);
    const memory = new AssumptionStore(new MemoryBackend(text));
    await memory.ready;
    expect(memory.snapshot.status).toBe("corrupt");
  });

  it("a stored 0.1 value that is not text (an object) is read, not thrown on", async () => {
    const wb = new FakeWorkbook();
    wb.setSetting(SETTINGS_KEY, {
      schema: 1,
      bookVersion: "2023.10-1",
      activeScenario: "base",
      scenarios: { base: {} },
    });
    const store = await open(wb);
    expect(store.snapshot).toMatchObject({ status: "ok", location: "settings" });
  });

  it("a failed poll notifies no cell, and a later good read clears its warning", async () => {
    const wb = new FakeWorkbook();
    wb.supportsEvents = false; // the store polls
    const store = await open(wb);
    await store.set("facility.pue", 1.1);
    let cells = 0;
    store.subscribe(() => cells++);
    wb.failEverySync = new Error("GeneralException: offline");
    await until(() => store.snapshot.readError !== undefined, "a failed poll");
    expect(cells).toBe(0);
    wb.failEverySync = undefined;
    await until(() => store.snapshot.readError === undefined, "a good poll");
    expect(cells).toBe(0);
  });

  it("opening a workbook never writes (it used to pin the edition): not dirty, fine when read-only", async () => {
    const wb = new FakeWorkbook();
    wb.failNextWrite = new Error("AccessDenied: read-only");
    const store = await open(wb);
    await settle(30);
    expect(wb.writes).toBe(0);
    expect(store.snapshot.location).toBe("none");
    expect(store.editionChanges()).toEqual([]);
  });

  it("two co-authors saving different keys at the same moment: both edits survive", async () => {
    const wb = new FakeWorkbook();
    const alice = await open(wb);
    await alice.set("facility.colocation", 150);
    const bob = await open(wb, wb.session());
    wb.syncDelayMs = 4;
    await Promise.all([alice.set("facility.pue", 1.1), bob.set("facility.electricity", 0.1)]);
    expect(sheetDoc(wb).scenarios.base).toEqual({
      "facility.colocation": { value: 150, changedAt: T0 },
      "facility.pue": { value: 1.1, changedAt: T0 },
      "facility.electricity": { value: 0.1, changedAt: T0 },
    });
  });

  it("a newer add-in's schema written between our read and our write is not overwritten", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await store.set("facility.pue", 1.1);
    let n = 0;
    wb.beforeSync = (s) => {
      if (s === wb.user && ++n === 2) wb.session().type(SHEET_NAME, "B2", 2);
    };
    await expect(store.set("facility.electricity", 0.1)).rejects.toThrow(/read-only/);
    wb.beforeSync = undefined;
    expect(wb.cell(SHEET_NAME, "B2")!.value).toBe(2);
  });

  it("a listener that throws stops no later cell, and the edit is reported saved", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    const seen: number[] = [];
    const original = console.error;
    console.error = () => undefined;
    try {
      store.subscribe(() => {
        throw new Error("setResult failed");
      });
      store.subscribe(() => seen.push(pue(store)));
      await expect(store.set("facility.pue", 1.1)).resolves.toBeUndefined();
    } finally {
      console.error = original;
    }
    expect(seen).toEqual([1.1]);
  });

  it.each(["constructor", "__proto__", "toString", "valueOf"])(
    'the scenario "%s" is unknown (#N/A), not the active scenario',
    async (name) => {
      const store = await open(new FakeWorkbook());
      expect(() => store.book(name)).toThrow(
        expect.objectContaining({ kind: "na", message: expect.stringMatching(/Unknown scenario/) }),
      );
      await expect(store.set("facility.pue", 1.1, name)).rejects.toThrow(/Unknown scenario/);
    },
  );

  it('a stored activeScenario "constructor" is refused: in the 0.1 settings and on the sheet', async () => {
    const text = '{"schema":1,"bookVersion":"2023.10-1","activeScenario":"constructor","scenarios":{"base":{}}}';
    expect(readStored(text)).toMatchObject({
      status: "corrupt",
      warning: expect.stringMatching(/"constructor" is not among the scenarios/),
    });
    const wb = new FakeWorkbook();
    const cells = newSheet(emptyDocument()).cells;
    cells[3]![1] = "constructor";
    wb.putSheet(SHEET_NAME, cells);
    const store = await open(wb);
    expect(store.snapshot.doc.activeScenario).toBe("base");
    expect(store.snapshot.problems).toEqual([
      {
        address: `'${SHEET_NAME}'!B4`,
        message: expect.stringMatching(/"constructor" is not a scenario of this sheet/),
      },
    ]);
  });

  it("text typed where a number belongs is listed with its cell, and every other key still applies", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await store.set("facility.electricity", 0.1);
    wb.user.type(SHEET_NAME, cellOf(wb, "facility.pue"), "1,1");
    await until(() => store.snapshot.problems.length > 0, "the problem");
    expect(store.snapshot.problems[0]!.address).toBe(`'${SHEET_NAME}'!${cellOf(wb, "facility.pue")}`);
    expect(store.book().facility.electricityUsdPerKwh).toBe(0.1);
    expect(serialize(store.snapshot.doc)).not.toMatch(/"facility.pue"/);
  });
});
