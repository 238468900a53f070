// Lint: ESLint's and typescript-eslint's recommended rules, and the Office add-in rules of
// Microsoft's templates (eslint-plugin-office-addins: load before read, sync after load,
// isNullObject tests...). Formatting is prettier's job (`npm run format:check`), not ESLint's.
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

const officeRules = Object.fromEntries(
  Object.entries(officeAddins.configs.recommended.at(-1).rules).filter(([rule]) => rule.startsWith("office-addins/")),
);

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", ".tmp/", "coverage/", "bench/results.json"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeRules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // The adapters' parameter types are what custom-functions-metadata reads (any[][] is a range).
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
