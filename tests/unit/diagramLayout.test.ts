// The flow diagram's pure layout: everything fits the viewBox at phone, laptop and projector
// widths, nothing overlaps, the trusted boundary holds exactly the trusted actors, and the route
// differs between sign-in flows (through Entra) and PAT/SSH (past it).
import { describe, expect, it } from 'vitest';
import { computeLayout, WIDE_FROM } from '../../src/diagram/layout';
import { nodeLabels } from '../../src/diagram/words';
import { STAGES } from '../../src/diagram/stages';
import { textWidth, smallText } from '../../src/diagram/text';
import type { ActorKind, Checkpoint, DiagramLayout, Rect } from '../../src/diagram/types';
import type { Flow } from '../../src/model/engine/types';

const WIDTHS = [320, 360, 414, 719, 720, 768, 1024, 1280, 1920];
const ACTORS: ActorKind[] = ['onprem', 'vpn', 'external', 'pipeline'];
const FLOWS: Flow[] = ['pat', 'ssh', 'web', 'oauth'];
const RANGES = ['10.0.0.0/8', '203.0.113.0/24', '2001:db8::/32', '198.51.100.0/24'];
const EPS = 0.5;

const cases = WIDTHS.flatMap((width) =>
  ACTORS.flatMap((actor) =>
    FLOWS.flatMap((flow) =>
      [true, false].map((orgPolicyOn) => ({ width, actor, flow, orgPolicyOn })),
    ),
  ),
);

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;
const inside = (a: Rect, b: Rect) =>
  a.x >= b.x - EPS &&
  a.y >= b.y - EPS &&
  a.x + a.w <= b.x + b.w + EPS &&
  a.y + a.h <= b.y + b.h + EPS;
const square = (p: { x: number; y: number }, r: number): Rect => ({
  x: p.x - r,
  y: p.y - r,
  w: 2 * r,
  h: 2 * r,
});
const node = (l: DiagramLayout, id: string) => l.nodes.find((n) => n.id === id) as Rect;

function drawn(l: DiagramLayout): [string, Rect][] {
  const link = l.policyLink?.label;
  const linkW = link ? textWidth(link.text, smallText(l.fontSize)) : 0;
  return [
    ...l.nodes.map((n): [string, Rect] => [n.id, n]),
    ...l.checkpoints.map((c): [string, Rect] => [`${c.stage} label`, c.labelBox]),
    ...l.checkpoints.map((c): [string, Rect] => [`${c.stage} badge`, square(c, l.badgeRadius)]),
    ['outcome', l.outcome],
    ...(link
      ? [
          [
            'link label',
            { x: link.x - linkW / 2, y: link.y - l.fontSize, w: linkW, h: l.fontSize },
          ] as [string, Rect],
        ]
      : []),
  ];
}

