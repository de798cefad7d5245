// A Svelte action that keeps real-looking tokens out of every text field inside `node`, through
// the one token guard (model/share/tokenGuard). The listeners run in the capture phase on the
// ancestor, so they act before any `bind:value` or `oninput` handler sees the text:
// - a paste or drop is inserted with its tokens replaced (the same as a file holding them);
// - typed text is cleaned as soon as a token is complete, and while a token may still be being
//   typed (a long base32 run at the caret) the input is held back from the page's handlers, so a
//   paused prefix never reaches state or a link; leaving the field releases it, or removes it when
//   it is most of a token;
// - only the edited part of a field is rescanned per keystroke, so a big text stays responsive.
// Fields marked `data-token-guard="self"` check their own pastes (the paste box reads big pastes
// in slices); typing in them is still guarded here.
import { findPartialTokens, type TokenKind } from '../../model/share/secretScan';
import { TOKEN_MASK, guardText, guardTyped } from '../../model/share/tokenGuard';

export interface TokenGuardOptions {
  onflag?: (kinds: TokenKind[]) => void;
}

type Field = HTMLInputElement | HTMLTextAreaElement;
const isField = (t: EventTarget | null): t is Field =>
  t instanceof HTMLTextAreaElement ||
  (t instanceof HTMLInputElement &&
    !['file', 'checkbox', 'radio', 'button', 'submit', 'range', 'color'].includes(t.type));
const selfGuarded = (t: EventTarget | null) =>
  t instanceof HTMLElement && t.dataset.tokenGuard === 'self';

/** Puts `text` into `field` in place of its selection, as a paste would, and tells the page. */
function insert(field: Field, text: string) {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

export function tokenGuard(node: HTMLElement, options: TokenGuardOptions = {}) {
  let opts = options;
  /** Each field's last text known to hold no token: the base for scanning only what changed. */
  const clean = new WeakMap<Field, string>();
  const held = new WeakSet<Field>();
  let releasing = false;
  const flag = (kinds: TokenKind[]) => opts.onflag?.(kinds);

  const onTransfer = (e: ClipboardEvent | DragEvent) => {
    if (selfGuarded(e.target)) return;
    const data = 'clipboardData' in e ? e.clipboardData : e.dataTransfer;
    const text = data?.getData('text/plain') ?? '';
    const g = guardText(text);
    if (!g.found.length) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    flag(g.found);
    if (isField(e.target) && !e.target.readOnly && !e.target.disabled) insert(e.target, g.value);
  };

  const onInput = (e: Event) => {
    const field = e.target;
    if (releasing || !isField(field)) return;
    const value = field.value;
    const verdict = guardTyped(clean.get(field), value, field.selectionEnd ?? value.length);
    if (verdict.action === 'clean') {
      field.value = verdict.value;
      clean.set(field, verdict.value);
      held.delete(field);
      flag(verdict.found);
      return;
    }
    clean.set(field, value);
    if (verdict.action === 'hold') {
      held.add(field);
      e.stopImmediatePropagation();
    } else held.delete(field);
  };

  /** Leaving a field ends the typing: most of a token is removed, anything else is let through. */
  const onLeave = (e: Event) => {
    const field = e.target;
    if (!isField(field) || !held.has(field)) return;
    held.delete(field);
    const partial = findPartialTokens(field.value);
    if (partial.length) {
      let out = '';
      let at = 0;
      for (const s of partial) {
        out += field.value.slice(at, s.start) + TOKEN_MASK;
        at = s.end;
      }
      field.value = out + field.value.slice(at);
      flag([...new Set(partial.map((s) => s.kind))]);
    }
    clean.set(field, field.value);
    releasing = true;
    try {
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    } finally {
      releasing = false;
    }
  };

  const onChange = (e: Event) => {
    if (!releasing && isField(e.target) && held.has(e.target)) e.stopImmediatePropagation();
  };

  node.addEventListener('paste', onTransfer, true);
  node.addEventListener('drop', onTransfer, true);
  node.addEventListener('input', onInput, true);
  node.addEventListener('change', onChange, true);
  node.addEventListener('focusout', onLeave, true);
  return {
    update(next: TokenGuardOptions) {
      opts = next;
    },
    destroy() {
      node.removeEventListener('paste', onTransfer, true);
      node.removeEventListener('drop', onTransfer, true);
      node.removeEventListener('input', onInput, true);
      node.removeEventListener('change', onChange, true);
      node.removeEventListener('focusout', onLeave, true);
    },
  };
}
