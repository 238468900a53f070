/*
 * The parts of Excel's object model the task pane uses beyond the store's (which
 * test/harness/fakeExcel.js models), added to the page's mocked Excel for the browser tests:
 *
 * - workbook.getSelectedRange(), getCell(r, c) and getResizedRange(dr, dc): address, formulas and
 *   values readable after load() and sync(); formulas written (a 2-D array, null leaving a cell
 *   alone) are applied at sync() and recorded, numberFormat, style and format recorded;
 * - sheets the pane adds or gets through the workbook fake's worksheets (worksheets.add,
 *   getItem, getItemOrNullObject): their ranges' formulas, values, numberFormat, style, format
 *   and dataValidation, activate(), and charts.add with everything done to the chart, recorded
 *   (the assumptions sheet is the store's: not recorded);
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

  /**
   * A range of the seeded cells (window.__excelSheets), as the pane reaches it from the
   * selection: load() then sync() makes address, formulas and values readable; formulas (a 2-D
   * array, null leaving a cell alone) are applied at sync and recorded; numberFormat, style and
   * format are recorded only. getCell and getResizedRange give the ranges Excel would.
   */
  function selectionRange(sheet, row, col, rows, cols, pending) {
    const address =
      sheet + "!" + letters(col) + row + (rows > 1 || cols > 1 ? ":" + letters(col + cols - 1) + (row + rows - 1) : "");
    const at = (r, c) => letters(col + c) + (row + r);
    let loaded = false;
    let grid;
    const range = {
      __address: address,
      load() {
        pending.push(() => {
          loaded = true;
          const cells = window.__excelSheets[sheet] || {};
          grid = Array.from({ length: rows }, (_, r) =>
            Array.from({ length: cols }, (_, c) => {
              const v = cells[at(r, c)];
              return v === undefined || v === null ? "" : v;
            }),
          );
        });
        return range;
      },
      get address() {
        if (!loaded) throw notLoaded("address");
        return address;
      },
      get formulas() {
        if (!loaded) throw notLoaded("formulas");
        return grid;
      },
      get values() {
        if (!loaded) throw notLoaded("values");
        return grid.map((line) => line.map((v) => (typeof v === "string" && v.startsWith("=") ? 0 : v)));
      },
      set formulas(value) {
        pending.push(() => {
          const cells = (window.__excelSheets[sheet] = window.__excelSheets[sheet] || {});
          value.forEach((line, r) =>
            line.forEach((v, c) => {
              if (v !== null && v !== undefined) cells[at(r, c)] = v;
            }),
          );
          window.__excelCalls.push({ api: "Range.formulas", address, formulas: value });
        });
      },
      set numberFormat(value) {
        record(pending, { api: "Range.numberFormat", address, numberFormat: value });
      },
      set style(value) {
        record(pending, { api: "Range.style", address, value });
      },
      format: recorder("Range.format", pending, { address }),
      getCell(r, c) {
        return selectionRange(sheet, row + r, col + c, 1, 1, pending);
      },
      getResizedRange(dr, dc) {
        if (rows + dr < 1 || cols + dc < 1) throw new Error("InvalidArgument: a range of no cells");
        return selectionRange(sheet, row, col, rows + dr, cols + dc, pending);
      },
    };
    return range;
  }

  /** Records `entry` when the sync that carries it succeeds. */
  function record(pending, entry) {
    pending.push(() => window.__excelCalls.push(entry));
  }

  /** What a value written to the model looks like in the record: a range by its address. */
  function describe(value) {
    if (value && value.__address) return value.__address;
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }

  /**
   * A stand-in for the part of Excel's object model whose effect only matters as a record
   * (chart, format, data validation): every property set and method call is recorded at sync as
   * { api: "<path>.<member>", value | args, ...extra }; reading a member gives its own stand-in,
   * and a call's result is one too ("chart.series.getItemAt(3)"). The add-in's TypeScript is
   * checked against office.js's types, so only real members reach it.
   */
  function recorder(path, pending, extra) {
    const members = {};
    return new Proxy(function () {}, {
      get(_target, prop) {
        if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
        if (!members[prop]) members[prop] = recorder(path + "." + String(prop), pending, extra);
        return members[prop];
      },
      set(_target, prop, value) {
        record(pending, { api: path + "." + String(prop), ...extra, value: describe(value) });
        return true;
      },
      apply(_target, _self, args) {
        const shown = args.map(describe);
        record(pending, { api: path, ...extra, args: shown });
        return recorder(path + "(" + shown.map((a) => JSON.stringify(a)).join(",") + ")", pending, extra);
      },
    });
  }

  /**
   * The workbook fake's own ranges (test/harness/fakeExcel.ts keeps contents and number
   * formats), recorded too: formulas, values and numberFormat as { api: "Range.formulas",
   * address, formulas }; style, format and dataValidation as records only.
   */
  function recordRange(range, address, pending) {
    range.__address = address;
    for (const name of ["formulas", "values", "numberFormat"]) {
      let proto = Object.getPrototypeOf(range);
      while (proto && !Object.getOwnPropertyDescriptor(proto, name)) proto = Object.getPrototypeOf(proto);
      const own = proto && Object.getOwnPropertyDescriptor(proto, name);
      if (!own) continue;
      Object.defineProperty(range, name, {
        configurable: true,
        get: () => own.get.call(range),
        set: (value) => {
          own.set.call(range, value);
          record(pending, { api: "Range." + name, address, [name]: describe(value) });
        },
      });
    }
    Object.defineProperty(range, "style", {
      configurable: true,
      get: () => {
        throw notLoaded("style");
      },
      set: (value) => {
        record(pending, { api: "Range.style", address, value });
      },
    });
    range.format = recorder("Range.format", pending, { address });
    range.dataValidation = recorder("Range.dataValidation", pending, { address });
    return range;
  }

  /**
   * Sheets the pane adds or gets (not the store's assumptions sheet, whose writes are the
   * store's business): `worksheets.add` and `activate` recorded, their ranges recorded
   * (recordRange), and `charts.add` recording the chart's type, source range and series
   * direction, the chart itself a recorder named "<sheet>!chart<n>".
   */
  let charts = 0;
  function recordWorksheets(workbook, pending) {
    const sheets = workbook.worksheets;
    if (!sheets || sheets.__recorded || typeof sheets.add !== "function") return;
    sheets.__recorded = true;
    const wrap = (sheet, name) => {
      if (!sheet || name === "GPU Assumptions") return sheet;
      const getRange = sheet.getRange.bind(sheet);
      sheet.getRange = (address) => recordRange(getRange(address), name + "!" + (address || "A1"), pending);
      const activate = sheet.activate.bind(sheet);
      sheet.activate = () => {
        activate();
        record(pending, { api: "Worksheet.activate", sheet: name });
      };
      sheet.charts = {
        add(type, source, seriesBy) {
          const id = name + "!chart" + ++charts;
          record(pending, { api: "charts.add", chart: id, type, source: describe(source), seriesBy });
          return recorder(id, pending, {});
        },
      };
      return sheet;
    };
    const add = sheets.add.bind(sheets);
    sheets.add = (name) => {
      const sheet = add(name);
      record(pending, { api: "worksheets.add", name });
      return wrap(sheet, name);
    };
    for (const method of ["getItem", "getItemOrNullObject"]) {
      const get = sheets[method].bind(sheets);
      sheets[method] = (name) => wrap(get(name), name);
    }
  }

  function extend(workbook, pending) {
    if (!workbook.getSelectedRange) {
      workbook.getSelectedRange = function () {
        window.__excelCalls.push({ api: "workbook.getSelectedRange" });
        const { sheet, cells } = splitAddress(window.__excelSelection);
        const topLeft = parseCell(cells.split(":")[0]);
        return selectionRange(sheet, topLeft.row, topLeft.col, 1, 1, pending);
      };
    }
    recordWorksheets(workbook, pending);
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
