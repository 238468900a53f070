import { SETTINGS_KEY } from "./document";

/**
 * Where the assumptions document lives. The store only reads and writes one text through this
 * interface, so the Office side stays this small and the logic above it is testable in Node.
 */
export interface Backend {
  /** The stored text, or undefined when the workbook has none. */
  read(): Promise<string | undefined>;
  /** Stores the text; rejects when Office reports an error (nothing is then half-written). */
  write(text: string): Promise<void>;
  /** Calls `listener` when the stored text may have been changed elsewhere (a co-author). */
  watch(listener: () => void): void;
}

/** The part of the `Excel` namespace the backend uses (office.js in Excel, a mock in tests). */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * The workbook's settings (Excel.SettingCollection, ExcelApi 1.4): stored in the file, per
 * workbook and add-in, so every co-author and every copy of the file reads the same document.
 */
export class WorkbookSettingsBackend implements Backend {
  constructor(private readonly excel: ExcelHost) {}

  read(): Promise<string | undefined> {
    return this.excel.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      item.load("value");
      await context.sync();
      return item.isNullObject ? undefined : String(item.value);
    });
  }

  write(text: string): Promise<void> {
    return this.excel.run(async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, text);
      await context.sync();
    });
  }

  watch(listener: () => void): void {
    void this.excel
      .run(async (context) => {
        context.workbook.settings.onSettingsChanged.add(async () => listener());
        await context.sync();
      })
      .catch(() => {
        // Hosts without the event still get co-authors' changes through the store's polling.
      });
  }
}

/** Keeps the text in memory: outside Office (Node, the CLI, a browser without Excel) and in tests. */
export class MemoryBackend implements Backend {
  private readonly listeners = new Set<() => void>();
  constructor(private text: string | undefined = undefined) {}

  async read(): Promise<string | undefined> {
    return this.text;
  }

  async write(text: string): Promise<void> {
    this.text = text;
  }

  watch(listener: () => void): void {
    this.listeners.add(listener);
  }

  /** Simulates another author's save: changes the text and fires the change event. */
  external(text: string | undefined): void {
    this.text = text;
    for (const l of this.listeners) l();
  }
}
