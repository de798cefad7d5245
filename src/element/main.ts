// <pat-fence-scenario scenario="policy-on" play="cafe-pat" step="4" variant="…" theme="dark">:
// one scenario's stage in any page. Shadow DOM isolates the styles both ways; the CSS is bundled
// in this file as text and adopted as a constructable stylesheet, which a strict CSP (no
// 'unsafe-inline') allows, unlike <style> elements. `step` counts like the player ("Step 4 of 6";
// 0 = before the start); attributes are checked like a link's params, with a notice on fallback.
import { mount, unmount } from 'svelte';
import { catalog } from '../ui/catalog';
import { resolveLink } from '../ui/share/resolveLink';
import './element.css';
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

const ATTRS = { scenario: 's', play: 'p', variant: 'x', step: 't' } as const;

export class PatFenceScenario extends HTMLElement {
  static observedAttributes = [...Object.keys(ATTRS), 'theme'];
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
    const params = new URLSearchParams({ v: '1' });
    for (const [attr, key] of Object.entries(ATTRS)) {
      const value = this.getAttribute(attr);
      if (value !== null) params.set(key, value.trim());
    }
    const resolved = resolveLink(catalog.scenarios, params);
    this.#app = mount(ElementView, {
      target: root,
      props: { scenarios: catalog.scenarios, resolved },
    });
  }
}

if (!customElements.get('pat-fence-scenario'))
  customElements.define('pat-fence-scenario', PatFenceScenario);
