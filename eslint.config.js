import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

// The wings of src/model (README: How it is built) and what each may import besides ip, engine
// and graph. Peers are the few wing-to-wing uses that are part of the design: the lab builds on
// shared URL state, evidence and the sign-in log reader on the one token guard (share/tokenGuard),
// and nothing else.
const WINGS = ['ip', 'engine', 'graph', 'impact', 'evidence', 'content', 'lab', 'share'];
const PEERS = { impact: ['share'], evidence: ['share'], content: [], lab: ['share'], share: [] };
const WINGS_BUT = (allowed) => WINGS.filter((w) => !allowed.includes(w));

/** Patterns no file in src/model may import: UI libraries, the other layers, forbidden wings. */
function modelImports(forbiddenWings = []) {
  return [
    {
      group: ['svelte', 'svelte/*', 'd3-*', 'xstate', 'xstate/*'],
      message: 'src/model stays pure.',
    },
    {
      group: ['**/ui/**', '**/machines/**', '**/diagram/**', '**/worker/**', '**/cli/**'],
      message: 'Nothing in src/model imports the layers above it.',
    },
    ...forbiddenWings.map((w) => ({
      group: [`../${w}/*`, `../../${w}/*`, `**/model/${w}/*`],
      message: `This wing may not import model/${w} (imports run one way).`,
    })),
  ];
}

export default ts.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'tests/e2e-results/', 'tests/e2e-artifacts/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    // The model stays pure: no DOM, no clock, no UI libraries.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'fetch'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now' }],
      'no-restricted-imports': ['error', { patterns: modelImports() }],
    },
  },
  // Imports run one way: ip ← engine ← (graph) ← the other wings; nothing in model reaches up.
  {
    files: ['src/model/ip/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: modelImports(WINGS_BUT([])) }] },
  },
  {
    files: ['src/model/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: modelImports(WINGS_BUT(['ip'])) }] },
  },
  {
    files: ['src/model/graph/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: modelImports(WINGS_BUT(['ip', 'engine'])) }],
    },
  },
  ...['impact', 'evidence', 'content', 'lab', 'share'].map((wing) => ({
    files: [`src/model/${wing}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: modelImports(WINGS_BUT(['ip', 'engine', 'graph', wing, ...PEERS[wing]])) },
      ],
    },
  })),
  {
    rules: {
      'svelte/no-at-html-tags': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
);
