/**
 * Errors the pricing engine reports. They map one-to-one onto Excel error values, so the
 * engine stays free of Office imports while the adapters in src/functions turn them into
 * `CustomFunctions.Error`s.
 *
 * - "value": an argument is of the wrong kind or out of range (`#VALUE!`).
 * - "na": a key, mode or combination does not exist in the price book (`#N/A`).
 * - "num": the result is not a finite number (`#NUM!`, shown by Excel without the message).
 */
export type PricingErrorKind = "value" | "na" | "num";

export class PricingError extends Error {
  constructor(
    readonly kind: PricingErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "PricingError";
  }
}

export const invalid = (message: string): PricingError => new PricingError("value", message);
export const notAvailable = (message: string): PricingError => new PricingError("na", message);