describe('computeLayout', () => {
  it.each(cases)('$width px, $actor, $flow, policy $orgPolicyOn: fits the viewBox', (c) => {
    const l = computeLayout({ ...c, trustedRanges: RANGES });
    const view = { x: 0, y: 0, w: l.width, h: l.height };
    expect(l.width).toBe(c.width);
    expect(l.orientation).toBe(c.width >= WIDE_FROM ? 'wide' : 'narrow');
    for (const [name, r] of [...drawn(l), ['boundary', l.boundary] as [string, Rect]]) {
      expect(inside(r, view), name).toBe(true);
    }
    for (const s of l.samples) expect(inside({ ...s, w: 0, h: 0 }, view)).toBe(true);
  });

  it.each(cases)('$width px, $actor, $flow, policy $orgPolicyOn: nothing overlaps', (c) => {
    const l = computeLayout({ ...c, trustedRanges: RANGES });
    const items = drawn(l);
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const [a, ra] = items[i] as [string, Rect];
        const [b, rb] = items[j] as [string, Rect];
        expect(overlaps(ra, rb), `${a} × ${b}`).toBe(false);
      }
    }
    for (const n of l.nodes.filter((n) => n.id !== 'actor')) {
      expect(overlaps(n, l.boundary), `${n.id} × boundary`).toBe(false);
    }
    expect(overlaps(l.outcome, l.boundary)).toBe(false);
  });

  it.each(cases)('$width px, $actor, $flow, policy $orgPolicyOn: text fits its box', (c) => {
    const l = computeLayout({ ...c, trustedRanges: RANGES });
    const small = smallText(l.fontSize);
    expect(small).toBeGreaterThanOrEqual(12);
    for (const n of l.nodes) {
      expect(textWidth(n.label, l.fontSize, true), n.label).toBeLessThanOrEqual(n.w);
      expect(textWidth(n.sublabel, small), n.sublabel).toBeLessThanOrEqual(n.w);
      if (n.pill) expect(textWidth(n.pill, small), n.pill).toBeLessThanOrEqual(n.w);
    }
    for (const line of l.boundary.lines) {
      expect(textWidth(line, small), line).toBeLessThanOrEqual(l.boundary.w);
    }
  });

  it.each(cases)('$width px, $actor, $flow, policy $orgPolicyOn: checkpoints in order', (c) => {
    const l = computeLayout({ ...c, trustedRanges: RANGES });
    expect(l.checkpoints.map((cp) => cp.stage)).toEqual(STAGES);
    const ts = l.checkpoints.map((cp) => cp.t);
    expect(ts[0]).toBeGreaterThan(0);
    expect(ts[ts.length - 1]).toBeLessThan(1);
    for (let i = 1; i < ts.length; i++) expect(ts[i]).toBeGreaterThan(ts[i - 1] as number);
    for (const cp of l.checkpoints) {
      expect(cp.holdBefore).toBeLessThan(cp.t);
      const at = l.pointAt(cp.t);
      expect(at.x).toBeCloseTo(cp.x, 5);
      expect(at.y).toBeCloseTo(cp.y, 5);
    }
    // The token waiting at a gate covers neither that badge nor the one before it (3 px slack at
    // the narrowest wide layout).
    for (let i = 0; i < l.checkpoints.length; i++) {
      const cp = l.checkpoints[i] as Checkpoint;
      const wait = l.pointAt(cp.holdBefore);
      const clear = l.badgeRadius + l.tokenRadius - 3;
      expect(Math.hypot(wait.x - cp.x, wait.y - cp.y)).toBeGreaterThanOrEqual(clear);
      const prev = l.checkpoints[i - 1];
      if (prev) expect(Math.hypot(wait.x - prev.x, wait.y - prev.y)).toBeGreaterThanOrEqual(clear);
    }
  });
});

describe('trusted network boundary', () => {
  it.each(cases)('$width px, $actor: trusted actors inside, others outside', (c) => {
    const l = computeLayout({ ...c, trustedRanges: RANGES });
    const actor = node(l, 'actor');
    const trusted = c.actor === 'onprem' || c.actor === 'vpn';
    expect(l.boundary.containsActor).toBe(trusted);
    expect(inside(actor, l.boundary)).toBe(trusted);
    expect(overlaps(actor, l.boundary)).toBe(trusted);
  });

  it.each([
    [[], ['no ranges set']],
    [['10.0.0.0/8'], ['10.0.0.0/8']],
  ])('captions %j as %j', (ranges, lines) => {
    expect(
      computeLayout({
        width: 360,
        actor: 'vpn',
        flow: 'pat',
        orgPolicyOn: true,
        trustedRanges: ranges,
      }).boundary.lines,
    ).toEqual(lines);
  });
});

