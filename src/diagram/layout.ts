// computeLayout: everything the flow diagram needs to draw one request's route — boxes, trusted
// boundary, the route as an SVG path, a checkpoint per Stage and a way to place the token.
// Pure: d3 for the maths, no DOM.
import { curveBasis, curveBumpX, curveBumpY, line } from 'd3-shape';
import type { DiagramInput, DiagramLayout, Point } from './types';
import { nodeLabels } from './words';
import { wideLayout } from './wideLayout';
import { narrowLayout } from './narrowLayout';
import { traceRoute, fractionAt, pointAt } from './geometry';
import { STAGES } from './stages';

/** Widths from here up run left to right; below, top to bottom. */
export const WIDE_FROM = 720;
/** Narrower spaces get the 320 px layout scaled down. */
export const MIN_WIDTH = 320;

export function computeLayout(input: DiagramInput): DiagramLayout {
  const width = Number.isFinite(input.width) ? Math.max(MIN_WIDTH, Math.round(input.width)) : 960;
  const text = nodeLabels(
    input.actor,
    input.flow,
    input.orgPolicyOn,
    input.resource ?? 'repo',
    input,
  );
  const wide = width >= WIDE_FROM;
  const sk = (wide ? wideLayout : narrowLayout)({ ...input, width }, text);
  const { d, samples, length } = traceRoute(sk.route, wide ? curveBumpX : curveBumpY);
  const tokenRadius = sk.fontSize * 0.42;
  // Far enough along the route that the token and a badge never cover each other.
  const hold = (sk.badgeRadius + tokenRadius + sk.fontSize * 0.12) / length;
  const checkpoints = STAGES.map((stage, i) => {
    const t = fractionAt(samples, wide ? 'x' : 'y', sk.gates[i] ?? 0);
    const at = pointAt(samples, t);
    return {
      stage,
      t,
      holdBefore: Math.max(0, t - hold),
      ...at,
      ...sk.placeLabel(i, at),
    };
  });
  const link = line<Point>()
    .x((p) => p.x)
    .y((p) => p.y)
    .curve(wide ? curveBasis : curveBumpY);
  const stop = checkpoints.find((c) => c.stage === input.stoppedAt);
  return {
    orientation: sk.orientation,
    width: sk.width,
    height: sk.height,
    fontSize: sk.fontSize,
    badgeRadius: sk.badgeRadius,
    nodes: sk.nodes,
    boundary: sk.boundary,
    path: d,
    samples,
    checkpoints,
    viaEntra: input.flow === 'web' || input.flow === 'oauth',
    policyLink: input.orgPolicyOn ? { d: link(sk.link.points) ?? '', label: sk.link.label } : null,
    outcome: sk.outcome,
    endT: stop && stop.stage !== 'resource' ? stop.t : 1,
    tokenRadius,
    pointAt: (t: number) => pointAt(samples, t),
  };
}
