/*
 * A stand-in for the part of Excel's object model the add-in uses (workbook settings and
 * their change event), faithful to the documented request semantics: a value is readable
 * only after load() and context.sync(); writes are queued and applied at sync(); a failed
 * sync applies nothing. It runs in Node (vitest, the vm contract tests) and in the headless
 * browser tests (loaded as a plain script), so it is plain JavaScript with no imports.
 *
 * office-addin-mock's OfficeMockObject is not used for settings: it cannot express
 * `isNullObject`, which office.js fills at sync without a load.
 */
(function (root) {
  class FakeWorkbook {
    /**
     * @param {{ get(k: string): string | null | undefined, set(k: string, v: string): void, has(k: string): boolean }} [storage]
     *   where settings live (a Map by default; the browser tests pass localStorage).
     */
    constructor(storage) {
      this.storage = storage || new Map();
      this.handlers = [];
      /** When set, the next sync rejects with this error and applies nothing. */
      this.failNextSync = undefined;
      /** When set, the next sync that writes a setting rejects with this error and applies nothing. */
      this.failNextWrite = undefined;
      /** Milliseconds every sync takes (to test that functions wait for the first load). */
      this.syncDelayMs = 0;
      this.syncs = 0;
      this.writes = 0;
    }

    has(key) {
      const v = this.storage.get(key);
      return v !== undefined && v !== null;
    }

    /** The `Excel` namespace as the add-in sees it: only `run`. */
    excel() {
      return { run: (batch) => batch(this.context()) };
    }

    /** A co-author's save reaching this workbook: the value changes and the event fires. */
    remoteSave(key, value) {
      this.storage.set(key, value);
      for (const h of this.handlers) h({ type: "SettingsChanged" });
    }

    context() {
      const wb = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the closures below read it
      const pending = [];
      const settings = {
        getItemOrNullObject(key) {
          let loadRequested = false;
          let loaded = false;
          let value;
          let isNull;
          const item = {
            load() {
              loadRequested = true;
              return item;
            },
            get value() {
              if (!loaded) throw new Error("PropertyNotLoaded: value was not loaded and synced");
              return value;
            },
            get isNullObject() {
              if (isNull === undefined) throw new Error("isNullObject is known only after sync");
              return isNull;
            },
          };
          pending.push(() => {
            isNull = !wb.has(key);
            if (loadRequested) {
              loaded = true;
              value = isNull ? null : wb.storage.get(key);
            }
          });
          return item;
        },
        add(key, value) {
          const write = () => {
            wb.storage.set(key, value);
            wb.writes++;
          };
          write.isWrite = true;
          pending.push(write);
        },
        onSettingsChanged: {
          add(handler) {
            pending.push(() => wb.handlers.push(handler));
          },
        },
      };
      return {
        workbook: { settings },
        async sync() {
          wb.syncs++;
          if (wb.syncDelayMs) await new Promise((r) => setTimeout(r, wb.syncDelayMs));
          const work = pending.splice(0);
          if (wb.failNextSync) {
            const error = wb.failNextSync;
            wb.failNextSync = undefined;
            throw error;
          }
          if (wb.failNextWrite && work.some((w) => w.isWrite)) {
            const error = wb.failNextWrite;
            wb.failNextWrite = undefined;
            throw error;
          }
          for (const apply of work) apply();
        },
      };
    }
  }
  root.FakeWorkbook = FakeWorkbook;
  if (typeof module !== "undefined") module.exports = { FakeWorkbook };
})(typeof globalThis !== "undefined" ? globalThis : this);
