// Top-to-bottom geometry for widths under 720 px (a 360 px phone): the actor at the top, then
// Microsoft Entra set to the right of the route's lane, Azure DevOps and the resource below.
// Checkpoint labels sit left of the lane, where the route never goes.
import type { DiagramInput, NodeBox, NodeId, Point, Skeleton } from './types';
import type { NodeText } from './words';
import { clamp, nodeSizes } from './geometry';
import { boundaryText, BOUNDARY_TITLE, checkLabelWidth, smallText } from './text';
import { STAGES } from './stages';

export function narrowLayout(input: DiagramInput, text: Record<NodeId, NodeText>): Skeleton {
  const W = input.width;
  const u = 14;
  const m = 0.86 * u;
  const pad = 0.7 * u;
  const r = 0.6 * u;
  const gap = 5.4 * u;
  const lineH = 1.2 * smallText(u);
  const size = nodeSizes(input, u);
  const labelW = Math.max(...STAGES.map((s) => checkLabelWidth(s, u)));
  const lane = clamp(W * 0.4, m + labelW + r + 0.9 * u, W - m - size.entra.w - r - 0.8 * u);
  const entraX = lane + r + 0.8 * u;
  const entraW = Math.min(W - m - entraX, Math.max(size.entra.w, 12 * u));
  const centred = (w: number) => clamp(lane - w / 2, m + pad, W - m - pad - w);

  const trusted = input.actor === 'onprem' || input.actor === 'vpn';
  const caption = boundaryText(input.trustedRanges, W - 2 * m, u, input.rangesListed);
  const actorY = trusted ? m + caption.height + pad : m + caption.height + pad + u;
  const boundaryH = trusted ? caption.height + size.actor.h + 2 * pad : caption.height + pad;
  const g1 = trusted ? m + boundaryH : actorY + size.actor.h;
  const entraY = g1 + gap;
  const adoY = entraY + size.entra.h + gap;
  const resY = adoY + size.ado.h + gap;
  const outcomeY = resY + size.resource.h + u;

  const box = (id: NodeId, x: number, y: number, w = size[id].w): NodeBox => ({
    id,
    ...text[id],
    x,
    y,
    w,
    h: size[id].h,
  });
  const nodes = [
    box('actor', centred(size.actor.w), actorY),
    box('entra', entraX, entraY, entraW),
    box('ado', centred(size.ado.w), adoY),
    box('resource', centred(size.resource.w), resY),
  ];
  const ado = nodes[2] as NodeBox;
  const entraCx = entraX + entraW / 2;
  const A: Point = { x: lane, y: actorY + size.actor.h };
  const tail: Point[] = [
    { x: lane, y: adoY },
    { x: lane, y: adoY + size.ado.h },
    { x: lane, y: resY },
  ];
  const viaEntra = input.flow === 'web' || input.flow === 'oauth';
  const route = viaEntra
    ? [A, { x: entraCx, y: entraY }, { x: entraCx, y: entraY + size.entra.h }, ...tail]
    : [A, ...tail];
  const spans: [number, number][] = [
    [g1, entraY],
    [entraY + size.entra.h, adoY],
    [adoY + size.ado.h, resY],
  ];
  const gates = STAGES.map((_, i) => {
    const [a, b] = spans[i >> 1] as [number, number];
    return a + (b - a) * (i % 2 ? 0.78 : 0.22);
  });
  const outcomeW = Math.min(14 * u, W - 2 * m);
  const labelRight = lane - r - 0.5 * u;
  return {
    orientation: 'narrow',
    width: W,
    height: outcomeY + 2.8 * u + m,
    fontSize: u,
    badgeRadius: r,
    nodes,
    boundary: {
      x: m,
      y: m,
      w: W - 2 * m,
      h: boundaryH,
      title: BOUNDARY_TITLE,
      lines: caption.lines,
      hidden: caption.hidden,
      containsActor: trusted,
    },
    route,
    gates,
    link: {
      points: [
        { x: entraX + 0.8 * entraW, y: entraY + size.entra.h },
        { x: ado.x + 0.85 * ado.w, y: adoY },
      ],
      label: null,
    },
    outcome: {
      x: clamp(lane - outcomeW / 2, m, W - m - outcomeW),
      y: outcomeY,
      w: outcomeW,
      h: 2.8 * u,
    },
    placeLabel(_i, at) {
      return {
        labelBox: { x: labelRight - labelW, y: at.y - lineH, w: labelW, h: 2 * lineH },
        labelAnchor: 'end',
        leader: {
          x1: labelRight + 0.15 * u,
          y1: at.y,
          x2: Math.max(labelRight + 0.15 * u, at.x - r),
          y2: at.y,
        },
      };
    },
  };
}
