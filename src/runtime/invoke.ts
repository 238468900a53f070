import { ErrorCode, ExcelError, asExcelError } from "./errors";
import type { FunctionMetadata } from "./metadata";

/**
 * Calling a custom function as Excel does: the single implementation for the CLI and the Node
 * tests (issue 15).
 *
 * - Positions: argument i is parameter i of functions.json; an omitted argument (`,,`) and every
 *   trailing parameter not given arrive as null. `=GPU.HOURLY(,"buy")` is HOURLY(null, "buy").
 * - More arguments than parameters is an error (Excel refuses such a formula).
 * - An error value as a scalar argument is the result; the function is not called (Excel only
 *   passes errors to functions that declare `allowErrorForDataTypeAny`, which none here does).
 * - Streaming functions get an invocation; the call resolves with the first result set and then
 *   cancels it (`onCanceled`), as Excel cancels a cell's stream when the cell goes away.
 * - Errors: whatever the function returns or throws that carries an Excel error code becomes an
 *   ExcelError; anything else thrown is reported as `thrown` (Excel shows a bare #VALUE!), and so
 *   is a first result that does not come within `timeoutMs`.
 */
export type Adapter = (...args: unknown[]) => unknown;

/** What one call answered. */
export type Outcome = { value: unknown } | { error: ExcelError } | { thrown: unknown };

export interface InvokeOptions {
  /** Give up waiting for a first result after this long (a stream that never answers). */
  readonly timeoutMs?: number;
  /** Return an error argument as the result without calling (Excel's behaviour; default true). */
  readonly propagateErrors?: boolean;
  /** The calling cell's address, for functions that declare requiresAddress. */
  readonly address?: string;
}

/** A streaming invocation as Excel passes it; records every result the function sets. */
export interface StreamingStub {
  readonly results: unknown[];
  onCanceled?: () => void;
  setResult(value: unknown): void;
  /** Resolves with the next result set. */
  next(): Promise<unknown>;
  readonly address?: string;
}

export function streamingStub(address?: string): StreamingStub {
  let waiting: ((v: unknown) => void)[] = [];
  const stub: StreamingStub = {
    results: [],
    address,
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

/**
 * The arguments Excel passes for a call written with `args` (undefined marks an omitted one):
 * exactly one per declared parameter, null where omitted. An ExcelError when there are too many.
 *
 * Example: for HOURLY(gpu, pricing, provider, utilization, scenario), [undefined, "buy"] gives
 * [null, "buy", null, null, null].
 */
export function positionArguments(meta: FunctionMetadata, args: readonly unknown[]): unknown[] | ExcelError {
  const declared = meta.parameters.length;
  if (args.length > declared) {
    return new ExcelError(
      ErrorCode.invalidValue,
      `${meta.name} takes at most ${declared} argument${declared === 1 ? "" : "s"}; got ${args.length}.`,
    );
  }
  const out = new Array<unknown>(declared);
  for (let i = 0; i < declared; i++) {
    const a = args[i];
    out[i] = a === undefined ? null : a;
  }
  return out;
}

/** Maps error-like values inside a result (office.js or formula-library errors) to ExcelError. */
function mapErrors(value: unknown): unknown {
  const error = asExcelError(value);
  if (error) return error;
  if (Array.isArray(value))
    return value.map((row) => (Array.isArray(row) ? row.map((v) => asExcelError(v) ?? v) : row));
  return value;
}

/** A 1 x 1 result is the value it holds: Excel shows a one-cell array as that value (or error). */
function single(result: unknown): unknown {
  return Array.isArray(result) && result.length === 1 && Array.isArray(result[0]) && result[0].length === 1
    ? result[0][0]
    : result;
}

function settle(result: unknown): Outcome {
  const shown = single(result);
  const error = asExcelError(shown);
  return error ? { error } : { value: mapErrors(shown) };
}

function caught(thrown: unknown): Outcome {
  const error = asExcelError(thrown);
  return error ? { error } : { thrown };
}

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  !!v && (typeof v === "object" || typeof v === "function") && typeof (v as { then?: unknown }).then === "function";

/**
 * Calls `fn`, described by `meta`, with `args` as written in a formula (undefined for an omitted
 * argument). Resolves with the first result; never rejects.
 */
export function invoke(
  fn: Adapter,
  meta: FunctionMetadata,
  args: readonly unknown[],
  options: InvokeOptions = {},
): Promise<Outcome> {
  const positioned = positionArguments(meta, args);
  if (positioned instanceof ExcelError) return Promise.resolve({ error: positioned });
  if (options.propagateErrors !== false) {
    for (const a of positioned) {
      if (a instanceof ExcelError) return Promise.resolve({ error: a });
    }
  }
  const streaming = meta.options?.stream === true;
  const extra = streaming || meta.options?.cancelable || meta.options?.requiresAddress;
  if (!streaming) {
    try {
      const invocation = { address: options.address, onCanceled: undefined as (() => void) | undefined };
      const result = extra ? fn(...positioned, invocation) : fn(...positioned);
      if (!isThenable(result)) return Promise.resolve(settle(result));
      return withTimeout(Promise.resolve(result), options.timeoutMs, meta).then(settle, caught);
    } catch (error) {
      return Promise.resolve(caught(error));
    }
  }
  // A lean invocation (this runs once per cell): the first result settles the call, and the
  // stream is cancelled right after the function has returned from setting it (a function that
  // subscribes to updates after its first result is unsubscribed too).
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const invocation: { address?: string; onCanceled?: () => void; setResult(value: unknown): void } = {
    address: options.address,
    setResult: () => undefined,
  };
  const cancel = () => queueMicrotask(() => invocation.onCanceled?.());
  return new Promise<Outcome>((resolve) => {
    invocation.setResult = (value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(settle(value));
      cancel();
    };
    if (options.timeoutMs !== undefined) {
      timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        resolve({ thrown: new Error(`${meta.name} gave no result within ${options.timeoutMs! / 1000} s.`) });
        cancel();
      }, options.timeoutMs);
    }
    try {
      fn(...positioned, invocation);
    } catch (error) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(caught(error));
      cancel();
    }
  });
}

