// The command line as plain JavaScript for the npm package: one ES module for Node 20 with the
// model and ipaddr.js bundled in, so an installed tarball runs with no TypeScript runner and no
// runtime dependencies. Run by `npm run build:cli` (and so by `npm pack`, through prepack).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('../..'),
  publicDir: false,
  logLevel: 'warn',
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: here('./bin.ts'),
    outDir: here('../../dist-cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      output: {
        format: 'es',
        entryFileNames: 'pat-fence.mjs',
        banner: '#!/usr/bin/env node',
        codeSplitting: false,
      },
    },
  },
});
