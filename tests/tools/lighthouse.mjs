// `npm run lighthouse`: builds, serves dist/ as a static host would (strict CSP, under a sub-path),
// twice: uncompressed (as many internal documentation hosts serve files) and with gzip; runs
// Lighthouse with the system Chromium (mobile and desktop presets) on the app, a deep link, the
// embed and the custom element's page, and prints the scores and anything that cost points.
// Targets: uncompressed, performance ≥ 95, accessibility 100, best practices 100; with gzip,
// performance ≥ 98. Slow, so not part of `npm test`. Options: --no-build (score the existing
// dist/ instead of a fresh private build), --only=mobile|desktop, --server=plain|gzip.
// Scores depend on machine load (TBT): run it on a quiet machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { serveSubpath } from './serve-subpath.mjs';
import { systemChromium } from './browser.mjs';

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const onlyServer = args.find((a) => a.startsWith('--server='))?.slice(9);
const TARGETS = {
  plain: { performance: 95, accessibility: 100, 'best-practices': 100 },
  gzip: { performance: 98, accessibility: 100, 'best-practices': 100 },
};
const CATEGORIES = Object.keys(TARGETS.plain);
const PAGES = [
  ['app', ''],
  ['deep link', '#/player?v=1&s=policy-on&p=cafe-pat&t=5'],
  ['embed', '#/embed?v=1&s=policy-on&p=cafe-pat&t=5'],
  ['element', 'element-example.html'],
];

// Build into a private folder: other builds in the same checkout empty dist/ at any moment.
let dir = 'dist';
if (!args.includes('--no-build')) {
  dir = mkdtempSync(join(tmpdir(), 'pat-fence-lighthouse-'));
  for (const extra of [[], ['-c', 'src/element/vite.config.ts']]) {
    const b = spawnSync('npx', ['vite', 'build', ...extra, '--outDir', dir, '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
}

const servers = [];
for (const name of ['plain', 'gzip'].filter((n) => !onlyServer || onlyServer === n))
  servers.push([
    name,
    await serveSubpath({ port: 0, prefix: '/pat-fence/', dir, gzip: name === 'gzip' }),
  ]);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? systemChromium() ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});

const presets = [
  ['mobile', undefined],
  ['desktop', desktopConfig],
].filter(([name]) => !only || only === name);

let missed = 0;
try {
  for (const [serverName, server] of servers) {
    const TARGET = TARGETS[serverName];
    for (const [preset, config] of presets) {
      for (const [name, path] of PAGES) {
        const url = server.url + path;
        const result = await lighthouse(
          url,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: CATEGORIES,
          },
          config,
        );
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
        const scores = CATEGORIES.map((k) => [
          k,
          Math.round((lhr.categories[k]?.score ?? 0) * 100),
        ]);
        console.log(
          `${serverName.padEnd(5)} ${preset.padEnd(8)} ${name.padEnd(10)} ` +
            scores
              .map(([k, v]) => `${k} ${v}${v < TARGET[k] ? ' (below target)' : ''}`)
              .join(' · '),
        );
        const metric = (id) => lhr.audits[id]?.displayValue ?? '?';
        console.log(
          `           FCP ${metric('first-contentful-paint')} · LCP ${metric('largest-contentful-paint')}` +
            ` · TBT ${metric('total-blocking-time')} · CLS ${metric('cumulative-layout-shift')}`,
        );
        for (const [k, v] of scores) if (v < TARGET[k]) missed++;
        // What cost points: failed audits in the categories below 100.
        for (const [k, v] of scores) {
          if (v === 100) continue;
          for (const ref of lhr.categories[k].auditRefs) {
            const a = lhr.audits[ref.id];
            if (ref.weight > 0 && a && a.score !== null && a.score < 0.9) {
              console.log(
                `           - ${k}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`,
              );
              for (const item of (a.details?.items ?? []).slice(0, 5)) {
                const what =
                  item.node?.snippet ?? item.description ?? item.url ?? item.source ?? '';
                const why = item.node?.explanation?.split('\n')[1] ?? '';
                if (what)
                  console.log(`               ${String(what).slice(0, 160)} ${why.slice(0, 120)}`);
              }
            }
          }
        }
        if (lhr.runtimeError) console.log(`           runtime error: ${lhr.runtimeError.message}`);
      }
    }
  }
} finally {
  await chrome.kill();
  for (const [, server] of servers) await server.close();
  if (dir !== 'dist') rmSync(dir, { recursive: true, force: true });
}
console.log(missed ? `${missed} score(s) below target.` : 'All scores meet their targets.');
