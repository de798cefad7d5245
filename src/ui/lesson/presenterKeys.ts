// Presenter mode's keys: → Space PageDown go forward, ← PageUp go back. Keys typed into a
// control (a radio, a button, a field) stay with that control.
export type PresenterMove = 'forward' | 'back';

const FORWARD = new Set(['ArrowRight', ' ', 'Spacebar', 'PageDown']);
const BACK = new Set(['ArrowLeft', 'PageUp']);
const CONTROLS = 'input, textarea, select, button, a[href], summary, [contenteditable]';

export function presenterMove(e: KeyboardEvent): PresenterMove | undefined {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return undefined;
  const target = e.target as Element | null;
  if (target?.closest?.(CONTROLS)) return undefined;
  if (FORWARD.has(e.key)) return 'forward';
  if (BACK.has(e.key)) return 'back';
  return undefined;
}
