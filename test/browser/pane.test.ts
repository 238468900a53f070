/**
 * The task pane in headless Chromium, over the built taskpane.html and a mocked Excel, used as a
 * person uses it: clicks, keys typed one at a time with pauses, Enter and Escape. What it
 * proves: what people type survives every update (search, a row's unsaved text, focus), the
 * first screen is laid out for the job, edits are validated and saved in the workbook, and the
 * functions compute with them.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { bookFor, EDITIONS, FOUNDING_EDITION, LATEST_EDITION } from "../../src/pricing";
import { AssumptionStore } from "../../src/store/store";
import { countsText, groupChanges } from "../../src/taskpane/edition";
import { groupsOf } from "../../src/taskpane/layout";
import {
  coAuthorSets,
  enter,
  focused,
  KEY_DELAY,
  priceOf,
  putStoredText,
  screenshot,
  typeInto,
  workbookState,
  paneSuite,
} from "./helpers";

const suite = paneSuite();

const driver = (page: Page, key: string) => page.locator(`#drivers input[data-key="${key}"]`);
const row = (page: Page, key: string) => page.locator(`#groups input[data-key="${key}"]`);
const search = (page: Page) => page.locator('[data-control="search"]');

describe("what people type survives every update", () => {
  let page: Page;

  it("keeps every key typed into the search box, one at a time (issue 14: 'pue' used to leave 'e')", async () => {
    page = await suite.open();
    await enter(driver(page, "method.decode_batch"), "2"); // a first change: the workbook now stores assumptions
    await expect.poll(() => priceOf(page, "method.decode_batch")).toBe(2);
    await search(page).click();
    await page.keyboard.type("pue", { delay: 60 });
    expect(await search(page).inputValue()).toBe("pue");
    expect(await focused(page)).toBe("input#search");
    // The search found PUE, opened its group and hid the key drivers.
    await expect.poll(() => page.locator("#group-facility .count").textContent()).toBe("1 of 8");
    expect(await page.locator("#group-facility").getAttribute("open")).not.toBeNull();
    expect(await row(page, "facility.pue").isVisible()).toBe(true);
    expect(await page.locator("#drivers").isVisible()).toBe(false);
    // More keys after results arrived, then deleting them, still edit the same box.
    await page.keyboard.type(" 1", { delay: KEY_DELAY });
    expect(await search(page).inputValue()).toBe("pue 1");
    await expect.poll(() => page.locator("#groups [data-row]").count()).toBe(0);
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await expect.poll(() => page.locator("#groups [data-row]").count()).toBe(1);
    expect(await search(page).inputValue()).toBe("pue");
  });

  it("keeps the search, the focus and the caret when a co-author saves", async () => {
    await coAuthorSets(page, "facility.electricity", 0.09);
    await expect.poll(() => priceOf(page, "facility.electricity")).toBe(0.09);
    expect(await search(page).inputValue()).toBe("pue");
    expect(await focused(page)).toBe("input#search");
    await page.keyboard.press("Home");
    await page.keyboard.type("facility.", { delay: KEY_DELAY });
    expect(await search(page).inputValue()).toBe("facility.pue");
    await typeInto(search(page), "");
  });

  it("keeps a row's unsaved text, focus and caret when a co-author saves another key", async () => {
    const pue = driver(page, "facility.pue");
    await typeInto(pue, "1.3");
    await coAuthorSets(page, "facility.colocation", 160);
    await expect.poll(() => priceOf(page, "facility.colocation")).toBe(160);
    expect(await pue.inputValue()).toBe("1.3");
    expect(await focused(page)).toBe("input#facility.pue");
    await page.keyboard.type("5", { delay: KEY_DELAY });
    expect(await pue.inputValue()).toBe("1.35");
    // Typing in the middle: the caret stays where the person put it.
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("2", { delay: KEY_DELAY });
    expect(await pue.inputValue()).toBe("1.325");
  });

  it("keeps unsaved text when a co-author changes the same key, and says so", async () => {
    const pue = driver(page, "facility.pue");
    await coAuthorSets(page, "facility.pue", 1.2);
    await expect
      .poll(() => page.locator('#drivers [data-row="facility.pue"] .remote').textContent())
      .toBe("The workbook now has 1.2 (changed while you typed): Enter saves your text, Escape takes 1.2.");
    expect(await pue.inputValue()).toBe("1.325");
    expect(await focused(page)).toBe("input#facility.pue");
    // Enter saves the person's text over the co-author's value.
    await pue.press("Enter");
    await expect.poll(() => priceOf(page, "facility.pue")).toBe(1.325);
    await expect.poll(() => page.locator('#drivers [data-row="facility.pue"] .remote').isVisible()).toBe(false);
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/Saved PUE = 1\.325 ratio/);
  });

  it("keeps unsaved text through an undo and a scenario switch, and Escape drops it", async () => {
    const mfu = driver(page, "method.training_mfu");
    await typeInto(mfu, "0.5");
    await page.locator('[data-control="undo"]').click();
    await expect.poll(() => priceOf(page, "facility.pue")).toBe(1.2); // the co-author's value is back
    expect(await mfu.inputValue()).toBe("0.5");
    await page.locator('[data-control="add-scenario"]').click();
    await page.locator("#new-scenario").pressSequentially("bull", { delay: KEY_DELAY });
    await page.locator("#new-scenario").press("Enter");
    await expect.poll(() => page.locator("#scenario").inputValue()).toBe("bull");
    expect(await mfu.inputValue()).toBe("0.5");
    await page.locator("#scenario").selectOption("base");
    await expect.poll(() => page.locator("#scenario").inputValue()).toBe("base");
    expect(await mfu.inputValue()).toBe("0.5");
    await mfu.click();
    await mfu.press("Escape");
    await expect.poll(() => mfu.inputValue()).toBe("0.375");
    expect(await priceOf(page, "method.training_mfu")).toBe(0.375);
    await page.context().close();
  });
});

describe("the first screen", () => {
  let page: Page;
  // The workbook's edition (openPane's default: 2023.10-1), as the pane shows it.
  const groups = groupsOf(bookFor(new Map(), FOUNDING_EDITION));

  it("opens on the key drivers, then the groups collapsed with their counts", async () => {
    page = await suite.open();
    const keys = await page.locator("#drivers input.num").evaluateAll((els) => els.map((e) => e.dataset.key));
    expect(keys).toEqual([
      "h100-sxm.node_price",
      "h100-sxm.gpu_price",
      "aws.p5.48xlarge.ondemand",
      "aws.p5.48xlarge.reserved1y",
      "aws.p5.48xlarge.reserved3y",
      "method.training_mfu",
      "method.decode_batch",
      "facility.electricity",
      "facility.pue",
      "facility.depreciation_years",
      "finance.cost_of_capital",
    ]);
    expect(await page.locator("#drivers .driver-heading:not([hidden])").allTextContents()).toEqual([
      "H100-SXM",
      "Utilisation",
      "Facility and finance",
    ]);
    expect(await page.locator("#drivers-note").textContent()).toMatch(/No cell of this workbook names a chip/);
    const summaries = await page.locator("#groups > details > summary").allTextContents();
    expect(summaries.map((s) => s.replace(/\s+/g, " ").trim())).toEqual(
      groups.map((g) => `${g.name} ${g.assumptions.length}`),
    );
    expect(summaries.length).toBe(groups.length);
    expect(await page.locator("#groups details[open]").count()).toBe(0);
    // Nothing of a closed group is built: the first screen is small.
    expect(await page.locator("#groups input").count()).toBe(0);
    expect(await page.locator("input.num").count()).toBe(keys.length);
    // Nor a driver's lines with nothing to say (a refusal, a co-author's value, Reset, a source).
    expect(
      await page.locator("#drivers :is(.message, .remote, .problem, .meta, .why, [data-reset], .base)").count(),
    ).toBe(0);
    // A focused driver shows its source line; the edition's note on it, a chunk of its own,
    // loads when "Why this figure" is first opened.
    const notesLoaded = () =>
      page.evaluate(() => performance.getEntriesByType("resource").some((e) => /\/notes-[^/]*\.js$/.test(e.name)));
    expect(await notesLoaded()).toBe(false);
    await driver(page, "facility.pue").click();
    const row = page.locator('#drivers [data-row="facility.pue"]');
    await expect
      .poll(() => row.locator(".meta").textContent())
      .toMatch(/^Default 1\.25 ratio · Epoch AI.* · as of 2024$/);
    expect(await notesLoaded()).toBe(false);
    await row.locator(".why > summary").click();
    await expect.poll(() => row.locator(".why .note").textContent()).toMatch(/hyperscalers run at about 1\.1\s*$/);
    expect(await notesLoaded()).toBe(true);
    await row.locator(".why > summary").click(); // closed again: the note goes
    await expect.poll(() => row.locator(".why .note").count()).toBe(0);
    await page.locator("#search").click(); // leave the field as it was
  });

  it("shows the accelerators as a table: a row per chip, a column per figure", async () => {
    await page.locator("#group-accelerators > summary").click();
    await page.locator("#group-accelerators tbody tr").first().waitFor(); // rendered on opening
    const accelerators = groups.find((g) => g.name === "Accelerators")!;
    const chips = await page
      .locator("#group-accelerators tbody th")
      .evaluateAll((els) => els.map((e) => e.childNodes[0]?.textContent?.trim()));
    expect(chips).toEqual(accelerators.table!().rows.map((r) => r.label));
    expect(chips).toContain("H100-SXM");
    const columns = await page.locator("#group-accelerators thead th").allTextContents();
    expect(columns.length).toBe(accelerators.table!().columns.length + 1);
    expect(columns.join("|")).toMatch(/Node purchase price\s*USD/);
    // A chip sold only as a service has no purchase price: a dash, not a field.
    const tpu = page.locator('#group-accelerators tr[data-row="tpu-v5e"]');
    expect(await tpu.locator("td.na").count()).toBeGreaterThan(0);
    expect(await tpu.locator('input[data-key="tpu-v5e.node_price"]').count()).toBe(0);
    // Focusing a figure shows its source and date under the table.
    await page.locator('#group-accelerators input[data-key="h100-sxm.node_price"]').click();
    await expect
      .poll(() => page.locator("#group-accelerators .cell-detail").textContent())
      .toMatch(/H100-SXM node purchase price[\s\S]*Default 248,956 USD · Epoch AI[\s\S]*as of 2023-09/);
  });

  it("edits a figure in the table, key by key", async () => {
    const cell = page.locator('#group-accelerators input[data-key="h100-sxm.node_price"]');
    await enter(cell, "270,480");
    await expect.poll(() => priceOf(page, "h100-sxm.node_price")).toBe(270_480);
    await expect.poll(() => cell.inputValue()).toBe("270480");
    // The key driver shows the same figure: one model per key.
    expect(await driver(page, "h100-sxm.node_price").inputValue()).toBe("270480");
    expect((await page.locator("#group-accelerators .changed-count").textContent())?.trim()).toBe("1 changed");
  });

  it("shows the cloud rates as a table too, with the chip each instance carries", async () => {
    await page.locator("#group-cloud-rates > summary").click();
    const p5 = page.locator('#group-cloud-rates tr[data-row="aws.p5.48xlarge"]');
    expect(await p5.locator("th").textContent()).toMatch(/aws p5\.48xlarge\s*H100-SXM/);
    expect(await p5.locator('input[data-key="aws.p5.48xlarge.ondemand"]').inputValue()).toBe("98.32");
    expect(await page.locator("#group-cloud-rates thead th").allTextContents()).toEqual(
      expect.arrayContaining(["Instance", "On demandUSD/h", "GPUsGPUs"]),
    );
  });

  it("shows the active scenario's values beside base's", async () => {
    await page.locator('[data-control="add-scenario"]').click();
    await page.locator("#new-scenario").pressSequentially("bear", { delay: KEY_DELAY });
    await page.locator('[data-control="create-scenario"]').click();
    await expect.poll(() => page.locator("#scenario").inputValue()).toBe("bear");
    await enter(driver(page, "facility.pue"), "1.4");
    await expect.poll(() => priceOf(page, "facility.pue")).toBe(1.4);
    const pue = page.locator('#drivers [data-row="facility.pue"] .base');
    await expect.poll(() => pue.textContent()).toBe("1.25");
    expect(await page.locator(".driver-columns").textContent()).toMatch(/bear\s*base/);
    await expect.poll(() => pue.getAttribute("class")).toContain("differs");
    // The node price was changed in base before the copy: the same in both.
    expect(await page.locator('#drivers [data-row="h100-sxm.node_price"] .base').textContent()).toBe("270,480");
    await expect
      .poll(() => page.locator('#drivers [data-row="h100-sxm.node_price"] .base').getAttribute("class"))
      .not.toContain("differs");
    expect(await page.locator(".edition").textContent()).toMatch(/"bear" beside base/);
    await page.locator("#group-cloud-rates > summary").click(); // close it: the picture shows the chips
    await page.evaluate(() => {
      for (const t of document.querySelectorAll(".table-wrap")) t.scrollLeft = 0;
      window.scrollTo(0, 0);
    });
    await screenshot(page, "taskpane-scenario.png", { fullPage: true });
    await page.context().close();
  });
});

describe("key drivers follow the workbook", () => {
  it("shows the chips, providers and modes the workbook's cells name", async () => {
    const page = await suite.open({
      before: `window.__excelSheets = { Model: {
        A1: "Chip", B1: "A100-80GB",
        A2: "Cost", B2: '=GPU.CLUSTERCOST(8,B1,"ondemand",3,"aws")',
        A3: "Reserved", B3: '=GPU.CLUSTERCOST(8,"H100-SXM","reserved3y",3,"aws")',
        A4: "Other", B4: '=SUM(1,2)' } };`,
    });
    await expect
      .poll(() => page.locator("#drivers-note").textContent())
      .toBe("Chips named in this workbook's cells: A100-80GB, H100-SXM.");
    await expect
      .poll(() => page.locator("#drivers input.num").evaluateAll((els) => els.map((e) => e.dataset.key)))
      .toEqual([
        "a100-80gb.node_price",
        "a100-80gb.gpu_price",
        "aws.p4de.24xlarge.ondemand",
        "h100-sxm.node_price",
        "h100-sxm.gpu_price",
        "aws.p5.48xlarge.ondemand",
        "aws.p5.48xlarge.reserved3y", // named; reserved1y is not, so it is not a driver here
        "method.training_mfu",
        "method.decode_batch",
        "facility.electricity",
        "facility.pue",
        "facility.depreciation_years",
        "finance.cost_of_capital",
      ]);
    await page.context().close();
  });
});

describe("editing: validated, saved in the workbook, used by the functions", () => {
  let page: Page;

  it("refuses a bad value with a message naming the unit and range, and writes nothing", async () => {
    page = await suite.open();
    const before = await workbookState(page);
    const pue = driver(page, "facility.pue");
    await enter(pue, "0.5");
    const message = page.locator('#drivers [data-row="facility.pue"] .message');
    await expect.poll(() => message.textContent()).toMatch(/PUE must be from 1 up to 5 \(ratio\)/);
    expect(await pue.getAttribute("aria-invalid")).toBe("true");
    expect(await pue.inputValue()).toBe("0.5");
    await enter(pue, "lots");
    await expect.poll(() => message.textContent()).toMatch(/"lots" is not a number\. Enter a value in ratio/);
    expect(await workbookState(page)).toEqual(before);
    expect(await priceOf(page, "facility.pue")).toBe(1.25);
  });

  it("shows each figure's note from its edition, loaded after the first screen", async () => {
    // The notes are a chunk of their own per edition; this workbook records 2023.10-1.
    await page.locator("#group-facility > summary").click();
    await expect
      .poll(() => page.locator('#groups [data-row="facility.pue"] .meta').textContent())
      .toMatch(/^Default 1\.25 ratio · Epoch AI.* · as of 2024 · .*hyperscalers run at about 1\.1$/);
    await page.locator("#group-facility > summary").click();
  });

  it("saves a good value with the time of the change; Enter then leaving the field saves once", async () => {
    const pue = driver(page, "facility.pue");
    await enter(pue, "1.1");
    await page.keyboard.press("Tab");
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/Saved PUE = 1\.1 ratio/);
    expect(await priceOf(page, "facility.pue")).toBe(1.1);
    await page.locator("#group-facility > summary").click();
    await expect
      .poll(() => page.locator('#groups [data-row="facility.pue"] .meta').textContent())
      .toMatch(/· changed \d{4}-\d\d-\d\d \d\d:\d\d$/);
    await page.locator("#group-facility > summary").click();
    expect(await page.locator('[data-control="undo"]').textContent()).toMatch(/Undo set facility\.pue/);
    const electricity = driver(page, "facility.electricity");
    await enter(electricity, "12%");
    await expect
      .poll(() => page.locator('#drivers [data-row="facility.electricity"] .message').textContent())
      .toMatch(/percentage applies to fractions; electricity price is in USD\/kWh/);
  });

  it("lists the changed and the unsaved under 'Changed from defaults'", async () => {
    await page.locator('[data-control="changed-only"]').click();
    await expect
      .poll(() => page.locator("#groups [data-row]").evaluateAll((els) => els.map((e) => e.getAttribute("data-row"))))
      .toEqual(["facility.pue", "facility.electricity"]); // book order
    expect(await page.locator("#drivers").isVisible()).toBe(false);
    await row(page, "facility.electricity").click();
    await row(page, "facility.electricity").press("Escape");
    await expect.poll(() => page.locator("#groups [data-row]").count()).toBe(1);
    await page.locator('[data-control="changed-only"]').click();
    await expect.poll(() => page.locator("#drivers").isVisible()).toBe(true);
  });

  it("finds the value after a reload, and the functions compute with it", async () => {
    await page.reload();
    await driver(page, "facility.pue").waitFor();
    expect(await driver(page, "facility.pue").inputValue()).toBe("1.1");
    expect(await priceOf(page, "facility.pue")).toBe(1.1);
    const buy = await page.evaluate(() => (window as any).__callFunction("CLUSTERCOST", [8, "H100-SXM", "buy", 3], 6));
    const energy = 10.2 * 0.75 * 1.1 * 26_280 * 0.0806; // the 1.1 PUE in place of 1.25
    expect(buy.value).toBeCloseTo(248_956 / 0.81 + energy + 64_260 + 0.06 * 3 * (248_956 / 0.81), 2);
  });

  it("resets one value from its row", async () => {
    await page.locator('#drivers [data-reset="facility.pue"]').click();
    await expect.poll(() => priceOf(page, "facility.pue")).toBe(1.25);
    await expect.poll(() => driver(page, "facility.pue").inputValue()).toBe("1.25");
    expect(await page.locator("#status").textContent()).toMatch(/PUE reset to 1\.25 ratio/);
  });

  it("a failed save tells the user, keeps the text in the field and writes nothing", async () => {
    const before = await workbookState(page);
    await page.evaluate(() => {
      (window as any).__fakeWorkbook.failNextWrite = new Error("GeneralException: the workbook is read-only");
    });
    await enter(driver(page, "facility.depreciation_years"), "5");
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/Not saved: .*read-only/);
    expect(await driver(page, "facility.depreciation_years").inputValue()).toBe("5");
    expect(await page.locator('#drivers [data-row="facility.depreciation_years"] .message').textContent()).toMatch(
      /Not saved/,
    );
    expect(await workbookState(page)).toEqual(before);
    // Enter again: saved this time.
    await driver(page, "facility.depreciation_years").press("Enter");
    await expect.poll(() => priceOf(page, "facility.depreciation_years")).toBe(5);
    await page.context().close();
  });
});

describe("the pane tells the truth about saving", () => {
  /** The pane after a first change (the workbook then holds assumptions), with what Excel says of the file. */
  async function afterAChange(fileState?: string): Promise<Page> {
    const page = await suite.open(fileState ? { before: `window.__fakeFileState = ${fileState};` } : {});
    await enter(driver(page, "facility.pue"), "1.1");
    await expect.poll(() => priceOf(page, "facility.pue")).toBe(1.1);
    return page;
  }
  const saveState = (page: Page) =>
    page
      .locator("#save-state")
      .textContent()
      .then((t) => t?.replace(/\s+/g, " ").trim());

  it("says when AutoSave is off and the file must be saved", async () => {
    const page = await afterAChange("{ autoSave: false, isDirty: true, previouslySaved: true, readOnly: false }");
    await expect
      .poll(() => saveState(page))
      .toMatch(
        /^Saved in this workbook[^.]*\. AutoSave is off: save the file \(Ctrl\+S, or ⌘S on a Mac\) to keep your changes \(it has unsaved changes\)\./,
      );
    expect(await page.locator("#save-state").getAttribute("class")).toContain("warn");
    await page.context().close();
  });

  it("says when AutoSave is on", async () => {
    const page = await afterAChange("{ autoSave: true, isDirty: false, previouslySaved: true, readOnly: false }");
    await expect.poll(() => saveState(page)).toMatch(/^Saved in this workbook[^.]*\. AutoSave is on\./);
    expect(await page.locator("#save-state").getAttribute("class")).not.toContain("warn");
    await page.context().close();
  });

  it("says plainly when Excel does not tell", async () => {
    const page = await afterAChange();
    await expect
      .poll(() => saveState(page))
      .toMatch(
        /^Saved in this workbook[^.]*\. This version of Excel does not tell add-ins whether AutoSave is on: save the file to keep your changes\./,
      );
    await page.context().close();
  });
});

