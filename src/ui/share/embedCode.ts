// Links and the iframe snippet for the step on screen. Absolute URLs, built from wherever the app
// is hosted (any base path), so a copied link or snippet works when pasted elsewhere.
import { formatHash, type View } from '../router.svelte';

/** The page's own address without its hash, e.g. https://host/docs/pat-fence/ */
export function appBase(href = globalThis.location?.href ?? ''): string {
  return href.split('#')[0] ?? '';
}

export function appLink(view: View, params: URLSearchParams, href?: string): string {
  return appBase(href) + formatHash(view, params);
}

function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export interface EmbedOptions {
  title: string;
  height?: number;
}

/**
 * An iframe for a docs page: lazy, sandboxed (scripts for the player, same-origin for its
 * storage, popups for "open in PAT Fence"), no referrer, full width up to the embed's own width.
 */
export function embedSnippet(
  params: URLSearchParams,
  opts: EmbedOptions,
  href?: string,
  view: View = 'embed',
): string {
  const p = new URLSearchParams(params);
  if (view !== 'embed') p.set('embed', '1');
  const src = appLink(view, p, href);
  return [
    `<iframe src="${attr(src)}"`,
    `  title="${attr(`PAT Fence: ${opts.title}`)}"`,
    `  width="100%" height="${Math.round(opts.height ?? 720)}"`,
    '  loading="lazy"',
    '  sandbox="allow-scripts allow-same-origin allow-popups"',
    '  referrerpolicy="no-referrer"',
    '  data-pat-fence-embed></iframe>',
  ].join('\n');
}
