// `npx tsx tests/bench/tokenGuard.bench.ts [file.csv]`: what the token guard costs on a big log
// (the bench's 1,000,000-row CSV by default): the candidate-run finder against the regex it
// replaced (they must agree), findTokens, and the guard as the command line's streamText runs it.
// Prints figures only; no timing ever fails the run.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { candidateRuns, findTokens } from '../../src/model/share/secretScan';
import { TokenStreamGuard } from '../../src/model/share/tokenGuardStreams';
import { TextStreamDecoder } from '../../src/model/graph/decodeText';

const file = process.argv[2] ?? '/tmp/pat-fence-bench/signins-1000000.csv';
const bytes = readFileSync(file);
const text = bytes.toString('utf8');
const REGEX = /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/=]{40,}/g;
const regexRuns = (t: string) =>
  [...t.matchAll(REGEX)].map((m) => [m.index, m.index + m[0].length]);

function time<T>(name: string, f: () => T): T {
  const ms: number[] = [];
  let out!: T;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    out = f();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(34)} median ${ms[2]!.toFixed(0).padStart(5)} ms  (min ${ms[0]!.toFixed(0)})`,
  );
  return out;
}

console.log(`${file}: ${(bytes.length / 1e6).toFixed(1)} MB, ${text.length} characters`);
const a = time('regex (before)', () => regexRuns(text));
const b = time('candidateRuns', () => candidateRuns(text));
console.log(`  same runs: ${JSON.stringify(a) === JSON.stringify(b)} (${b.length} runs)`);
time('findTokens', () => findTokens(text).length);
time('TokenStreamGuard, whole text', () => {
  const g = new TokenStreamGuard();
  return g.push(text).length + g.end().length;
});
const pieces: string[] = [];
for (let at = 0; at < text.length; at += 8 << 20) pieces.push(text.slice(at, at + (8 << 20)));
time('TokenStreamGuard, 8 MB pieces', () => {
  const g = new TokenStreamGuard();
  let n = 0;
  for (const p of pieces) n += g.push(p).length;
  return n + g.end().length;
});
time('decode + guard, one piece', () => {
  const d = new TextStreamDecoder();
  const g = new TokenStreamGuard();
  const t = d.push(bytes);
  const rest = d.end();
  return t.ok && rest.ok ? g.push(t.value).length + g.push(rest.value).length + g.end().length : 0;
});
time('decode only, one piece', () => {
  const d = new TextStreamDecoder();
  const t = d.push(bytes);
  return t.ok ? t.value.length : 0;
});
time('decode + guard, 8 MB pieces (CLI)', () => {
  const d = new TextStreamDecoder();
  const g = new TokenStreamGuard();
  let n = 0;
  for (let at = 0; at < bytes.length; at += 8 << 20) {
    const t = d.push(bytes.subarray(at, at + (8 << 20)));
    if (t.ok) n += g.push(t.value).length;
  }
  const rest = d.end();
  return n + (rest.ok ? g.push(rest.value).length : 0) + g.end().length;
});
