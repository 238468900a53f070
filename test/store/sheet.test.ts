/**
 * The assumptions sheet as pure data (src/store/sheet.ts): the layout a new sheet gets, what a
 * read makes of every kind of cell a user can type, and the cells a patch writes (only its own).
 */
import { describe, expect, it } from "vitest";
import { FOUNDING_EDITION, bookFor } from "../../src/pricing";
import { emptyDocument, type AssumptionsDocument, type Patch } from "../../src/store/document";
import { newSheet, planEdit } from "../../src/store/plan";
import {
  CHANGED_AT,
  SHEET_NAME,
  SHEET_TITLE,
  applyEdit,
  cellName,
  columnName,
  readSheet,
  type SheetEdit,
} from "../../src/store/sheet";

const T0 = "2026-11-25T10:00:00.000Z";
// The sheets here record edition 2023.10-1, whose figures the expectations use.
const KEYS = [...bookFor(new Map(), FOUNDING_EDITION).assumptions.keys()];

/** A new sheet holding `doc`, as cells from A1. */
function sheetOf(doc: AssumptionsDocument = emptyDocument(FOUNDING_EDITION)): unknown[][] {
  return newSheet(doc).cells.map((r) => [...r]);
}

function docWith(overrides: Record<string, number>, extra: Partial<AssumptionsDocument> = {}): AssumptionsDocument {
  const base = Object.fromEntries(Object.entries(overrides).map(([k, value]) => [k, { value, changedAt: T0 }]));
  return { ...emptyDocument(FOUNDING_EDITION), scenarios: { base }, ...extra };
}

/** Row index (0-based) of a key on a sheet. */
const rowOf = (cells: unknown[][], key: string) => cells.findIndex((r) => r[0] === key);
/** Column index (0-based) of a header on a sheet (row 6). */
const columnOf = (cells: unknown[][], header: string) => cells[5]!.indexOf(header);

function cellsAfter(cells: unknown[][], edit: SheetEdit): unknown[][] {
  return applyEdit(cells, edit);
}

describe("a new sheet", () => {
  it("has the documented layout: meta rows, a header, one row per key of the edition, base first", () => {
    const cells = sheetOf(docWith({ "facility.pue": 1.1 }));
    expect(cells[0]![0]).toBe(SHEET_TITLE);
    expect(cells.slice(1, 4).map((r) => [r[0], r[1]])).toEqual([
      ["Schema", 1],
      ["Price book edition", "2023.10-1"],
      ["Active scenario", "base"],
    ]);
    expect(cells[5]!.slice(0, 8)).toEqual(["Key", "Label", "Unit", "Default", "Source", "As of", "base", CHANGED_AT]);
    expect(cells.slice(6).map((r) => r[0])).toEqual(KEYS);
    expect(KEYS).toHaveLength(bookFor(new Map(), FOUNDING_EDITION).assumptions.size);
    const pue = cells[rowOf(cells, "facility.pue")]!;
    expect(pue.slice(0, 4)).toEqual(["facility.pue", "PUE", "ratio", 1.25]);
    expect(pue.slice(6, 8)).toEqual([1.1, T0]);
    expect(cells[rowOf(cells, "facility.electricity")]!.slice(6, 8)).toEqual(["", ""]);
  });

  it("reads back as the document it was made from, without a problem", () => {
    const doc: AssumptionsDocument = {
      ...emptyDocument(),
      activeScenario: "bull",
      scenarios: {
        base: { "facility.pue": { value: 1.1, changedAt: T0 } },
        bull: { "aws.p5.48xlarge.ondemand": { value: 60, changedAt: T0 }, "facility.pue": { value: 1.05 } },
      },
    };
    const read = readSheet(sheetOf(doc));
    expect(read.status).toBe("ok");
    expect(read.problems).toEqual([]);
    expect(read.doc).toEqual(doc);
  });
});

