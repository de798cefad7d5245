import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { catalogPlugin, SCENARIO_MODULE } from './src/build/catalogPlugin.ts';
import { prerenderPlugin } from './src/build/prerenderPlugin.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const SCENARIO_CHUNK = /(^|\/)scenario-[^/]*\.js$/;

/** The strict policy the built app must run under (issue: share and embed). */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

// The page lives in src/ (the top level holds only the project's fixed entries).
// base './' makes the build work from any sub-path of any static host.
export default defineConfig({
  root: here('./src'),
  base: './',
  publicDir: here('./static'),
  // The dev-server end-to-end test points this at a fresh folder, as on a fresh clone.
  ...(process.env.PAT_FENCE_CACHE_DIR ? { cacheDir: process.env.PAT_FENCE_CACHE_DIR } : {}),
  plugins: [
    // No window.__svelte version stamp: nothing reads it, and the first page pays for every byte.
    svelte({ compilerOptions: { discloseVersion: false } }),
    catalogPlugin(here('./scenarios')),
    prerenderPlugin({
      entry: here('./src/build/prerenderEntry.ts'),
      scenarios: here('./scenarios'),
      boot: here('./src/boot.js'),
    }),
  ],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Inline nothing as data: URIs so that the strict CSP needs no exceptions for scripts.
    assetsInlineLimit: 0,
    // Every browser the app supports has modulepreload; the polyfill would cost the first page.
    // The scenario chunks are left out of the preload lists: the first page would otherwise carry
    // every scenario's file name for the lesson and rules pages (they load them through the
    // catalog chunk instead), and grow with each scenario added.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps) => deps.filter((d) => !SCENARIO_CHUNK.test(d)),
    },
    rolldownOptions: {
      output: {
        // One file per scenario (src/build/catalogPlugin.ts), named so: assets/scenario-<id>-….js.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => id.includes(SCENARIO_MODULE))
            ? 'assets/scenario-[name]-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
  worker: { format: 'es' },
  // The preview server (used by the end-to-end tests) serves the build under the strict CSP.
  preview: { headers: { 'Content-Security-Policy': CSP } },
  test: {
    root: here('.'),
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Property tests and the packed-CLI test do real work; 5 s is too tight on a loaded 2-core box.
    testTimeout: 30_000,
  },
});
