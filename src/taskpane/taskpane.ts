/**
 * The task pane. This page is also the shared runtime's page: its bundle holds the custom
 * functions too, so the pane and the functions share one assumptions store.
 */
import { assumptionStore } from "../store/instance";
import { applyFluentTheme } from "./fluent";
import { AssumptionsPane } from "./pane";

applyFluentTheme();

Office.onReady(async () => {
  const root = document.getElementById("app")!;
  const store = assumptionStore();
  await store.ready;
  new AssumptionsPane(root, store);
});
