// Turns the route's anchor points into an SVG path (d3-shape) and, by running the same generator
// against a recording context, into samples spaced along its length for animation and lookups.
import { line, type CurveFactory } from 'd3-shape';
import type { PathSample, Point } from './types';

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
