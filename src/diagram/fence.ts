// Geometry of the fence picture: the trusted network with the inside actor, the outside actor
// below it, and both requests running side by side to the box that checks their IP (Azure DevOps
// for a PAT or SSH key, Microsoft Entra for a browser sign-in). Pure: sizes come from text.ts.
import type { Rect } from './types';
import { clamp } from './clamp';
import { rangeLines, smallText, textWidth } from './text';

export type GateState = 'pass' | 'fail' | 'mfa' | 'skip';

export interface FenceLaneInput {
  /** "Dana · office". */
  label: string;
  /** The IP the check is about, drawn in the box and on the request line. */
  ip: string;
  /** A second IP (split tunnel: what Entra sees), drawn under the first. */
  otherIp?: string;
  inside: boolean;
  /** "PAT · git". */
  credential: string;
  gate: GateState;
  /** "HTTP 200", "VS403463", "MFA prompt". */
  result: string;
  /** The fence check in words, drawn under the line when it fits. */
  check?: string;
}

export interface FenceInput {
  width: number;
  lanes: FenceLaneInput[];
  ranges: string[];
  target: { label: string; sublabel: string; pill: string };
}

export interface FenceLane {
  box: Rect;
  lines: string[];
  y: number;
  x1: number;
  gateX: number;
  /** Where the token rests at the end: inside the target when allowed, before the gate when not. */
  endX: number;
  ipLabel: { x: number; y: number } | null;
  resultLabel: { x: number; y: number };
  /** Where the fence check's words start (left-aligned under the line), when they fit. */
  checkLabel: { x: number; y: number } | null;
}

/** One line of a fence check that did not fit on its request line, written under the picture. */
export interface FenceNote {
  lane: number;
  x: number;
  y: number;
  text: string;
}

export interface FenceLayout {
  width: number;
  height: number;
  fontSize: number;
  radius: number;
  boundary: Rect & { lines: string[] };
  target: Rect;
  lanes: FenceLane[];
  /** The checks too long for their lines (a phone), wrapped under the picture, never dropped. */
  notes: FenceNote[];
}

/** Word-wraps `text` to lines no wider than `max` at `size` (a long address breaks on its own). */
function wrapTo(text: string, max: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const ROW_LINES = 3;

export function fenceLayout(input: FenceInput): FenceLayout {
  const W = Number.isFinite(input.width) ? Math.max(300, Math.round(input.width)) : 720;
  const u = clamp(W / 50, 13, 18);
  const small = smallText(u);
  const m = 0.6 * u;
  const pad = 0.7 * u;
  const r = 0.65 * u;
  const lineH = 1.25 * small;
  const laneText = input.lanes.map((l) => [l.label, l.ip, ...(l.otherIp ? [l.otherIp] : [])]);
  const actorW =
    Math.max(
      ...input.lanes.map((l, i) =>
        Math.max(
          textWidth(l.label, u, true),
          ...(laneText[i] ?? []).slice(1).map((t) => textWidth(t, small)),
          textWidth(l.credential, small),
        ),
      ),
    ) +
    1.2 * u;
  const t = input.target;
  const targetW =
    Math.max(textWidth(t.label, u, true), textWidth(t.sublabel, small), textWidth(t.pill, small)) +
    1.4 * u;
  const boxH = (lines: number) => 0.7 * u + u + (lines - 1 + 1) * lineH + 0.4 * u;
  const bw = actorW + 2 * pad;
  const maxChars = Math.floor((bw * 1.6 - 2 * pad) / (small * 0.54));
  // Every range, never "+N more": the fence is the whole point of the picture.
  const captionLines = rangeLines(input.ranges, Math.max(12, maxChars), 99);
  const captionH = (1 + captionLines.length) * lineH + 0.3 * u;
  const lanes: FenceLane[] = [];
  let y = m;
  const boundary = { x: m, y: m, w: Math.min(W - 2 * m, bw * 1.6), h: 0, lines: captionLines };
  const targetX = W - m - targetW;
  const rows: { box: Rect; lines: string[] }[] = [];
  input.lanes.forEach((l, i) => {
    const lines = laneText[i] ?? [l.label, l.ip];
    const h = boxH(Math.max(ROW_LINES, lines.length + 1));
    if (l.inside) {
      const top = boundary.y + captionH;
      rows.push({ box: { x: m + pad, y: top, w: actorW, h }, lines });
      boundary.h = captionH + h + pad;
      y = Math.max(y, boundary.y + boundary.h);
    } else {
      const top = y + 1.2 * u;
      rows.push({ box: { x: m + pad, y: top, w: actorW, h }, lines });
      y = top + h;
    }
  });
  input.lanes.forEach((l, i) => {
    const { box, lines } = rows[i]!;
    const cy = box.y + box.h / 2;
    const x1 = box.x + box.w;
    const gateX = targetX - 1.5 * r;
    const span = gateX - r - x1;
    const ipFits = textWidth(l.ip, small) + u < span;
    // The check's words end just before the answer, clear of the trusted network's border.
    const from = l.inside ? Math.max(x1, boundary.x + boundary.w) : x1;
    // textWidth underestimates bold digits ("VS403463"), so leave a wider gap before the answer.
    const checkEnd = gateX + r - textWidth(l.result, small, true) - 1.6 * u;
    const checkFits = !!l.check && checkEnd - textWidth(l.check, small) > from + 0.5 * u;
    lanes.push({
      box,
      lines,
      y: cy,
      x1,
      gateX,
      endX: l.gate === 'pass' || l.gate === 'skip' ? targetX + 0.9 * u : gateX - 1.9 * r,
      ipLabel: ipFits ? { x: x1 + span / 2, y: cy - 0.45 * u } : null,
      resultLabel: { x: gateX + r, y: cy + r + small * 1.15 },
      checkLabel: checkFits ? { x: checkEnd, y: cy + r + small * 1.15 } : null,
    });
  });
  const first = lanes[0];
  const last = lanes[lanes.length - 1];
  const top = first ? first.box.y : m;
  const bottom = last ? last.box.y + last.box.h : m + 4 * u;
  const target = { x: targetX, y: top, w: targetW, h: bottom - top };
  // One place for every check of a picture: on their lines if all fit, otherwise all underneath.
  if (lanes.some((l, i) => input.lanes[i]!.check && !l.checkLabel))
    for (const l of lanes) l.checkLabel = null;
  let end = Math.max(bottom, ...lanes.map((l) => l.resultLabel.y));
  const notes: FenceNote[] = [];
  input.lanes.forEach((l, i) => {
    if (!l.check || lanes[i]!.checkLabel) return;
    const who = l.label.split(' · ')[0] ?? l.label;
    for (const text of wrapTo(`${who}: ${l.check} → ${l.result}`, W - 2 * m, small)) {
      end += notes.length ? lineH : 0.6 * u + lineH;
      notes.push({ lane: i, x: m, y: end, text });
    }
  });
  const height = end + m + 0.4 * u;
  return { width: W, height, fontSize: u, radius: r, boundary, target, lanes, notes };
}
