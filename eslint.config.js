import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Lint for real findings (types, hooks, accessibility); layout is Prettier's job (`npm run lint` runs both). */
export default tseslint.config(
  {
    ignores: [
      "build/",
      "public/build/",
      "generated/",
      "node_modules/",
      "test-results/",
      "playwright-report/",
      "tests/.tmp/",
      "bench/results/",
      "data/",
      ".cache/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // the React Compiler's stricter rules (new in react-hooks 7) flag patterns that work today (a render-time
      // ref in useSuccessKey, a header cell component inside a table): shown, not failing, until they are revisited
      "react-hooks/refs": "warn",
      "react-hooks/static-components": "warn",
      "react-hooks/set-state-in-effect": "warn",
      ...jsxA11y.flatConfigs.recommended.rules,
      // `_name` marks a parameter or binding kept on purpose
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // tests read loader/action results whose shape they assert, so `any` is honest there
    files: ["tests/**", "**/*.test.{ts,tsx}", "bench/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
  { files: ["**/*.{js,mjs,cjs}"], languageOptions: { globals: globals.node } },
  prettier,
);
