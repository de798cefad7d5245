// Vite plugin: after the app's build, renders the landing page (`#/`) with Svelte's server
// renderer and writes its markup into index.html's <div id="app">, so the first paint needs no
// script. The browser then hydrates it (src/main.ts), or, for any other hash, replaces it
// (src/boot.js, a classic script in <head>, hides it first, so no wrong page shows). Server rendering emits no <style> and no
// inline script: the component CSS is the build's stylesheet, and the strict CSP holds.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, minify, type Plugin } from 'vite';
import { catalogPlugin } from './catalogPlugin.ts';

const MOUNT = '<div id="app"></div>';

/** Puts the rendered markup into the page, or says why it cannot. */
export function injectLanding(html: string, body: string): string {
  if (!html.includes(MOUNT)) throw new Error(`index.html: ${MOUNT} is missing, nothing to fill`);
  if (/<style[\s>]|<script(?![^>]*\bsrc=)[^>]*>/i.test(body))
    throw new Error('the prerendered landing page holds an inline <style> or <script>');
  return html.replace(MOUNT, () => `<div id="app" data-prerendered="landing">${body}</div>`);
}

export function prerenderPlugin(opts: { entry: string; scenarios: string; boot: string }): Plugin {
  let outDir = '';
  let root = '';
  let skip = true;
  return {
    name: 'pat-fence-prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      skip = Boolean(config.build.ssr) || Boolean(config.build.lib);
    },
    // boot.js minified but not bundled, with no hash: it must run before the first paint.
    async generateBundle() {
      if (skip) return;
      const { code } = await minify('boot.js', readFileSync(opts.boot, 'utf8'), {});
      this.emitFile({ type: 'asset', fileName: 'boot.js', source: code });
    },
    transformIndexHtml: {
      order: 'post',
      handler: () =>
        skip ? [] : [{ tag: 'script', attrs: { src: './boot.js' }, injectTo: 'head' }],
    },
    async writeBundle() {
      if (skip) return;
      const tmp = mkdtempSync(join(tmpdir(), 'pat-fence-prerender-'));
      try {
        await build({
          configFile: false,
          root,
          logLevel: 'warn',
          plugins: [svelte(), catalogPlugin(opts.scenarios)],
          // Everything in one file that Node can run from a temporary folder.
          ssr: { noExternal: true },
          build: {
            ssr: opts.entry,
            outDir: tmp,
            emptyOutDir: true,
            target: 'node20',
            rolldownOptions: { output: { entryFileNames: 'prerender.mjs', format: 'es' } },
          },
        });
        const mod = (await import(pathToFileURL(join(tmp, 'prerender.mjs')).href)) as {
          renderLanding: () => { head: string; body: string };
        };
        const { body } = mod.renderLanding();
        const page = join(outDir, 'index.html');
        writeFileSync(page, injectLanding(readFileSync(page, 'utf8'), body));
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
}
