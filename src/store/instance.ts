import type { Backend, ExcelHost, MemoryBackend, WorkbookContent } from "./backend";
import { ExcelBackend } from "./excelBackend";
import type { SheetEdit } from "./sheetCore";
import { AssumptionStore } from "./store";

/**
 * The one store of this JavaScript runtime. In Excel the task pane and the custom functions
 * share a runtime (SharedRuntime), so they share this instance: an edit in the pane reaches
 * every cell without a round trip through the workbook.
 */
let instance: AssumptionStore | undefined;

/**
 * A test seam: the headless-browser and bundle tests put a fake Excel here
 * (test/harness/fakeExcel.ts). Never set in production, where the store uses office.js's `Excel`.
 */
declare global {
  var __GPU_COST_EXCEL__: ExcelHost | undefined;
}

/**
 * The workbook in memory (./backend), outside Excel only (the CLI, a browser without Office):
 * loaded on demand, so that the functions bundle Excel loads does not carry it (issue 15).
 */
async function memoryBackend(source?: string | WorkbookContent): Promise<MemoryBackend> {
  const { MemoryBackend } = await import(/* webpackChunkName: "store-memory" */ "./backend");
  return new MemoryBackend(source);
}

async function chooseBackend(): Promise<Backend> {
  const fake = globalThis.__GPU_COST_EXCEL__;
  if (fake) return new ExcelBackend(fake);
  if (typeof Office === "undefined") return memoryBackend();
  const info = await Office.onReady();
  if (info.host === Office.HostType.Excel && typeof Excel !== "undefined") return new ExcelBackend(Excel);
  return memoryBackend();
}

/** A backend chosen asynchronously (Office tells where it runs): every call waits for it. */
class DeferredBackend implements Backend {
  constructor(private readonly chosen: Promise<Backend>) {}
  async read() {
    return (await this.chosen).read();
  }
  async update(plan: (content: WorkbookContent) => SheetEdit) {
    return (await this.chosen).update(plan);
  }
  watch(listener: () => void) {
    void this.chosen.then((backend) => backend.watch(listener));
  }
  async show() {
    return (await this.chosen).show();
  }
}

/**
 * Outside Excel (the gpu-cost CLI): compute with these assumptions: a 0.1 settings text or an
 * exported file's (undefined for the shipped defaults), or a workbook's content (its sheet's
 * cells). Must be called before the first function call of the process.
 */
export function useAssumptions(source: string | WorkbookContent | undefined): AssumptionStore {
  if (instance) throw new Error("useAssumptions must be called before the first function call.");
  instance = new AssumptionStore(new DeferredBackend(memoryBackend(source)));
  return instance;
}

/** The store; created on first use. Nothing is written to the workbook on open. */
export function assumptionStore(): AssumptionStore {
  instance ??= new AssumptionStore(new DeferredBackend(chooseBackend()));
  return instance;
}
