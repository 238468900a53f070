/**
 * The settings backend against office-addin-mock's Excel object model: writes go through
 * `settings.add` and a sync, and the change event is subscribed. (Reads are tested on
 * test/harness/fakeExcel.js, which models `isNullObject`; OfficeMockObject cannot.)
 */
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import { WorkbookSettingsBackend, type ExcelHost } from "../../src/store/backend";
import { SETTINGS_KEY, assertFits, SETTINGS_LIMIT_BYTES } from "../../src/store/document";

function mockExcel() {
  const added: [string, unknown][] = [];
  const handlers: unknown[] = [];
  const data = {
    context: {
      workbook: {
        settings: {
          add: (key: string, value: unknown) => added.push([key, value]),
          onSettingsChanged: { add: (handler: unknown) => handlers.push(handler) },
        },
      },
    },
    run: async function (batch: (context: unknown) => Promise<unknown>) {
      return batch((this as unknown as { context: unknown }).context);
    },
  };
  return { excel: new OfficeMockObject(data) as unknown as ExcelHost, added, handlers };
}

describe("workbook settings backend", () => {
  it("writes the document under its settings key", async () => {
    const { excel, added } = mockExcel();
    await new WorkbookSettingsBackend(excel).write('{"schema":1}');
    expect(added).toEqual([[SETTINGS_KEY, '{"schema":1}']]);
  });

  it("subscribes to the workbook's settings-changed event", async () => {
    const { excel, handlers } = mockExcel();
    new WorkbookSettingsBackend(excel).watch(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(handlers).toHaveLength(1);
  });
});

describe("settings size limit", () => {
  it("refuses a document over Office's 2 MB before saving, saying why", () => {
    expect(() => assertFits("x".repeat(SETTINGS_LIMIT_BYTES / 2 + 1))).toThrow(/over Office's 2 MB limit/);
    expect(() => assertFits("x".repeat(SETTINGS_LIMIT_BYTES / 2))).not.toThrow();
  });
});
