// Keeps the lab's tab and the last valid sandbox in the address bar (replaceState, debounced), so
// a link reopens the same sandbox. Imported tenant data never goes in a link.
import { untrack } from 'svelte';
import { decodeSandbox, encodeSandbox } from '../../model/lab/sandboxUrl';
import type { SandboxConfig } from '../../model/lab/sandboxTypes';
import type { Router } from '../router.svelte';

export const TABS = ['sandbox', 'challenges', 'import', 'impact', 'evidence'] as const;
export type Tab = (typeof TABS)[number];

export function readLink(params: URLSearchParams): {
  tab: Tab;
  config?: SandboxConfig;
  notice?: string;
} {
  const t = params.get('tab');
  const tab = (TABS as readonly string[]).includes(t ?? '') ? (t as Tab) : 'sandbox';
  const s = params.get('s');
  if (!s) return { tab };
  const d = decodeSandbox(s);
  return d.ok ? { tab, config: d.value } : { tab, notice: d.error };
}

/**
 * Call inside a component: writes `{tab, s}` a moment after either changes, and hands a link the
 * lab did not write itself (pasted in the address bar, Back) to `onexternal`.
 */
export function syncLink(
  router: Router,
  tab: () => Tab,
  config: () => SandboxConfig,
  onexternal: (link: ReturnType<typeof readLink>) => void,
) {
  let written = router.route.params.get('s') ?? '';
  $effect(() => {
    const route = router.route;
    if (route.view !== 'lab') return;
    const s = route.params.get('s') ?? '';
    if (s === written) return;
    written = s;
    untrack(() => onexternal(readLink(route.params)));
  });
  $effect(() => {
    const t = tab();
    const encoded = encodeSandbox(config());
    const timer = setTimeout(() => {
      if (router.route.view !== 'lab') return;
      const params: Record<string, string> = { tab: t };
      if (encoded.ok) params.s = written = encoded.value;
      router.replace(params);
    }, 400);
    return () => clearTimeout(timer);
  });
}
