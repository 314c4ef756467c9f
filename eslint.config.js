// A small rule set: real mistakes (unused code, unsafe patterns, misused promises are left to
// `astro check`), not style. Formatting is prettier's job (.prettierrc.json), so no style rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'release/',
      '.astro/',
      '.bench/',
      '.subpath/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'public/',
      'tests/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Comma expressions like `count++, list.push(x)` are used on purpose in a few loops.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // The privacy and text rules look for control characters on purpose.
      'no-control-regex': 'off',
      // An ideographic space (U+3000) in Chinese text or a string is typography, not a mistake.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipRegExps: true }],
      // zod, Pagefind and DOM boundaries need an escape hatch now and then; strict tsc checks the rest.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
