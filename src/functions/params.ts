import {
  DEFAULT_PERIOD,
  DEFAULT_GPU,
  DEFAULT_HOURLY_UTILIZATION,
  DEFAULT_PRECISION,
  DEFAULT_PRICING,
  DEFAULT_PROVIDER,
  DEFAULT_SCALING_LAW,
  DEFAULT_YEARS,
  parsePrecision,
  parsePricing,
  parseScalingLaw,
  parsePeriod,
  invalid,
} from "../pricing";
import {
  numberRule,
  optionalNumberRule,
  optionalTextRule,
  single,
  textOrNumberRule,
  textRule,
  type NumberRule,
  type Rule,
} from "./args";

/**
 * Every parameter of the GPU.* functions, declared once: its name as Excel shows it, its
 * default and its accepted values. Adapters only pick from this table.
 */

/** Caps keep inputs in a range where results stay meaningful (and finite). */
const MAX_GPUS = 1e9;

const map =
  <A, B>(rule: Rule<A>, f: (a: A) => B): Rule<B> =>
  (raw) =>
    f(rule(raw));

export const gpus = numberRule("gpus", { above: 0, atMost: MAX_GPUS, meaning: "a count of accelerators" });
export const gpu = textRule("gpu", DEFAULT_GPU);
export const provider = textRule("provider", DEFAULT_PROVIDER);
export const pricing = map(textOrNumberRule("pricing", DEFAULT_PRICING), parsePricing);
const PERIOD: NumberRule = { above: 0, atMost: 100, meaning: "a period in years" };
export const years = numberRule("years", { ...PERIOD, default: DEFAULT_YEARS });
export const precision = map(textRule("precision", DEFAULT_PRECISION), parsePrecision);
/** A precision whose default depends on the accelerator (serving): undefined when omitted. */
export const servingPrecision: Rule<ReturnType<typeof parsePrecision> | undefined> = (raw) => {
  const text = optionalTextRule("precision")(raw);
  return text === undefined ? undefined : parsePrecision(text);
};
export const period = map(textRule("period", DEFAULT_PERIOD), parsePeriod);
export const flops = numberRule("flops", { above: 0, meaning: "a peak in FLOP/s" });
export const costReduction = numberRule("cost_reduction", {
  below: 1,
  atLeast: -1e6,
  meaning: "a fraction, 0.5 for half price",
});
export const law = map(textRule("law", DEFAULT_SCALING_LAW), parseScalingLaw);
export const key = textRule("key");

