// The scenario catalog, bundled at build time from scenarios/*.json and validated by the engine.
import { loadCatalog } from '../model/scenarioCatalog';

const files = import.meta.glob('../../scenarios/*.json', { eager: true, import: 'default' });

export const catalog = loadCatalog(
  Object.fromEntries(Object.entries(files).filter(([path]) => !path.endsWith('.schema.json'))),
);
