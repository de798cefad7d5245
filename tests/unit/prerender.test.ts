// The prerendered landing page: which addresses hydrate it (isLanding) and which hide it before
// the first paint (src/boot.js, run here as the browser would), which must agree; and how the
// build puts the markup into index.html.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { injectLanding } from '../../src/build/prerenderPlugin';
import { isLanding } from '../../src/ui/router.svelte';

const BOOT = readFileSync(new URL('../../src/boot.js', import.meta.url), 'utf8');

/** Runs boot.js against a fake page; returns the root's classes and data-theme. */
function boot(hash: string, stored: string | null | Error = null) {
  const classes = new Set<string>();
  const attrs = new Map<string, string>();
  const documentElement = {
    classList: { add: (c: string) => classes.add(c) },
    setAttribute: (k: string, v: string) => attrs.set(k, v),
  };
  const localStorage = {
    getItem: () => {
      if (stored instanceof Error) throw stored;
      return stored;
    },
  };
  runInNewContext(BOOT, { document: { documentElement }, location: { hash }, localStorage });
  return { deep: classes.has('pf-deep'), theme: attrs.get('data-theme') };
}

describe('landing or deep link', () => {
  it.each([
    ['', true],
    ['#', true],
    ['#/', true],
    ['#/compare', true],
    ['#/compare/', true],
    ['#compare', true],
    ['#/compare?policy=off', false],
    ['#/?s=policy-on', false],
    ['#/?embed=1', false],
    ['#/compare?embed=1', false],
    ['#/player?v=1&s=policy-on&p=cafe-pat&t=3', false],
    ['#/embed?v=1&s=split-tunnel&t=2', false],
    ['#/lesson', false],
    ['#/lab', false],
    ['#/rules/R12', false],
    ['#/nowhere', false],
    ['#/%E0%A4%A', false],
  ])('%s: landing %s, and boot.js agrees', (hash, landing) => {
    expect(isLanding(hash)).toBe(landing);
    expect(boot(hash).deep).toBe(!landing);
  });
});

describe('boot.js theme', () => {
  it.each([
    ['dark', 'dark'],
    ['light', 'light'],
    [null, undefined],
    ['purple', undefined],
    [new Error('SecurityError'), undefined],
  ] as const)('stored %s → data-theme %s', (stored, theme) => {
    expect(boot('', stored).theme).toBe(theme);
  });
});

describe('injectLanding', () => {
  const page = '<body><div id="app"></div><script type="module" src="./a.js"></script></body>';
  it('fills the mount point and marks it as prerendered', () => {
    expect(injectLanding(page, '<h1>Hi $& $1</h1>')).toBe(
      '<body><div id="app" data-prerendered="landing"><h1>Hi $& $1</h1></div><script type="module" src="./a.js"></script></body>',
    );
  });
  it.each([
    ['<div id="main"></div>', '<p>x</p>', /div id="app"><\/div> is missing/],
    [page, '<style>p{}</style>', /inline <style> or <script>/],
    [page, '<script>alert(1)</script>', /inline <style> or <script>/],
  ])('refuses %s with %s', (html, body, message) => {
    expect(() => injectLanding(html, body)).toThrow(message);
  });
});
