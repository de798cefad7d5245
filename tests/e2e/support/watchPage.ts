// Records what must never happen on a page: console errors (CSP violations are logged as errors),
// uncaught exceptions, and requests to any origin other than the app's own.
import type { Page } from '@playwright/test';

export interface Watch {
  errors: string[];
  foreign: string[];
  requests: string[];
}

export function watchPage(page: Page, origin: string): Watch {
  const w: Watch = { errors: [], foreign: [], requests: [] };
  const own = new URL(origin).origin;
  page.on('console', (m) => m.type() === 'error' && w.errors.push(m.text()));
  page.on('pageerror', (e) => w.errors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    w.requests.push(url);
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== own) w.foreign.push(url);
  });
  return w;
}
