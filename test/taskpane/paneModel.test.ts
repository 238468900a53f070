/**
 * The pane's view-model over a real AssumptionStore (in memory), in Node: one model per key
 * updated in place, what is typed kept through every store change, saving, filtering, key
 * drivers from the workbook's cells, and the fields a newer store adds (problems with cell
 * addresses, where the assumptions are, "Show the assumptions sheet") used when present.
 */
import { Updates } from "@microsoft/fast-element/updates.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FOUNDING_EDITION } from "../../src/pricing";
import { MemoryBackend } from "../../src/store/backend";
import { emptyDocument, serialize } from "../../src/store/document";
import { AssumptionStore } from "../../src/store/store";
import { PaneModel, type PaneHost, type PaneStore } from "../../src/taskpane/paneModel";
import type { FileState } from "../../src/taskpane/saveInfo";
import type { InsertResult } from "../../src/taskpane/workbook";
import { DIST } from "../harness/runtime";

beforeAll(() => Updates.setMode(false)); // no requestAnimationFrame in Node: notify at once

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A host that answers like Excel, recording what the pane asked. */
function fakeHost(cells: unknown[] = [], file: FileState = {}) {
  const sheet = new Map<string, string>([["Sheet1!B3", "=SUM(1,2)"]]);
  const host = {
    selection: "Sheet1!B2",
    writes: [] as { address: string; formula: string }[],
    usedCells: async () => cells,
    fileState: async () => file,
    functionsMetadata: async () => JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")),
    async insertIntoSelection(formula: string, replace?: string): Promise<InsertResult> {
      const existing = sheet.get(host.selection) ?? "";
      if (existing && replace !== host.selection) return { kind: "occupied", address: host.selection, existing };
      sheet.set(host.selection, formula);
      host.writes.push({ address: host.selection, formula });
      return { kind: "inserted", address: host.selection };
    },
  };
  return host satisfies PaneHost;
}

async function setup(cells: unknown[] = []) {
  // A workbook built on edition 2023.10-1 (a 0.1 settings document), whose figures the tests use.
  const backend = new MemoryBackend(serialize(emptyDocument(FOUNDING_EDITION)));
  const store = new AssumptionStore(backend, () => "2026-11-25T10:00:00.000Z");
  await store.ready;
  const host = fakeHost(cells);
  const model = new PaneModel(store, host);
  /** A co-author's save: another add-in saves into the same workbook, and this store reads it again. */
  const other = new AssumptionStore(backend, () => "2026-11-25T11:00:00.000Z");
  await other.ready;
  const coAuthor = async (key: string, value: number) => {
    await other.reload();
    await other.set(key, value);
    await store.reload();
    await tick();
  };
  const cell = (key: string) => model.drivers.find((d) => d.cell.key === key)?.cell ?? findCell(model, key);
  return { store, backend, host, model, coAuthor, cell };
}

function findCell(model: PaneModel, key: string) {
  for (const g of model.groups) {
    const c = g.cells.find((x) => x.key === key);
    if (c) return c;
  }
  throw new Error(`no cell ${key}`);
}

