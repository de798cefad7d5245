// A generic, versioned, compact codec for state kept in a URL (e.g. the lab's sandbox): JSON,
// UTF-8, base64url, behind a version prefix, with a size limit. It refuses anything that looks
// like a real token, both ways, so a credential never ends up in a link. Callers validate shape.
import { containsToken } from './secretScan';
import type { Result } from '../engine/types';

export const STATE_VERSION = 1;
/** Characters of encoded text; browsers and chat apps cope with URLs well below ~8 kB. */
export const MAX_STATE_LENGTH = 4000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** `value` as `1.<base64url of its JSON>`; an error if it cannot or must not go in a URL. */
export function encodeState(value: unknown, maxLength = MAX_STATE_LENGTH): Result<string> {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return { ok: false, error: 'This state cannot be written as JSON.' };
  }
  if (json === undefined) return { ok: false, error: 'There is no state to write.' };
  if (containsToken(value))
    return { ok: false, error: 'This state holds something that looks like a real token.' };
  const text = `${STATE_VERSION}.${toBase64Url(new TextEncoder().encode(json))}`;
  if (text.length > maxLength)
    return {
      ok: false,
      error: `This state is too big for a link (${text.length} characters, limit ${maxLength}).`,
    };
  return { ok: true, value: text };
}

/** The JSON value behind `encodeState`'s text, unvalidated: the caller checks its shape. */
export function decodeState(text: string, maxLength = MAX_STATE_LENGTH): Result<unknown> {
  const raw = String(text ?? '');
  if (raw.length > maxLength)
    return { ok: false, error: `The link's state is too long (limit ${maxLength} characters).` };
  const m = /^(\d{1,4})\.(.*)$/s.exec(raw);
  if (!m) return { ok: false, error: "The link's state is not in a format PAT Fence knows." };
  const version = Number(m[1]);
  if (version !== STATE_VERSION)
    return {
      ok: false,
      error: `The link's state has version ${version}; this PAT Fence reads version ${STATE_VERSION}.`,
    };
  const bytes = fromBase64Url(m[2]!);
  if (!bytes) return { ok: false, error: "The link's state is damaged (not base64url)." };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, error: "The link's state is damaged (not JSON)." };
  }
  if (containsToken(value))
    return { ok: false, error: "The link's state holds something that looks like a real token." };
  return { ok: true, value };
}
