import { CATALOGUE_HEADER, assumptionsMatching, type PriceBook } from "../pricing";
import { table } from "./excel";
import { live } from "./live";
import * as P from "./params";

/**
 * One value of the price book in force, by key.
 * Example: =GPU.PRICE("aws.p5.48xlarge.ondemand") = 55.04 (USD per instance-hour, after AWS's June 2025 cut).
 * Example: =GPU.PRICE("aws.p5.48xlarge.ondemand") = 98.32 in a workbook on edition 2023.10-1.
 * @customfunction PRICE
 * @helpurl https://localhost:3000/help.html#price
 * @param key Assumption key, any case, e.g. "aws.p5.48xlarge.ondemand", "h100-sxm.node_price", "facility.pue"; a range spills.
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns The value, in the unit GPU.ASSUMPTIONS lists for the key.
 */
export function price(key: any[][], scenario: any[][], invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  live(invocation, scenario, [key], priceElement);
}

/** GPU.PRICE of one element of its arguments' broadcast. */
function priceElement(book: PriceBook, key: unknown): number {
  return book.assumption(P.key(key)).value;
}

/**
 * Spills the price book in force: key, value, unit, source and as-of date of every assumption, or of those matching a filter.
 * Example: =GPU.ASSUMPTIONS("p5.48") lists the AWS p5.48xlarge rates.
 * @customfunction ASSUMPTIONS
 * @helpurl https://localhost:3000/help.html#assumptions
 * @param [filter] Text to look for in keys, labels and groups, e.g. "h100", "aws", "facility" (default: all).
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns A header row, then one row per assumption.
 */
export function assumptions(
  filter: string,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, (book) =>
    table(() => [
      [...CATALOGUE_HEADER],
      ...assumptionsMatching(book, P.filter(filter)).map((a) => [
        a.key,
        a.value,
        a.shipped.unit,
        a.shipped.source,
        a.shipped.asOf,
      ]),
    ]),
  );
}

/**
 * The price-book edition this workbook computes with (new workbooks start on the latest; the task pane's Update moves a workbook to a newer one).
 * Example: =GPU.EDITION() = "2026.11-1" in a new workbook.
 * @customfunction EDITION
 * @helpurl https://localhost:3000/help.html#edition
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns The edition, e.g. "2026.11-1".
 */
export function edition(scenario: any[][], invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  live(invocation, scenario, (book) => [[book.version]]);
}
