/**
 * The pane's user interface, loaded as its own chunk (see ./taskpane.ts): the page's first
 * script registers the custom functions at once and stays small; this part arrives in
 * parallel (the page preloads it) and shows the pane.
 */
import type { AssumptionStore } from "../store/store";
import { applyFluentTheme } from "./fluent";
import { PaneModel, type PaneHost } from "./paneModel";
import { paneTemplate } from "./templates";
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

/** Renders the pane into `root` (once) and starts the background reads that need Excel. */
export function mountPane(root: HTMLElement, store: AssumptionStore, host: PaneHost = excelHost): PaneModel {
  applyFluentTheme();
  const model = new PaneModel(store, host);
  root.replaceChildren();
  paneTemplate.render(model, root);
  // After the first screen: which chips the workbook prices, and whether it needs saving.
  setTimeout(() => {
    void model.scanWorkbook();
    void model.refreshFile();
  }, 0);
  return model;
}