async function withTimeout<T>(promise: Promise<T>, ms: number | undefined, meta: FunctionMetadata): Promise<T> {
  if (ms === undefined) return promise;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${meta.name} gave no result within ${ms / 1000} s.`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A value a cell shows: a number, text, boolean or an Excel error; a spill is a 2-D array of them. */
export type CellScalar = number | string | boolean | ExcelError;
export type CellValue = CellScalar | CellScalar[][];

function cellScalar(v: unknown, name: string): CellScalar {
  const error = asExcelError(v);
  if (error) return error;
  if (typeof v === "number") {
    return Number.isFinite(v) ? v : new ExcelError(ErrorCode.invalidNumber, `${name} returned ${v}.`);
  }
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v === null || v === undefined) return 0; // Excel shows a returned null as 0 (office-js #1503)
  return new ExcelError(ErrorCode.invalidValue, `${name} returned a value a cell cannot hold.`);
}

/**
 * What the calling cell shows for an outcome, as Excel shows it: a thrown exception is #VALUE!,
 * a number that is not finite #NUM!, null 0; a 1x1 array is its value; a spill must be a
 * non-empty rectangle.
 */
export function cellValue(outcome: Outcome, name: string): CellValue {
  if ("error" in outcome) return outcome.error;
  if ("thrown" in outcome) {
    const detail = outcome.thrown instanceof Error ? outcome.thrown.message : String(outcome.thrown);
    return new ExcelError(ErrorCode.invalidValue, `${name} failed: ${detail}`);
  }
  const { value } = outcome;
  if (!Array.isArray(value)) return cellScalar(value, name);
  const width = Array.isArray(value[0]) ? (value[0] as unknown[]).length : 0;
  if (value.length === 0 || width === 0 || value.some((r) => !Array.isArray(r) || r.length !== width)) {
    return new ExcelError(ErrorCode.invalidValue, `${name} returned an array that is not a rectangle.`);
  }
  const rows = (value as unknown[][]).map((r) => r.map((v) => cellScalar(v, name)));
  return rows.length === 1 && width === 1 ? rows[0]![0]! : rows;
}
