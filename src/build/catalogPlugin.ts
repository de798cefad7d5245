// Vite plugin: validates the teaching content at build time and serves it ready-made, so the
// browser ships neither the validator (ajv) nor the schemas, and the Graph parsers stay lazy:
// - `virtual:pat-fence-catalog`: scenarios/*.json, checked against scenario.schema.json and the
//   engine (src/model/content/scenarioCatalog.ts);
// - `virtual:pat-fence-landing`: the same check, but only the scenarios the landing page shows
//   (tagged "compare", without the player's words: landingCopy) and every file's errors: the
//   first page carries no other scenario;
// - `virtual:pat-fence-scenario/<id>`: one checked scenario, a chunk of its own, and
//   `virtual:pat-fence-scenarios`: their ids and titles with a loader each, so the player loads
//   a scenario when it is picked or linked (src/ui/scenarioShelf.svelte.ts); the full catalog
//   (the lesson, the rules page, the element) imports every scenario module, so the chunks are
//   shared, never duplicated;
// - `virtual:pat-fence-lesson`: scenarios/lesson/lesson.json and quiz.json, checked against their
//   schemas and the catalog (src/model/content/lessonCheck.ts).
// Problems reach the page too (App and the lesson list them), so a broken file is visible in dev.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';
import type { Catalog } from '../model/content/scenarioCatalog.ts';
import type { Lesson } from '../model/content/lesson.ts';
import type { Quiz } from '../model/content/quiz.ts';

type Scenarios = Catalog['scenarios'];
interface Loaders {
  loadCatalog: (files: Record<string, unknown>) => Catalog;
  loadLesson: (
    lesson: unknown,
    quiz: unknown,
    scenarios: Scenarios,
  ) => { lesson?: Lesson; quiz?: Quiz; errors: string[] };
  isCompareScenario: (s: Scenarios[number]) => boolean;
  landingCopy: (s: Scenarios[number]) => Scenarios[number];
  elementCopy: (s: Scenarios[number]) => Scenarios[number];
}

/** The model's loaders, run through tsx so that Vite's config bundle stays this one file. */
async function loaders(): Promise<Loaders> {
  const [catalog, lesson, compare, element] = await Promise.all([
    tsImport('../model/content/scenarioCatalog.ts', import.meta.url),
    tsImport('../model/content/lessonCheck.ts', import.meta.url),
    tsImport('../model/content/compare.ts', import.meta.url),
    tsImport('../model/content/elementCopy.ts', import.meta.url),
  ]);
  return {
    loadCatalog: catalog.loadCatalog,
    loadLesson: lesson.loadLesson,
    isCompareScenario: compare.isCompareScenario,
    landingCopy: compare.landingCopy,
    elementCopy: element.elementCopy,
  };
}

const CATALOG = 'virtual:pat-fence-catalog';
const LESSON = 'virtual:pat-fence-lesson';
const LANDING = 'virtual:pat-fence-landing';
const SCENARIOS = 'virtual:pat-fence-scenarios';
/** One scenario, `virtual:pat-fence-scenario/<id>`: a chunk of its own, loaded when picked. */
export const SCENARIO_MODULE = 'virtual:pat-fence-scenario/';
const ONE = SCENARIO_MODULE;
const IDS = [CATALOG, LESSON, LANDING, SCENARIOS];
const isOurs = (id: string) => IDS.includes(id) || id.startsWith(ONE);

interface JsonFile {
  json?: unknown;
  /** Set when the text is not JSON: the file name and the parser's words. */
  error?: string;
}

function readJson(path: string, name: string): JsonFile {
  try {
    return { json: JSON.parse(readFileSync(path, 'utf8')) };
  } catch (e) {
    return { error: `${name}: not valid JSON: ${(e as Error).message}` };
  }
}

/** The scenario files of `dir` (not the schema), by name, and a line for each that is not JSON. */
export function readCatalogFiles(dir: string): {
  files: Record<string, unknown>;
  errors: string[];
} {
  const files: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name.endsWith('.schema.json')) continue;
    const r = readJson(join(dir, name), name);
    if (r.error) errors.push(r.error);
    else files[name] = r.json;
  }
  return { files, errors };
}

