// Left-to-right geometry for widths of 720 px and more: the actor (in or outside the trusted
// network) on the left, Microsoft Entra raised above the route, then Azure DevOps and the resource.
// Checkpoint labels sit in a strip under everything, so they never cross the route.
import type { DiagramInput, NodeBox, NodeId, Point, Skeleton } from './types';
import type { NodeText } from './words';
import { clamp, nodeSizes } from './geometry';
import { boundaryText, BOUNDARY_TITLE, checkLabelWidth, smallText } from './text';
import { STAGES } from './stages';

export function wideLayout(input: DiagramInput, text: Record<NodeId, NodeText>): Skeleton {
  const W = input.width;
  const u = clamp(W / 64, 13, 24);
  const m = 0.6 * u;
  const pad = 0.7 * u;
  const r = 0.6 * u;
  const size = nodeSizes(input, u);
  size.entra.w = Math.max(size.entra.w, 9 * u);
  size.resource.w = Math.max(size.resource.w, 9 * u);
  const bw = size.actor.w + 2 * pad;
  const fixed = bw + size.entra.w + size.ado.w + size.resource.w;
  const gap = Math.min(9 * u, (W - 2 * m - fixed) / 3);
  const left = (W - fixed - 3 * gap) / 2;
  const entraX = left + bw + gap;
  const adoX = entraX + size.entra.w + gap;
  const resX = adoX + size.ado.w + gap;

  const caption = boundaryText(input.trustedRanges, bw, u, input.rangesListed);
  const trusted = input.actor === 'onprem' || input.actor === 'vpn';
  const rowH = Math.max(size.actor.h, size.ado.h, size.resource.h);
  const entraTop = m + 1.4 * u;
  const entraY = entraTop + size.entra.h / 2;
  const rowY = Math.max(
    entraTop + size.entra.h + 2.4 * u + rowH / 2,
    m + caption.height + pad + size.actor.h / 2,
    entraTop + caption.height + pad + u + size.actor.h / 2,
  );
  const box = (id: NodeId, x: number, cy: number): NodeBox => ({
    id,
    ...text[id],
    x,
    y: cy - size[id].h / 2,
    w: size[id].w,
    h: size[id].h,
  });
  const nodes = [
    box('actor', left + pad, rowY),
    box('entra', entraX, entraY),
    box('ado', adoX, rowY),
    box('resource', resX, rowY),
  ];
  const actorTop = rowY - size.actor.h / 2;
  const boundary = trusted
    ? { x: left, y: actorTop - pad - caption.height, h: caption.height + size.actor.h + 2 * pad }
    : { x: left, y: entraTop, h: actorTop - u - entraTop };

  const A: Point = { x: left + pad + size.actor.w, y: rowY };
  const adoIn: Point = { x: adoX, y: rowY };
  const adoOut: Point = { x: adoX + size.ado.w, y: rowY };
  const resIn: Point = { x: resX, y: rowY };
  const viaEntra = input.flow === 'web' || input.flow === 'oauth';
  const route = viaEntra
    ? [A, { x: entraX, y: entraY }, { x: entraX + size.entra.w, y: entraY }, adoIn, adoOut, resIn]
    : [A, adoIn, adoOut, resIn];
  const spans: [number, number][] = [
    [left + bw, entraX],
    [entraX + size.entra.w, adoX],
    [adoX + size.ado.w, resX],
  ];
  const gates = STAGES.map((_, i) => {
    const [a, b] = spans[i >> 1] as [number, number];
    return a + (b - a) * (i % 2 ? 0.82 : 0.18);
  });

  const stripTop = rowY + rowH / 2 + pad + 0.9 * u;
  const lineH = 1.2 * smallText(u);
  const linkY = entraTop + 0.2 * size.entra.h;
  const adoCx = adoX + size.ado.w / 2;
  const outcomeW = 14 * u;
  return {
    orientation: 'wide',
    width: W,
    height: stripTop + 2 * lineH + m,
    fontSize: u,
    badgeRadius: r,
    nodes,
    boundary: {
      ...boundary,
      w: bw,
      title: BOUNDARY_TITLE,
      lines: caption.lines,
      hidden: caption.hidden,
      containsActor: trusted,
    },
    route,
    gates,
    link: {
      points: [
        { x: entraX + size.entra.w, y: linkY },
        { x: adoCx, y: linkY },
        { x: adoCx, y: rowY - size.ado.h / 2 },
      ],
      label: {
        x: (entraX + size.entra.w + adoCx) / 2,
        y: linkY - 0.45 * u,
        text: 'CA policy check',
      },
    },
    outcome: { x: resX + size.resource.w - outcomeW, y: entraTop, w: outcomeW, h: 2.8 * u },
    placeLabel(i, at) {
      const stage = STAGES[i] ?? 'client';
      const w = checkLabelWidth(stage, u);
      const gx = gates[i] ?? at.x;
      const first = i % 2 === 0;
      return {
        labelBox: { x: first ? gx + 0.4 * u - w : gx - 0.4 * u, y: stripTop, w, h: 2 * lineH },
        labelAnchor: first ? 'end' : 'start',
        leader: { x1: at.x, y1: at.y + r + 0.15 * u, x2: at.x, y2: stripTop - 0.15 * u },
      };
    },
  };
}
