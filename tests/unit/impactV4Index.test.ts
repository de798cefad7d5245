// The batch path's IPv4 index: the same answers as a Map, through growth, for any 32-bit keys
// (those past 2^31 included, stored as int32).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { V4Index } from '../../src/model/impact/impactV4Index';

describe('V4Index', () => {
  it('finds what a Map finds, through growth, keys above 2^31 included', () => {
    const key = fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 64 }));
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 3000 }),
        fc.array(key, { maxLength: 200 }),
        (keys, probes) => {
          const index = new V4Index();
          const map = new Map<number, number>();
          for (const k of keys) {
            if (map.has(k)) continue;
            expect(index.get(k)).toBe(-1);
            index.set(k, map.size);
            map.set(k, map.size);
          }
          for (const k of [...keys, ...probes]) expect(index.get(k)).toBe(map.get(k) ?? -1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
