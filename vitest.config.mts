import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    setupFiles: ["test/setup.ts"],
    // The property-based and browser suites are slow by nature; no wall-clock asserts anywhere.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // CI asks for a JSON report to print its one-line summary (scripts/ci-summary.mjs).
    reporters: process.env.VITEST_JSON ? ["default", "json"] : ["default"],
    outputFile: process.env.VITEST_JSON ? { json: process.env.VITEST_JSON } : undefined,
  },
});
