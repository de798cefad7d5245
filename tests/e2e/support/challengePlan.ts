// Solving every build-the-fence challenge by keyboard alone: each level's minimal solution as
// the keys a learner would press (Tab to a field by its label, type, arrow through a select).
import { expect, type Page } from '@playwright/test';
import { press, tabTo } from './keyboard';

const RANGES = 'IP ranges (CIDR, one per line)';

async function addLocation(page: Page, range: string) {
  await press(page, 'Add a named location');
  // Back from the Add button: the new location's Remove button, then its ranges.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type(range);
}

async function appendRange(page: Page, nth: number, range: string) {
  for (let i = 0; i <= nth; i++) await tabTo(page, RANGES);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(`\n${range}`);
}

export const SOLVE: Record<string, (page: Page) => Promise<void>> = {
  'cafe-vpn': async (page) => {
    await press(page, 'Enable IP Conditional Access policy validation', 'Space');
    await addLocation(page, '198.51.100.0/25');
  },
  'ipv6-gap': (page) => appendRange(page, 0, '2001:db8:10::/48'),
  'hosted-builds': (page) => addLocation(page, '20.42.7.0/24'),
  'split-tunnel': (page) => appendRange(page, 1, '198.51.100.128/25'),
  'mfa-protects-pats': async (page) => {
    await tabTo(page, /^What it does/);
    await page.keyboard.press('ArrowUp'); // Require MFA everywhere → outside trusted locations
  },
  'arm-target': async (page) => {
    await tabTo(page, /^Target resource/);
    await page.keyboard.press('Home'); // Azure DevOps
  },
};

/** From the first challenge, solves each in turn; ends on the last one, solved. */
export async function solveAll(page: Page, ids: string[]) {
  for (const [i, id] of ids.entries()) {
    await expect(page.getByRole('status').filter({ hasText: 'goal requests' })).toBeVisible();
    const solve = SOLVE[id];
    if (!solve) throw new Error(`no keyboard solution for challenge ${id}`);
    await solve(page);
    await expect(page.getByRole('status').filter({ hasText: 'Solved!' })).toBeVisible();
    if (i + 1 < ids.length) await press(page, 'Next challenge');
  }
}
