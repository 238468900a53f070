/**
 * The Insert tab's code, a chunk of its own ("insert") that the pane loads when the tab is first
 * opened (./sensitivityModel.ts, loadInsert): the model sheet's layout and writer, the
 * sensitivity grid's plan and writer. The pane's first screen does not wait for it.
 */
export { modelSheet } from "./modelSheet";
export { insertModelSheet } from "./modelSheetExcel";
export {
  defaultAxes,
  gridFunctions,
  gridInputs,
  gridLists,
  gridSize,
  parseValues,
  planGrid,
  suggestedValues,
} from "./sensitivity";
export { insertGrid } from "./sensitivityExcel";
