/*
 * The parts of Excel's object model the task pane uses beyond the store's (which
 * test/harness/fakeExcel.js models), added to the page's mocked Excel for the browser tests:
 *
 * - workbook.getSelectedRange().getCell(0, 0): address and formulas, readable after load() and
 *   sync(); a formula written to `formulas` is applied at sync() and recorded;
 * - workbook.worksheets (items/name) and getUsedRangeOrNullObject(): the cells the pane reads
 *   to find the chips a workbook prices;
 * - workbook.load("autoSave,isDirty,previouslySaved,readOnly") when a test sets
 *   window.__fakeFileState (without it the API is missing, as on an Excel without ExcelApi 1.9).
 *
 * Same request semantics as the fake: reads only after load + sync, writes queued and applied at
 * sync, nothing applied when the sync fails. A test seeds the cells with window.__excelSheets
 * ({ Sheet1: { B2: '=GPU.CLUSTERCOST(8,"B200")' } }), the selection with window.__excelSelection
 * ("Sheet1!B2"), and reads the recorded calls from window.__excelCalls.
 * Only what the workbook lacks is added: a fake that models more keeps its own.
 */
(function () {
  const excel = window.__GPU_COST_EXCEL__;
  if (!excel) return;
  window.__excelCalls = [];
  window.__excelSheets = window.__excelSheets || { Sheet1: {} };
  window.__excelSelection = window.__excelSelection || "Sheet1!A1";

  const column = (letters) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const letters = (n) => (n > 26 ? letters(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
  const parseCell = (a) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a);
    if (!m) throw new Error("InvalidArgument: bad address " + a);
    return { col: column(m[1]), row: Number(m[2]) };
  };
  const splitAddress = (address) => {
    const bang = address.lastIndexOf("!");
    return { sheet: address.slice(0, bang).replace(/^'|'$/g, ""), cells: address.slice(bang + 1) };
  };

  function notLoaded(name) {
    return new Error("PropertyNotLoaded: " + name + " was not loaded and synced");
  }

  // A workbook fake that models worksheets itself (putSheet) gets the seeded cells as sheets of
  // its own, once, so that the pane reads them through that fake's worksheets.
  const fake = window.__fakeWorkbook;
  if (fake && typeof fake.putSheet === "function") {
    for (const [name, cells] of Object.entries(window.__excelSheets)) {
      if (fake.sheet && fake.sheet(name)) continue;
      const rows = [];
      for (const [address, value] of Object.entries(cells)) {
        const { col, row } = parseCell(address);
        while (rows.length < row) rows.push([]);
        rows[row - 1][col - 1] = value;
      }
      fake.putSheet(name, rows, "Visible");
    }
  }

  function extend(workbook, pending) {
    if (!workbook.getSelectedRange) {
      workbook.getSelectedRange = function () {
        window.__excelCalls.push({ api: "workbook.getSelectedRange" });
        const { sheet, cells } = splitAddress(window.__excelSelection);
        const topLeft = parseCell(cells.split(":")[0]);
        return {
          getCell(r, c) {
            const address = sheet + "!" + letters(topLeft.col + c) + (topLeft.row + r);
            let loaded = false;
            let formula;
            const cell = {
              load() {
                pending.push(() => {
                  loaded = true;
                  const v = (window.__excelSheets[sheet] || {})[address.split("!")[1]];
                  formula = v === undefined || v === null ? "" : v;
                });
                return cell;
              },
              get address() {
                if (!loaded) throw notLoaded("address");
                return address;
              },
              get formulas() {
                if (!loaded) throw notLoaded("formulas");
                return [[formula]];
              },
              set formulas(value) {
                pending.push(() => {
                  const text = value[0][0];
                  window.__excelSheets[sheet] = window.__excelSheets[sheet] || {};
                  window.__excelSheets[sheet][address.split("!")[1]] = text;
                  window.__excelCalls.push({ api: "Range.formulas", address, formulas: value });
                });
              },
            };
            return cell;
          },
        };
      };
    }
    if (!workbook.worksheets) {
      let items;
      workbook.worksheets = {
        load() {
          pending.push(() => {
            items = Object.keys(window.__excelSheets).map((name) => ({
              name,
              getUsedRangeOrNullObject() {
                let loaded = false;
                let grid;
                const range = {
                  load() {
                    pending.push(() => {
                      loaded = true;
                      const cells = Object.entries(window.__excelSheets[name] || {}).map(([a, v]) => ({
                        ...parseCell(a),
                        v,
                      }));
                      if (cells.length === 0) return void (grid = null);
                      const rows = cells.map((c) => c.row);
                      const cols = cells.map((c) => c.col);
                      const r0 = Math.min(...rows);
                      const c0 = Math.min(...cols);
                      grid = Array.from({ length: Math.max(...rows) - r0 + 1 }, () =>
                        new Array(Math.max(...cols) - c0 + 1).fill(""),
                      );
                      for (const c of cells) grid[c.row - r0][c.col - c0] = c.v;
                    });
                    return range;
                  },
                  get isNullObject() {
                    if (!loaded) throw new Error("isNullObject is known only after sync");
                    return grid === null;
                  },
                  get cellCount() {
                    if (!loaded) throw notLoaded("cellCount");
                    return grid ? grid.length * grid[0].length : 0;
                  },
                  get formulas() {
                    if (!loaded) throw notLoaded("formulas");
                    return grid;
                  },
                };
                return range;
              },
            }));
          });
        },
        get items() {
          if (!items) throw notLoaded("items");
          return items;
        },
      };
    }
    if (!workbook.load && window.__fakeFileState) {
      let loaded = false;
      workbook.load = function () {
        pending.push(() => (loaded = true));
      };
      for (const name of ["autoSave", "isDirty", "previouslySaved", "readOnly"]) {
        Object.defineProperty(workbook, name, {
          get() {
            if (!loaded) throw notLoaded(name);
            return window.__fakeFileState[name];
          },
        });
      }
    }
  }

  // Excel.run(batch) and Excel.run(options, batch) both exist; the workbook's own run may take
  // either (the settings fake takes a batch, the sheet fake options and a batch).
  const run = excel.run.bind(excel);
  const takesOptions = excel.run.length >= 2;
  excel.run = function (optionsOrBatch, maybeBatch) {
    const options = typeof optionsOrBatch === "function" ? {} : optionsOrBatch;
    const batch = typeof optionsOrBatch === "function" ? optionsOrBatch : maybeBatch;
    const extended = function (context) {
      const pending = [];
      const sync = context.sync.bind(context);
      context.sync = async function () {
        await sync(); // a failed sync throws here: nothing queued below is applied
        for (const apply of pending.splice(0)) apply();
      };
      extend(context.workbook, pending);
      return batch(context);
    };
    return takesOptions ? run(options, extended) : run(extended);
  };
})();
