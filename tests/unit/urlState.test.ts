// urlState: the generic, versioned state codec (base64url JSON) and the player's link params.
import { describe, expect, it } from 'vitest';
import {
  decodeState,
  encodeState,
  MAX_STATE_LENGTH,
  STATE_VERSION,
} from '../../src/model/share/urlState';
import {
  formatPlayerLink,
  hasPlayerLink,
  parsePlayerLink,
  type PlayerLink,
} from '../../src/model/share/urlStatePlayer';

const LEGACY_PAT = 'k3v7q2mzx4pbnw5ryt6hgacd2lsfe7jo4iuq3vbnmx5zkw6pyr2t';

describe('encodeState / decodeState', () => {
  it.each([
    ['an object', { ranges: ['203.0.113.0/24', '2001:db8::/32'], on: true, n: 3 }],
    ['unicode', { name: 'Kim på kafé — ☕' }],
    ['an array', [1, 'two', null]],
    ['a number', 42],
  ])('round-trips %s', (_name, value) => {
    const enc = encodeState(value);
    expect(enc.ok).toBe(true);
    if (!enc.ok) return;
    expect(enc.value).toMatch(new RegExp(`^${STATE_VERSION}\\.[A-Za-z0-9_-]*$`));
    expect(decodeState(enc.value)).toEqual({ ok: true, value });
  });

  it('is URL-safe without escaping', () => {
    const enc = encodeState({ s: '???>>>~~~' });
    expect(enc.ok && encodeURIComponent(enc.value) === enc.value).toBe(true);
  });

  it('refuses what cannot or must not go in a URL', () => {
    expect(encodeState(undefined).ok).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(encodeState(cyclic).ok).toBe(false);
    expect(encodeState({ pat: LEGACY_PAT })).toMatchObject({ ok: false });
    expect(encodeState({ big: 'x'.repeat(MAX_STATE_LENGTH) })).toMatchObject({ ok: false });
    expect(encodeState({ s: 'xy' }, 5)).toMatchObject({ ok: false });
  });

  it.each([
    ['empty', ''],
    ['no version', 'eyJhIjoxfQ'],
    ['a future version', '99.eyJhIjoxfQ'],
    ['not base64url', '1.@@@'],
    ['impossible length', '1.a'],
    ['not JSON', `1.${Buffer.from('{nope').toString('base64url')}`],
    ['not UTF-8', `1.${Buffer.from([0xff, 0xfe]).toString('base64url')}`],
    ['too long', `1.${'A'.repeat(MAX_STATE_LENGTH)}`],
    ['a token inside', `1.${Buffer.from(JSON.stringify({ t: LEGACY_PAT })).toString('base64url')}`],
  ])('rejects %s with a message, never a throw', (_name, text) => {
    const r = decodeState(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
  });
});

describe('player links', () => {
  const full: PlayerLink = {
    scenario: 'policy-on',
    play: 'cafe-pat',
    variant: 'turn-off',
    org: false,
    actor: 'kim-cafe',
    flow: 'web',
    step: 3,
  };

  it('writes compact params in a fixed order', () => {
    expect(formatPlayerLink(full).toString()).toBe(
      'v=1&s=policy-on&p=cafe-pat&x=turn-off&o=0&a=kim-cafe&f=web&t=4',
    );
    expect(formatPlayerLink({ scenario: 'a', step: -1 }).toString()).toBe('v=1&s=a');
  });

  it('round-trips', () => {
    expect(parsePlayerLink(formatPlayerLink(full))).toEqual({ link: full, problems: [] });
  });

  it('never writes token-looking or malformed ids', () => {
    const p = formatPlayerLink({ scenario: LEGACY_PAT, play: '<script>', actor: 'a b' });
    expect(p.toString()).toBe('v=1');
  });

  it('reads t=0 as before the first step and no v as version 1', () => {
    expect(parsePlayerLink(new URLSearchParams('s=x&t=0')).link).toEqual({
      scenario: 'x',
      step: -1,
    });
  });

  it.each([
    [
      'a future version',
      'v=99&s=policy-on&p=cafe-pat&t=2',
      { scenario: 'policy-on' },
      /version 99/,
    ],
    ['a garbage version', 'v=abc&s=policy-on', { scenario: 'policy-on' }, /unknown version/],
    ['a bad step', 'v=1&s=policy-on&t=-3', { scenario: 'policy-on' }, /step/],
    ['a huge step', 'v=1&s=policy-on&t=100000', { scenario: 'policy-on' }, /step/],
    ['a bad flow', 'v=1&s=policy-on&f=telnet', { scenario: 'policy-on' }, /flow/],
    ['a bad org', 'v=1&s=policy-on&o=yes', { scenario: 'policy-on' }, /org policy/],
    ['markup in an id', 'v=1&s=%3Cimg%20src%3Dx%3E', {}, /scenario/],
    ['a token in an id', `v=1&s=${LEGACY_PAT}`, {}, /token/],
  ])('keeps what it can from %s and says why', (_name, query, link, problem) => {
    const r = parsePlayerLink(new URLSearchParams(query));
    expect(r.link).toEqual(link);
    expect(r.problems.join(' ')).toMatch(problem);
  });

  it('knows a bare route from a link', () => {
    expect(hasPlayerLink(new URLSearchParams(''))).toBe(false);
    expect(hasPlayerLink(new URLSearchParams('embed=1'))).toBe(false);
    expect(hasPlayerLink(new URLSearchParams('s=policy-on'))).toBe(true);
  });
});
