/**
 * The one host for "call a function as Excel does" (issue 15): error codes, functions.json,
 * argument positions, the streaming invocation, what a cell shows. Pure TypeScript without Office
 * or Node imports: the CLI, the Node tests and (through a bundle) the browser tests use it, and
 * src/functions may import its error map.
 */
export * from "./errors";
export * from "./metadata";
export * from "./invoke";
export * from "./host";
