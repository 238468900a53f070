/**
 * The workbook's assumptions: persistence, validation, read-only states, co-authoring and
 * faults, through the real settings backend on a fake workbook (test/harness/fakeExcel.js).
 */
import { describe, expect, it } from "vitest";
import { WorkbookSettingsBackend } from "../../src/store/backend";
import { SETTINGS_KEY, SCHEMA_VERSION, serialize, emptyDocument } from "../../src/store/document";
import { AssumptionStore } from "../../src/store/store";
import { FakeWorkbook } from "../harness/fakeExcel.js";

const T0 = "2026-11-25T10:00:00.000Z";

async function open(workbook: FakeWorkbook, clock = () => T0) {
  const store = new AssumptionStore(new WorkbookSettingsBackend(workbook.excel()), clock);
  await store.ready;
  return store;
}
const stored = (wb: FakeWorkbook) => JSON.parse(wb.storage.get(SETTINGS_KEY) as string);
const pue = (store: AssumptionStore, scenario?: string) => store.book(scenario).facility.pue;

describe("persistence", () => {
  it("an edit is saved in the workbook and read back by the next session", async () => {
    const wb = new FakeWorkbook();
    const first = await open(wb);
    expect(first.snapshot.status).toBe("empty");
    await first.set("facility.PUE", 1.1);
    expect(stored(wb).scenarios.base["facility.pue"]).toEqual({ value: 1.1, changedAt: T0 });
    expect(stored(wb).schema).toBe(SCHEMA_VERSION);
    expect(stored(wb).bookVersion).toMatch(/^\d{4}\.\d{2}-\d+$/);

    const second = await open(wb);
    expect(second.snapshot.status).toBe("ok");
    expect(pue(second)).toBe(1.1);
    expect(second.book().assumption("facility.pue").shipped.value).toBe(1.25);
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
    wb.syncDelayMs = 5;
    const store = await open(wb);
    await Promise.all([
      store.set("facility.pue", 1.1),
      store.set("facility.electricity", 0.1),
      store.set("facility.pue", 1.15),
    ]);
    expect(stored(wb).scenarios.base["facility.pue"].value).toBe(1.15);
    expect(stored(wb).scenarios.base["facility.electricity"].value).toBe(0.1);
    await store.undo();
    expect(pue(store)).toBe(1.1);
  });

  it("reset one, reset all, and undo the last change", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await store.set("facility.pue", 1.1);
    await store.set("facility.electricity", 0.12);
    await store.reset("facility.pue");
    expect(pue(store)).toBe(1.25);
    await store.undo();
    expect(pue(store)).toBe(1.1);
    await store.resetAll();
    expect(Object.keys(stored(wb).scenarios.base)).toEqual([]);
    await store.undo();
    expect(store.book().facility.electricityUsdPerKwh).toBe(0.12);
  });

  it("records the price-book edition of a new workbook so later editions keep its numbers", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await store.pinEdition();
    expect(stored(wb)).toEqual(emptyDocument());
    expect(store.editionChanges()).toEqual([]);
  });
});

describe("scenarios", () => {
  it("are saved in the workbook, one active; a copy starts from its source", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await store.set("facility.pue", 1.1);
    await store.addScenario("Bull");
    await store.set("facility.pue", 1.05, "bull");
    await store.addScenario("bear", "base");
    expect(store.scenarios()).toEqual(["base", "bear", "bull"]);
    expect([pue(store, "bull"), pue(store, "bear"), pue(store)]).toEqual([1.05, 1.1, 1.1]);
    await store.activate("BULL");
    expect(pue(store)).toBe(1.05);
    expect((await open(wb)).snapshot.doc.activeScenario).toBe("bull");
    await store.removeScenario("bull");
    expect(store.snapshot.doc.activeScenario).toBe("base");
    await expect(store.removeScenario("base")).rejects.toThrow(/cannot be removed/);
    expect(() => store.book("nope")).toThrow(/base/);
  });
});

