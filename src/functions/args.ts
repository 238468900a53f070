import { invalid, quote } from "../pricing";

/**
 * Rules that turn what Excel passes (a number, a string, a boolean, null for an omitted
 * argument, a 2-D array for a range) into the engine's typed inputs. Each rule is declared
 * once per parameter in ./params and carries the parameter's name, so every message says
 * which argument to fix.
 */
export type Rule<T> = (raw: unknown) => T;

/** Excel passes a 1x1 range as [[v]]: treat it as v. Larger ranges are not a single value. */
export function single(raw: unknown, name: string): unknown {
  if (!Array.isArray(raw)) return raw;
  if (raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1) return raw[0][0];
  throw invalid(`${name} must be a single value, not a range.`);
}

function omitted(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

function describe(value: unknown): string {
  if (typeof value === "string") return quote(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

export interface NumberRule {
  /** Value when omitted; a required parameter has none. */
  readonly default?: number;
  /** Smallest allowed value, excluded: 0 means "greater than 0". */
  readonly above?: number;
  /** Smallest allowed value, included. */
  readonly atLeast?: number;
  /** Largest allowed value, included. */
  readonly atMost?: number;
  /** Largest allowed value, excluded. */
  readonly below?: number;
  /** What the number means, for messages ("a count of accelerators"). */
  readonly meaning?: string;
  /** Whether only whole numbers are accepted. */
  readonly integer?: boolean;
}

/** A numeric parameter with its accepted range. */
export function numberRule(name: string, rule: NumberRule = {}): Rule<number> {
  const read = optionalNumberRule(name, rule);
  return (raw) => {
    const value = read(raw);
    if (value !== undefined) return value;
    if (rule.default !== undefined) return rule.default;
    throw invalid(`${name} is required: ${rangeText(rule)}.`);
  };
}

/**
 * A numeric parameter whose default depends on the price book in force: undefined when
 * omitted, for the adapter to fill from the book.
 */
export function optionalNumberRule(name: string, rule: NumberRule = {}): Rule<number | undefined> {
  const range = rangeText(rule);
  return (raw) => {
    const value = single(raw, name);
    if (omitted(value)) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw invalid(`${name} must be a number (${range}); got ${describe(value)}.`);
    }
    const tooLow =
      (rule.above !== undefined && value <= rule.above) || (rule.atLeast !== undefined && value < rule.atLeast);
    const tooHigh =
      (rule.atMost !== undefined && value > rule.atMost) || (rule.below !== undefined && value >= rule.below);
    if (tooLow || tooHigh || (rule.integer && !Number.isInteger(value))) {
      throw invalid(`${name} must be ${range}; got ${value}.`);
    }
    return value;
  };
}

function rangeText(rule: NumberRule): string {
  const parts: string[] = [];
  if (rule.above !== undefined) parts.push(`greater than ${rule.above}`);
  if (rule.atLeast !== undefined) parts.push(`at least ${rule.atLeast}`);
  if (rule.atMost !== undefined) parts.push(`at most ${rule.atMost}`);
  if (rule.below !== undefined) parts.push(`below ${rule.below}`);
  const range = (rule.integer ? "a whole number " : "") + (parts.length ? parts.join(" and ") : "any number");
  return rule.meaning ? `${rule.meaning}, ${range}` : range;
}

/** A text parameter (a key or a mode), with its default when omitted. */
export function textRule(name: string, fallback?: string): Rule<string> {
  return (raw) => {
    const value = single(raw, name);
    if (omitted(value)) {
      if (fallback !== undefined) return fallback;
      throw invalid(`${name} is required.`);
    }
    if (typeof value !== "string") throw invalid(`${name} must be text; got ${describe(value)}.`);
    return value;
  };
}

/** A text parameter whose default depends on other arguments: undefined when omitted. */
export function optionalTextRule(name: string): Rule<string | undefined> {
  return (raw) => {
    const value = single(raw, name);
    if (omitted(value)) return undefined;
    if (typeof value !== "string") throw invalid(`${name} must be text; got ${describe(value)}.`);
    return value;
  };
}

/** A parameter that is either a mode name or a number (`pricing`). */
export function textOrNumberRule(name: string, fallback: string): Rule<string | number> {
  return (raw) => {
    const value = single(raw, name);
    if (omitted(value)) return fallback;
    if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) return value;
    throw invalid(`${name} must be text or a number; got ${describe(value)}.`);
  };
}
