/**
 * Co-authors: several people, each with the add-in, editing one workbook at once. Their edits
 * go to different cells of the sheet (different keys) or the same cell (the same key), and
 * reach each other's stores through Excel's change events (source Remote).
 */
import { describe, expect, it } from "vitest";
import { SHEET_NAME } from "../../src/store/sheet";
import { FakeWorkbook } from "../harness/fakeExcel";
import { cellOf, open, pue, settle, sheetDoc, until } from "./helpers";

describe("two co-authors", () => {
  it("editing different keys at the same moment: both edits are kept, and each sees the other's", async () => {
    const wb = new FakeWorkbook();
    const alice = await open(wb);
    const bob = await open(wb, wb.session());
    await alice.set("facility.colocation", 150); // the sheet exists
    await until(() => bob.snapshot.location === "sheet", "Bob reading the new sheet");
    wb.syncDelayMs = 5; // both read before either writes
    const order: string[] = [];
    wb.beforeSync = (session) => order.push(session === wb.user ? "a" : "b");
    await Promise.all([alice.set("facility.pue", 1.1), bob.set("facility.electricity", 0.1)]);
    wb.beforeSync = undefined;
    expect(order.join("")).toMatch(/^(ab|ba)+$/); // interleaved: neither batch ran alone
    expect(sheetDoc(wb).scenarios.base).toMatchObject({
      "facility.pue": { value: 1.1 },
      "facility.electricity": { value: 0.1 },
      "facility.colocation": { value: 150 },
    });
    await until(() => alice.book().facility.electricityUsdPerKwh === 0.1 && pue(bob) === 1.1, "both edits everywhere");
  });

  it("their first edits at once: one creates the sheet, the other writes into it; both are kept", async () => {
    const wb = new FakeWorkbook();
    const alice = await open(wb);
    const bob = await open(wb, wb.session());
    wb.syncDelayMs = 5;
    await Promise.all([alice.set("facility.pue", 1.1), bob.set("facility.electricity", 0.1)]);
    expect(wb.sheetNames()).toEqual([SHEET_NAME]);
    expect(sheetDoc(wb).scenarios.base).toMatchObject({
      "facility.pue": { value: 1.1 },
      "facility.electricity": { value: 0.1 },
    });
  });

  it("editing the same key: the later write wins and both see it", async () => {
    const wb = new FakeWorkbook();
    const alice = await open(wb);
    const bob = await open(wb, wb.session());
    await alice.set("facility.colocation", 150);
    await until(() => bob.snapshot.location === "sheet", "Bob reading the new sheet");
    wb.syncDelayMs = 5;
    await Promise.all([alice.set("facility.pue", 1.1), bob.set("facility.pue", 1.2)]);
    const final = sheetDoc(wb).scenarios.base!["facility.pue"]!.value;
    expect([1.1, 1.2]).toContain(final);
    await until(() => pue(alice) === final && pue(bob) === final, "both on the final value");
  });

  it("a co-author's edit reaches the other store through a Remote change event, with no polling", async () => {
    const wb = new FakeWorkbook();
    const alice = await open(wb);
    await alice.set("facility.pue", 1.1);
    const bob = await open(wb, wb.session());
    let heard = 0;
    bob.subscribe(() => heard++);
    await settle(20); // the event registrations
    const idle = wb.syncs;
    await settle(100);
    expect(wb.syncs).toBe(idle); // nothing reads while nothing changes
    await alice.set("facility.pue", 1.2);
    await until(() => pue(bob) === 1.2, "Bob hearing Alice");
    expect(heard).toBe(1);
  });

  it("a co-author typing straight into the sheet reaches the store", async () => {
    const wb = new FakeWorkbook();
    const alice = await open(wb);
    await alice.set("facility.pue", 1.1);
    const bob = wb.session();
    bob.type(SHEET_NAME, cellOf(wb, "facility.pue"), "1.3");
    await until(() => pue(alice) === 1.3, "Alice hearing Bob's typing");
  });

  it("where Excel has no worksheet events, the store polls instead", async () => {
    const wb = new FakeWorkbook();
    wb.supportsEvents = false;
    const alice = await open(wb);
    await alice.set("facility.pue", 1.1);
    wb.session().type(SHEET_NAME, cellOf(wb, "facility.pue"), "1.3");
    await until(() => pue(alice) === 1.3, "the poll reading Bob's typing");
  });

  it("a sheet created by a co-author is found (the worksheet-added event)", async () => {
    const wb = new FakeWorkbook();
    const alice = await open(wb);
    const bob = await open(wb, wb.session());
    await bob.set("facility.pue", 1.15);
    await until(() => pue(alice) === 1.15, "Alice finding Bob's new sheet");
    expect(alice.snapshot.location).toBe("sheet");
  });
});