describe("faults", () => {
  it("a failed save leaves the store and the workbook as they were, and says why", async () => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await store.set("facility.pue", 1.1);
    const before = wb.storage.get(SETTINGS_KEY);
    wb.failNextWrite = new Error("GeneralException: the workbook is locked");
    await expect(store.set("facility.pue", 1.2)).rejects.toThrow(/locked/);
    expect(wb.storage.get(SETTINGS_KEY)).toBe(before);
    expect(pue(store)).toBe(1.1);
    expect(store.undoLabel).toBe("set facility.pue");
  });

  it("a document from a future schema is read-only, shown as defaults, never overwritten", async () => {
    const future = JSON.stringify({ schema: SCHEMA_VERSION + 1, whatever: true });
    const wb = new FakeWorkbook(new Map([[SETTINGS_KEY, future]]));
    const store = await open(wb);
    expect(store.snapshot.status).toBe("future");
    expect(store.writable).toBe(false);
    expect(store.snapshot.warning).toMatch(/newer version/);
    expect(pue(store)).toBe(1.25);
    await expect(store.set("facility.pue", 1.1)).rejects.toThrow(/read-only/);
    await store.pinEdition();
    expect(wb.storage.get(SETTINGS_KEY)).toBe(future);
    expect(store.export()).toBe(future);
  });

  it("a damaged document is read-only with a warning, and exports the raw text", async () => {
    const wb = new FakeWorkbook(new Map([[SETTINGS_KEY, '{"schema":1,"bookVer']]));
    const store = await open(wb);
    expect(store.snapshot.status).toBe("corrupt");
    expect(store.snapshot.warning).toMatch(/not valid JSON/);
    expect(store.export()).toBe('{"schema":1,"bookVer');
    await expect(store.resetAll()).rejects.toThrow(/read-only/);
  });

  it("a stored override that breaks its bounds makes the document damaged, not silently fixed", async () => {
    const doc = emptyDocument();
    const bad = { ...doc, scenarios: { base: { "facility.pue": { value: -3, changedAt: T0 } } } };
    const store = await open(new FakeWorkbook(new Map([[SETTINGS_KEY, serialize(bad)]])));
    expect(store.snapshot.status).toBe("corrupt");
    expect(store.snapshot.warning).toMatch(/facility\.pue/);
  });
});

describe("import", () => {
  const good = () => ({
    ...emptyDocument(),
    scenarios: { base: { "facility.pue": { value: 1.15, changedAt: T0 } }, bear: {} },
  });

  it("replaces the document with a valid file", async () => {
    const store = await open(new FakeWorkbook());
    await store.import(JSON.stringify(good()));
    expect(pue(store)).toBe(1.15);
    expect(store.scenarios()).toEqual(["base", "bear"]);
  });

  it.each([
    ["not JSON", "{nope", /not JSON/],
    [
      "an unknown key",
      JSON.stringify({ ...good(), scenarios: { base: { "facility.peu": { value: 1, changedAt: T0 } } } }),
      /facility\.pue/,
    ],
    [
      "a value out of range",
      JSON.stringify({ ...good(), scenarios: { base: { "facility.pue": { value: 99, changedAt: T0 } } } }),
      /pue/,
    ],
    [
      "a string for a number",
      JSON.stringify({ ...good(), scenarios: { base: { "facility.pue": { value: "1.1", changedAt: T0 } } } }),
      /value/,
    ],
    ["an extra field", JSON.stringify({ ...good(), script: "alert(1)" }), /script|Unrecognized/i],
    [
      "a prototype-pollution key",
      '{"schema":1,"bookVersion":"2023.10-1","activeScenario":"base","scenarios":{"base":{}},"__proto__":{"polluted":1}}',
      /proto|Unrecognized/i,
    ],
    ["an unknown edition", JSON.stringify({ ...good(), bookVersion: "2099.01-1" }), /edition/],
    ["a huge file", "[" + "0,".repeat(600_000) + "0]", /KB/],
    ["a wrong schema", JSON.stringify({ ...good(), schema: 0 }), /schema/],
  ])("refuses %s with a clear message and changes nothing", async (_what, text, message) => {
    const wb = new FakeWorkbook();
    const store = await open(wb);
    await store.set("facility.pue", 1.1);
    const before = wb.storage.get(SETTINGS_KEY);
    await expect(store.import(text)).rejects.toThrow(message);
    expect(wb.storage.get(SETTINGS_KEY)).toBe(before);
    expect(pue(store)).toBe(1.1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("co-authoring", () => {
  it("two authors editing different keys: both edits survive", async () => {
    const shared = new Map<string, string>();
    const alice = await open(new FakeWorkbook(shared));
    const bob = await open(new FakeWorkbook(shared));
    await alice.set("facility.pue", 1.1);
    await bob.set("facility.electricity", 0.1); // Bob has not reloaded: his save replays onto Alice's
    const doc = JSON.parse(shared.get(SETTINGS_KEY)!);
    expect(Object.keys(doc.scenarios.base).sort()).toEqual(["facility.electricity", "facility.pue"]);
  });

  it("the same key: the later write wins and the other author sees it on the change event", async () => {
    const shared = new Map<string, string>();
    const aliceBook = new FakeWorkbook(shared);
    const alice = await open(aliceBook);
    const bob = await open(new FakeWorkbook(shared));
    await alice.set("facility.pue", 1.1);
    await bob.set("facility.pue", 1.2);
    let heard = 0;
    alice.subscribe(() => heard++);
    aliceBook.remoteSave(SETTINGS_KEY, shared.get(SETTINGS_KEY)!); // the event reaching Alice
    await new Promise((r) => setTimeout(r, 0));
    expect(pue(alice)).toBe(1.2);
    expect(heard).toBe(1);
  });
});
