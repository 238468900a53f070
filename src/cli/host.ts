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
  const declared = fn.length - 1; // the adapters' parameters, then the invocation
  if (args.length > declared) {
    return Promise.resolve(
      new CellError("#VALUE!", `GPU.${id} takes at most ${declared} arguments; got ${args.length}.`),
    );
  }
  const padded = [...args, ...Array<null>(declared - args.length).fill(null)];
  return new Promise((resolve) => {
    const invocation: { setResult(v: unknown): void; onCanceled?: () => void } = {
      setResult(value) {
        invocation.onCanceled?.(); // one result is all a recalculation needs
        resolve(value as CellResult);
      },
    };
    fn(...padded, invocation);
  });
}
