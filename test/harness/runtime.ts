/**
 * Excel's side of the contract, in Node: loads the built dist/functions.js in a fresh `vm`
 * context whose `CustomFunctions` is src/runtime's host (as Excel's JavaScript runtime provides
 * it), records what the bundle associates, and calls functions through src/runtime, the one
 * implementation of "call as Excel does" (positions from functions.json, omitted arguments as
 * null, the first streamed result, error mapping). Arguments are passed through raw: the hostile
 * tests feed the adapters more than Excel would.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import {
  ErrorCode,
  ExcelError,
  FunctionHost,
  parseMetadata,
  streamingStub,
  type FunctionMetadata,
  type Outcome,
} from "../../src/runtime";

export { ErrorCode, ExcelError, streamingStub };
export type { FunctionMetadata, Outcome, ParameterMetadata, StreamingStub } from "../../src/runtime";

export const DIST = path.resolve(__dirname, "../../dist");

export interface Runtime {
  metadata: FunctionMetadata[];
  /** The host the bundle registered with (src/runtime), for callers such as the CLI's engine. */
  host: FunctionHost;
  /** How many times each id was associated. */
  associations: Map<string, number>;
  fn(id: string): (...args: unknown[]) => unknown;
  /** Calls `id` as Excel would, padding omitted trailing arguments with null. */
  call(id: string, ...args: unknown[]): Promise<Outcome>;
  /** Calls and returns the value, failing with the cell's error otherwise. */
  value(id: string, ...args: unknown[]): Promise<unknown>;
}

export function loadRuntime(dist = DIST, globals: Record<string, unknown> = {}): Runtime {
  const script = path.join(dist, "functions.js");
  if (!existsSync(script)) throw new Error(`${script} is missing: run "npm run build" first.`);
  const metadata = parseMetadata(readFileSync(path.join(dist, "functions.json"), "utf8"));
  const host = new FunctionHost();
  host.useMetadata(metadata);
  const context = vm.createContext({
    CustomFunctions: host.customFunctions,
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    ...globals,
  });
  // The bundle loads price-book editions as chunks with importScripts (a worker's loader, the
  // one a context without a DOM can offer): read them from dist, synchronously, into the context.
  context.self = context;
  context.importScripts = (...urls: string[]) => {
    for (const url of urls) {
      const file = path.join(dist, url);
      vm.runInContext(readFileSync(file, "utf8"), context, { filename: file });
    }
  };
  vm.runInContext(readFileSync(script, "utf8"), context, { filename: script });

  const fn = (id: string) => {
    const f = host.adapter(id);
    if (!f) throw new Error(`${id} is not registered`);
    return f;
  };
  const call = async (id: string, ...args: unknown[]): Promise<Outcome> => {
    const meta = host.metadata(id);
    if (!meta) throw new Error(`${id} is not in functions.json`);
    if (args.length > meta.parameters.length) throw new Error(`${id} takes ${meta.parameters.length} arguments`);
    return host.call(id, args, { timeoutMs: 10_000, propagateErrors: false });
  };
  const value = async (id: string, ...args: unknown[]) => {
    const outcome = await call(id, ...args);
    if ("value" in outcome) return outcome.value;
    if ("error" in outcome) throw new Error(`${id} gave ${outcome.error.code} ${outcome.error.message}`);
    throw outcome.thrown;
  };
  return { metadata, host, associations: host.associations, fn, call, value };
}
