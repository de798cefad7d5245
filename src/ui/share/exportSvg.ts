// The live diagram as a stand-alone SVG file: every colour, stroke and font the page's CSS gives
// it is copied onto the clone as presentation attributes, because the CSS custom properties the
// diagram uses do not travel with the file. Also renders it to PNG under the strict CSP (img-src
// allows data: URLs, not blob: URLs).

import { guardText } from '../../model/share/tokenGuard';

const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
] as const;

function inline(source: Element, target: Element) {
  const cs = getComputedStyle(source);
  for (const prop of PROPS) {
    const value = cs.getPropertyValue(prop);
    if (value) target.setAttribute(prop, value);
  }
  target.removeAttribute('class');
  target.removeAttribute('style');
}

/** The SVG text of `svg` as drawn now, with a solid `background` behind it. */
export function serializeSvg(svg: SVGSVGElement, background: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const copy = to[i];
    if (!copy) return;
    if (getComputedStyle(el).display === 'none') copy.setAttribute('display', 'none');
    else inline(el, copy);
  });
  const box = svg.viewBox.baseVal;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(box.width)));
  clone.setAttribute('height', String(Math.round(box.height)));
  clone.removeAttribute('aria-labelledby');
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of Object.entries({
    x: box.x,
    y: box.y,
    width: box.width,
    height: box.height,
    fill: background,
  }))
    rect.setAttribute(k, String(v));
  const firstDrawn = [...clone.children].find((c) => !['title', 'desc'].includes(c.tagName));
  clone.insertBefore(rect, firstDrawn ?? null);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** Rasterises SVG text at `scale` × its own size. */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw to a canvas.');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed.'))), 'image/png'),
  );
}

/** Saves `data` as a file through a temporary link (downloads are not fetches: CSP allows it). */
export function download(name: string, data: Blob | string, type = 'text/plain') {
  // Text (SVG, Mermaid) passes the one token guard on the way out; a PNG is drawn from that SVG.
  const blob = typeof data === 'string' ? new Blob([guardText(data).value], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Word-wraps `text` to lines of at most `chars` characters. */
function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * One SVG file from one or more live diagrams placed side by side, with a title above and a
 * caption below, so a PNG or SVG pasted into a slide or a wiki says what it shows.
 */
export function composeSvg(
  svgs: SVGSVGElement[],
  opts: { title: string; caption?: string; background: string; foreground: string },
): string {
  const gap = 16;
  const pad = 16;
  const parts = svgs.map((svg) => {
    const text = serializeSvg(svg, opts.background).replace(/^<\?xml[^>]*>\s*/, '');
    const box = svg.viewBox.baseVal;
    return { text, w: Math.round(box.width), h: Math.round(box.height) };
  });
  const innerW = parts.reduce((s, p) => s + p.w, 0) + gap * Math.max(0, parts.length - 1);
  const width = innerW + 2 * pad;
  const titleSize = 20;
  const capSize = 14;
  const capLines = opts.caption
    ? wrap(opts.caption, Math.max(30, Math.floor(innerW / (capSize * 0.55))))
    : [];
  const top = pad + titleSize * 1.4;
  const bodyH = Math.max(0, ...parts.map((p) => p.h));
  const height = top + bodyH + (capLines.length ? 8 + capLines.length * capSize * 1.35 : 0) + pad;
  let x = pad;
  const placed = parts.map((p) => {
    const s = p.text.replace('<svg', `<svg x="${x}" y="${top}"`);
    x += p.w + gap;
    return s;
  });
  const font = 'system-ui, Segoe UI, Roboto, Arial, sans-serif';
  const caption = capLines
    .map(
      (l, i) =>
        `<text x="${pad}" y="${top + bodyH + 8 + capSize * 1.1 + i * capSize * 1.35}" font-size="${capSize}" font-family="${font}" fill="${esc(opts.foreground)}">${esc(l)}</text>`,
    )
    .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${Math.round(height)}" viewBox="0 0 ${width} ${Math.round(height)}">`,
    `<title>${esc(opts.title)}</title>`,
    `<rect width="100%" height="100%" fill="${esc(opts.background)}"/>`,
    `<text x="${pad}" y="${pad + titleSize}" font-size="${titleSize}" font-weight="700" font-family="${font}" fill="${esc(opts.foreground)}">${esc(opts.title)}</text>`,
    ...placed,
    caption,
    '</svg>',
  ].join('\n');
}
