/**
 * A number the add-in ships. Every default in the price book is a Figure: its value, the unit
 * it is expressed in, where it comes from and when it was true. Nothing in the pricing code
 * multiplies by a bare literal that is a price, a power or a rate: it reads a Figure.
 */
export interface Figure {
  readonly value: number;
  /** Unit of `value`, as shown to users ("USD/h", "W", "TFLOP/s", "fraction"...). */
  readonly unit: string;
  /** Who published the figure (or how it was derived from published figures). */
  readonly source: string;
  /** When the figure was true: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  readonly asOf: string;
  /** Why this value among disagreeing sources, or what it leaves out. */
  readonly note?: string;
}

/** Builds a Figure; a shorthand that keeps the price-book tables readable. */
export function fig(value: number, unit: string, source: string, asOf: string, note?: string): Figure {
  return note === undefined ? { value, unit, source, asOf } : { value, unit, source, asOf, note };
}
