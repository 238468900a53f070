/** The pricing engine: pure, deterministic, no Office import. */
export * from "./errors";
export * from "./figure";
export * from "./assumptions";
export * from "./book";
export * from "./priceBook";
export * from "./active";
export * from "./defaults";
export * from "./modes";
export * from "./time";
export * from "./cluster";
export * from "./compute";
export * from "./scaling";
