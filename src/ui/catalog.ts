// The scenario catalog, validated at build time by the model's loader (src/build/catalogPlugin.ts):
// the first page gets ready-made scenarios, not the validators.
import type { Catalog } from '../model/content/scenarioCatalog';
import catalogData from 'virtual:pat-fence-catalog';

export const catalog: Catalog = catalogData;
