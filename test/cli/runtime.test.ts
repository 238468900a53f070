/**
 * src/runtime, the one host for calling a function as Excel does: positions and padding from
 * functions.json, error arguments, the streaming invocation (first result, then cancelled), and
 * what a cell shows for each outcome.
 */
import { describe, expect, it } from "vitest";
import {
  ErrorCode,
  ExcelError,
  FunctionHost,
  PRICING_ERROR_CODES,
  asExcelError,
  cellValue,
  positionArguments,
  type FunctionMetadata,
} from "../../src/runtime";

const meta = (id: string, params: number, stream = false): FunctionMetadata => ({
  id,
  name: `GPU.${id}`,
  parameters: Array.from({ length: params }, (_, i) => ({ name: `p${i}`, type: "any", optional: i > 0 })),
  result: {},
  options: stream ? { stream: true } : undefined,
});

function host(): FunctionHost {
  const h = new FunctionHost();
  h.useMetadata([meta("ECHO", 3), meta("LIVE", 2, true), meta("THROWS", 1), meta("NEVER", 1, true), meta("ASYNC", 1)]);
  const cf = h.customFunctions;
  cf.associate("ECHO", (...args: unknown[]) => JSON.stringify(args));
  let cancelled = 0;
  cf.associate("LIVE", (...args: unknown[]) => {
    const [a, , inv] = args as [unknown, unknown, { setResult(v: unknown): void; onCanceled?: () => void }];
    inv.onCanceled = () => void cancelled++;
    queueMicrotask(() => inv.setResult(a));
    queueMicrotask(() => inv.setResult("second"));
  });
  cf.associate("THROWS", (kind: unknown) => {
    if (kind === "excel") throw new cf.Error(ErrorCode.notAvailable, "not in the book");
    throw new TypeError("x is undefined");
  });
  cf.associate("NEVER", () => undefined);
  cf.associate("ASYNC", async (v: unknown) => v);
  (h as unknown as { cancelled: () => number }).cancelled = () => cancelled;
  return h;
}

describe("positions", () => {
  it("an omitted argument is null in its place, trailing ones are padded", () => {
    expect(positionArguments(meta("HOURLY", 5), [undefined, "buy"])).toEqual([null, "buy", null, null, null]);
    expect(positionArguments(meta("F", 2), [])).toEqual([null, null]);
  });

  it("more arguments than parameters is #VALUE! naming the function", () => {
    const e = positionArguments(meta("F", 1), [1, 2]) as ExcelError;
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("GPU.F takes at most 1 argument; got 2.");
  });
});

describe("calls", () => {
  it("passes arguments by position and an error argument is the result, uncalled", async () => {
    const h = host();
    expect(await h.call("echo", [undefined, 2])).toEqual({ value: "[null,2,null]" });
    const na = new ExcelError("#N/A", "upstream");
    expect(await h.call("ECHO", [1, na])).toEqual({ error: na });
    expect(await h.call("ECHO", [1, na], { propagateErrors: false })).toEqual({
      value: expect.stringContaining("#N/A"),
    });
  });

  it("a stream resolves with its first result and is cancelled after it", async () => {
    const h = host();
    expect(await h.call("LIVE", ["first"])).toEqual({ value: "first" });
    await new Promise((resolve) => setTimeout(resolve, 0)); // cancelled once the function has returned
    expect((h as unknown as { cancelled: () => number }).cancelled()).toBe(1);
  });

  it("maps thrown errors: Excel's as errors, others as thrown; an unknown id is #NAME?", async () => {
    const h = host();
    expect(await h.call("THROWS", ["excel"])).toEqual({ error: new ExcelError("#N/A", "not in the book") });
    const t = await h.call("THROWS", ["other"]);
    expect(t).toHaveProperty("thrown");
    expect(cellValue(t, "GPU.THROWS")).toMatchObject({ code: "#VALUE!", message: "GPU.THROWS failed: x is undefined" });
    expect(await h.call("NOPE", [])).toMatchObject({ error: { code: "#NAME?" } });
    expect(await h.call("ASYNC", [3])).toEqual({ value: 3 });
  });

  it("a stream that never answers times out as thrown, not as a value", async () => {
    const r = await host().call("NEVER", [1], { timeoutMs: 20 });
    expect(r).toHaveProperty("thrown");
  });
});

describe("what a cell shows", () => {
  it.each([
    [{ value: Number.NaN }, "#NUM!"],
    [{ value: Number.POSITIVE_INFINITY }, "#NUM!"],
    [{ value: [[1, 2], [3]] }, "#VALUE!"],
    [{ value: [] }, "#VALUE!"],
    [{ value: { a: 1 } }, "#VALUE!"],
  ])("%j shows %s", (outcome, code) => {
    expect(cellValue(outcome, "GPU.X")).toMatchObject({ code });
  });

  it("null shows 0, a 1x1 array its value, errors inside spills stay errors", () => {
    expect(cellValue({ value: null }, "GPU.X")).toBe(0);
    expect(cellValue({ value: [[7]] }, "GPU.X")).toBe(7);
    const spill = cellValue({ value: [["a", { code: "#N/A", message: "why" }]] }, "GPU.X") as unknown[][];
    expect(spill[0]![1]).toEqual(new ExcelError("#N/A", "why"));
  });

  it("one error map: pricing kinds and formula-library errors read as Excel codes", () => {
    expect(PRICING_ERROR_CODES).toEqual({ value: "#VALUE!", na: "#N/A", num: "#NUM!" });
    expect(asExcelError(new Error("#DIV/0!"))?.code).toBe("#DIV/0!");
    expect(asExcelError(new Error("boom"))).toBeUndefined();
    expect(asExcelError({ code: "#SPILL!", message: "m" })?.message).toBe("m");
  });
});
