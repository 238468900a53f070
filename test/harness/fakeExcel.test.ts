/**
 * The fake Excel keeps Excel's request semantics; the store's tests rely on each of these, so
 * each is checked here against what office.js documents.
 */
import { describe, expect, it } from "vitest";
import type { StoreContext } from "../../src/store/excelApi";
import { FakeExcelError, FakeWorkbook, coerce } from "./fakeExcel";

const run = <T>(wb: FakeWorkbook, batch: (c: StoreContext) => Promise<T>, delayForCellEdit = false) =>
  wb.excel().run({ delayForCellEdit }, batch);

describe("load and sync", () => {
  it("a property is readable only after load() and sync()", async () => {
    const wb = new FakeWorkbook();
    wb.putSheet("Data", [[1, 2]]);
    await run(wb, async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B1");
      // The rules of office-addins/* are what this checks the fake enforces: broken on purpose.
      /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([[1, 2]]);
      expect(() => range.formulas).toThrow(/PropertyNotLoaded/);
      /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
    });
  });

  it("writes are queued and applied at sync; a load sees the writes queued before it", async () => {
    const wb = new FakeWorkbook();
    wb.putSheet("Data", []);
    await run(wb, async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1");
      range.values = [[5]];
      expect(wb.grid("Data")).toEqual([]);
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([[5]]);
      expect(wb.grid("Data")).toEqual([[5]]);
    });
  });

  it("a failed sync applies nothing, not even the writes queued before the failing one", async () => {
    const wb = new FakeWorkbook();
    wb.putSheet("Data", [[1]]);
    await expect(
      run(wb, async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem("Data").getRange("A1").values = [[2]];
        sheets.getItem("Missing").getRange("A1").values = [[3]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(wb.grid("Data")).toEqual([[1]]);
    wb.failNextWrite = new Error("GeneralException: locked");
    await expect(
      run(wb, async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1").values = [[9]];
        await context.sync();
      }),
    ).rejects.toThrow(/locked/);
    expect(wb.grid("Data")).toEqual([[1]]);
  });

  it("null objects: isNullObject after sync, and using one fails the sync", async () => {
    const wb = new FakeWorkbook();
    await run(wb, async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Nope");
      sheet.load("name");
      // eslint-disable-next-line office-addins/call-sync-before-read -- what the fake must refuse
      expect(() => sheet.isNullObject).toThrow(/known after sync/);
      await context.sync();
      expect(sheet.isNullObject).toBe(true);
      expect(() => sheet.name).toThrow(/PropertyNotLoaded/);
      sheet.getRange("A1").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("an empty sheet's used range is a null object", async () => {
    const wb = new FakeWorkbook();
    wb.putSheet("Empty", []);
    await run(wb, async (context) => {
      const used = context.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject(true);
      used.load("values");
      await context.sync();
      expect(used.isNullObject).toBe(true);
    });
  });
});

describe("values cross a JSON boundary and are parsed as typed", () => {
  it("what a batch reads is a copy; NaN, Infinity and undefined leave a cell unchanged", async () => {
    const wb = new FakeWorkbook();
    wb.putSheet("Data", [[1, 2, 3]]);
    await run(wb, async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:C1");
      range.values = [[Number.NaN, Infinity, undefined]];
      range.load("values");
      await context.sync();
      range.values[0]![0] = 99;
    });
    expect(wb.grid("Data")).toEqual([[1, 2, 3]]);
  });

  it.each([
    ["1.5", 1.5],
    ["5%", 0.05],
    ["-2", -2],
    ["2023-07", 45108],
    ["TRUE", true],
    ["text", "text"],
  ])("the string %j written to a General cell is stored as %j", (input, stored) => {
    expect(coerce(input, "General").value).toEqual(stored);
    expect(coerce(input, "@").value).toBe(input);
  });

  it("a string starting with =, + or - is a formula unless the cell is text", () => {
    expect(coerce("=2", undefined)).toEqual({ value: 2, formula: "=2" });
    expect(coerce("-x", undefined)).toEqual({ value: "#NAME?", formula: "=-x" });
    expect(coerce("-x", "@")).toEqual({ value: "-x" });
  });

  it("a write must match the range's size", async () => {
    const wb = new FakeWorkbook();
    wb.putSheet("Data", []);
    await expect(
      run(wb, async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:B1").values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("worksheets", () => {
  it("add, find by name or id, rename, hide, and refuse a duplicate name", async () => {
    const wb = new FakeWorkbook();
    const id = await run(wb, async (context) => {
      const sheet = context.workbook.worksheets.add("One");
      sheet.load("id");
      await context.sync();
      return sheet.id;
    });
    await run(wb, async (context) => {
      const byId = context.workbook.worksheets.getItem(id);
      byId.name = "Two";
      byId.visibility = "Hidden";
      await context.sync();
    });
    expect(wb.sheet("Two")).toMatchObject({ id, visibility: "Hidden" });
    await expect(
      run(wb, async (context) => {
        context.workbook.worksheets.add("two");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  it("a hidden sheet cannot be activated; a very hidden one cannot be deleted", async () => {
    const wb = new FakeWorkbook();
    wb.putSheet("H", [[1]], "Hidden");
    wb.putSheet("V", [[1]], "VeryHidden");
    await expect(
      run(wb, async (context) => {
        context.workbook.worksheets.getItem("H").activate();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(
      wb.user.run({}, async (context) => {
        (context.workbook.worksheets.getItem("V") as unknown as { delete(): void }).delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

describe("cell edit mode", () => {
  it("a batch fails while the user edits a cell, unless it asks to wait (delayForCellEdit)", async () => {
    const wb = new FakeWorkbook();
    wb.user.editing = true;
    await expect(run(wb, async () => 1)).rejects.toBeInstanceOf(FakeExcelError);
    await expect(run(wb, async () => 1)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    const delayed = run(wb, async () => "ran", true);
    let settled = false;
    void delayed.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(settled).toBe(false);
    wb.user.editing = false;
    expect(await delayed).toBe("ran");
  });
});

describe("co-authors and events", () => {
  it("a change fires onChanged: Local (from this add-in) in its session, Remote in the other", async () => {
    const wb = new FakeWorkbook();
    wb.putSheet("Data", []);
    const alice = wb.user;
    const bob = wb.session();
    const heard: { who: string; source: string; trigger?: string }[] = [];
    const listen = (who: string, s: typeof alice) =>
      s.run({}, async (context) => {
        context.workbook.worksheets.onChanged.add(async (e) =>
          heard.push({ who, source: e.source, ...(e.triggerSource ? { trigger: e.triggerSource } : {}) }),
        );
        await context.sync();
      });
    await listen("alice", alice);
    await listen("bob", bob);
    await alice.run({}, async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [[1]];
      await context.sync();
    });
    bob.type("Data", "B2", "7");
    await new Promise((r) => setTimeout(r, 5));
    expect(heard).toEqual([
      { who: "alice", source: "Local", trigger: "ThisLocalAddin" },
      { who: "bob", source: "Remote", trigger: "Unknown" },
      { who: "alice", source: "Remote", trigger: "Unknown" },
      { who: "bob", source: "Local", trigger: "Unknown" },
    ]);
    expect(wb.grid("Data")).toEqual([
      [1, ""],
      ["", 7],
    ]);
  });

  it("a host without worksheet events refuses to register them", async () => {
    const wb = new FakeWorkbook();
    wb.supportsEvents = false;
    await expect(
      run(wb, async (context) => {
        context.workbook.worksheets.onChanged.add(async () => undefined);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("settings belong to one add-in install (office-js #840)", async () => {
    const wb = new FakeWorkbook();
    wb.setSetting("k", "sideloaded's", "sideloaded");
    const store = wb.session({ install: "store" });
    const read = (s: typeof store) =>
      s.run({}, async (context) => {
        const item = context.workbook.settings.getItemOrNullObject("k");
        item.load("value");
        await context.sync();
        return item.isNullObject ? undefined : item.value;
      });
    expect(await read(wb.user)).toBe("sideloaded's");
    expect(await read(store)).toBeUndefined();
  });
});
