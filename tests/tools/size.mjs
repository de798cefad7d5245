// `npm run size`: builds the app and prints the gzip size of the JavaScript and CSS that the first
// page loads (the entry script, its modulepreloads and stylesheets). Budget: 80 KB of JS gzip.
import { execSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_JS = 80 * 1024;
const dist = process.env.SIZE_DIST ?? 'dist';

if (!process.argv.includes('--no-build'))
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = [
  ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]+href="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+href="([^"]+)"[^>]+rel="(?:modulepreload|stylesheet)"/g),
].map((m) => m[1]);
const files = [...new Set(refs)].filter((f) => /\.(m?js|css)$/.test(f));

let js = 0;
let css = 0;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const f of files) {
  const path = join(dist, f.replace(/^\.\//, ''));
  if (!existsSync(path)) continue;
  const raw = readFileSync(path);
  const gz = gzipSync(raw, { level: 9 }).length;
  if (f.endsWith('.css')) css += gz;
  else js += gz;
  console.log(`${f.padEnd(44)} ${kb(raw.length).padStart(10)} raw ${kb(gz).padStart(10)} gzip`);
}
console.log(`first page: JavaScript ${kb(js)} gzip, CSS ${kb(css)} gzip`);
console.log(
  `budget: JavaScript ≤ ${kb(BUDGET_JS)} gzip — ${js <= BUDGET_JS ? 'within budget' : 'OVER BUDGET'}`,
);
process.exit(js <= BUDGET_JS ? 0 : 1);
