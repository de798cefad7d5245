// Second build: dist/pat-fence-scenario.js, one classic script that defines <pat-fence-scenario>.
// Its CSS (components + element.css) is moved into the script as a string, so the element needs
// no stylesheet file and no inline <style> (see main.ts). Runs after the app build (same outDir).
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { catalogPlugin } from '../build/catalogPlugin.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const PLACEHOLDER = '__PAT_FENCE_ELEMENT_CSS__';

function cssIntoScript(): Plugin {
  return {
    name: 'pat-fence-css-into-script',
    enforce: 'post',
    generateBundle(_options, bundle) {
      let css = '';
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type === 'asset' && name.endsWith('.css')) {
          css += String(file.source);
          delete bundle[name];
        }
      }
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      const target = chunks.find((c) => c.code.includes(PLACEHOLDER));
      if (!target) this.error(`The CSS placeholder ${PLACEHOLDER} is missing from the bundle.`);
      target.code = target.code.replace(new RegExp(`(["'\`])${PLACEHOLDER}\\1`), () =>
        JSON.stringify(css),
      );
    },
  };
}

export default defineConfig({
  root: here('..'),
  base: './',
  publicDir: false,
  // The catalog as the elements show it: validated like the app's, then without the fields only
  // the app's other views read (src/model/content/elementCopy.ts).
  plugins: [
    catalogPlugin(here('../../scenarios'), { element: true }),
    svelte({ compilerOptions: { discloseVersion: false } }),
    cssIntoScript(),
  ],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: here('../../dist'),
    emptyOutDir: false,
    target: 'es2022',
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    lib: {
      entry: here('./main.ts'),
      name: 'PatFenceScenario',
      formats: ['iife'],
      fileName: () => 'pat-fence-scenario.js',
      cssFileName: 'pat-fence-scenario',
    },
  },
});
