// The player's scenarios, one chunk each (src/ui/scenarioShelf.svelte.ts): loaded once, in catalog
// order, with a clear message and a retry when a chunk fails; a link's scenario, or the first.
import { describe, expect, it } from 'vitest';
import { index, loaders } from 'virtual:pat-fence-scenarios';
import catalog from 'virtual:pat-fence-catalog';
import type { Scenario } from '../../src/model/content/scenario';
import { loadFailed, ScenarioShelf, shelf } from '../../src/ui/scenarioShelf.svelte';

const byId = (id: string) => catalog.scenarios.find((s) => s.id === id)!;

describe('the build’s scenario index', () => {
  it('lists every checked scenario, in catalog order, with a loader each', () => {
    expect(index.map((e) => e.id)).toEqual(catalog.scenarios.map((s) => s.id));
    expect(index.map((e) => e.title)).toEqual(catalog.scenarios.map((s) => s.title));
    expect(Object.keys(loaders).sort()).toEqual(index.map((e) => e.id).sort());
  });
  it('each loader gives the same scenario as the full catalog', async () => {
    for (const { id } of index) expect(await loaders[id]!()).toEqual(byId(id));
  });
});

describe('ScenarioShelf', () => {
  const entries = [
    { id: 'a', title: 'Alpha' },
    { id: 'b', title: 'Beta' },
    { id: 'c', title: 'Gamma' },
  ];
  const fake = (id: string) => ({ ...byId('policy-on'), id, title: id }) as Scenario;
  function counted(fail: Set<string> = new Set()) {
    const calls: string[] = [];
    const load = Object.fromEntries(
      entries.map((e) => [
        e.id,
        () => {
          calls.push(e.id);
          return fail.has(e.id)
            ? Promise.reject(new TypeError('Failed to fetch'))
            : Promise.resolve(fake(e.id));
        },
      ]),
    );
    return { calls, shelf: new ScenarioShelf(entries, load) };
  }

  it('loads each scenario once, and keeps them in catalog order', async () => {
    const { calls, shelf: s } = counted();
    await Promise.all([s.load('c'), s.load('c')]);
    await s.load('a');
    await s.load('c');
    expect(calls).toEqual(['c', 'a']);
    expect(s.scenarios.map((x) => x.id)).toEqual(['a', 'c']);
    expect(s.has('a') && !s.has('b')).toBe(true);
  });

  it('a chunk that fails says which scenario, in words, and is tried again next time', async () => {
    const fail = new Set(['b']);
    const { calls, shelf: s } = counted(fail);
    await expect(s.load('b')).rejects.toThrow(loadFailed('Beta'));
    expect(loadFailed('Beta')).toBe(
      '“Beta” could not be loaded; the connection may be down. Pick it again to retry, or reload the page.',
    );
    expect(s.scenarios).toEqual([]);
    fail.delete('b');
    await s.load('b');
    expect(calls).toEqual(['b', 'b']);
    expect(s.scenarios.map((x) => x.id)).toEqual(['b']);
  });

  it('a link opens the scenario it names, else the first one', async () => {
    const { shelf: s } = counted();
    expect(s.idFor(new URLSearchParams('v=1&s=c'))).toBe('c');
    expect(s.idFor(new URLSearchParams('v=1&s=nope'))).toBe('a');
    expect(s.idFor(new URLSearchParams(''))).toBe('a');
    expect((await s.open(new URLSearchParams('v=1&s=b&p=x'))).map((x) => x.id)).toEqual(['b']);
  });

  it('the app’s shelf reads the build’s index', () => {
    expect(shelf.index).toEqual(index);
  });
});
