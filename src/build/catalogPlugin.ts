// Vite plugin: validates scenarios/*.json with the engine's own loader at build time and serves the
// result as `virtual:pat-fence-catalog`. The browser then gets ready-made scenarios and ships
// neither the validators nor the Graph parsers on the first page (they stay lazy, in the lab).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';
import type { Catalog } from '../model/content/scenarioCatalog.ts';

type LoadCatalog = (files: Record<string, unknown>) => Catalog;

/** The engine's loader, run through tsx so that Vite's config bundle stays this one file. */
async function engineLoader(): Promise<LoadCatalog> {
  const mod = await tsImport('../model/content/scenarioCatalog.ts', import.meta.url);
  return mod.loadCatalog as LoadCatalog;
}

const ID = 'virtual:pat-fence-catalog';
const RESOLVED = `\0${ID}`;

export function readCatalogFiles(dir: string): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name.endsWith('.schema.json')) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    try {
      files[name] = JSON.parse(text);
    } catch (e) {
      // Left to the loader, which names the file and says what is wrong.
      files[name] = { $invalidJson: (e as Error).message };
    }
  }
  return files;
}

export function catalogPlugin(dir: string): Plugin {
  return {
    name: 'pat-fence-catalog',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      // Only files: Vite resolves a watched path as an import, and a folder (scenarios/lesson/)
      // made the dev server answer 500 on a fresh clone.
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isFile()) this.addWatchFile(path);
      }
      const loadCatalog = await engineLoader();
      const catalog = loadCatalog(readCatalogFiles(dir));
      for (const w of catalog.warnings) this.warn(w);
      // Errors reach the page too (App shows them), so a broken file is visible in dev.
      return `export default ${JSON.stringify(catalog)};`;
    },
  };
}
