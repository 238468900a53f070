/**
 * The task pane page's script. This page is also the shared runtime's page: the custom
 * functions are bundled before this file, so they register as soon as the script runs, and the
 * pane and the functions share one assumptions store.
 *
 * The pane's interface is a separate chunk (webpack dynamic import), requested here at once;
 * taskpane.html also preloads it so it downloads while office.js starts. Until it is shown the
 * page says what it is waiting for.
 */
import { messageOf } from "../store/store";
import { assumptionStore } from "../store/instance";

const ui = import(/* webpackChunkName: "pane" */ "./app");

Office.onReady(async () => {
  const root = document.getElementById("app")!;
  const store = assumptionStore();
  try {
    const [{ mountPane }] = await Promise.all([ui, store.ready]);
    mountPane(root, store);
  } catch (error) {
    const status = document.getElementById("status");
    if (status) status.textContent = `The pane could not start: ${messageOf(error)}`;
  }
});
