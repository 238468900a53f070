/**
 * Outside Excel (the pane opened in a browser, to accept the dev certificate say) office.js
 * provides `CustomFunctions.associate` but not Excel's `CustomFunctions.Error`, which the
 * functions use to report errors; without office.js there is no `CustomFunctions` at all.
 * This fills in what is missing so the page's script runs anywhere; inside Excel nothing is
 * replaced.
 */
interface Runtime {
  associate?: (...args: unknown[]) => void;
  Error?: unknown;
  ErrorCode?: unknown;
}
const g = globalThis as { CustomFunctions?: Runtime };
const runtime: Runtime = (g.CustomFunctions ??= {});
runtime.associate ??= () => undefined;
if (runtime.Error === undefined) {
  runtime.Error = class OutsideExcelError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  };
}
runtime.ErrorCode ??= { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" };
export {};