describe('route', () => {
  const entraHit = (l: DiagramLayout) =>
    l.samples.some((s) => inside({ ...s, w: 0, h: 0 }, node(l, 'entra')));

  it.each(WIDTHS)('%i px: web and OAuth pass through Entra, PAT and SSH go past it', (width) => {
    const at = (flow: Flow) =>
      computeLayout({ width, actor: 'external', flow, orgPolicyOn: true, trustedRanges: RANGES });
    for (const flow of ['web', 'oauth'] as const) {
      expect(at(flow).viaEntra).toBe(true);
      expect(entraHit(at(flow))).toBe(true);
    }
    for (const flow of ['pat', 'ssh'] as const) {
      expect(at(flow).viaEntra).toBe(false);
      expect(entraHit(at(flow))).toBe(false);
    }
    // Boxes stay put when the flow changes; only the route moves.
    expect(at('web').nodes.map(({ x, y, w, h }) => ({ x, y, w, h }))).toEqual(
      at('pat').nodes.map(({ x, y, w, h }) => ({ x, y, w, h })),
    );
    expect(at('web').path).not.toBe(at('pat').path);
    expect(at('web').samples.length).toBeGreaterThan(at('pat').samples.length);
  });

  it.each(WIDTHS)('%i px: the route runs from the actor to the resource', (width) => {
    const l = computeLayout({
      width,
      actor: 'vpn',
      flow: 'pat',
      orgPolicyOn: false,
      trustedRanges: RANGES,
    });
    const actor = node(l, 'actor');
    const resource = node(l, 'resource');
    const start = l.pointAt(0);
    const end = l.pointAt(1);
    if (l.orientation === 'wide') {
      expect(start.x).toBeCloseTo(actor.x + actor.w);
      expect(end.x).toBeCloseTo(resource.x);
    } else {
      expect(start.y).toBeCloseTo(actor.y + actor.h);
      expect(end.y).toBeCloseTo(resource.y);
    }
    expect(l.path).toMatch(/^M/);
  });

  it.each([
    ['pat', true, 'IP policies used', 'IP CA validation: On'],
    ['pat', false, 'bypassed', 'IP CA validation: Off'],
    ['ssh', false, 'bypassed', 'IP CA validation: Off'],
    ['web', false, 'signs the user in', 'IP CA validation: Off'],
    ['web', true, 'signs the user in', 'IP CA validation: On'],
  ] as const)('%s, policy %s: Entra says "%s", the org says "%s"', (flow, on, entra, ado) => {
    const l = computeLayout({
      width: 1280,
      actor: 'onprem',
      flow,
      orgPolicyOn: on,
      trustedRanges: RANGES,
    });
    expect(l.nodes.find((n) => n.id === 'entra')?.pill).toBe(entra);
    expect(l.nodes.find((n) => n.id === 'ado')?.pill).toBe(ado);
    expect(l.policyLink !== null).toBe(on);
  });

  it.each([
    [undefined, 1],
    ['resource', 1],
    ['ado', 'ado'],
    ['entra', 'entra'],
  ] as const)('stoppedAt %s ends the token at %s', (stoppedAt, expected) => {
    const l = computeLayout({
      width: 768,
      actor: 'external',
      flow: 'pat',
      orgPolicyOn: true,
      trustedRanges: RANGES,
      stoppedAt,
    });
    const want = expected === 1 ? 1 : l.checkpoints.find((c) => c.stage === expected)?.t;
    expect(l.endT).toBe(want);
  });

  it('keeps a usable layout for tiny or missing widths', () => {
    expect(
      computeLayout({ width: 200, actor: 'vpn', flow: 'pat', orgPolicyOn: true, trustedRanges: [] })
        .width,
    ).toBe(320);
    expect(
      computeLayout({
        width: Number.NaN,
        actor: 'vpn',
        flow: 'pat',
        orgPolicyOn: true,
        trustedRanges: [],
      }).width,
    ).toBe(960);
  });
});

describe('the IP in every box that sees it', () => {
  it.each([
    ['pat', { ip: '100.64.88.19' }, '100.64.88.19', 'Conditional Access', 'sees 100.64.88.19'],
    ['web', { ip: '100.64.88.19' }, '100.64.88.19', 'sees 100.64.88.19', 'sees 100.64.88.19'],
    [
      'web',
      { ip: '198.51.100.37', signinIp: '192.0.2.44' },
      '192.0.2.44 · 198.51.100.37',
      'sees 192.0.2.44',
      'sees 198.51.100.37',
    ],
    ['pat', {}, 'from the internet', 'Conditional Access', 'organisation'],
  ] as const)(
    '%s %j: actor, Entra and Azure DevOps say which IP',
    (flow, ips, actor, entra, ado) => {
      const t = nodeLabels('external', flow, true, 'repo', ips);
      expect([t.actor.sublabel, t.entra.sublabel, t.ado.sublabel]).toEqual([actor, entra, ado]);
    },
  );

  it.each(WIDTHS)(
    '%i px: a long IPv6 split tunnel still fits every box and the viewBox',
    (width) => {
      for (const flow of ['web', 'pat'] as const) {
        const l = computeLayout({
          width,
          actor: 'vpn',
          flow,
          orgPolicyOn: true,
          trustedRanges: ['203.0.113.0/24'],
          ip: '2001:db8:10:ffff:ffff:ffff:ffff:1234',
          signinIp: '2001:db8:20::5',
        });
        const view = { x: 0, y: 0, w: l.width, h: l.height };
        for (const n of l.nodes) {
          expect(inside(n, view), n.id).toBe(true);
          const small = smallText(l.fontSize);
          expect(textWidth(n.sublabel, small), n.id).toBeLessThanOrEqual(n.w + EPS);
        }
      }
    },
  );
});