/* Parameters whose default comes from the price book in force (undefined when omitted). */
const FRACTION: NumberRule = { above: 0, atMost: 1, meaning: "a fraction, 0.4 for 40%" };
const fraction = (name: string) => optionalNumberRule(name, FRACTION);
export const utilization = fraction("utilization");
export const mfu = fraction("mfu");
const PARAMS: NumberRule = { above: 0, atMost: 1e15, meaning: "model parameters, 175E9 for 175B" };
export const params = numberRule("params", PARAMS);
/** A reference model's key, or a parameter count; undefined when omitted. */
const modelOrParams = (name: string): Rule<string | number | undefined> => {
  const count = optionalNumberRule(name, PARAMS);
  return (raw) => {
    const value = single(raw, name);
    return typeof value === "string" && value.trim() !== "" ? value : count(value);
  };
};
/** A model: a reference model's key ("llama-3.3-70b") or a parameter count (70E9). */
export const model: Rule<string | number> = (raw) => {
  const value = modelOrParams("model")(raw);
  if (value === undefined)
    throw invalid(`model is required: a reference model such as "llama-3.3-70b", or a parameter count such as 70E9.`);
  return value;
};
/** QUERYCOST's and FLEETSIZE's `params`: a parameter count, or a reference model's key; undefined when omitted. */
export const optionalParams = modelOrParams("params");
export const batch = optionalNumberRule("batch", {
  atLeast: 1,
  atMost: 1e6,
  integer: true,
  meaning: "sequences decoded together",
});
export const tokens = numberRule("tokens", { above: 0, atMost: 1e16, meaning: "training tokens" });
export const tokensOut = numberRule("tokens_out", { above: 0, atMost: 1e9, meaning: "output tokens per query" });
export const optionalTokensOut = optionalNumberRule("tokens_out", {
  above: 0,
  atMost: 1e9,
  meaning: "output tokens per sequence",
});
export const apiTokensIn = numberRule("tokens_in", { atLeast: 0, atMost: 1e15, meaning: "prompt tokens" });
export const apiTokensOut = numberRule("tokens_out", { atLeast: 0, atMost: 1e15, meaning: "output tokens" });
export const api = textRule("model");
export const tokensIn = optionalNumberRule("tokens_in", {
  atLeast: 0,
  atMost: 1e9,
  meaning: "prompt tokens per query",
});
export const tokensPerQuery = optionalNumberRule("tokens_per_query", {
  above: 0,
  atMost: 1e9,
  meaning: "prompt + output tokens",
});
export const queriesPerDay = numberRule("queries_per_day", { above: 0, atMost: 1e13, meaning: "queries a day" });
export const peakToAverage = optionalNumberRule("peak_to_average", {
  atLeast: 1,
  atMost: 100,
  meaning: "peak load over average load",
});
export const units = numberRule("units", { atLeast: 0, atMost: MAX_GPUS, meaning: "custom chips built" });
export const unitCost = optionalNumberRule("unit_cost", { atLeast: 0, atMost: 1e9, meaning: "USD to make one chip" });
export const nrePerYear = optionalNumberRule("nre_per_year", {
  atLeast: 0,
  atMost: 1e12,
  meaning: "USD of design cost a year",
});
export const programmeYears = optionalNumberRule("years", { above: 0, atMost: 100, meaning: "years of the programme" });
export const optionalYears = optionalNumberRule("years", PERIOD);
export const gpuPrice = optionalNumberRule("gpu_price", { above: 0, atMost: 1e9, meaning: "USD per GPU" });
export const hourlyUtilization = numberRule("utilization", { ...FRACTION, default: DEFAULT_HOURLY_UTILIZATION });
export const filter = textRule("filter", "");

/** Most override rows a scenario range may hold (one per assumption, with room to spare). */
const MAX_SCENARIO_ROWS = 2_000;

export interface ScenarioArg {
  /** A saved scenario's name; undefined for the active one. */
  readonly name?: string;
  /** Key/value overrides from a range, applied on top of the active scenario. */
  readonly overrides?: Map<string, number>;
}

/** The omitted scenario argument: the active scenario, no overrides (one object, read by every cell). */
const ACTIVE_SCENARIO: ScenarioArg = Object.freeze({});

/**
 * The last argument of every function: omitted (the active scenario), a scenario's name, or
 * a two-column range of key/value overrides. A range is an argument, so Excel itself
 * recalculates the cell when the range changes.
 */
export function scenario(raw: unknown): ScenarioArg {
  if (raw === null || raw === undefined || raw === "") return ACTIVE_SCENARIO;
  if (typeof raw === "string") return { name: raw };
  if (!Array.isArray(raw) || !raw.every(Array.isArray))
    throw invalid("scenario must be a scenario name or a two-column range of keys and values.");
  const rows = raw as unknown[][];
  if (rows.length === 1 && rows[0]!.length === 1) return scenario(rows[0]![0]);
  if (rows.some((r) => r.length !== 2)) {
    throw invalid(`scenario as a range has two columns, key and value; got ${rows[0]!.length} columns.`);
  }
  if (rows.length > MAX_SCENARIO_ROWS)
    throw invalid(`scenario range has ${rows.length} rows; at most ${MAX_SCENARIO_ROWS}.`);
  const overrides = new Map<string, number>();
  rows.forEach(([key, value], i) => {
    if ((key === null || key === "") && (value === null || value === "")) return; // blank row
    if (typeof key !== "string" || typeof value !== "number" || !Number.isFinite(value)) {
      throw invalid(
        `scenario row ${i + 1} must be a key (text) and a number; got ${String(key)} and ${String(value)}.`,
      );
    }
    overrides.set(key, value);
  });
  return { overrides };
}
