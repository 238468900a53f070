import {
  apiCostUsd,
  defaultServingPrecision,
  fleetCost as fleetCostOf,
  fleetSize as fleetSizeOf,
  gpuHourUsd,
  queryCostUsd,
  queryEnergyWh,
  servingPoint,
  shapeOf,
  tokenCostUsdPerMillion,
  type FleetInput,
  type PriceBook,
  type QueryInput,
  type ServingInput,
} from "../pricing";
import { table } from "./excel";
import { live, reading } from "./live";
import * as P from "./params";

/** The model of a `params` argument, with the book's default when omitted. */
function modelOf(book: PriceBook, params: unknown) {
  return shapeOf(book, P.optionalParams(params) ?? book.methods.modelParams);
}

/** The query both QUERYCOST and QUERYENERGY price, with the book's defaults filled in. */
function query(
  book: PriceBook,
  tokensOut: unknown,
  tokensIn: unknown,
  params: unknown,
  gpu: unknown,
  utilization: unknown,
): QueryInput {
  return {
    tokensOut: P.tokensOut(tokensOut),
    tokensIn: P.tokensIn(tokensIn) ?? book.methods.promptTokens,
    model: modelOf(book, params),
    gpu: book.accelerator(P.gpu(gpu)),
    utilization: P.utilization(utilization),
  };
}

/**
 * USD per LLM query: the accelerator-seconds of its prompt and output tokens (the serving model at the price book's serving batch, or 2 x params FLOP a token at a given utilisation), at the effective GPU-hour.
 * Example: =GPU.QUERYCOST(500,500,"llama-3.3-70b","H100-SXM") = 0.00081 on AWS on demand, batched.
 * Example: =GPU.QUERYCOST(500,500,175E9,"H100-SXM",,"capex") = 0.042 in edition 2023.10-1 (Bernstein's "about 4 cents" at batch 1).
 * @customfunction QUERYCOST
 * @helpurl https://localhost:3000/help.html#querycost
 * @param tokens_out Output tokens per query.
 * @param [tokens_in] Prompt tokens per query (default: method.prompt_tokens).
 * @param [params] Model: parameters (e.g. 70E9) or a reference model such as "llama-3.3-70b" (default: method.model_params).
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [utilization] Share of peak FLOP/s achieved, in (0, 1] (default: the serving model).
 * @param [pricing] "ondemand" (default), "reserved1y", "reserved3y", "spot", "block", "buy", "capex", "amortized", or USD per GPU-hour.
 * @param [provider] Cloud for rent modes (default "aws"), or "provider.instance".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns USD per query.
 */
export function queryCost(
  tokens_out: any[][],
  tokens_in: any[][],
  params: any[][],
  gpu: any[][],
  utilization: any[][],
  pricing: any[][],
  provider: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, [tokens_out, tokens_in, params, gpu, utilization, pricing, provider], queryCostElement);
}

/** GPU.QUERYCOST of one element of its arguments' broadcast. */
function queryCostElement(
  book: PriceBook,
  tokensOut: unknown,
  tokensIn: unknown,
  params: unknown,
  gpu: unknown,
  utilization: unknown,
  pricing: unknown,
  provider: unknown,
): number {
  return queryCostUsd(
    book,
    query(book, tokensOut, tokensIn, params, gpu, utilization),
    P.pricing(pricing),
    P.provider(provider),
  );
}

/**
 * Wh per LLM query at the facility meter: accelerator-seconds x server power per accelerator x average draw x PUE.
 * Example: =GPU.QUERYENERGY(500,500,"llama-3.3-70b") = 0.123 Wh (H100, batched).
 * Example: =GPU.QUERYENERGY(500) = 34.7 Wh in edition 2023.10-1 (H100, 175B model, batch-1 decode).
 * @customfunction QUERYENERGY
 * @helpurl https://localhost:3000/help.html#queryenergy
 * @param tokens_out Output tokens per query.
 * @param [tokens_in] Prompt tokens per query (default: method.prompt_tokens).
 * @param [params] Model: parameters or a reference model (default: method.model_params).
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [utilization] Share of peak FLOP/s achieved, in (0, 1] (default: the serving model).
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Wh per query.
 */
export function queryEnergy(
  tokens_out: any[][],
  tokens_in: any[][],
  params: any[][],
  gpu: any[][],
  utilization: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, [tokens_out, tokens_in, params, gpu, utilization], queryEnergyElement);
}

/** GPU.QUERYENERGY of one element of its arguments' broadcast: the query they describe, its energy. */
const queryEnergyElement = reading(query, queryEnergyWh);

