// The point at fraction t (0–1) of the route's length, interpolated between samples.
import type { PathSample, Point } from './types';

export function pointAt(samples: PathSample[], t: number): Point {
  const first = samples[0];
  if (!first) return { x: 0, y: 0 };
  const clamped = Math.min(1, Math.max(0, t));
  let lo = 0;
  let hi = samples.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((samples[mid] as PathSample).t < clamped) lo = mid;
    else hi = mid;
  }
  const a = samples[lo] as PathSample;
  const b = samples[hi] as PathSample;
  const span = b.t - a.t;
  const k = span > 0 ? (clamped - a.t) / span : 0;
  return { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k };
}
