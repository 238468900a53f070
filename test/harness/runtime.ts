/**
 * Excel's side of the contract, in Node: loads the built dist/functions.js in a fresh `vm`
 * context with a `CustomFunctions` stub (as Excel's JavaScript runtime provides it), records
 * what the bundle associates, and calls functions the way Excel does: every declared
 * parameter present, omitted ones as null.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";

export const DIST = path.resolve(__dirname, "../../dist");

export interface ParameterMetadata {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
  options?: { stream?: boolean; volatile?: boolean };
}

/** The stub's error: what `new CustomFunctions.Error(code, message)` builds in Excel. */
export class ExcelError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
  }
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** What a cell shows: a value, or an error value with its message. */
export type Outcome = { value: unknown } | { error: ExcelError } | { thrown: unknown };

export interface Runtime {
  metadata: FunctionMetadata[];
  /** How many times each id was associated. */
  associations: Map<string, number>;
  fn(id: string): (...args: unknown[]) => unknown;
  /** Calls `id` as Excel would, padding omitted trailing arguments with null. */
  call(id: string, ...args: unknown[]): Promise<Outcome>;
  /** Calls and returns the value, failing with the cell's error otherwise. */
  value(id: string, ...args: unknown[]): Promise<unknown>;
}

/** A streaming invocation as Excel passes it; records every result the function sets. */
export interface StreamingStub {
  results: unknown[];
  onCanceled?: () => void;
  setResult(value: unknown): void;
  /** Resolves with the next result set. */
  next(): Promise<unknown>;
}

export function streamingStub(): StreamingStub {
  let waiting: ((v: unknown) => void)[] = [];
  const stub: StreamingStub = {
    results: [],
    setResult(value) {
      stub.results.push(value);
      const w = waiting;
      waiting = [];
      for (const resolve of w) resolve(value);
    },
    next: () => new Promise((resolve) => waiting.push(resolve)),
  };
  return stub;
}

/** Starts a streaming function and waits for its first result (Excel shows #BUSY! until then). */
async function firstStreamed(f: (...args: unknown[]) => unknown, args: unknown[]): Promise<unknown> {
  const invocation = streamingStub();
  const first = invocation.next();
  f(...args, invocation);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("no result within 10 s")), 10_000);
  });
  try {
    return await Promise.race([first, timeout]);
  } finally {
    clearTimeout(timer);
    invocation.onCanceled?.();
  }
}

export function loadRuntime(dist = DIST, globals: Record<string, unknown> = {}): Runtime {
  const script = path.join(dist, "functions.js");
  if (!existsSync(script)) throw new Error(`${script} is missing: run "npm run build" first.`);
  const metadata: FunctionMetadata[] = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")).functions;
  const associations = new Map<string, number>();
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  const add = (id: string, f: (...args: unknown[]) => unknown) => {
    const key = id.toUpperCase();
    associations.set(key, (associations.get(key) ?? 0) + 1);
    registered.set(key, f);
  };
  const CustomFunctions = {
    associate(idOrMap: string | Record<string, (...args: unknown[]) => unknown>, f?: (...args: unknown[]) => unknown) {
      if (typeof idOrMap === "string") add(idOrMap, f!);
      else for (const [id, g] of Object.entries(idOrMap)) add(id, g);
    },
    Error: ExcelError,
    ErrorCode,
  };
  const context = vm.createContext({
    CustomFunctions,
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    ...globals,
  });
  vm.runInContext(readFileSync(script, "utf8"), context, { filename: script });

  const byId = new Map(metadata.map((m) => [m.id.toUpperCase(), m]));
  const fn = (id: string) => {
    const f = registered.get(id.toUpperCase());
    if (!f) throw new Error(`${id} is not registered`);
    return f;
  };
  const call = async (id: string, ...args: unknown[]): Promise<Outcome> => {
    const meta = byId.get(id.toUpperCase());
    if (!meta) throw new Error(`${id} is not in functions.json`);
    if (args.length > meta.parameters.length) throw new Error(`${id} takes ${meta.parameters.length} arguments`);
    const padded = [...args, ...Array(meta.parameters.length - args.length).fill(null)];
    try {
      const result = meta.options?.stream ? await firstStreamed(fn(id), padded) : await fn(id)(...padded);
      // A 1 x 1 result shows in its cell as the value (or error) it holds, as in Excel.
      const shown = Array.isArray(result) && result.length === 1 && result[0]?.length === 1 ? result[0][0] : result;
      return shown instanceof ExcelError ? { error: shown } : { value: shown };
    } catch (e) {
      return e instanceof ExcelError ? { error: e } : { thrown: e };
    }
  };
  const value = async (id: string, ...args: unknown[]) => {
    const outcome = await call(id, ...args);
    if ("value" in outcome) return outcome.value;
    if ("error" in outcome) throw new Error(`${id} gave ${outcome.error.code} ${outcome.error.message}`);
    throw outcome.thrown;
  };
  return { metadata, associations, fn, call, value };
}