/** The fleet FLEETSIZE and FLEETCOST size, with the book's defaults filled in. */
function fleet(
  book: PriceBook,
  queriesPerDay: unknown,
  tokensPerQuery: unknown,
  params: unknown,
  gpu: unknown,
  utilization: unknown,
  peakToAverage: unknown,
): FleetInput {
  const m = book.methods;
  return {
    queriesPerDay: P.queriesPerDay(queriesPerDay),
    tokensPerQuery: P.tokensPerQuery(tokensPerQuery) ?? m.promptTokens + m.outputTokens,
    model: modelOf(book, params),
    gpu: book.accelerator(P.gpu(gpu)),
    utilization: P.utilization(utilization),
    peakToAverage: P.peakToAverage(peakToAverage) ?? m.peakToAverage,
  };
}

/**
 * Accelerators needed to serve a daily query load, provisioned for its peak; never fewer than one copy of the model.
 * Example: =GPU.FLEETSIZE(1.1E9,1000,"llama-3.3-70b") = 5,376 H100 (1.1 billion queries a day, batched).
 * Example: =GPU.FLEETSIZE(1.1E9) = 1,330,155 H100 in edition 2023.10-1 (a tenth of Google Search on a 175B model at batch 1).
 * @customfunction FLEETSIZE
 * @helpurl https://localhost:3000/help.html#fleetsize
 * @param queries_per_day Queries a day.
 * @param [tokens_per_query] Prompt + output tokens (default: method.prompt_tokens + method.output_tokens).
 * @param [params] Model: parameters or a reference model (default: method.model_params).
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [utilization] Share of peak FLOP/s achieved, in (0, 1] (default: the serving model).
 * @param [peak_to_average] Peak load over average load, at least 1 (default: method.peak_to_average).
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Number of accelerators.
 */
export function fleetSize(
  queries_per_day: any[][],
  tokens_per_query: any[][],
  params: any[][],
  gpu: any[][],
  utilization: any[][],
  peak_to_average: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(
    invocation,
    scenario,
    [queries_per_day, tokens_per_query, params, gpu, utilization, peak_to_average],
    fleetSizeElement,
  );
}

/** GPU.FLEETSIZE of one element of its arguments' broadcast: the fleet they describe, its size. */
const fleetSizeElement = reading(fleet, fleetSizeOf);

/** FLEETCOST's row labels: stable, for XLOOKUP. */
export const FLEET_LABELS = [
  "Accelerators",
  "Up-front capex (USD)",
  "Yearly cost (USD)",
  "Cost per query (USD)",
  "Total over years (USD)",
] as const;

/**
 * What a fleet serving a daily query load costs: spills accelerators, up-front capex, yearly cost, cost per query and the total over the years.
 * Example: =GPU.FLEETCOST(1.1E9,,,,"capex") spills 1,330,155 accelerators, $51.1B up front, $17.0B a year, $0.042 a query in edition 2023.10-1.
 * @customfunction FLEETCOST
 * @helpurl https://localhost:3000/help.html#fleetcost
 * @param queries_per_day Queries a day.
 * @param [tokens_per_query] Prompt + output tokens (default: method.prompt_tokens + method.output_tokens).
 * @param [params] Model: parameters or a reference model (default: method.model_params).
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [pricing] "ondemand" (default), "reserved1y", "reserved3y", "spot", "block", "buy" (all-in), "capex" (chips only), "amortized", or USD per GPU-hour.
 * @param [years] Years the purchase is spread over (default: the depreciation life).
 * @param [provider] Cloud for rent modes (default "aws"), or "provider.instance".
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Two columns: label, value.
 */
export function fleetCost(
  queries_per_day: number,
  tokens_per_query: number,
  params: any,
  gpu: string,
  pricing: string | number,
  years: number,
  provider: string,
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, (book) =>
    table(() => {
      const f = fleet(book, queries_per_day, tokens_per_query, params, gpu, null, null);
      const c = fleetCostOf(
        book,
        f,
        P.pricing(pricing),
        P.optionalYears(years) ?? book.facility.depreciationYears,
        P.provider(provider),
      );
      const values = [c.accelerators, c.capexUsd, c.yearlyUsd, c.perQueryUsd, c.periodUsd];
      return FLEET_LABELS.map((label, i) => [label, values[i]!]);
    }),
  );
}

/** A serving run with the book's defaults filled in. */
function serving(
  book: PriceBook,
  model: unknown,
  gpu: unknown,
  precision: unknown,
  batch: unknown,
  tokensIn: unknown,
  tokensOut: unknown,
): ServingInput {
  const accelerator = book.accelerator(P.gpu(gpu));
  return {
    model: shapeOf(book, P.model(model)),
    gpu: accelerator,
    precision: P.servingPrecision(precision) ?? defaultServingPrecision(accelerator),
    batch: P.batch(batch),
    tokensIn: P.tokensIn(tokensIn) ?? book.methods.promptTokens,
    tokensOut: P.optionalTokensOut(tokensOut) ?? book.methods.outputTokens,
  };
}

