// The teaching content under test: every scenario file validates, and the engine agrees with
// every expected outcome and produces exactly one trace step per line of narration.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildRequest,
  buildWorld,
  runPlay,
  variantsOf,
  type Expectation,
  type Scenario,
} from '../../src/model/content/scenario';
import { loadCatalog } from '../../src/model/content/scenarioCatalog';
import { validateScenario } from '../../src/model/content/scenarioCheck';
import type { Decision } from '../../src/model/engine/types';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .sort();
const raw: Record<string, unknown> = Object.fromEntries(
  files.map((f) => [f, JSON.parse(readFileSync(dir + f, 'utf8'))]),
);

function load(file: string): Scenario {
  const r = validateScenario(raw[file], file);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function decide(s: Scenario, playId: string, variantId?: string): Decision {
  const play = s.plays.find((p) => p.id === playId)!;
  const variant = s.variants.find((v) => v.id === variantId);
  const r = runPlay(s, play, variant);
  if (!r.ok) throw new Error(`${s.id}/${playId}: ${r.error}`);
  return r.value;
}

/** The parts of a Decision an expectation states, so a mismatch shows as one readable diff. */
function observed(d: Decision, e: Expectation): Expectation {
  return {
    outcome: d.outcome,
    ...(e.status !== undefined && { status: d.status }),
    ...(e.code !== undefined && { code: d.code }),
    ...(e.decidedBy !== undefined && { decidedBy: d.decidedBy }),
  };
}

/** Rough sentence count: a stop followed by a capital letter, a quote, or the end. */
const sentences = (text: string) => text.match(/[.!?](?=\s+["“A-Z]|$)/g)?.length ?? 0;

const scenarios = files.map(load);
const plays = scenarios.flatMap((s) => s.plays.map((p) => ({ s, p, name: `${s.id} / ${p.id}` })));
const variants = scenarios.flatMap((s) =>
  s.variants.map((v) => ({ s, v, name: `${s.id} / ${v.play} + ${v.id}` })),
);

describe('scenario files', () => {
  it('exist, including the ones the lesson relies on', () => {
    const ids = files.map((f) => f.replace(/\.json$/, ''));
    for (const id of [
      'policy-off',
      'policy-on',
      'web-vs-pat-mfa',
      'existing-pat',
      'ssh-key',
      'ipv6-gap',
      'split-tunnel',
      'hosted-agent',
      'report-only',
    ])
      expect(ids).toContain(id);
  });

  it.each(files)('%s validates cleanly and points at the schema', (file) => {
    const r = validateScenario(raw[file], file);
    expect(r.ok ? [] : r.error.split('\n')).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect((raw[file] as { $schema?: string }).$schema).toBe('./scenario.schema.json');
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s reads well', (_, s) => {
    expect(sentences(s.summary)).toBeGreaterThanOrEqual(2);
    expect(sentences(s.summary)).toBeLessThanOrEqual(3);
    expect(sentences(s.goal)).toBe(1);
    for (const line of [...s.plays, ...s.variants].flatMap((x) => x.narration))
      expect(sentences(line), line).toBeLessThanOrEqual(2);
  });
});

describe('the engine agrees with every play', () => {
  it.each(plays)('$name', ({ s, p }) => {
    const d = decide(s, p.id);
    expect(observed(d, p.expect)).toEqual(p.expect);
    expect(p.narration).toHaveLength(d.trace.length);
  });
});

describe('the engine agrees with every variant', () => {
  it.each(variants)('$name', ({ s, v }) => {
    const d = decide(s, v.play, v.id);
    expect(observed(d, v.expect)).toEqual(v.expect);
    expect(v.narration).toHaveLength(d.trace.length);
  });
});

describe('building a play', () => {
  const s = load('split-tunnel.json');
  it('takes the addresses from the actor', () => {
    const req = buildRequest(
      s,
      s.plays.find((p) => p.id === 'split')!,
    );
    expect(req).toMatchObject({ flow: 'web', ip: '100.64.23.77', signinIp: '198.51.100.37' });
    expect('country' in req).toBe(false);
  });
  it('applies a variant to a copy of the world', () => {
    const v6 = load('ipv6-gap.json');
    const variant = v6.variants[0]!;
    const hq = (w: ReturnType<typeof buildWorld>) => w.locations.find((l) => l.isTrusted)!;
    expect(hq(buildWorld(v6, variant)).ipRanges).toContain('2001:db8:10::/48');
    expect(hq(buildWorld(v6)).ipRanges).not.toContain('2001:db8:10::/48');
    expect(buildWorld(v6)).toBe(v6.world);
  });
  it('lists the variants of a play', () => {
    const off = load('policy-off.json');
    expect(variantsOf(off, off.plays[1]!).map((v) => v.id)).toEqual(['turn-on-stranger']);
  });
  it('answers an error, not a throw, for an unknown actor', () => {
    const play = { ...s.plays[0]!, actor: 'nobody' };
    expect(runPlay(s, play)).toMatchObject({ ok: false });
  });
});

describe('loadCatalog over the real files', () => {
  it('loads every file, sorted by order, with no problems', () => {
    const c = loadCatalog(raw);
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([]);
    expect(c.scenarios).toHaveLength(files.length);
    const orders = c.scenarios.map((s) => s.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(c.scenarios[0]!.id).toBe('policy-off');
  });
  it('accepts the module namespaces an eager import.meta.glob gives', () => {
    const glob = Object.fromEntries(
      files.map((f) => [`../../scenarios/${f}`, { default: raw[f], id: 'ignored' }]),
    );
    const c = loadCatalog(glob);
    expect(c.errors).toEqual([]);
    expect(c.scenarios).toHaveLength(files.length);
  });
});
