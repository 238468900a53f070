import { PRECISIONS, RENT_MODES, type Precision, type RentMode } from "./book/types";
import { listOf, quote } from "./closest";
import { invalid } from "./errors";

/**
 * How compute is paid for: owned ("capex" alone, all-in "buy", or "amortized": the value the
 * hardware loses while it runs plus its energy, as Epoch AI prices training runs), rented, or
 * a custom rate.
 */
export type Pricing =
  | { readonly kind: "capex" }
  | { readonly kind: "buy" }
  | { readonly kind: "amortized" }
  | { readonly kind: "rent"; readonly mode: RentMode }
  /** A negotiated price in USD per GPU-hour. */
  | { readonly kind: "rate"; readonly usdPerGpuHour: number };

export const OWN_MODES = ["capex", "buy", "amortized"] as const;
export type OwnMode = (typeof OWN_MODES)[number];
export const PRICING_MODES: readonly string[] = [...OWN_MODES, ...RENT_MODES];

/** Every named pricing, parsed once (a recalculation reads the same few names thousands of times). */
const NAMED_PRICING: ReadonlyMap<string, Pricing> = new Map<string, Pricing>([
  ...OWN_MODES.map((kind) => [kind, Object.freeze({ kind })] as const),
  ...RENT_MODES.map((mode) => [mode, Object.freeze({ kind: "rent", mode })] as const),
]);

/**
 * Reads a `pricing` argument: a mode name in any case, or a number (USD per GPU-hour).
 * parsePricing("Reserved3Y") = { kind: "rent", mode: "reserved3y" }.
 */
export function parsePricing(value: string | number): Pricing {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) {
      throw invalid(`pricing as a number is a price in USD per GPU-hour and must be 0 or more; got ${value}.`);
    }
    return { kind: "rate", usdPerGpuHour: value };
  }
  const known = NAMED_PRICING.get(value) ?? NAMED_PRICING.get(value.trim().toLowerCase());
  if (known) return known;
  throw invalid(`Unknown pricing ${quote(value)}. Use ${listOf(PRICING_MODES)}, or a price in USD per GPU-hour.`);
}

/** Whether `pricing` prices owned hardware (capex, buy, amortized) rather than rent. */
export function isOwned(pricing: Pricing): pricing is Extract<Pricing, { kind: OwnMode }> {
  return (OWN_MODES as readonly string[]).includes(pricing.kind);
}

/**
 * The rent a comparison with owning is made against (BREAKEVEN, CASHFLOWS): a rent mode or a
 * rate; #VALUE! for an owned mode.
 */
export function rentOnly(pricing: Pricing, fn: string): Exclude<Pricing, { kind: OwnMode }> {
  if (isOwned(pricing)) {
    throw invalid(
      `pricing for ${fn} is the rent owning is compared with: ${listOf(RENT_MODES)} or a USD per GPU-hour rate, not "${pricing.kind}".`,
    );
  }
  return pricing as Exclude<Pricing, { kind: OwnMode }>;
}

/** Reads a `precision` argument in any case: parsePrecision("FP8") = "fp8". */
export function parsePrecision(value: string): Precision {
  const p = value.trim().toLowerCase();
  if ((PRECISIONS as readonly string[]).includes(p)) return p as Precision;
  throw invalid(`Unknown precision ${quote(value)}. Use ${listOf(PRECISIONS)}.`);
}
