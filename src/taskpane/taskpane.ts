/**
 * The task pane. This page is also the shared runtime's page: Excel loads it (hidden) to run
 * the custom functions, whose bundle is injected into the same page by the build.
 */
import { DEFAULT_BOOK } from "../pricing";

Office.onReady((info) => {
  const status = document.getElementById("status");
  if (status) {
    const where = info.host ? `in ${info.host}` : "outside Office";
    status.textContent = `Price book ${DEFAULT_BOOK.version} loaded ${where}.`;
  }
});
