import type { Figure } from "./figure";

/** Where an assumption is shown in the task pane. */
export const ASSUMPTION_GROUPS = [
  "Accelerators",
  "Cloud rates",
  "Facility",
  "Finance",
  "Methods",
  "Serving",
  "API prices",
] as const;
export type AssumptionGroup = (typeof ASSUMPTION_GROUPS)[number];

/** Values an assumption may take; edits and overrides outside them are refused. */
export interface Bounds {
  readonly min: number;
  readonly max: number;
  /** Whether `min` itself is allowed (false for "greater than zero"). */
  readonly minInclusive: boolean;
  readonly integer: boolean;
}

export const POSITIVE: Bounds = { min: 0, max: 1e12, minInclusive: false, integer: false };
export const NON_NEGATIVE: Bounds = { min: 0, max: 1e12, minInclusive: true, integer: false };
export const FRACTION: Bounds = { min: 0, max: 1, minInclusive: false, integer: false };
export const COUNT: Bounds = { min: 1, max: 1024, minInclusive: true, integer: true };
export const RATIO_AT_LEAST_ONE: Bounds = { min: 1, max: 5, minInclusive: true, integer: false };
export const YEARS: Bounds = { min: 0, max: 30, minInclusive: false, integer: false };
/** A share that may be zero: from 0 up to 1. */
export const SHARE: Bounds = { min: 0, max: 1, minInclusive: true, integer: false };
/** A switch: 0 (off) or 1 (on). */
export const SWITCH: Bounds = { min: 0, max: 1, minInclusive: true, integer: true };

/** One editable value of the price book, addressed by a flat, case-insensitive key. */
export interface Assumption {
  /** Lower-case key, e.g. "aws.p5.48xlarge.ondemand". */
  readonly key: string;
  readonly group: AssumptionGroup;
  readonly label: string;
  /** Value in force (the default unless overridden). */
  readonly value: number;
  /** The shipped figure, with unit, source and as-of date. */
  readonly shipped: Figure;
  readonly bounds: Bounds;
}

/** Why `value` is not acceptable for an assumption with these bounds, or undefined if it is. */
export function boundsProblem(value: number, bounds: Bounds): string | undefined {
  if (!Number.isFinite(value)) return "must be a finite number";
  if (bounds.integer && !Number.isInteger(value)) return "must be a whole number";
  const low = bounds.minInclusive ? value < bounds.min : value <= bounds.min;
  if (low || value > bounds.max) {
    const from = bounds.minInclusive ? `from ${bounds.min}` : `greater than ${bounds.min}`;
    return `must be ${from} up to ${bounds.max}`;
  }
  return undefined;
}
