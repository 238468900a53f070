/*
 * Runs before the page's scripts in the browser tests: gives the add-in a fake Excel
 * (test/harness/fakeExcel.ts, see server.ts) whose workbook persists in the page's localStorage
 * so that a reload finds it, and a way to call the functions the bundle associated. A 0.1
 * settings document put in localStorage as "settings:<key>" is in the workbook's settings.
 */
(function () {
  if (window.top !== window) return; // office.js's own frames: no workbook there
  const persistence = {
    load: () => window.localStorage.getItem("fakeWorkbook"),
    save: (text) => window.localStorage.setItem("fakeWorkbook", text),
  };
  const workbook = new window.FakeWorkbook(persistence);
  for (let i = 0; i < window.localStorage.length; i++) {
    const name = window.localStorage.key(i);
    if (name && name.startsWith("settings:"))
      workbook.setSetting(name.slice("settings:".length), window.localStorage.getItem(name));
  }
  window.__fakeWorkbook = workbook;
  window.__GPU_COST_EXCEL__ = workbook.excel();

  /**
   * Calls a function the page's bundle associated (office.js keeps them in
   * CustomFunctions._association, where Excel's shared runtime reads them) as Excel does:
   * nulls for omitted arguments, a streaming invocation last. Resolves its first result.
   */
  window.__callFunction = function (id, args, arity) {
    return new Promise((resolve) => {
      const fn = window.CustomFunctions._association.mappings[id.toUpperCase()];
      if (!fn) throw new Error(id + " is not associated");
      const padded = args.concat(new Array(arity - args.length).fill(null));
      const invocation = {
        setResult(value) {
          if (invocation.onCanceled) invocation.onCanceled();
          // A 1 x 1 result shows in its cell as the value it holds, as in Excel.
          const shown = Array.isArray(value) && value.length === 1 && value[0].length === 1 ? value[0][0] : value;
          resolve(shown instanceof Error ? { error: shown.code, message: shown.message } : { value: shown });
        },
      };
      fn.apply(null, padded.concat([invocation]));
    });
  };
})();
