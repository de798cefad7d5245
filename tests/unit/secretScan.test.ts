// secretScan: real-looking Azure DevOps PATs (both formats) and other high-entropy keys are found,
// ordinary text, ids, IPs, hashes and GUIDs are not.
import { describe, expect, it } from 'vitest';
import {
  containsToken,
  entropy,
  findTokens,
  looksLikeToken,
  redactTokens,
} from '../../src/model/share/secretScan';

// Made-up values of the right shapes (random characters, never issued by any service).
const LEGACY = 'k3v7q2mzx4pbnw5ryt6hgacd2lsfe7jo4iuq3vbnmx5zkw6pyr2t';
const NEW84 =
  'Fq8ZrT2mWx9LpB4nKd7VhYc3Gs6Jt1QeRu5AoXi0MbNl2CwPz7Ek' +
  'JQQJ99BCACAAAAAAAAAAAAAS' +
  'AZDO' +
  '3hXq';
const OTHER84 = NEW84.slice(0, 76) + 'ACR0' + NEW84.slice(80);
const B64 = 'pR7xQ2vLm9KzT4bW8nYc1FhJ6sDg3eUa5oXiV0tNqPjM';

describe('secretScan', () => {
  it('has the shapes right', () => {
    expect(LEGACY).toMatch(/^[a-z2-7]{52}$/);
    expect(NEW84).toHaveLength(84);
    expect(NEW84.slice(52, 56)).toBe('JQQJ');
    expect(NEW84.slice(76, 80)).toBe('AZDO');
  });

  it.each([
    ['legacy 52-char PAT', LEGACY, 'ado-pat-legacy'],
    ['84-char PAT', NEW84, 'ado-pat'],
    ['other annotated key', OTHER84, 'ms-annotated-key'],
    ['base64 key', B64, 'high-entropy'],
    ['base64 key with padding', `${B64}Qw==`, 'high-entropy'],
    ['PAT in a git URL', `https://user:${LEGACY}@dev.azure.com/org/_git/repo`, 'ado-pat-legacy'],
    ['PAT in a header', `Authorization: Basic ${B64}`, 'high-entropy'],
    ['PAT in JSON', JSON.stringify({ token: NEW84 }), 'ado-pat'],
  ])('flags a %s', (_name, text, kind) => {
    expect(looksLikeToken(text)).toBe(true);
    expect(findTokens(text).map((s) => s.kind)).toContain(kind);
  });

  it.each([
    ['empty', ''],
    ['a sentence', 'Kim pulls from a café over public Wi-Fi and is refused with VS403463.'],
    ['an IP and CIDR', '203.0.113.24 and 2001:db8:10::/48'],
    ['a GUID', '499b84ac-1321-427f-aa17-267ca6975798'],
    ['a SHA-1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['a SHA-256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['a long slug', 'ca010-azure-devops-block-access-outside-trusted-locations'],
    ['a long path', '/identity/conditionalAccess/namedLocations/policies/items'],
    ['a repeated letter', 'a'.repeat(52)],
    ['a 51-char base32 run', LEGACY.slice(0, 51)],
    ['a player link', '#/player?v=1&s=policy-on&p=cafe-pat&x=turn-off&o=0&f=web&t=4'],
  ])('does not flag %s', (_name, text) => {
    expect(looksLikeToken(text)).toBe(false);
  });

  it('finds every span, in order, with offsets', () => {
    const text = `a ${LEGACY} b ${NEW84} c`;
    const spans = findTokens(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([LEGACY, NEW84]);
  });

  it('redacts spans and keeps the rest', () => {
    expect(redactTokens(`pat=${LEGACY};`)).toBe('pat=[token removed];');
    expect(redactTokens('nothing here')).toBe('nothing here');
  });

  it('looks inside JSON-like values, keys too', () => {
    expect(containsToken({ a: [1, { b: LEGACY }] })).toBe(true);
    expect(containsToken({ [NEW84]: 1 })).toBe(true);
    expect(containsToken({ a: ['policy-on', 3, null, true] })).toBe(false);
  });

  it('measures entropy in bits per character', () => {
    expect(entropy('')).toBe(0);
    expect(entropy('aaaa')).toBe(0);
    expect(entropy('abcd')).toBe(2);
  });
});
