/*
 * Runs before the page's scripts in the browser tests: gives the add-in a mocked Excel
 * (test/harness/fakeExcel.js, whose settings persist in the page's localStorage so that a
 * reload finds them), and a way to call the functions the bundle associated.
 */
(function () {
  const storage = {
    get: (k) => window.localStorage.getItem("settings:" + k),
    set: (k, v) => window.localStorage.setItem("settings:" + k, v),
  };
  const workbook = new window.FakeWorkbook(storage);
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
