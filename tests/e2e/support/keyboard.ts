// Keyboard-only helpers: Tab to a control by its accessible text, pick a radio with the arrow
// keys. No mouse, no element.click().
import { expect, type Page } from '@playwright/test';

/** An element's visible name: its aria-label, its label's text, or its own text. */
function nameOf(el: HTMLElement): string {
  const label =
    el.closest('label')?.textContent || (el as HTMLInputElement).labels?.[0]?.textContent || '';
  return (el.getAttribute('aria-label') || label || el.textContent || '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The focused element's visible name ('' when nothing is focused). */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(
    `(() => { const el = document.activeElement;
      return !el || el === document.body ? '' : (${nameOf.toString()})(el); })()`,
  ) as Promise<string>;
}

/** Names of the visible controls Tab can reach, for waiting until the wanted one exists. */
function controlNames(page: Page): Promise<string[]> {
  return page.evaluate(
    `[...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter((el) => el.getClientRects().length > 0).map(${nameOf.toString()})`,
  ) as Promise<string[]>;
}

/** Tab until the focused control's name matches. It first waits for such a control to be on the
 *  page, so a view still loading its chunk is not tabbed past before its controls exist. */
export async function tabTo(page: Page, name: string | RegExp, max = 60): Promise<void> {
  const match = (s: string) => (typeof name === 'string' ? s === name : name.test(s));
  await expect
    .poll(async () => (await controlNames(page)).some(match), {
      message: `no control named ${String(name)} appeared`,
      timeout: 15_000,
    })
    .toBe(true);
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (match(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

export async function press(page: Page, name: string | RegExp, key = 'Enter'): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.press(key);
}

/** Tab into a radio group (landing on its first option), then arrow down to the wanted one. */
export async function chooseRadio(page: Page, first: string, wanted: string): Promise<void> {
  await tabTo(page, first);
  for (let i = 0; i < 8 && (await focusedName(page)) !== wanted; i++)
    await page.keyboard.press('ArrowDown');
  expect(await focusedName(page)).toBe(wanted);
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: wanted, exact: true })).toBeChecked();
}
