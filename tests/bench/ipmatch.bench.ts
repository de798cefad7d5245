// `npm run bench`: how much faster a compiled RangeSet answers "is this IP in these ranges?" than
// the naive loop over ipaddr.js's match(), on a repeatable (seeded) mix of ranges and addresses.
// Prints figures and checks both give the same answers; no timing ever fails the run.
import ipaddr from 'ipaddr.js';
import { performance } from 'node:perf_hooks';
import { parseIp, type ParsedIp } from '../../src/model/ip/ip';
import { compileRanges } from '../../src/model/ip/rangeSet';

const SEED = 0x5eed_1234;
const IP_COUNT = 100_000;
const RANGE_COUNT = 1_000;
const V6_RANGE_SHARE = 0.15; // IPv4 /16–/32 otherwise; IPv6 /32–/64
const V6_IP_SHARE = 0.15;
const INSIDE_SHARE = 0.3; // addresses drawn from inside a random range of their family

/** mulberry32: tiny, seeded, good enough to pick test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const u32 = () => BigInt(Math.floor(random() * 2 ** 32));
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

interface GenRange {
  family: 4 | 6;
  base: bigint;
  prefix: number;
}
const width = (f: 4 | 6) => (f === 4 ? 32 : 128);
const randomBits = (f: 4 | 6) =>
  f === 4 ? u32() : (u32() << 96n) | (u32() << 64n) | (u32() << 32n) | u32();

function addressText(f: 4 | 6, v: bigint): string {
  if (f === 4) return [24n, 16n, 8n, 0n].map((s) => (v >> s) & 255n).join('.');
  const groups = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((v >> s) & 0xffffn).toString(16));
  return groups.join(':');
}

// Realistic-looking IPv6: a few /32 allocations (2001:db8:…-style), sites carved out below them.
const v6Allocations = [0x20010db8n, 0x2a010110n, 0x26001f18n, 0x24049800n];
const ranges: GenRange[] = [];
for (let i = 0; i < RANGE_COUNT; i++) {
  if (random() < V6_RANGE_SHARE) {
    const alloc = v6Allocations[between(0, v6Allocations.length - 1)] as bigint;
    const base = (alloc << 96n) | (randomBits(6) & ((1n << 96n) - 1n));
    ranges.push({ family: 6, base, prefix: between(32, 64) });
  } else {
    ranges.push({ family: 4, base: randomBits(4), prefix: between(16, 32) });
  }
}
const rangeTexts = ranges.map((r) => `${addressText(r.family, r.base)}/${r.prefix}`);

const ipTexts: string[] = [];
for (let i = 0; i < IP_COUNT; i++) {
  const family = random() < V6_IP_SHARE ? 6 : 4;
  const pool = ranges.filter((r) => r.family === family);
  if (random() < INSIDE_SHARE && pool.length > 0) {
    const r = pool[between(0, pool.length - 1)] as GenRange;
    const hostBits = BigInt(width(family) - r.prefix);
    const host = randomBits(family) & ((1n << hostBits) - 1n);
    ipTexts.push(addressText(family, ((r.base >> hostBits) << hostBits) | host));
  } else if (family === 6) {
    const alloc = v6Allocations[between(0, v6Allocations.length - 1)] as bigint;
    ipTexts.push(addressText(6, (alloc << 96n) | (randomBits(6) & ((1n << 96n) - 1n))));
  } else {
    ipTexts.push(addressText(4, randomBits(4)));
  }
}

// Pre-parse for both sides, so the main comparison is of lookups alone.
const set = compileRanges(rangeTexts);
const parsed: ParsedIp[] = ipTexts.map((t) => {
  const r = parseIp(t);
  if (!r.ok) throw new Error(r.error);
  return r.value;
});
const naiveIps = ipTexts.map((t) => ipaddr.parse(t));
const naiveIpKinds = naiveIps.map((ip) => ip.kind());
const naiveRanges = rangeTexts.map((t) => ipaddr.parseCIDR(t));
const naiveRangeKinds = naiveRanges.map(([addr]) => addr.kind());

function compiled(out: Uint8Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = set.contains(parsed[i] as ParsedIp) ? 1 : 0;
}
function compiledFromText(out: Uint8Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = set.containsText(ipTexts[i] as string) ? 1 : 0;
}
/** For each IP, ipaddr.js match() against each range until one matches (kinds must agree). */
function naive(out: Uint8Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const ip = naiveIps[i] as ipaddr.IPv4 | ipaddr.IPv6;
    const kind = naiveIpKinds[i];
    let hit = 0;
    for (let j = 0; j < naiveRanges.length; j++) {
      if (naiveRangeKinds[j] === kind && ip.match(naiveRanges[j] as [ipaddr.IPv4, number])) {
        hit = 1;
        break;
      }
    }
    out[i] = hit;
  }
}

/** Best lookups per second over `reps` timed runs, after `warmups` untimed ones. */
function measure(
  run: (out: Uint8Array, n: number) => void,
  out: Uint8Array,
  warmups: number,
  reps: number,
) {
  for (let i = 0; i < warmups; i++) run(out, Math.min(IP_COUNT, 20_000));
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    run(out, IP_COUNT);
    best = Math.min(best, performance.now() - start);
  }
  return IP_COUNT / (best / 1000);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const outCompiled = new Uint8Array(IP_COUNT);
const outText = new Uint8Array(IP_COUNT);
const outNaive = new Uint8Array(IP_COUNT);

const v6Ranges = ranges.filter((r) => r.family === 6).length;
console.log(
  `${fmt(IP_COUNT)} IPs (${V6_IP_SHARE * 100}% IPv6, ~${INSIDE_SHARE * 100}% drawn from inside a range) ` +
    `against ${fmt(RANGE_COUNT)} ranges (${fmt(RANGE_COUNT - v6Ranges)} IPv4 /16–/32, ` +
    `${fmt(v6Ranges)} IPv6 /32–/64) → ${fmt(set.size)} merged intervals; seed 0x${SEED.toString(16)}`,
);
const compiledRate = measure(compiled, outCompiled, 5, 15);
const textRate = measure(compiledFromText, outText, 3, 10);
const naiveRate = measure(naive, outNaive, 1, 3);
console.log(`compiled: ${fmt(compiledRate)} lookups/s`);
console.log(`compiled incl. parsing from text: ${fmt(textRate)} lookups/s`);
console.log(`naive ipaddr.js loop: ${fmt(naiveRate)} lookups/s`);
console.log(`ratio: ${fmt(compiledRate / naiveRate)}x`);

let mismatches = 0;
let matches = 0;
for (let i = 0; i < IP_COUNT; i++) {
  if (outCompiled[i] !== outNaive[i] || outText[i] !== outNaive[i]) mismatches++;
  matches += outNaive[i] as number;
}
console.log(`matches: ${fmt(matches)} of ${fmt(IP_COUNT)}; mismatches: ${mismatches}`);
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log(
  `targets: ≥20x naive ${met(compiledRate >= 20 * naiveRate)}; ` +
    `≥2,000,000 lookups/s ${met(compiledRate >= 2_000_000)} (informational, never a failure)`,
);
if (mismatches > 0) process.exit(1);
