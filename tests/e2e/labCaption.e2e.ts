// The lab's diagram caption names the first trusted ranges and says plainly how many it leaves
// out and where they are ("and N more", "all N listed below"); the line under the picture says
// the same in words and its button moves focus to the complete list.
import { expect, test } from '@playwright/test';

const RANGES = 60;
const locations = {
  value: [
    {
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      id: '00000000-0000-4000-8000-000000000001',
      displayName: 'Contoso sites',
      isTrusted: true,
      ipRanges: Array.from({ length: RANGES }, (_, i) => ({
        '@odata.type': '#microsoft.graph.iPv4CidrRange',
        cidrAddress: `198.18.${i}.0/24`,
      })),
    },
  ],
};

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1366, height: 768 },
];

for (const size of SIZES)
  for (const scheme of ['light', 'dark'] as const)
    test(`caption says what it leaves out, ${size.name} ${scheme}`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./#/lab?tab=import');
      await page.setInputFiles('#import-locations-file', {
        name: 'namedLocations.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(locations)),
      });
      await expect(page.getByText('In use: 1 named location')).toBeVisible();
      await page.getByRole('button', { name: 'Sandbox' }).click();

      const decision = page.getByRole('region', { name: 'Decision' });
      const caption = decision.locator('svg .boundary text');
      await expect(caption.first()).toHaveText('Trusted network');
      const words = (await caption.allTextContents()).join(' | ');
      const more = /and (\d+) more/.exec(words);
      expect(more, words).not.toBeNull();
      expect(words).toContain(`all ${RANGES} listed below`);
      expect(words).not.toMatch(/\+\d+ more/);
      const named = RANGES - Number(more![1]);
      // Every range the caption names is really one of the first, in order.
      for (let i = 0; i < named; i++) expect(words).toContain(`198.18.${i}.0/24`);

      const note = decision.getByText(`The diagram names ${named} of ${RANGES} trusted ranges.`);
      await expect(note).toBeVisible();
      await note.evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await page.screenshot({ path: `tests/e2e-artifacts/lab-caption-${size.name}-${scheme}.png` });
      await decision.getByRole('button', { name: `Go to all ${RANGES}` }).click();
      const search = page.getByLabel('Search trusted ranges');
      await expect(search).toBeFocused();
      await expect(search).toBeInViewport();
      await search.fill('198.18.59.0');
      await expect(page.getByRole('list', { name: /trusted ranges/i })).toContainText(
        '198.18.59.0/24',
      );
    });

test('no note and no "more" when every range fits', async ({ page }) => {
  await page.goto('./#/lab?tab=sandbox');
  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision.locator('svg .boundary text').first()).toHaveText('Trusted network');
  await expect(decision.locator('svg .boundary')).not.toContainText('more');
  await expect(decision.getByText(/The diagram names/)).toHaveCount(0);
});