function catalogOf(dir: string, load: Loaders): Catalog {
  const read = readCatalogFiles(dir);
  const catalog = load.loadCatalog(read.files);
  return { ...catalog, errors: [...read.errors, ...catalog.errors] };
}

/** Every file under `dir` (one level of folders): Vite resolves a watched path as an import, and
 * a folder (scenarios/lesson/) made the dev server answer 500 on a fresh clone. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isFile()) return [path];
    return readdirSync(path)
      .map((n) => join(path, n))
      .filter((p) => statSync(p).isFile());
  });
}

export interface CatalogOptions {
  /** The custom element build: the catalog without the fields its views never read. */
  element?: boolean;
}

export function catalogPlugin(dir: string, options: CatalogOptions = {}): Plugin {
  // Loaded once per server or build; the content is read and checked again at the start of each
  // build and after each edit, once for all the modules that show it.
  let loading: Promise<Loaders> | undefined;
  let checked: Promise<{ load: Loaders; catalog: Catalog }> | undefined;
  const check = () =>
    (checked ??= (async () => {
      const load = await (loading ??= loaders());
      const catalog = catalogOf(dir, load);
      const shown = options.element ? catalog.scenarios.map(load.elementCopy) : catalog.scenarios;
      return { load, catalog: { ...catalog, scenarios: shown } };
    })());
  const json = (v: unknown) => JSON.stringify(v);
  return {
    name: 'pat-fence-catalog',
    resolveId: (id) => (isOurs(id) ? `\0${id}` : undefined),
    buildStart() {
      checked = undefined;
    },
    // In dev, an edited content file reloads the page with freshly checked content.
    configureServer(server) {
      server.watcher.add(dir);
      const reload = (file: string) => {
        if (!file.startsWith(dir) || !file.endsWith('.json')) return;
        checked = undefined;
        const graph = server.environments.client.moduleGraph;
        for (const mod of graph.idToModuleMap.values())
          if (mod.id?.startsWith('\0virtual:pat-fence-')) graph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
    },
    load: {
      filter: { id: /^\0virtual:pat-fence-(catalog|lesson|landing|scenarios|scenario\/.*)$/ },
      async handler(id) {
        for (const path of filesUnder(dir)) this.addWatchFile(path);
        const { load, catalog } = await check();
        const name = id.slice(1);
        if (name.startsWith(ONE)) {
          const scenario = catalog.scenarios.find((s) => s.id === name.slice(ONE.length));
          if (!scenario) this.error(`No scenario ${name.slice(ONE.length)} in the catalog.`);
          return `export default ${json(scenario)};`;
        }
        if (name === SCENARIOS) {
          const index = catalog.scenarios.map(({ id, title }) => ({ id, title }));
          const loaders = catalog.scenarios.map(
            (s) => `${json(s.id)}: () => import(${json(ONE + s.id)}).then((m) => m.default)`,
          );
          return `export const index = ${json(index)};\nexport const loaders = {\n${loaders.join(',\n')}\n};`;
        }
        if (name === CATALOG) {
          for (const line of [...catalog.errors, ...catalog.warnings]) this.warn(line);
          const imports = catalog.scenarios.map((s, i) => `import s${i} from ${json(ONE + s.id)};`);
          const list = catalog.scenarios.map((_, i) => `s${i}`).join(', ');
          const rest = `errors: ${json(catalog.errors)}, warnings: ${json(catalog.warnings)}`;
          return `${imports.join('\n')}\nexport default { scenarios: [${list}], ${rest} };`;
        }
        if (name === LANDING) {
          const scenarios = catalog.scenarios.filter(load.isCompareScenario).map(load.landingCopy);
          const landing: Catalog = { scenarios, errors: catalog.errors, warnings: [] };
          return `export default ${json(landing)};`;
        }
        const lessonDir = join(dir, 'lesson');
        const files = ['lesson.json', 'quiz.json'].map((n) => readJson(join(lessonDir, n), n));
        const broken = files.flatMap((f) => (f.error ? [f.error] : []));
        const content = broken.length
          ? { errors: broken }
          : load.loadLesson(files[0]!.json, files[1]!.json, catalog.scenarios);
        for (const line of content.errors) this.warn(line);
        return `export default ${json(content)};`;
      },
    },
  };
}
