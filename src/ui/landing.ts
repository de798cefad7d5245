// The landing page's share of the catalog, checked at build time like the rest
// (src/build/catalogPlugin.ts): only the compare scenarios and every file's errors. The full
// catalog (./catalog) is a lazy chunk that the player, embed, lesson and rules views load.
import type { Catalog } from '../model/content/scenarioCatalog';
import landingData from 'virtual:pat-fence-landing';

export const landing: Catalog = landingData;

/** The full catalog, loaded once, when a view that lists every scenario is opened. */
export const loadCatalog = (): Promise<Catalog> => import('./catalog').then((m) => m.catalog);
