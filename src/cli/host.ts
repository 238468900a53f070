import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
/**
 * Excel's custom-functions runtime, for Node: the adapters of src/functions register here
 * (through the same generated `CustomFunctions.associate` calls Excel runs) and are called the
 * way Excel calls them, so the CLI's numbers are Excel's. Import this before any adapter.
 */
export class CellError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
    this.name = "CellError";
  }
}

type Adapter = (...args: unknown[]) => unknown;
const registered = new Map<string, Adapter>();

(globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
  associate(id: string, fn: Adapter) {
    registered.set(id.toUpperCase(), fn);
  },
  Error: CellError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
};

/** What a function answered: a value (a 2-D array for a spill) or an Excel error. */
export type CellResult = number | string | boolean | CellResult[][] | CellError;

export function functionIds(): string[] {
  return [...registered.keys()].sort();
}

/**
 * Calls function `id` as Excel does: every declared parameter present (omitted ones null) and
 * a streaming invocation last; resolves with its first result.
 */
export function callFunction(id: string, args: unknown[]): Promise<CellResult> {
  const fn = registered.get(id.toUpperCase());
  if (!fn) return Promise.resolve(new CellError("#NAME?", `Unknown function GPU.${id}.`));
  const meta = metadata().get(id.toUpperCase());
  const declared = meta?.parameters.length ?? fn.length - 1;
  if (args.length > declared) {
    return Promise.resolve(
      new CellError("#VALUE!", `GPU.${id} takes at most ${declared} arguments; got ${args.length}.`),
    );
  }
  const padded = [...args, ...Array<null>(declared - args.length).fill(null)];
  // A 1 x 1 result shows in its cell as the value (or error) it holds, as in Excel.
  const shown = (value: unknown) =>
    (Array.isArray(value) && value.length === 1 && value[0]?.length === 1 ? value[0][0] : value) as CellResult;
  if (meta && !meta.options?.stream) {
    try {
      return Promise.resolve(shown(fn(...padded)));
    } catch (error) {
      return Promise.resolve(error instanceof CellError ? error : new CellError("#VALUE!", String(error)));
    }
  }
  return new Promise((resolve) => {
    const invocation: { setResult(v: unknown): void; onCanceled?: () => void } = {
      setResult(value) {
        invocation.onCanceled?.(); // one result is all a recalculation needs
        resolve(shown(value));
      },
    };
    fn(...padded, invocation);
  });
}

interface FunctionMetadata {
  readonly id: string;
  readonly parameters: readonly unknown[];
  readonly options?: { readonly stream?: boolean };
}
let byId: Map<string, FunctionMetadata> | undefined;

/** functions.json, written beside this bundle by the build: parameters and streaming of every function. */
function metadata(): Map<string, FunctionMetadata> {
  if (!byId) {
    const file = path.join(__dirname, "functions.json");
    const list: FunctionMetadata[] = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).functions : [];
    byId = new Map(list.map((m) => [m.id.toUpperCase(), m]));
  }
  return byId;
}
