import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'node_modules/**', '.tools/**', 'coverage/**', '.stryker-tmp*/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', performance: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly', URLSearchParams: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: ['../lib/*', '../../lib/*'], message: 'Import sources, not build output.' }] }],
    },
  },
  {
    // The pure layers (docs/architecture.md): plain data in, plain data out. No file system,
    // network, runner or SDK; the adapters in src/azure/ and the pipeline do the I/O.
    files: ['src/manifests/**/*.ts', 'src/secrets/**/*.ts', 'src/findings/**/*.ts', 'src/checks/**/*.ts', 'src/apply/{traffic-plan,gates,failure-codes,rollout-state,trace-tags}.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'http', 'node:http', 'https', 'node:https', 'net', 'node:net', 'tls', 'node:tls', 'dns', 'node:dns', 'child_process', 'node:child_process', 'undici'].map((name) => ({
            name,
            message: 'Pure layer: no I/O here. Read through an adapter (src/azure/) or take the data as a parameter.',
          })),
          patterns: [
            { group: ['@actions/*', '@azure/*'], message: 'Pure layer: the runner and the Azure SDKs belong to the pipeline and the adapters.' },
            { group: ['../azure/*', '!../azure/clouds.ts'], message: 'Pure layer: only the cloud table (pure data) may be imported from src/azure/.' },
            { group: ['../lib/*', '../../lib/*'], message: 'Import sources, not build output.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Pure layer: no network.' }],
    },
  },
);