describe("a damaged stored document", () => {
  it("shows the defaults read-only with a warning, and the stored text to export", async () => {
    const page = await suite.open();
    await putStoredText(page, '{"schema":1,"scen');
    await page.reload();
    await driver(page, "facility.pue").waitFor();
    await expect.poll(() => page.locator("#read-only").textContent()).toMatch(/not valid JSON[\s\S]*read-only/);
    const before = await workbookState(page);
    expect(await driver(page, "facility.pue").getAttribute("readonly")).not.toBeNull();
    expect(await driver(page, "facility.pue").inputValue()).toBe("1.25");
    await enter(driver(page, "facility.pue"), "1.1"); // a read-only field takes no text
    expect(await page.locator('[data-control="reset-all"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-control="import"]').isDisabled()).toBe(true);
    await page.locator('[data-control="export-raw"]').click();
    expect(await page.locator("#export-text").inputValue()).toBe('{"schema":1,"scen');
    expect(await priceOf(page, "facility.pue")).toBe(1.25);
    expect(await workbookState(page)).toEqual(before); // never overwritten
    await page.context().close();
  });
});

describe("scenarios, reset all, import and export", () => {
  let page: Page;
  let exported: any;

  it("creates a scenario in the pane (no browser dialogs: Office blocks them) and switches", async () => {
    page = await suite.open();
    await page.locator('[data-control="add-scenario"]').click();
    await expect.poll(() => focused(page)).toBe("input#new-scenario");
    await page.keyboard.type("Bull", { delay: KEY_DELAY });
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#scenario").inputValue()).toBe("bull");
    await expect.poll(() => page.locator("#status").textContent()).toBe('Scenario "bull" created, a copy of "base".');
    await enter(driver(page, "facility.pue"), "1.05");
    await expect.poll(() => priceOf(page, "facility.pue")).toBe(1.05);
    await page.locator("#scenario").selectOption("base");
    await expect.poll(() => driver(page, "facility.pue").inputValue()).toBe("1.25");
    await page.locator("#scenario").selectOption("bull");
    await expect.poll(() => driver(page, "facility.pue").inputValue()).toBe("1.05");
  });

  it("asks before resetting everything, in the pane", async () => {
    await page.locator('[data-control="reset-all"]').click();
    await page.locator('[data-control="cancel-reset"]').click();
    expect(await priceOf(page, "facility.pue")).toBe(1.05);
    await page.locator('[data-control="reset-all"]').click();
    expect(await page.locator("#confirm-reset").textContent()).toMatch(/Reset every assumption of "bull"/);
    await page.locator('[data-control="confirm-reset"]').click();
    await expect.poll(() => priceOf(page, "facility.pue")).toBe(1.25);
  });

  it("exports by download, by the clipboard, or as text to copy (Excel for Mac blocks downloads)", async () => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.locator('[data-control="export"]').click();
    const shown = JSON.parse(await page.locator("#export-text").inputValue());
    expect(shown.activeScenario).toBe("bull");
    expect(Object.keys(shown.scenarios).sort()).toEqual(["base", "bull"]);
    exported = shown;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-control="download-export"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe("gpu-cost-assumptions.json");
    await page.locator('[data-control="copy-export"]').click();
    await expect.poll(() => page.locator("#status").textContent()).toBe("Copied to the clipboard.");
    expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(shown);
    await page.locator('[data-control="close-export"]').click();
    await expect.poll(() => page.locator("#export-panel").count()).toBe(0);
  });

  it("imports a file; a hostile file is refused with a message and changes nothing", async () => {
    const doc = structuredClone(exported);
    doc.scenarios.base = { "aws.p5.48xlarge.ondemand": { value: 60, changedAt: "2026-11-25T00:00:00Z" } };
    doc.activeScenario = "base";
    const file = (name: string, text: string) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });
    await page.locator("#import-file").setInputFiles(file("good.json", JSON.stringify(doc)));
    await expect.poll(() => driver(page, "aws.p5.48xlarge.ondemand").inputValue()).toBe("60");
    const before = await workbookState(page);
    const hostile = {
      ...doc,
      scenarios: { base: { "<img src=x onerror=alert(1)>": { value: 1, changedAt: "2026-11-25T00:00:00Z" } } },
    };
    await page.locator("#import-file").setInputFiles(file("hostile.json", JSON.stringify(hostile)));
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/not imported.*unknown key/);
    expect(await page.locator("img").count()).toBe(0); // the key was shown as text, not markup
    expect(await workbookState(page)).toEqual(before);
    await page.context().close();
  });
});

