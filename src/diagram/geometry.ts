// Route geometry shared by both orientations: box sizes that fit every flow, the route as a d3
// path with samples along its length, and lookups between positions and fractions of that length.
import { line, type CurveFactory } from 'd3-shape';
import { FLOWS } from '../model/engine/types';
import type { DiagramInput, NodeId, PathSample, Point } from './types';
import { nodeLabels } from './words';
import { nodeSize } from './text';

export { clamp } from './clamp';

export // Box sizes for one actor and resource that fit the words of every flow and org policy state, so
// the boxes stay put when the player switches between PAT, SSH and sign-in, or flips the policy.
function nodeSizes(
  input: Pick<DiagramInput, 'actor' | 'resource' | 'ip' | 'signinIp'>,
  fontSize: number,
): Record<NodeId, { w: number; h: number }> {
  const ids: NodeId[] = ['actor', 'entra', 'ado', 'resource'];
  const sizes = Object.fromEntries(ids.map((id) => [id, { w: 0, h: 0 }])) as Record<
    NodeId,
    { w: number; h: number }
  >;
  for (const flow of FLOWS) {
    for (const on of [true, false]) {
      const text = nodeLabels(input.actor, flow, on, input.resource ?? 'repo', input);
      for (const id of ids) {
        const s = nodeSize(text[id], fontSize);
        sizes[id] = { w: Math.max(sizes[id].w, s.w), h: Math.max(sizes[id].h, s.h) };
      }
    }
  }
  return sizes;
}

// Turns the route's anchor points into an SVG path (d3-shape) and, by running the same generator
// against a recording context, into samples spaced along its length for animation and lookups.
const STEPS_PER_CURVE = 24;

export function traceRoute(
  points: Point[],
  curve: CurveFactory,
): { d: string; samples: PathSample[]; length: number } {
  const gen = line<Point>()
    .x((p) => p.x)
    .y((p) => p.y)
    .curve(curve);
  const d = gen(points) ?? '';
  const pts: Point[] = [];
  let at: Point = { x: 0, y: 0 };
  const to = (x: number, y: number) => {
    at = { x, y };
    pts.push(at);
  };
  const recorder = {
    moveTo: to,
    lineTo: to,
    closePath: () => undefined,
    bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number) {
      const p0 = at;
      for (let k = 1; k <= STEPS_PER_CURVE; k++) {
        const s = k / STEPS_PER_CURVE;
        const a = (1 - s) ** 3;
        const b = 3 * (1 - s) ** 2 * s;
        const c = 3 * (1 - s) * s ** 2;
        const e = s ** 3;
        to(a * p0.x + b * x1 + c * x2 + e * x, a * p0.y + b * y1 + c * y2 + e * y);
      }
    },
  };
  gen.context(recorder as unknown as CanvasRenderingContext2D)(points);
  const lengths = [0];
  for (let i = 1; i < pts.length; i++) {
    const p = pts[i - 1] as Point;
    const q = pts[i] as Point;
    lengths.push((lengths[i - 1] ?? 0) + Math.hypot(q.x - p.x, q.y - p.y));
  }
  const total = lengths[lengths.length - 1] || 1;
  const samples = pts.map((p, i) => ({ x: p.x, y: p.y, t: (lengths[i] ?? 0) / total }));
  return { d, samples, length: total };
}

// The point at fraction t (0–1) of the route's length, interpolated between samples.
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

// The fraction of the route's length where it first reaches `value` along its main axis (x when
// the diagram runs left to right, y when it runs top to bottom). The route is monotone on that axis.
export function fractionAt(samples: PathSample[], axis: 'x' | 'y', value: number): number {
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1] as PathSample;
    const b = samples[i] as PathSample;
    if (b[axis] >= value) {
      const span = b[axis] - a[axis];
      const k = span > 0 ? Math.max(0, (value - a[axis]) / span) : 0;
      return a.t + (b.t - a.t) * k;
    }
  }
  return 1;
}
