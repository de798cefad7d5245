// `npm run size`: builds the app and the custom element, then prints the gzip size of
// - the JavaScript and CSS the first page loads (index.html's scripts, modulepreloads and
//   stylesheets): budget 50 KB of JavaScript;
// - each custom element file (every other script at the top of dist/, one file each): 40 KB.
// Exits 1 when a budget is exceeded. Options: --no-build (measure the existing dist/).
import { execSync } from 'node:child_process';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const BUDGET_JS = 50 * KB;
const BUDGET_ELEMENT = 40 * KB;
const dist = process.env.SIZE_DIST ?? 'dist';

if (!process.argv.includes('--no-build')) {
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
  execSync('npx vite build -c src/element/vite.config.ts --logLevel warn', { stdio: 'inherit' });
}
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = [
  ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]+href="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+href="([^"]+)"[^>]+rel="(?:modulepreload|stylesheet)"/g),
].map((m) => m[1].replace(/^\.\//, ''));
const files = [...new Set(refs)].filter((f) => /\.(m?js|css)$/.test(f));

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const gzip = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const row = (name, raw, gz) =>
  console.log(`${name.padEnd(44)} ${kb(raw).padStart(10)} raw ${kb(gz).padStart(10)} gzip`);
const verdict = (n, budget) => (n <= budget ? 'within budget' : 'OVER BUDGET');

let js = 0;
let css = 0;
for (const f of files) {
  const path = join(dist, f);
  if (!existsSync(path)) continue;
  const gz = gzip(path);
  if (f.endsWith('.css')) css += gz;
  else js += gz;
  row(f, readFileSync(path).length, gz);
}
console.log(`first page: JavaScript ${kb(js)} gzip, CSS ${kb(css)} gzip`);
console.log(`budget: JavaScript ≤ ${kb(BUDGET_JS)} gzip — ${verdict(js, BUDGET_JS)}`);

// The custom elements: one classic script each, whatever their number or names.
const elements = readdirSync(dist).filter((f) => /\.js$/.test(f) && !files.includes(f));
let over = js > BUDGET_JS;
if (!elements.length) console.log('custom element: no file found in dist/');
for (const f of elements) {
  const path = join(dist, f);
  const gz = gzip(path);
  row(f, readFileSync(path).length, gz);
  console.log(`budget: element ${f} ≤ ${kb(BUDGET_ELEMENT)} gzip — ${verdict(gz, BUDGET_ELEMENT)}`);
  if (gz > BUDGET_ELEMENT) over = true;
}
process.exit(over ? 1 : 0);