describe("the pane's model", () => {
  it("keeps one model per key through store changes, and the groups and drivers arrays in place", async () => {
    const { model, store, cell } = await setup();
    const pue = cell("facility.pue");
    const groups = model.groups.slice();
    const drivers = model.drivers.slice();
    await store.set("facility.pue", 1.1);
    await store.activate("base");
    expect(cell("facility.pue")).toBe(pue);
    expect(pue.value).toBe(1.1);
    expect(pue.changed).toBe(true);
    expect(pue.changedAt).toBe("2026-11-25T10:00:00.000Z");
    expect(model.groups).toEqual(groups);
    expect(model.groups.every((g, i) => g === groups[i])).toBe(true);
    expect(model.drivers.every((d, i) => d === drivers[i])).toBe(true);
    // The same object in the key drivers and in its group: one draft per key.
    expect(findCell(model, "facility.pue")).toBe(pue);
  });

  it("makes a closed group's cell models when it opens, up to date with the store", async () => {
    const { model, store } = await setup();
    const facility = model.groups.find((g) => g.name === "Facility")!;
    expect(facility.shown).toEqual([]); // closed: no rows, no models
    expect(facility.countText).toBe("8");
    await store.set("facility.colocation", 190);
    await store.addScenario("bull");
    await store.activate("bull");
    await store.set("facility.colocation", 200);
    expect(facility.changedCount).toBe(1);
    facility.open = true;
    expect(facility.shown.map((c) => c.key)).toEqual(facility.keys);
    const colocation = facility.shown.find((c) => c.key === "facility.colocation")!;
    expect(colocation.value).toBe(200);
    expect(colocation.changed).toBe(true);
    expect(colocation.base).toBe("190");
    expect(colocation.differsFromBase).toBe(true);
    // A key driver's model is the row's model: one draft per key.
    const pue = model.drivers.find((d) => d.cell.key === "facility.pue")!.cell;
    expect(facility.shown.find((c) => c.key === "facility.pue")).toBe(pue);
    // A search filters a closed group by key, label and source without making its models.
    const methods = model.groups.find((g) => g.name === "Methods")!;
    model.setSearch("goodput");
    expect(methods.countText).toBe("1 of 10");
    expect(methods.open).toBe(true);
    expect(methods.shown.map((c) => c.key)).toEqual(["method.goodput"]);
  });

  it("keeps typed text through a co-author's save of another key and of the same key", async () => {
    const { model, cell, coAuthor } = await setup();
    const pue = cell("facility.pue");
    model.typed(pue, "1.3");
    await coAuthor("facility.colocation", 160);
    expect(cell("facility.colocation").value).toBe(160);
    expect(pue.text).toBe("1.3");
    expect(pue.remote).toBe("");
    await coAuthor("facility.pue", 1.3);
    expect(pue.remote).toBe(""); // the co-author saved what was typed: no news
    await coAuthor("facility.pue", 1.2);
    expect(pue.value).toBe(1.2);
    expect(pue.text).toBe("1.3");
    expect(pue.remote).toMatch(/^The workbook now has 1\.2 \(changed while you typed\)/);
    model.revert(pue);
    expect(pue.text).toBe("1.2");
    expect(pue.remote).toBe("");
  });

  it("saves typed text once, without calling its own save a co-author's", async () => {
    const { model, store, cell } = await setup();
    const colocation = cell("facility.colocation");
    model.typed(colocation, "1,250");
    expect(colocation.pending).toBe(true);
    model.commit(colocation);
    model.commit(colocation); // Enter, then leaving the field
    expect(colocation.saving).toBe(true);
    await tick();
    expect(store.book().assumption("facility.colocation").value).toBe(1250);
    expect(store.undoLabel).toBe("set facility.colocation");
    expect(model.undoLabel).toBe("set facility.colocation");
    expect(colocation.draft).toBeUndefined();
    expect(colocation.text).toBe("1250");
    expect(colocation.remote).toBe("");
    expect(model.status).toEqual({ kind: "info", text: "Saved Colocation = 1,250 USD/kW-month." });
    expect(model.canUndo).toBe(true);
    model.undo();
    await tick();
    expect(colocation.value).toBe(175);
    expect(model.canUndo).toBe(false);
  });

  it("keeps refused text with its message and saves nothing", async () => {
    const { model, store, cell, backend } = await setup();
    const before = JSON.stringify(await backend.read());
    const pue = cell("facility.pue");
    model.typed(pue, "0.5");
    model.commit(pue);
    expect(pue.message).toBe("PUE must be from 1 up to 5 (ratio).");
    expect(pue.text).toBe("0.5");
    expect(model.status.kind).toBe("error");
    expect(JSON.stringify(await backend.read())).toBe(before);
    expect(store.book().assumption("facility.pue").value).toBe(1.25);
    model.typed(pue, "0.5 ");
    expect(pue.message).toBe(""); // typing again clears the old message
  });

  it("keeps the text and says why when the save fails", async () => {
    const { model, cell, backend } = await setup();
    for (const method of ["write", "update"]) {
      if (method in backend)
        (backend as unknown as Record<string, unknown>)[method] = async () => {
          throw new Error("GeneralException");
        };
    }
    const pue = cell("facility.pue");
    model.typed(pue, "1.2");
    model.commit(pue);
    await tick();
    expect(pue.text).toBe("1.2");
    expect(pue.message).toBe("Not saved: GeneralException");
    expect(pue.saving).toBe(false);
  });

  it("filters by search and by changed, counting what each group shows; a search opens and restores groups", async () => {
    const { model, store, cell } = await setup();
    const facility = model.groups.find((g) => g.name === "Facility")!;
    const accel = model.groups.find((g) => g.name === "Accelerators")!;
    accel.open = true;
    model.setSearch("pue");
    expect(facility.countText).toBe("1 of 8");
    expect(facility.shown.map((c) => c.key)).toEqual(["facility.pue"]);
    expect(facility.open).toBe(true);
    expect(accel.open).toBe(false);
    expect(model.filtering).toBe(true);
    model.setSearch("p5.48xlarge");
    expect(model.groups.find((g) => g.name === "Cloud rates")!.countText).toBe("4 of 26");
    model.setSearch("");
    expect(facility.countText).toBe("8");
    expect(accel.open).toBe(true);
    expect(facility.open).toBe(false);
    await store.set("facility.pue", 1.1);
    model.typed(cell("facility.colocation"), "150");
    model.setChangedOnly(true);
    expect(facility.shown.map((c) => c.key)).toEqual(["facility.pue", "facility.colocation"]);
    expect(facility.changedText).toBe("1 changed");
    expect(accel.shownCount).toBe(0);
  });

  it("shows base's values beside another scenario's", async () => {
    const { model, store, cell } = await setup();
    await store.set("facility.pue", 1.1);
    await store.addScenario("bull");
    await store.activate("bull");
    await store.set("facility.pue", 1.4);
    expect(model.comparing).toBe(true);
    expect(cell("facility.pue").base).toBe("1.1");
    expect(cell("facility.pue").differsFromBase).toBe(true);
    expect(cell("facility.electricity").differsFromBase).toBe(false);
    await store.activate("base");
    expect(cell("facility.pue").base).toBe("");
  });

  it("takes the key drivers from the workbook's cells, then from recent edits", async () => {
    const { model, store } = await setup(['=GPU.CLUSTERCOST(8,"H200","ondemand")', "A100-80GB"]);
    expect(model.driversNote).toMatch(/showing the default chip/);
    await store.set("mi300x.node_price", 300_000);
    expect(model.driversNote).toBe("Chips of your recent edits: MI300X.");
    expect(model.drivers[0]!.cell.key).toBe("mi300x.node_price");
    await model.scanWorkbook();
    expect(model.driversNote).toBe("Chips named in this workbook's cells: H200, A100-80GB.");
    expect(model.drivers.map((d) => d.heading).filter((h, i, all) => all.indexOf(h) === i)).toEqual([
      "H200",
      "A100-80GB",
      "MI300X",
      "Utilisation",
      "Facility and finance",
    ]);
    expect(model.drivers.filter((d) => d.first).map((d) => d.heading)).toEqual([
      "H200",
      "A100-80GB",
      "MI300X",
      "Utilisation",
      "Facility and finance",
    ]);
  });

  it("says where the assumptions are and whether to save, from the store and Excel", async () => {
    const { model, store } = await setup();
    await store.set("facility.pue", 1.1);
    model.file = { autoSave: false, isDirty: true };
    expect(model.saveText.text).toMatch(/^Saved in this workbook[^.]*\. AutoSave is off: save the file/);
    expect(model.saveText.warn).toBe(true);
    model.file = { autoSave: true };
    expect(model.saveText.warn).toBe(false);
    // "Show the assumptions sheet" where the store can show it.
    expect(model.canShowSheet).toBe(typeof (store as PaneStore).showSheet === "function");
  });
});

