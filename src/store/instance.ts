import { MemoryBackend, WorkbookSettingsBackend, type Backend, type ExcelHost } from "./backend";
import { AssumptionStore } from "./store";

/**
 * The one store of this JavaScript runtime. In Excel the task pane and the custom functions
 * share a runtime (SharedRuntime), so they share this instance: an edit in the pane reaches
 * every cell without a round trip through the workbook.
 */
let instance: AssumptionStore | undefined;

/** How often the store re-reads the workbook, for hosts that do not signal co-authors' saves. */
export const POLL_MS = 15_000;

/**
 * A test seam: the headless-browser tests put a mock Excel here (see test/browser). Never set
 * in production, where the store uses office.js's `Excel`.
 */
declare global {
  var __GPU_COST_EXCEL__: ExcelHost | undefined;
}

async function chooseBackend(): Promise<{ backend: Backend; inExcel: boolean }> {
  const mock = globalThis.__GPU_COST_EXCEL__;
  if (mock) return { backend: new WorkbookSettingsBackend(mock), inExcel: true };
  if (typeof Office === "undefined") return { backend: new MemoryBackend(), inExcel: false };
  const info = await Office.onReady();
  if (info.host === Office.HostType.Excel && typeof Excel !== "undefined") {
    return { backend: new WorkbookSettingsBackend(Excel), inExcel: true };
  }
  return { backend: new MemoryBackend(), inExcel: false };
}

/** A backend that waits for Office to tell where it runs before the first read. */
class DeferredBackend implements Backend {
  private readonly chosen = chooseBackend();
  async read() {
    return (await this.chosen).backend.read();
  }
  async write(text: string) {
    return (await this.chosen).backend.write(text);
  }
  watch(listener: () => void) {
    void this.chosen.then(({ backend, inExcel }) => {
      backend.watch(listener);
      if (inExcel) {
        const timer = setInterval(listener, POLL_MS) as unknown as { unref?: () => void };
        timer.unref?.(); // Node (tests, CLI): never keep the process alive for polling.
      }
    });
  }
  async inExcel() {
    return (await this.chosen).inExcel;
  }
}

/**
 * Outside Excel (the gpu-cost CLI): compute with this assumptions document (a workbook's stored
 * text or an exported file; undefined for the shipped defaults). Must be called before the
 * first function call of the process.
 */
export function useAssumptions(text: string | undefined): AssumptionStore {
  if (instance) throw new Error("useAssumptions must be called before the first function call.");
  instance = new AssumptionStore(new MemoryBackend(text));
  return instance;
}

export function assumptionStore(): AssumptionStore {
  if (!instance) {
    const backend = new DeferredBackend();
    const store = new AssumptionStore(backend);
    instance = store;
    void store.ready.then(async () => {
      if (await backend.inExcel()) await store.pinEdition().catch(() => undefined);
    });
  }
  return instance;
}
