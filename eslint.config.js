// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'Only src/cli.ts may exit; throw a typed error instead.' },
      ],
    },
  },
  {
    // CommonJS: the binary (bin/package.json) and the .cjs helpers.
    files: ['bin/**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly', Buffer: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/cli.ts', 'scripts/**', 'test/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'console'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:fs', 'node:fs/*', 'node:process', 'node:readline', 'chalk', 'cli-table3', '@inquirer/*', 'commander'], message: 'The core is pure: no I/O, no terminal, no CLI.' },
            { group: ['../commands/*', '../../commands/*', '../render/*', '../../render/*', '../io/*', '../../io/*'], message: 'The core does not depend on outer layers.' },
          ],
        },
      ],
    },
  },
);
