/**
 * Every function, through the built bundle as Excel calls it, under what finance teams paste
 * into cells: at least 10,000 random argument lists per function per run (fast-check). Each
 * call must answer what a cell can hold, never throw, and never return NaN, Infinity or
 * undefined.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_FUNCTIONS } from "../fixtures/api";
import { ExcelError, loadRuntime, type Runtime } from "../harness/runtime";

export const RUNS = Number(process.env.HOSTILE_RUNS ?? 10_000);

const TEN_KB = "x".repeat(10 * 1024);
/** Words the functions know, so random calls also reach deep code, not only argument checks. */
const KNOWN = [
  "H100-SXM",
  "h100-sxm",
  "TPU-V5E",
  "MAIA-100",
  "aws",
  "gcp",
  "azure",
  "ondemand",
  "reserved3y",
  "spot",
  "capex",
  "buy",
  "bf16",
  "fp8",
  "int8",
  "chinchilla",
  "facility.pue",
  "aws.p5.48xlarge.ondemand",
  "base",
];

const scalar = fc.oneof(
  fc.constant(null),
  fc.constantFrom(0, -1, -8, 1, 8, 0.5, 3, 1e308, -1e308, 1e-300, 5e-324, 20e18, 1.1e9, 175e9),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.constantFrom(
    "1e400",
    "8",
    "-1",
    "NaN",
    "Infinity",
    "",
    " ",
    "🚀💸",
    "\u0000",
    "<script>alert(1)</script>",
    "__proto__",
    TEN_KB,
  ),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(...KNOWN),
  fc.boolean(),
);
const range = fc.oneof(
  fc.constant([] as unknown[][]),
  fc.constant([[]] as unknown[][]),
  fc.array(fc.array(scalar, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
  fc.constant([
    ["facility.pue", 1.1],
    ["aws.p5.48xlarge.ondemand", 50],
  ] as unknown[][]),
);
const excelArgument = fc.oneof({ arbitrary: scalar, weight: 5 }, { arbitrary: range, weight: 1 });

/** What a cell may hold; an error value must carry a message. */
export function cellProblem(value: unknown, where = "result"): string | undefined {
  if (value instanceof ExcelError) return value.message ? undefined : `${where}: ${value.code} without a message`;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `${where}: ${value}`;
  if (typeof value === "string" || typeof value === "boolean") return undefined;
  return `${where}: ${value === undefined ? "undefined" : typeof value}`;
}

export function resultProblem(outcome: Awaited<ReturnType<Runtime["call"]>>): string | undefined {
  if ("thrown" in outcome) return `threw ${String(outcome.thrown)}`;
  if ("error" in outcome) return cellProblem(outcome.error);
  const { value } = outcome;
  if (!Array.isArray(value)) return cellProblem(value);
  if (value.length === 0 || !value.every(Array.isArray)) return "a spill that is not a non-empty 2-D array";
  const width = (value[0] as unknown[]).length;
  if (width === 0 || value.some((r) => (r as unknown[]).length !== width)) return "a spill that is not rectangular";
  for (const [i, row] of value.entries()) {
    for (const [j, cell] of (row as unknown[]).entries()) {
      const problem = cellProblem(cell, `cell ${i},${j}`);
      if (problem) return problem;
    }
  }
  return undefined;
}

let xl: Runtime;
beforeAll(() => {
  xl = loadRuntime();
});

describe(`every function, ${RUNS} hostile calls each`, () => {
  it("covers every function of the public API, and functions.json has no other", () => {
    expect(xl.metadata.map((m) => m.id).sort()).toEqual(Object.keys(PUBLIC_FUNCTIONS).sort());
  });

  for (const id of loadRuntime().metadata.map((m) => m.id)) {
    it(id, async () => {
      const arity = xl.metadata.find((m) => m.id === id)!.parameters.length;
      await fc.assert(
        fc.asyncProperty(fc.array(excelArgument, { minLength: arity, maxLength: arity }), async (args) => {
          const problem = resultProblem(await xl.call(id, ...args));
          if (problem) throw new Error(`${id}(${JSON.stringify(args).slice(0, 300)}): ${problem}`);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe("the result checker itself", () => {
  it.each([
    [{ value: Number.NaN }],
    [{ value: Number.POSITIVE_INFINITY }],
    [{ value: undefined }],
    [{ value: [[1, 2], [3]] }],
    [{ value: [] }],
    [{ value: [[1, Number.NaN]] }],
    [{ value: { a: 1 } }],
    [{ error: new ExcelError("#VALUE!", "") }],
    [{ thrown: new TypeError("x is undefined") }],
  ])("rejects %j", (outcome) => {
    expect(resultProblem(outcome as Awaited<ReturnType<Runtime["call"]>>)).toBeDefined();
  });

  it("accepts what a cell can hold", () => {
    for (const value of [
      1,
      "a",
      true,
      [
        ["a", 1],
        ["b", new ExcelError("#N/A", "why")],
      ],
    ]) {
      expect(resultProblem({ value })).toBeUndefined();
    }
  });
});
