// A Svelte action that keeps real-looking tokens out of every text field inside `node`: a paste or
// drop that looks like a token is refused, and typed text is cleaned before any `bind:value` or
// `oninput` handler sees it (the listeners run in the capture phase on the ancestor). `onflag`
// is told each time, to show the warning. The text never reaches state, the URL or storage.
import { findTokens, redactTokens, type TokenKind } from '../../model/share/secretScan';

export interface TokenGuardOptions {
  onflag?: (kinds: TokenKind[]) => void;
}

type Field = HTMLInputElement | HTMLTextAreaElement;
const isField = (t: EventTarget | null): t is Field =>
  t instanceof HTMLTextAreaElement ||
  (t instanceof HTMLInputElement && !['file', 'checkbox', 'radio'].includes(t.type));

export function tokenGuard(node: HTMLElement, options: TokenGuardOptions = {}) {
  let opts = options;
  const flag = (text: string) => {
    const spans = findTokens(text);
    if (spans.length) opts.onflag?.([...new Set(spans.map((s) => s.kind))]);
    return spans.length > 0;
  };
  const onTransfer = (e: ClipboardEvent | DragEvent) => {
    const data = 'clipboardData' in e ? e.clipboardData : e.dataTransfer;
    if (data && flag(data.getData('text/plain') ?? '')) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  };
  const onInput = (e: Event) => {
    if (!isField(e.target) || !flag(e.target.value)) return;
    e.target.value = redactTokens(e.target.value);
  };
  node.addEventListener('paste', onTransfer, true);
  node.addEventListener('drop', onTransfer, true);
  node.addEventListener('input', onInput, true);
  node.addEventListener('change', onInput, true);
  return {
    update(next: TokenGuardOptions) {
      opts = next;
    },
    destroy() {
      node.removeEventListener('paste', onTransfer, true);
      node.removeEventListener('drop', onTransfer, true);
      node.removeEventListener('input', onInput, true);
      node.removeEventListener('change', onInput, true);
    },
  };
}