describe("the fields a newer store adds", () => {
  /** The store with problems, a location and showSheet, as the sheet-backed store reports them. */
  async function newerStore() {
    const store = new AssumptionStore(new MemoryBackend(), () => "2026-11-25T10:00:00.000Z");
    await store.ready;
    const extra = {
      readError: "Could not read the workbook's assumptions: GeneralException",
      problems: [
        { address: "'GPU Assumptions'!D12", key: "facility.pue", message: "text where a number belongs" },
        { address: "'GPU Assumptions'!A40", message: 'unknown key "facility.puee"' },
      ],
      location: "sheet" as const,
    };
    let shown = 0;
    const wrapped = Object.create(store, {
      snapshot: { get: () => ({ ...store.snapshot, ...extra }) },
      showSheet: { value: async () => void shown++ },
    }) as PaneStore;
    return { wrapped, shown: () => shown };
  }

  it("lists the problems with their cell addresses and marks the cells they concern", async () => {
    const { wrapped } = await newerStore();
    const model = new PaneModel(wrapped, fakeHost());
    expect(model.problems.map((p) => p.address)).toEqual(["'GPU Assumptions'!D12", "'GPU Assumptions'!A40"]);
    expect(model.problemsTitle).toBe(
      "2 cells of the workbook's assumptions could not be used; the edition's defaults stand in for them:",
    );
    expect(findCell(model, "facility.pue").problem).toBe("'GPU Assumptions'!D12: text where a number belongs");
    expect(findCell(model, "facility.electricity").problem).toBe("");
  });

  it("says when the last read failed", async () => {
    const { wrapped } = await newerStore();
    const model = new PaneModel(wrapped, fakeHost());
    expect(model.readError).toBe("Could not read the workbook's assumptions: GeneralException");
  });

  it("says the assumptions are on the sheet and shows it on request", async () => {
    const { wrapped, shown } = await newerStore();
    const model = new PaneModel(wrapped, fakeHost());
    expect(model.location).toBe("sheet");
    expect(model.saveText.text).toMatch(/^Saved in this workbook \(hidden sheet "GPU Assumptions"\)\./);
    expect(model.canShowSheet).toBe(true);
    model.showSheet();
    await tick();
    expect(shown()).toBe(1);
    expect(model.status.text).toBe("The assumptions sheet is shown.");
  });
});