describe("screenshots", () => {
  it("the first screen, and an edit refused", async () => {
    const page = await suite.open({ height: 1000 });
    await enter(driver(page, "facility.pue"), "1.1");
    await expect.poll(() => priceOf(page, "facility.pue")).toBe(1.1);
    await enter(driver(page, "facility.electricity"), "12%");
    await expect
      .poll(() => page.locator('#drivers [data-row="facility.electricity"] .message').textContent())
      .not.toBe("");
    await screenshot(page, "taskpane.png");
    await page.context().close();
  });
});

// Active once the add-in ships a second edition (issue 10: 2026.11-1): a workbook on the older
// one is offered the update, its changes listed by group first.
describe.skipIf(EDITIONS.size < 2)("updating to the latest price book", () => {
  const oldest = [...EDITIONS.keys()][0]!;
  const now = bookFor(new Map(), oldest);
  const next = bookFor(new Map(), LATEST_EDITION);
  const changed = [...next.assumptions.values()].find((a) => now.assumptions.get(a.key)?.value !== a.value)!;

  it("lists what would change, grouped with counts, before the user accepts; Undo goes back", async () => {
    const page = await suite.open();
    await putStoredText(
      page,
      JSON.stringify({ schema: 1, bookVersion: oldest, activeScenario: "base", scenarios: { base: {} } }),
    );
    await page.reload();
    await page.locator("#edition-update").waitFor();
    const expected = groupChanges(
      [...new Set([...now.assumptions.keys(), ...next.assumptions.keys()])]
        .filter((k) => now.assumptions.get(k)?.value !== next.assumptions.get(k)?.value)
        .map((k) => ({
          key: k,
          label: (next.assumptions.get(k) ?? now.assumptions.get(k))!.label,
          from: now.assumptions.get(k)?.value,
          to: next.assumptions.get(k)?.value,
        })),
      now,
      next,
    );
    const summaries = await page.locator("#edition-update details.change-group > summary").allTextContents();
    expect(summaries.map((t) => t.replace(/\s+/g, " ").trim())).toEqual(
      expected.map((g) => `${g.name} ${g.lines.length} ${countsText(g)}`),
    );
    // Nothing listed until a group is opened: hundreds of lines stay unbuilt.
    expect(await page.locator("#edition-update li").count()).toBe(0);
    const group = expected.find((g) => g.lines.some((l) => l.key === changed.key))!;
    await page.locator(`#changes-${group.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")} > summary`).click();
    await expect.poll(() => page.locator("#edition-update li").count()).toBe(group.lines.length);
    expect(await priceOf(page, changed.key)).toBe(now.assumptions.get(changed.key)!.value);
    await page.locator('[data-control="update-edition"]').click();
    await expect.poll(() => priceOf(page, changed.key)).toBe(changed.value);
    await expect.poll(() => page.locator("#edition-update").count()).toBe(0);
    await page.locator('[data-control="undo"]').click();
    await expect.poll(() => priceOf(page, changed.key)).toBe(now.assumptions.get(changed.key)!.value);
    await page.context().close();
  });
});