/**
 * Output tokens a second per accelerator serving a model (prompt processing included), from a roofline of FLOP/s, memory bandwidth and memory: at the throughput-optimal batch that fits, or at a given batch.
 * Example: =GPU.TOKENSPERSEC("llama-3.3-70b","H100-SXM") = 2,368 (fp8, full load); at batch 1, =GPU.TOKENSPERSEC("llama-3.3-70b","H100-SXM",,1) = 19.8.
 * @customfunction TOKENSPERSEC
 * @helpurl https://localhost:3000/help.html#tokenspersec
 * @param model A reference model such as "llama-3.3-70b" (see GPU.ASSUMPTIONS("model.")), or a parameter count such as 70E9.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [precision] Serving precision: "fp4", "fp8", "bf16"... (default: "fp4" where the accelerator has it, else "fp8", else "bf16").
 * @param [batch] Sequences decoded together (default: the throughput-optimal batch that fits).
 * @param [tokens_in] Prompt tokens per sequence (default: method.prompt_tokens).
 * @param [tokens_out] Output tokens per sequence (default: method.output_tokens).
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns Output tokens per second per accelerator.
 */
export function tokensPerSec(
  model: any[][],
  gpu: any[][],
  precision: any[][],
  batch: any[][],
  tokens_in: any[][],
  tokens_out: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, [model, gpu, precision, batch, tokens_in, tokens_out], tokensPerSecElement);
}

/** GPU.TOKENSPERSEC of one element of its arguments' broadcast: the serving run they describe, its throughput. */
const tokensPerSecElement = reading(serving, (book, s) => servingPoint(book, s).tokensPerSecond);

/**
 * USD per million output tokens served on rented or owned accelerators, prompt processing included.
 * Example: =GPU.TOKENCOST("llama-3.3-70b","H100-SXM","ondemand","aws") = 0.81 USD per million output tokens.
 * @customfunction TOKENCOST
 * @helpurl https://localhost:3000/help.html#tokencost
 * @param model A reference model such as "llama-3.3-70b", or a parameter count such as 70E9.
 * @param [gpu] Accelerator, e.g. "H100-SXM" (default).
 * @param [pricing] "ondemand" (default), "reserved1y", "reserved3y", "spot", "block", "buy", "capex", "amortized", or USD per GPU-hour.
 * @param [provider] Cloud for rent modes (default "aws"), or "provider.instance".
 * @param [precision] Serving precision: "fp4", "fp8", "bf16"... (default: "fp4" where the accelerator has it, else "fp8", else "bf16").
 * @param [batch] Sequences decoded together (default: the throughput-optimal batch that fits).
 * @param [tokens_in] Prompt tokens per sequence (default: method.prompt_tokens).
 * @param [tokens_out] Output tokens per sequence (default: method.output_tokens).
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns USD per million output tokens.
 */
export function tokenCost(
  model: any[][],
  gpu: any[][],
  pricing: any[][],
  provider: any[][],
  precision: any[][],
  batch: any[][],
  tokens_in: any[][],
  tokens_out: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(
    invocation,
    scenario,
    [model, gpu, pricing, provider, precision, batch, tokens_in, tokens_out],
    tokenCostElement,
  );
}

/** GPU.TOKENCOST of one element of its arguments' broadcast. */
function tokenCostElement(
  book: PriceBook,
  model: unknown,
  gpu: unknown,
  pricing: unknown,
  provider: unknown,
  precision: unknown,
  batch: unknown,
  tokensIn: unknown,
  tokensOut: unknown,
): number {
  const s = serving(book, model, gpu, precision, batch, tokensIn, tokensOut);
  const rate = gpuHourUsd(book, s.gpu, P.pricing(pricing), P.provider(provider));
  return tokenCostUsdPerMillion(servingPoint(book, s), rate);
}

/**
 * USD an LLM API charges for a number of prompt and output tokens, at its list price in the price book.
 * Example: =GPU.APICOST("gpt-4o",1E6,1E6) = 12.50.
 * @customfunction APICOST
 * @helpurl https://localhost:3000/help.html#apicost
 * @param model An API model, e.g. "gpt-4o" (see GPU.ASSUMPTIONS("api.")).
 * @param tokens_in Prompt tokens.
 * @param tokens_out Output tokens.
 * @param [scenario] Scenario name, or a two-column range of key/value overrides (default: the active scenario).
 * @returns USD.
 */
export function apiCost(
  model: any[][],
  tokens_in: any[][],
  tokens_out: any[][],
  scenario: any[][],
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  live(invocation, scenario, [model, tokens_in, tokens_out], apiCostElement);
}

/** GPU.APICOST of one element of its arguments' broadcast. */
function apiCostElement(book: PriceBook, model: unknown, tokensIn: unknown, tokensOut: unknown): number {
  return apiCostUsd(book.api(P.api(model)), P.apiTokensIn(tokensIn), P.apiTokensOut(tokensOut));
}
