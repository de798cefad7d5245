// Where Playwright finds a browser: Debian's Chromium first (these machines cannot download
// Playwright's own build), then Playwright's downloaded Chromium.
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

export function systemChromium() {
  const fromEnv = process.env.PAT_FENCE_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}