// Active with the store that keeps assumptions on a sheet (issue 9): it reports the cells it could
// not use, where the assumptions are, and can show the sheet.
describe.skipIf(!("showSheet" in AssumptionStore.prototype))("the assumptions sheet", () => {
  it("lists the cells the store could not use with their addresses, and shows the sheet", async () => {
    const page = await suite.open();
    await enter(driver(page, "facility.pue"), "1.1");
    await expect.poll(() => priceOf(page, "facility.pue")).toBe(1.1);
    await expect.poll(() => page.locator("#save-state").textContent()).toMatch(/hidden sheet "GPU Assumptions"/);
    await coAuthorSets(page, "facility.pue", "lots"); // a co-author types text where the number belongs
    await expect
      .poll(() => page.locator("#problems").textContent())
      .toMatch(/1 cell of the workbook's assumptions could not be used[\s\S]*'GPU Assumptions'!G\d+[\s\S]*"lots"/);
    expect(await page.locator('#drivers [data-row="facility.pue"] .problem').textContent()).toMatch(
      /^'GPU Assumptions'!G\d+: /,
    );
    expect(await priceOf(page, "facility.pue")).toBe(1.25); // the default stands in
    await page.locator('[data-control="show-sheet"]').click();
    await expect.poll(() => page.locator("#status").textContent()).toBe("The assumptions sheet is shown.");
    await screenshot(page, "taskpane-problems.png");
    await page.context().close();
  });
});

// The first screen builds the key drivers and the groups' headers only: a group's rows (and the
// models behind them) are made when it is opened, and behave as every other row.
describe("a collapsed group builds its rows when opened", () => {
  it("makes a list group's rows on opening: editable key by key, unsaved text kept through a co-author's save", async () => {
    const page = await suite.open();
    const facility = groupsOf(bookFor(new Map(), FOUNDING_EDITION)).find((g) => g.name === "Facility")!;
    expect(await page.locator("#group-facility .row").count()).toBe(0);
    await page.locator("#group-facility > summary").click();
    const keys = await page
      .locator("#group-facility input.num")
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).dataset.key));
    expect(keys).toEqual(facility.assumptions.map((a) => a.key));
    expect(keys.length).toBe(8);
    // A row that is also a key driver shares its model: what is saved in the row shows in the driver.
    await enter(row(page, "facility.pue"), "1.3");
    await expect.poll(() => priceOf(page, "facility.pue")).toBe(1.3);
    await expect.poll(() => driver(page, "facility.pue").inputValue()).toBe("1.3");
    const colocation = row(page, "facility.colocation");
    expect(await colocation.inputValue()).toBe("175");
    await typeInto(colocation, "180");
    await coAuthorSets(page, "facility.operations", 0.08);
    await expect.poll(() => row(page, "facility.operations").inputValue()).toBe("0.08");
    expect(await colocation.inputValue()).toBe("180");
    expect(await focused(page)).toBe("input#facility.colocation");
    await page.keyboard.type("0", { delay: KEY_DELAY });
    expect(await colocation.inputValue()).toBe("1800");
    await colocation.press("Enter");
    await expect.poll(() => priceOf(page, "facility.colocation")).toBe(1800);
    await expect
      .poll(async () => (await page.locator("#group-facility .changed-count").textContent())?.trim())
      .toBe("3 changed");
    await page.context().close();
  });

  it("a search finds keys of closed groups, opens those groups and shows their rows", async () => {
    const page = await suite.open();
    await search(page).click();
    await page.keyboard.type("coloc", { delay: KEY_DELAY });
    await expect.poll(() => page.locator("#groups input.num").count()).toBe(1);
    expect(await row(page, "facility.colocation").inputValue()).toBe("175");
    expect(await page.locator("#group-facility").getAttribute("open")).not.toBeNull();
    expect((await page.locator("#group-facility .count").textContent())?.trim()).toBe("1 of 8");
    await page.context().close();
  });
});
