// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.{ts,tsx,mts}'];

/** Imports flow one way: core ← api ← widget ← embed; server uses core only (docs/architecture.md, «Layers»). */
const boundaries = [
  { target: './src/core', from: './src', except: ['./core'], message: 'src/core is pure: it imports nothing of ours.' },
  { target: './src/server', from: './src', except: ['./core', './server'], message: 'src/server imports only src/core.' },
  { target: './src/api', from: './src', except: ['./core', './api'], message: 'src/api imports only src/core.' },
  { target: './src/widget', from: ['./src/embed', './src/server'], message: 'src/widget must not import embed or server.' },
  { target: './src/embed', from: './src/server', message: 'src/embed must not import the server.' },
];

/** Host-page safety: no HTML strings into the DOM, anywhere in our source. */
const noHtmlSinks = [
  { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Never write HTML strings: build elements or use text.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never write HTML strings: build elements or use text.' },
  { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: 'document.write is not allowed.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render HTML: render text.' },
  { selector: 'JSXAttribute[name.name=/^on[a-z]+$/][value.type="Literal"]', message: 'No inline event handlers.' },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'storybook-static', 'coverage', 'test-results', 'tests/package/consumer-app', '!.storybook'] },
  js.configs.recommended,
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: TS })),
  {
    files: ['**/*.{ts,tsx,mts,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      'import-x/no-cycle': 'off',
      'no-restricted-syntax': ['error', ...noHtmlSinks],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: TS,
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}', 'tests/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    // The core is pure: time comes in as a parameter, nothing touches the DOM, React or the network.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Pass the time in.' }],
      'no-restricted-syntax': [
        'error',
        ...noHtmlSinks,
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass the time in.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-*', 'react/*', 'node:*', 'fs', 'http', 'https'], message: 'src/core is pure.' }] },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'fetch', 'localStorage', 'process'],
    },
  },
);
