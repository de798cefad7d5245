// Keeps the lab's tab and the last valid sandbox in the address bar (replaceState, debounced), so
// a link reopens the same sandbox. Imported tenant data never goes in a link.
import { untrack } from 'svelte';
import { decodeSandbox, encodeSandbox } from '../../model/lab/sandboxUrl';
import type { SandboxConfig } from '../../model/lab/sandboxTypes';
import type { Router } from '../router.svelte';

export const TABS = ['sandbox', 'challenges', 'import', 'impact', 'evidence'] as const;
export type Tab = (typeof TABS)[number];

/**
 * A damaged link changes nothing: on opening the lab the default sandbox is shown, and a link
 * arriving later (`onScreen`) leaves the sandbox on screen as it was.
 */
export function readLink(
  params: URLSearchParams,
  onScreen = false,
): {
  tab: Tab;
  config?: SandboxConfig;
  notice?: string;
} {
  const t = params.get('tab');
  const tab = (TABS as readonly string[]).includes(t ?? '') ? (t as Tab) : 'sandbox';
  const s = params.get('s');
  if (!s) return { tab };
  const d = decodeSandbox(s);
  if (d.ok) return { tab, config: d.value };
  const kept = onScreen ? 'The sandbox on screen is kept.' : 'The default sandbox is shown.';
  return { tab, notice: `${d.error} ${kept}` };
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
  // Bumped when a link arrives that the sandbox on screen does not follow (a damaged one): the
  // address bar then gets the sandbox on screen back, as after any change.
  let relink = $state(0);
  $effect(() => {
    const route = router.route;
    if (route.view !== 'lab') return;
    const s = route.params.get('s') ?? '';
    if (s === written) return;
    written = s;
    const link = readLink(route.params, true);
    untrack(() => {
      onexternal(link);
      if (s && !link.config) relink++;
    });
  });
  $effect(() => {
    void relink;
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