describe("the edition update", () => {
  it("groups the changes a newer edition brings, with counts, and keeps open groups open", async () => {
    const store = new AssumptionStore(new MemoryBackend());
    await store.ready;
    let changes = [
      { key: "facility.pue", label: "PUE", from: 1.25, to: 1.1 },
      { key: "aws.p5.48xlarge.ondemand", label: "aws p5.48xlarge ondemand", from: 98.32, to: 55.04 },
      { key: "aws.p5.48xlarge.reserved1y", label: "aws p5.48xlarge reserved1y", from: 58.0088, to: 37.2 },
    ];
    store.editionChanges = () => changes;
    const model = new PaneModel(store, fakeHost());
    expect(model.changeTotal).toBe(3);
    expect(model.changeGroups.map((g) => [g.group.name, g.counts])).toEqual([
      ["Cloud rates", "2 changed"],
      ["Facility", "1 changed"],
    ]);
    model.changeGroups[0]!.open = true;
    changes = [...changes, { key: "facility.electricity", label: "electricity price", from: 0.0806, to: 0.09 }];
    await store.set("method.training_mfu", 0.4); // any store change recomputes
    expect(model.changeTotal).toBe(4);
    expect(model.changeGroups.map((g) => [g.group.name, g.open, g.counts])).toEqual([
      ["Cloud rates", true, "2 changed"],
      ["Facility", false, "2 changed"],
    ]);
    changes = [];
    await store.set("method.training_mfu", 0.5);
    expect(model.changeTotal).toBe(0);
    expect(model.changeGroups).toEqual([]);
  });
});

describe("the function reference", () => {
  it("inserts into the selected cell, and replaces a cell only when told to", async () => {
    const { model, host } = await setup();
    model.setTab("functions");
    await tick();
    await tick();
    const ref = model.reference;
    expect(ref.state).toBe("ready");
    ref.setSearch("clustercost");
    const cc = ref.shown[0]!;
    expect(cc.composed.formula).toBe('=GPU.CLUSTERCOST(8,"H100-SXM","reserved3y",3,"aws")');
    cc.params[1]!.text = "B200"; // a chip that reads as a cell address: quoted
    await cc.insert();
    expect(host.writes).toEqual([{ address: "Sheet1!B2", formula: '=GPU.CLUSTERCOST(8,"B200","reserved3y",3,"aws")' }]);
    host.selection = "Sheet1!B3";
    await cc.insert();
    expect(cc.occupied).toEqual({ address: "Sheet1!B3", existing: "=SUM(1,2)" });
    cc.keep();
    expect(host.writes.length).toBe(1);
    await cc.insert();
    await cc.insert(cc.occupied!.address);
    expect(host.writes.at(-1)).toEqual({
      address: "Sheet1!B3",
      formula: '=GPU.CLUSTERCOST(8,"B200","reserved3y",3,"aws")',
    });
    expect(cc.occupied).toBeNull();
  });

  it("reports a list that cannot be loaded", async () => {
    const store = new AssumptionStore(new MemoryBackend());
    await store.ready;
    const host = {
      ...fakeHost(),
      functionsMetadata: async () => Promise.reject(new Error("functions.json answered 404")),
    };
    const model = new PaneModel(store, host);
    await model.reference.load();
    expect(model.reference.state).toBe("error");
    expect(model.reference.error).toBe("The function list could not be loaded: functions.json answered 404");
  });
});
