/**
 * The pane's user interface, loaded as its own chunk (see ./taskpane.ts): the page's first
 * script registers the custom functions at once and stays small; this part arrives in
 * parallel (the page preloads it) and shows the pane.
 */
import type { AssumptionStore } from "../store/store";
import { PaneModel, type PaneHost } from "./paneModel";
import { compileFirstScreen, paneTemplate } from "./templates";
import { fileState, insertIntoSelection, usedCells } from "./workbook";

/** Excel, and functions.json served beside the pane. */
export const excelHost: PaneHost = {
  usedCells: () => usedCells(),
  fileState,
  insertIntoSelection,
  async functionsMetadata() {
    const response = await fetch("functions.json");
    if (!response.ok) throw new Error(`functions.json answered ${response.status}`);
    return response.json();
  },
};

// This chunk usually arrives before Office is ready and the workbook read: compile the first
// screen's templates in that wait (the pane would otherwise compile them as it renders).
whenIdle(() => {
  compileFirstScreen();
  performance.mark("gpu-cost:templates-compiled");
});

/** Renders the pane into `root` (once) and starts the background reads that need Excel. */
export function mountPane(root: HTMLElement, store: AssumptionStore, host: PaneHost = excelHost): PaneModel {
  const model = new PaneModel(store, host);
  performance.mark("gpu-cost:model-built"); // the model built, before the render (bench diagnostics)
  root.replaceChildren();
  paneTemplate.render(model, root);
  // Once the first screen is up and idle: which chips the workbook prices, whether it needs saving.
  whenIdle(() => {
    void model.scanWorkbook();
    void model.refreshFile();
  });
  return model;
}

/** Runs `work` when the page is idle (within 1 s), or after 200 ms where there is no idle callback (Safari, Mac). */
function whenIdle(work: () => void): void {
  const w = globalThis as { requestIdleCallback?: (f: () => void, o: { timeout: number }) => void };
  if (w.requestIdleCallback) w.requestIdleCallback(work, { timeout: 1000 });
  else setTimeout(work, 200);
}