describe("reading every cell", () => {
  const at = (row: number, column: number) => `'${SHEET_NAME}'!${cellName(row, column)}`;

  function withCell(key: string, value: unknown, header = "base", formulas?: unknown[][]) {
    const cells = sheetOf();
    const r = rowOf(cells, key);
    const c = columnOf(cells, header);
    cells[r]![c] = value;
    return { read: readSheet(cells, formulas ? { formulas } : {}), r, c, cells };
  }

  it("uses a number typed in a scenario column; an empty cell is the edition's default", () => {
    const { read } = withCell("facility.pue", 1.1);
    expect(read.doc.scenarios.base).toEqual({ "facility.pue": { value: 1.1 } });
    expect(read.problems).toEqual([]);
  });

  it.each([
    ["text where a number belongs", "1.1", /must be a number \(ratio\); the text "1\.1" is not/],
    ["a word", "high", /the text "high" is not/],
    ["a boolean", true, /TRUE is not/],
    ["an error value", "#DIV/0!", /#DIV\/0! is not/],
    ["a value out of range", 0.5, /must be from 1 up to 5 \(ratio\); got 0\.5/],
    ["a fraction for a count", 2.5, /whole number/],
  ])("lists %s with its address and does not use it; other keys still apply", (_what, value, message) => {
    const key = value === 2.5 ? "h100-sxm.node_gpus" : "facility.pue";
    const cells = sheetOf();
    cells[rowOf(cells, key)]![6] = value;
    cells[rowOf(cells, "facility.electricity")]![6] = 0.1;
    const read = readSheet(cells);
    expect(read.status).toBe("ok");
    expect(read.doc.scenarios.base).toEqual({ "facility.electricity": { value: 0.1 } });
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ address: at(rowOf(cells, key), 6), key });
    expect(read.problems[0]!.message).toMatch(message);
    expect(read.problems[0]!.message).toMatch(/Not used: the default .* applies/);
  });

  it("refuses a formula typed where a value belongs (its result could change unseen)", () => {
    const cells = sheetOf();
    const r = rowOf(cells, "facility.pue");
    cells[r]![6] = 1.1; // the value Excel shows
    const formulas = cells.map((row) => [...row]);
    formulas[r]![6] = "=1+0.1";
    const read = readSheet(cells, { formulas });
    expect(read.doc.scenarios.base).toEqual({});
    expect(read.problems[0]).toMatchObject({ address: at(r, 6), key: "facility.pue" });
    expect(read.problems[0]!.message).toMatch(/formula .*=1\+0\.1.*type the number itself/);
  });

  it("lists an unknown key with the closest ones, and uses nothing of its row", () => {
    const cells = sheetOf();
    cells.push(["facility.peu", "", "", "", "", "", 1.1]);
    const read = readSheet(cells);
    expect(read.problems).toEqual([
      {
        address: at(cells.length - 1, 0),
        key: "facility.peu",
        message: expect.stringMatching(/Unknown key "facility.peu" \(closest: "facility.pue"/),
      },
    ]);
    expect(read.doc.scenarios.base).toEqual({});
  });

  it("lists both rows of a duplicated key and uses neither", () => {
    const cells = sheetOf();
    const r = rowOf(cells, "facility.pue");
    cells[r]![6] = 1.1;
    cells.push(["facility.pue", "", "", "", "", "", 1.2]);
    const read = readSheet(cells);
    expect(read.problems.map((p) => p.address)).toEqual([at(r, 0), at(cells.length - 1, 0)]);
    expect(read.problems[0]!.message).toMatch(/appears in A\d+, A\d+; none of them is used/);
    expect(read.doc.scenarios.base).toEqual({});
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])(
    "treats the prototype name %s as an unknown key and as no scenario name",
    (name) => {
      const cells = sheetOf();
      cells.push([name, "", "", "", "", "", 1.1]);
      const c = cells[5]!.length;
      cells[5]![c] = name;
      cells[rowOf(cells, "facility.pue")]![c] = 1.1;
      const read = readSheet(cells);
      expect(read.status).toBe("ok");
      expect(Object.keys(read.doc.scenarios)).toEqual(["base"]);
      expect(Object.hasOwn(read.doc.scenarios.base!, name)).toBe(false);
      expect(read.problems.map((p) => p.address)).toEqual([at(5, c), at(cells.length - 1, 0)]);
      expect(Object.getPrototypeOf(read.doc.scenarios)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(read.doc.scenarios.base)).toBe(Object.prototype);
    },
  );

  it("finds keys wherever their rows are: sorted or moved rows keep their values", () => {
    const cells = sheetOf();
    cells[rowOf(cells, "facility.pue")]![6] = 1.1;
    const header = cells.slice(0, 6);
    const body = cells.slice(6).reverse();
    const read = readSheet([...header, [], ...body]);
    expect(read.problems).toEqual([]);
    expect(read.doc.scenarios.base).toEqual({ "facility.pue": { value: 1.1 } });
  });

  it("a deleted row means the edition's default for its key, with no problem", () => {
    const cells = sheetOf();
    cells.splice(rowOf(cells, "facility.pue"), 1);
    const read = readSheet(cells);
    expect(read.status).toBe("ok");
    expect(read.problems).toEqual([]);
  });

  it("finds the meta rows by their label, so rows inserted above them do no harm", () => {
    const cells = sheetOf(docWith({ "facility.pue": 1.1 }, { activeScenario: "base" }));
    const read = readSheet([["my note"], [], ...cells]);
    expect(read.problems).toEqual([]);
    expect(read.doc.scenarios.base).toEqual({ "facility.pue": { value: 1.1, changedAt: T0 } });
  });

  it("says the Default column is for reference when someone edits it", () => {
    const cells = sheetOf();
    const r = rowOf(cells, "facility.pue");
    cells[r]![3] = 1.1;
    const read = readSheet(cells);
    expect(read.doc.scenarios.base).toEqual({});
    expect(read.problems).toEqual([
      {
        address: at(r, 3),
        key: "facility.pue",
        message: expect.stringMatching(/for reference; changing it has no effect: type your value in G\d+/),
      },
    ]);
  });

  it("lists a bad scenario header, a duplicate scenario and values under no name", () => {
    const cells = sheetOf();
    const r = rowOf(cells, "facility.pue");
    cells[5]!.push("bull", CHANGED_AT, "Bull", CHANGED_AT, "no/good", "", "");
    cells[r]![8] = 1.05;
    cells[r]![10] = 1.06;
    cells[r]![15] = 1.07;
    const read = readSheet(cells);
    expect(Object.keys(read.doc.scenarios)).toEqual(["base", "bull"]);
    expect(read.doc.scenarios.bull).toEqual({ "facility.pue": { value: 1.05 } });
    const messages = read.problems.map((p) => `${p.address} ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/K6 Scenario "bull" has a column already \(I\)/),
      expect.stringMatching(/L6 A "changed at" column belongs right of a scenario column/),
      expect.stringMatching(/M6 A scenario name is 1-40 letters/),
      expect.stringMatching(/P6 Column P has values but no scenario name/),
    ]);
  });

  it('a column headed "Notes" is the user\'s own: never read, never a problem', () => {
    const cells = sheetOf();
    cells[5]!.push("Notes on PUE");
    cells[rowOf(cells, "facility.pue")]![8] = "measured at our Ashburn site";
    const read = readSheet(cells);
    expect(read.problems).toEqual([]);
    expect(Object.keys(read.doc.scenarios)).toEqual(["base"]);
  });

  it("a time in a changed-at column: an ISO text or a date Excel made of it; anything else is listed", () => {
    const cells = sheetOf();
    const pue = rowOf(cells, "facility.pue");
    const el = rowOf(cells, "facility.electricity");
    const colo = rowOf(cells, "facility.colocation");
    cells[pue]!.splice(6, 2, 1.1, 46351.41666666667); // 2026-11-25 10:00 as an Excel date
    cells[el]!.splice(6, 2, 0.1, "yesterday");
    cells[colo]!.splice(6, 2, 150, T0);
    const read = readSheet(cells);
    expect(read.doc.scenarios.base).toEqual({
      "facility.pue": { value: 1.1, changedAt: "2026-11-25T10:00:00.000Z" },
      "facility.electricity": { value: 0.1 },
      "facility.colocation": { value: 150, changedAt: T0 },
    });
    expect(read.problems).toEqual([
      {
        address: at(el, 7),
        key: "facility.electricity",
        message: 'Not a time (the text "yesterday"); the value still applies.',
      },
    ]);
  });

  it("an active scenario that does not exist: listed, and base is active", () => {
    const cells = sheetOf();
    cells[3]![1] = "bear";
    const read = readSheet(cells);
    expect(read.doc.activeScenario).toBe("base");
    expect(read.problems).toEqual([{ address: at(3, 1), message: expect.stringMatching(/"bear" is not a scenario/) }]);
  });
});

describe("a sheet that cannot be read", () => {
  it("from a newer schema: read-only ('future'), the defaults, a warning naming the cell", () => {
    const cells = sheetOf();
    cells[1]![1] = 2;
    const read = readSheet(cells);
    expect(read.status).toBe("future");
    expect(read.warning).toMatch(/newer version of the add-in \(schema 2 in 'GPU Assumptions'!B2.*never overwritten/);
    expect(read.doc).toEqual(emptyDocument());
    expect(() => planEdit(read, read.doc, { kind: "activate", scenario: "base" })).toThrow(/newer version/);
  });

  it("naming an edition this add-in does not ship: read-only ('future')", () => {
    const cells = sheetOf();
    cells[2]![1] = "2031.01-1";
    const read = readSheet(cells);
    expect(read.status).toBe("future");
    expect(read.warning).toMatch(/B3 names the price book "2031.01-1".*Update the add-in/);
  });

  it.each([
    ["no header row", (c: unknown[][]) => (c[5]![0] = "Keys"), /no header row/],
    [
      "no schema",
      (c: unknown[][]) => (c[1]![1] = "one"),
      /B2 should hold the schema number 1; it holds the text "one"/,
    ],
    ["a damaged edition", (c: unknown[][]) => (c[2]![1] = ""), /B3 should name a price-book edition/],
  ])("with %s: read-only ('corrupt'), the defaults, a warning saying what to restore", (_what, damage, warning) => {
    const cells = sheetOf(docWith({ "facility.pue": 1.1 }));
    damage(cells);
    const read = readSheet(cells);
    expect(read.status).toBe("corrupt");
    expect(read.warning).toMatch(warning);
    expect(read.doc).toEqual(emptyDocument());
  });

  it.each([null, undefined, 42, "text", [null], [[{}]], [["GPU Cost assumptions"], 7], { length: 3 }])(
    "never throws on %j",
    (grid) => {
      expect(() => readSheet(grid)).not.toThrow();
      expect(readSheet(grid).status).toBe("corrupt");
    },
  );
});

describe("writing a patch touches only its cells", () => {
  const cells = sheetOf(docWith({ "facility.pue": 1.1, "facility.electricity": 0.1 }));
  const read = readSheet(cells);
  const pue = rowOf(cells, "facility.pue");
  const plan = (patch: Patch) => planEdit(read, read.doc, patch);
  const writesOf = (edit: SheetEdit) =>
    edit.kind === "cells" ? edit.writes.map((w) => `${cellName(w.row, w.column)}=${w.value}`) : [];

  it("set: the value and its time, nothing else", () => {
    expect(
      writesOf(plan({ kind: "set", scenario: "base", key: "facility.pue", entry: { value: 1.2, changedAt: T0 } })),
    ).toEqual([`G${pue + 1}=1.2`]);
    const later = "2026-11-26T00:00:00.000Z";
    expect(
      writesOf(plan({ kind: "set", scenario: "base", key: "facility.pue", entry: { value: 1.2, changedAt: later } })),
    ).toEqual([`G${pue + 1}=1.2`, `H${pue + 1}=${later}`]);
  });

  it("reset: clears the value and its time", () => {
    expect(writesOf(plan({ kind: "set", scenario: "base", key: "facility.pue", entry: null }))).toEqual([
      `G${pue + 1}=`,
      `H${pue + 1}=`,
    ]);
  });

  it("a key whose row was deleted gets a row at the end, with its reference cells", () => {
    const without = cells.filter((r) => r[0] !== "facility.colocation");
    const r2 = readSheet(without);
    const edit = planEdit(r2, r2.doc, {
      kind: "set",
      scenario: "base",
      key: "facility.colocation",
      entry: { value: 150, changedAt: T0 },
    });
    const after = cellsAfter(without, edit);
    const row = after[after.length - 1]!;
    expect(row.slice(0, 8)).toEqual([
      "facility.colocation",
      "colocation",
      "USD/kW-month",
      175,
      expect.any(String),
      expect.any(String),
      150,
      T0,
    ]);
    expect(readSheet(after).doc.scenarios.base!["facility.colocation"]).toEqual({ value: 150, changedAt: T0 });
  });

  it("a key on two rows cannot be set until one is deleted; nothing is written", () => {
    const twice = [...cells, ["facility.pue", "", "", "", "", "", 1.3]];
    const r2 = readSheet(twice);
    expect(() =>
      planEdit(r2, r2.doc, {
        kind: "set",
        scenario: "base",
        key: "facility.pue",
        entry: { value: 1.2, changedAt: T0 },
      }),
    ).toThrow(/appears more than once .*\('GPU Assumptions'!A\d+ and 'GPU Assumptions'!A\d+\); delete all but one row/);
  });

  it("add, switch and remove a scenario: header cells, the active cell, then cleared columns", () => {
    const add = plan({
      kind: "addScenario",
      scenario: "bull",
      overrides: { "facility.pue": { value: 1.05, changedAt: T0 } },
    });
    expect(writesOf(add)).toEqual(["I6=bull", `J6=${CHANGED_AT}`, `I${pue + 1}=1.05`, `J${pue + 1}=${T0}`]);
    const withBull = cellsAfter(cells, add);
    const r2 = readSheet(withBull);
    expect(writesOf(planEdit(r2, r2.doc, { kind: "activate", scenario: "bull" }))).toEqual(["B4=bull"]);
    const active = readSheet(cellsAfter(withBull, planEdit(r2, r2.doc, { kind: "activate", scenario: "bull" })));
    expect(writesOf(planEdit(active, active.doc, { kind: "removeScenario", scenario: "bull" }))).toEqual([
      "I6=",
      "J6=",
      `I${pue + 1}=`,
      `J${pue + 1}=`,
      "B4=base",
    ]);
  });

  it("reset all of a scenario clears its columns, bad cells included (the user asked)", () => {
    const bad = cells.map((r) => [...r]);
    bad[rowOf(bad, "facility.colocation")]![6] = "lots";
    const r2 = readSheet(bad);
    expect(r2.problems).toHaveLength(1);
    const after = cellsAfter(bad, planEdit(r2, r2.doc, { kind: "resetScenario", scenario: "base", overrides: {} }));
    expect(readSheet(after).problems).toEqual([]);
    expect(readSheet(after).doc.scenarios.base).toEqual({});
  });

  it("never writes a cell it did not mean to: a bad cell of another key stays as the user typed it", () => {
    const bad = cells.map((r) => [...r]);
    const colo = rowOf(bad, "facility.colocation");
    bad[colo]![6] = "lots";
    const r2 = readSheet(bad);
    const edit = planEdit(r2, r2.doc, {
      kind: "set",
      scenario: "base",
      key: "facility.pue",
      entry: { value: 1.3, changedAt: T0 },
    });
    expect(cellsAfter(bad, edit)[colo]![6]).toBe("lots");
  });

  it("an import writes only the cells that differ", () => {
    const doc = docWith({ "facility.pue": 1.1, "facility.colocation": 150 });
    expect(writesOf(plan({ kind: "replace", doc }))).toEqual([
      `G${rowOf(cells, "facility.electricity") + 1}=`,
      `H${rowOf(cells, "facility.electricity") + 1}=`,
      `G${rowOf(cells, "facility.colocation") + 1}=150`,
      `H${rowOf(cells, "facility.colocation") + 1}=${T0}`,
    ]);
  });

  it("without a sheet, the first edit creates one holding the whole document", () => {
    const edit = planEdit(undefined, docWith({ "facility.pue": 1.1 }), {
      kind: "set",
      scenario: "base",
      key: "facility.electricity",
      entry: { value: 0.1, changedAt: T0 },
    });
    expect(edit.kind).toBe("create");
    expect(readSheet(cellsAfter([], edit)).doc.scenarios.base).toEqual({
      "facility.pue": { value: 1.1, changedAt: T0 },
      "facility.electricity": { value: 0.1, changedAt: T0 },
    });
  });
});

describe("addresses", () => {
  it("names columns as Excel does", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
    expect(cellName(11, 6)).toBe("G12");
  });
});
