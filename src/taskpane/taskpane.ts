/**
 * The task pane page's script. This page is also the shared runtime's page: the custom
 * functions are bundled before this file, so they register as soon as the script runs, and the
 * pane and the functions share one assumptions store.
 *
 * The pane's interface is a separate chunk (webpack dynamic import), requested here at once;
 * taskpane.html also preloads it so it downloads while office.js starts. Until it is shown the
 * page says what it is waiting for. The performance marks time the start (bench/pane.ts).
 * The assumptions store starts with the script, not at Office.onReady.
 */
import { messageOf } from "../store/store";
import { assumptionStore } from "../store/instance";

performance.mark("gpu-cost:functions-registered");
const ui = import(/* webpackChunkName: "pane" */ "./app");
// The store starts now: the latest edition's chunk downloads while office.js starts, and the
// first read waits for Office.onReady itself (./store/instance.ts).
const store = assumptionStore();
// Marks for the bench's diagnostics (.then of their own: a failure is reported below, once).
const mark = (name: string) => () => void performance.mark(`gpu-cost:${name}`);
ui.then(mark("pane-loaded"), () => undefined);
store.ready.then(mark("store-ready"), () => undefined);

Office.onReady(async () => {
  performance.mark("gpu-cost:office-ready");
  const root = document.getElementById("app")!;
  try {
    const [{ mountPane }] = await Promise.all([ui, store.ready]);
    mountPane(root, store);
    performance.mark("gpu-cost:pane-shown");
  } catch (error) {
    const status = document.getElementById("status");
    if (status) status.textContent = `The pane could not start: ${messageOf(error)}`;
  }
});
