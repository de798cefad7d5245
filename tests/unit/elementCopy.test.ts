// The custom element's catalog (src/model/content/elementCopy.ts): the same scenarios, the same
// engine answers for every play and variant, minus the two fields only the app's player reads.
import { describe, expect, it } from 'vitest';
import { readCatalogFiles } from '../../src/build/catalogPlugin';
import { elementCopy } from '../../src/model/content/elementCopy';
import { runPlay, variantsOf } from '../../src/model/content/scenario';
import { loadCatalog } from '../../src/model/content/scenarioCatalog';

const dir = new URL('../../scenarios', import.meta.url).pathname;
const { scenarios } = loadCatalog(readCatalogFiles(dir).files);

describe('elementCopy', () => {
  it('covers the whole catalog', () => expect(scenarios.length).toBeGreaterThan(10));
  it.each(scenarios.map((s) => [s.id, s] as const))(
    '%s: every play and variant gets the same decision',
    (_id, s) => {
      const copy = elementCopy(s);
      for (const play of s.plays) {
        const p = copy.plays.find((q) => q.id === play.id)!;
        expect(runPlay(copy, p)).toEqual(runPlay(s, play));
        for (const v of variantsOf(s, play))
          expect(runPlay(copy, p, v)).toEqual(runPlay(s, play, v));
      }
    },
  );
  it.each(scenarios.map((s) => [s.id, s] as const))(
    '%s: only the Graph JSON and the source list are left out',
    (_id, s) => {
      const { graph, sources, ...rest } = elementCopy(s);
      expect(graph).toEqual({ namedLocations: [], policies: [] });
      expect(sources).toEqual([]);
      const { graph: _g, sources: _s, ...full } = s;
      expect(rest).toEqual(full);
    },
  );
});
