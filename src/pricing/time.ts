/**
 * Calendar conventions. These are definitions, not prices: cloud providers bill 730 hours a
 * month (8,760 a year) and the founding analysis counts 26,280 hours in three years.
 */
export const HOURS_PER_DAY = 24;
export const DAYS_PER_YEAR = 365;
export const HOURS_PER_YEAR = HOURS_PER_DAY * DAYS_PER_YEAR;
export const MONTHS_PER_YEAR = 12;
export const SECONDS_PER_HOUR = 3600;

/** Hours in `years` years: hoursIn(3) = 26,280. */
export function hoursIn(years: number): number {
  return years * HOURS_PER_YEAR;
}
