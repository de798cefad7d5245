// Pasted evidence (git output, curl -v, a HAR excerpt) can carry credentials. Everything that looks
// like one is replaced before any parsing, so no token can reach the Evidence, a message or the UI:
// credential contexts (headers, URL passwords, JWTs) here, token shapes by the one token guard.
import { findTokens } from '../share/secretScan';

export const REMOVED = '[removed]';

export interface Redacted {
  text: string;
  /** What kinds of secret were removed, once each, for a warning that does not echo them. */
  removed: string[];
}

/** [pattern, what it is, replacement]; applied in order. */
const RULES: [RegExp, string, (...match: string[]) => string][] = [
  // "Authorization": "Basic …" inside JSON (a HAR or a logged request).
  [
    /("(?:proxy-)?authorization"|"cookie"|"set-cookie")(\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
    'an Authorization or cookie header',
    (_m, name, sep) => `${name}${sep}"${REMOVED}"`,
  ],
  // Header lines and curl -H arguments: Authorization: Basic …, Cookie: …
  [
    /\b((?:proxy-)?authorization|cookie|set-cookie|x-tfs-fedauthredirect)(\s*[:=]\s*)[^\r\n"']*/gi,
    'an Authorization or cookie header',
    (_m, name, sep) => `${name}${sep}${REMOVED}`,
  ],
  // git -c http.extraheader="AUTHORIZATION: bearer …" is caught above; URLs with credentials:
  [
    /(\b[a-z][a-z0-9+.-]*:\/\/)([^\s/@:]*):([^\s/@]+)@/gi,
    'a password in a URL',
    (_m, scheme, user) => `${scheme}${user}:${REMOVED}@`,
  ],
  // A PAT used as the user name (https://<PAT>@dev.azure.com); short names (an org) stay.
  [
    /(\b[a-z][a-z0-9+.-]*:\/\/)([A-Za-z0-9._~-]{20,})@/gi,
    'a token in a URL',
    (_m, scheme) => `${scheme}${REMOVED}@`,
  ],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, 'a JSON web token', () => REMOVED],
];

export function redactSecrets(input: string): Redacted {
  const removed = new Set<string>();
  let text = input;
  for (const [pattern, what, replace] of RULES) {
    text = text.replace(pattern, (...args: string[]) => {
      removed.add(what);
      return replace(...args);
    });
  }
  // Token shapes, not every long run: UPNs, GUIDs and 32-hex request ids are evidence, not secrets.
  const spans = findTokens(text);
  if (spans.length) {
    removed.add('a long token-like string');
    let out = '';
    let at = 0;
    for (const s of spans) {
      out += text.slice(at, s.start) + REMOVED;
      at = s.end;
    }
    text = out + text.slice(at);
  }
  return { text, removed: [...removed] };
}
