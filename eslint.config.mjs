// Type-aware lint: no floating promises; src/core never imports vscode nor a Node built-in.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/cli.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core and the command line must not depend on the editor.' }] }],
    },
  },
  {
    // The core runs in Node, the CLI and the browser's web-worker extension host: no editor, no Node built-in.
    // What differs between hosts (workers, file access) is an interface here with implementations in src/extension.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core and the command line must not depend on the editor.' },
          ...NODE_BUILTINS.map((name) => ({ name, message: 'src/core runs in the browser host too: no Node built-ins (pass what differs in through an interface).' })),
        ],
        patterns: [{ group: ['node:*'], message: 'src/core runs in the browser host too: no Node built-ins (pass what differs in through an interface).' }],
      }],
      'no-restricted-globals': ['error',
        ...['Buffer', 'process', 'require', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({ name, message: 'src/core runs in the browser host too: no Node globals.' })),
      ],
    },
  },
  {
    // The extension runs in the browser's web-worker host too: only the Node host's own files may use Node built-ins.
    files: ['src/extension/**/*.ts'],
    ignores: ['src/extension/node.ts', 'src/extension/analysisWorker.ts', 'src/extension/platform/node*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: NODE_BUILTINS.map((name) => ({ name, message: 'src/extension runs in the browser host too: put Node-only code behind src/extension/platform (node.ts / platform/node*.ts).' })),
        patterns: [{ group: ['node:*'], message: 'src/extension runs in the browser host too: put Node-only code behind src/extension/platform (node.ts / platform/node*.ts).' }],
      }],
    },
  },
);
