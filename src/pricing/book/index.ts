export * from "./types";
export * from "./editions";
