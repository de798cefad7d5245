// <pat-fence-scenario scenario="policy-on" play="cafe-pat" step="4" variant="…" theme="dark">:
// one scenario's stage in any page; <pat-fence-compare flow="pat" policy="both"> (optionally
// scenario="…", theme="…"): the compare view's two lanes, their IPs and the fence check. Shadow DOM isolates the styles both ways; the CSS is bundled
// in this file as text and adopted as a constructable stylesheet, which a strict CSP (no
// 'unsafe-inline') allows, unlike <style> elements. `step` counts like the player ("Step 4 of 6";
// 0 = before the start); attributes are checked like a link's params, with a notice on fallback.
import { mount, unmount } from 'svelte';
import { catalog } from '../ui/catalog';
import { resolveLink } from '../ui/share/resolveLink';
import './element.css';
import CompareElementView from './CompareElementView.svelte';
import ElementView from './ElementView.svelte';

/** Replaced at build time by the bundle's CSS (see src/element/vite.config.ts). */
const CSS = '__PAT_FENCE_ELEMENT_CSS__';

let sheet: CSSStyleSheet | undefined;
function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

/** A custom element that mounts one Svelte view in its shadow root from its attributes. */
abstract class ShadowView extends HTMLElement {
  #app: Record<string, unknown> | undefined;
  #pending = false;

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    if (this.#app) void unmount(this.#app);
    this.#app = undefined;
  }

  attributeChangedCallback(name: string) {
    if (name === 'theme' || !this.isConnected || this.#pending) return;
    // Several attributes set in a row re-render once.
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.#render();
    });
  }

  #render() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    if (this.#app) void unmount(this.#app);
    root.replaceChildren();
    this.#app = this.mountIn(root);
  }

  /** The attributes in `attrs` that are set, trimmed, under their link names. */
  protected read(attrs: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [attr, key] of Object.entries(attrs)) {
      const value = this.getAttribute(attr);
      if (value !== null) out[key] = value.trim();
    }
    return out;
  }

  protected abstract mountIn(root: ShadowRoot): Record<string, unknown>;
}

const ATTRS = { scenario: 's', play: 'p', variant: 'x', step: 't' } as const;

export class PatFenceScenario extends ShadowView {
  static observedAttributes = [...Object.keys(ATTRS), 'theme'];

  protected mountIn(root: ShadowRoot) {
    const params = new URLSearchParams({ v: '1', ...this.read(ATTRS) });
    const resolved = resolveLink(catalog.scenarios, params);
    return mount(ElementView, { target: root, props: { scenarios: catalog.scenarios, resolved } });
  }
}

/** The same names as the compare view's link (#/compare?flow=…&policy=…&scenario=…). */
const COMPARE_ATTRS = { flow: 'flow', policy: 'policy', scenario: 'scenario' } as const;

export class PatFenceCompare extends ShadowView {
  static observedAttributes = [...Object.keys(COMPARE_ATTRS), 'theme'];

  protected mountIn(root: ShadowRoot) {
    const params = this.read(COMPARE_ATTRS);
    return mount(CompareElementView, {
      target: root,
      props: { scenarios: catalog.scenarios, params },
    });
  }
}

if (!customElements.get('pat-fence-scenario'))
  customElements.define('pat-fence-scenario', PatFenceScenario);
if (!customElements.get('pat-fence-compare'))
  customElements.define('pat-fence-compare', PatFenceCompare);
