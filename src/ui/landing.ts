// The landing page's share of the catalog, checked at build time like the rest
// (src/build/catalogPlugin.ts): only the compare scenarios and every file's errors. The player and
// the embed load scenarios one by one (./scenarioShelf.svelte.ts); the lesson and the rules page
// load the full catalog (./catalog), which is those same chunks.
import type { Catalog } from '../model/content/scenarioCatalog';
import landingData from 'virtual:pat-fence-landing';

export const landing: Catalog = landingData;
