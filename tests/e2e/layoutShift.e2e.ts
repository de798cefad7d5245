// Deep links do not jump: while a view's code is on its way (held here by a route, as a slow
// phone network would), its place is held a screen tall, so the footer is never drawn near the
// top and pushed down when the view arrives. Measured with the browser's own layout-shift entries
// (what Lighthouse adds up as CLS); the bar is Lighthouse's "good", 0.1.
import { expect, test, type Page } from '@playwright/test';

const PAGES = [
  ['player deep link', './#/player?v=1&s=policy-on&p=cafe-pat&t=5', /Kim pulls from a café/],
  ['lesson', './#/lesson', /Guided lesson|Chapter 1 of/],
  ['lab', './#/lab', /What-if lab/],
  ['rules page', './#/rules/R12', /R12/],
] as const;

/**
 * Holds every lazily loaded view chunk until released: not the entry script, nor the chunks
 * index.html preloads for it (the entry cannot run without them, so holding them holds the page).
 */
async function holdChunks(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const html = await (await page.request.get('./')).text();
  const first = new Set(
    [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map(
      (m) => m[1],
    ),
  );
  await page.route(/\/assets\/[^/]*\.js$/, async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^.*\/(assets\/)/, '$1');
    if (!first.has(path)) await held;
    await route.continue();
  });
  return release;
}

async function shifts(page: Page) {
  return page.evaluate(() => (window as unknown as { pfShifts: string[] }).pfShifts);
}

for (const size of [
  { width: 412, height: 823 },
  { width: 1366, height: 768 },
])
  for (const [name, url, drawn] of PAGES)
    test(`${name} at ${size.width}px: no layout shift while its view loads`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.addInitScript(() => {
        const w = window as unknown as { pfShift: number; pfShifts: string[] };
        w.pfShift = 0;
        w.pfShifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
            sources: { node?: Node }[];
          })[]) {
            if (e.hadRecentInput) continue;
            w.pfShift += e.value;
            const nodes = e.sources.map((s) => (s.node as Element | undefined)?.className ?? '?');
            w.pfShifts.push(`${e.value.toFixed(3)} ${nodes.join(', ')}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const release = await holdChunks(page);
      await page.goto(url);
      await expect(page.locator('header.top')).toBeVisible();
      release();
      await expect(page.locator('main')).toContainText(drawn);
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))),
      );
      const total = await page.evaluate(() => (window as unknown as { pfShift: number }).pfShift);
      expect(total, (await shifts(page)).join('\n')).toBeLessThan(0.1);
    });
