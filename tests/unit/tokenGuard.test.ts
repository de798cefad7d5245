// The one token guard: 50 real names (Microsoft's naming style, location names, UPNs, GUIDs, Graph
// URLs, request ids, the app's own links) pass untouched; 20 tokens, wherever they sit, are caught.
//
// Token shapes: the legacy Azure DevOps PAT is a base32-encoded 256-bit key (52 characters of
// [a-z2-7]); the current one is "an 84 character combination of letters and digits" with "the
// fixed signature AZDO in positions 76-80", per Microsoft Purview's definition of "Azure DevOps
// personal access token" (https://learn.microsoft.com/purview/sit-defn-azure-devops-personal-access-token).
// Every token below is made of random characters generated here, never issued by any service.
import { describe, expect, it } from 'vitest';
import {
  findPartialTokens,
  holdsTokenPrefix,
  looksLikeToken,
} from '../../src/model/share/secretScan';
import {
  TOKEN_MASK,
  editWindow,
  guardParams,
  guardText,
  guardTyped,
  guardValue,
} from '../../src/model/share/tokenGuard';
import { guardBytes, guardTextInSlices } from '../../src/model/share/tokenGuardStreams';
import { defaultSandbox } from '../../src/model/lab/sandboxTypes';
import { encodeSandbox } from '../../src/model/lab/sandboxUrl';

/** A small seeded generator, so the made-up tokens are the same on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (alphabet: string, n: number, rnd: () => number) =>
  Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = ALNUM + '+/';
const rnd = random(15);
const legacy = () => pick(B32, 52, rnd);
const pat84 = () =>
  pick(ALNUM, 52, rnd) + 'JQQJ' + pick(ALNUM, 20, rnd) + 'AZDO' + pick(ALNUM, 4, rnd);
const bare84 = () => pick(ALNUM, 76, rnd) + 'AZDO' + pick(ALNUM, 4, rnd);

const sandboxLink = encodeSandbox(defaultSandbox());

const REAL: string[] = [
  'CA001-Global-BaseProtection-AllApps-AnyPlatform-BlockNonCompliant',
  'CA002-Global-IdentityProtection-AllApps-AnyPlatform-CombinedRegistration',
  'CA100-Admins-IdentityProtection-AllApps-AnyPlatform-MFA',
  'CA200-Internals-BaseProtection-AzureDevOps-AnyPlatform-RequireTrustedLocation',
  'CA300-GuestUsers-AttackSurfaceReduction-AllApps-AnyPlatform-BlockNonGuestAppAccess',
  'CA400-ServiceAccounts-BaseProtection-AllApps-AnyPlatform-BlockUntrustedLocations',
  'AzureDevOps-SelfHosted-Agents-WestEurope-Prod01',
  'AzureDevOps-MicrosoftHosted-Agents-NorthEurope-Weekly-2026-11-30',
  'HQ_Amsterdam_Office_IPv4_and_IPv6_Egress_Ranges_2026',
  'Contoso.Corporate.VPN.Egress.Frankfurt.Primary.Datacenter',
  'Require compliant device for Azure DevOps (except break-glass accounts)',
  'Block legacy authentication for all users except svc accounts',
  'AzureDevOpsSelfHostedAgentsWestEuropeProd01',
  'ConditionalAccessBlockOutsideTrustedLocationsForAllUsers',
  'svc-build-agent-01-Prod-WestEurope-Pipelines@contoso.com',
  'firstname.lastname-external_contractor2026@fabrikam.onmicrosoft.com',
  'adele.vance@contoso.onmicrosoft.com',
  'AdeleVance_contoso.com#EXT#@fabrikam.onmicrosoft.com',
  '499b84ac-1321-427f-aa17-267ca6975798',
  'b2c6e7a1-33f0-4c5e-9a7d-0e8f1d2c3b4a,7f3e2d1c-0b9a-8f7e-6d5c-4b3a2f1e0d9c',
  '{"id":"6e5d4c3b-2a19-4f8e-b7d6-c5b4a3928170","displayName":"Trusted HQ"}',
  'https://graph.microsoft.com/v1.0/identity/conditionalAccess/namedLocations',
  'https://graph.microsoft.com/beta/identity/conditionalAccess/policies?$filter=state%20eq%20%27enabled%27',
  'https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies/4f2e9c1d-8b7a-4e6f-9d3c-2b1a0f9e8d7c',
  '3f2a9c8b7d6e5f4a3b2c1d0e9f8a7b6c',
  'x-vss-e2eid: 0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c',
  'Request Id: 5c4b3a29-1807-4f6e-5d4c-3b2a19080706 Correlation Id: 8f7e6d5c4b3a29180706f5e4d3c2b1a0',
  'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '/subscriptions/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d/resourceGroups/rg-devops-agents-weu/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-agents',
  'https://dev.azure.com/contoso/Platform-Engineering/_git/infrastructure-as-code-terraform-modules',
  'git@ssh.dev.azure.com:v3/contoso/Platform-Engineering/infrastructure-as-code-terraform-modules',
  'C:\\Users\\adele\\Downloads\\SignIns_2026-11-01_2026-11-30.csv',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'AADNonInteractiveUserSignInLogs | where ResourceIdentity == "499b84ac-1321-427f-aa17-267ca6975798"',
  '203.0.113.24/32, 198.51.100.0/24, 2001:db8:10::/48',
  '2026-11-30T23:59:59.9990000Z',
  'VS403463: The conditional access policy defined by your Azure AD tenant admin blocks this request.',
  'AADSTS53003: Access has been blocked by Conditional Access policies.',
  'microsoft.visualstudio.services.authentication.personalaccesstoken.validation',
  'supercalifragilisticexpialidociousandantidisestablishmentarianism',
  'ca010-azure-devops-block-access-outside-trusted-locations-for-all-users-2026',
  'Kim pulls from a café over public Wi-Fi and is refused with VS403463.',
  'ipv4-mapped=equivalent;existing-pats=enforced;mfa-only-policy-on-pat=blocked',
  '#/player?v=1&s=policy-on&p=cafe-pat&x=turn-off&o=0&f=web&t=4',
  '#/lesson?chapter=why-pats-skip-mfa&drill=cafe-wifi-pat',
  `#/lab?tab=sandbox&s=${sandboxLink.ok ? sandboxLink.value : 'unavailable'}`,
  'Nürnberg-Büro_Außenstelle-Ost-Niederlassung-Großraum-Franken',
  'a'.repeat(60),
  'abcdefghijklmnopqrstuvwxyz234567'.repeat(1).slice(0, 51),
];

const TOKENS: [string, string][] = [
  ['a legacy PAT', legacy()],
  ['PAT+"x"', legacy() + 'x'],
  ['"x"+PAT', 'x' + legacy()],
  ['PAT+"X9"', legacy() + 'X9'],
  ['PAT inside a longer base32 run', legacy() + legacy().slice(0, 10)],
  ['PAT in a git URL', `https://me:${legacy()}@dev.azure.com/contoso/_git/repo`],
  ['PAT as the URL user', `https://${legacy()}@dev.azure.com/contoso`],
  ['PAT in a CSV user column', `2026-11-30T10:00:00Z,${legacy()},203.0.113.24,pat`],
  ['PAT in a Graph displayName', JSON.stringify({ id: 'x', displayName: legacy() })],
  ['PAT after a name, no space', `CA001-Global-${legacy()}`],
  ['PAT in a link param', `#/lesson?chapter=${legacy()}`],
  ['an 84-char PAT', pat84()],
  ['an 84-char PAT+"x"', pat84() + 'x'],
  ['"Z"+84-char PAT', 'Z' + pat84()],
  ['an 84-char PAT, AZDO only', bare84()],
  ['an 84-char PAT in JSON', JSON.stringify({ token: pat84() })],
  ['an 84-char PAT in a header', `Authorization: Bearer ${pat84()}`],
  ['a base64 key', pick(B64, 44, rnd)],
  ['a base64 key with padding', pick(B64, 42, rnd) + '=='],
  ['a PAT typed into a sandbox name', `Trusted ${legacy()}!`],
];

describe('the token guard', () => {
  it('holds 50 real names and 20 tokens', () => {
    expect(REAL).toHaveLength(50);
    expect(TOKENS).toHaveLength(20);
    expect(sandboxLink.ok).toBe(true);
  });

  it.each(REAL.map((r) => [r.slice(0, 70), r]))('lets a real name through: %s', (_n, text) => {
    expect(guardText(text)).toEqual({ value: text, found: [] });
    expect(looksLikeToken(text)).toBe(false);
  });

  it.each(TOKENS)('catches %s', (_n, text) => {
    const g = guardText(text);
    expect(g.found.length).toBeGreaterThan(0);
    expect(g.value).toContain(TOKEN_MASK);
    // What is left of it is no token, and not a long piece of one.
    expect(looksLikeToken(g.value)).toBe(false);
    expect(g.value).not.toMatch(/[a-z2-7]{20}|[A-Za-z0-9]{30}/);
  });

  it('names the kinds found, never the token', () => {
    const pat = legacy();
    const g = guardText(`${pat} and ${pat84()}`);
    expect(g.found.sort()).toEqual(['ado-pat', 'ado-pat-legacy']);
    expect(JSON.stringify(g.found)).not.toContain(pat);
  });
});

describe('guardValue', () => {
  it('cleans strings and keys at any depth and keeps the rest', () => {
    const pat = legacy();
    const g = guardValue({ a: [1, { b: pat }], [pat]: true, n: null });
    expect(g.found).toEqual(['ado-pat-legacy']);
    expect(JSON.stringify(g.value)).not.toContain(pat);
    expect(g.value).toEqual({ a: [1, { b: TOKEN_MASK }], [TOKEN_MASK]: true, n: null });
  });
  it('returns the same value when there is nothing', () => {
    const v = { a: ['CA001-Global-BaseProtection-AllApps-AnyPlatform-BlockNonCompliant'] };
    expect(guardValue(v).value).toBe(v);
  });
});

describe('guardParams', () => {
  it.each([
    ['chapter', legacy()],
    ['s', `x${pat84()}`],
    ['name', `Trusted-${legacy()}x`],
  ])('removes %s holding a token', (name, value) => {
    const p = new URLSearchParams({ tab: 'sandbox', [name]: value });
    const g = guardParams(p);
    expect(g.removed).toEqual([name]);
    expect([...g.params.keys()]).toEqual(['tab']);
  });
  it("keeps the app's own link state", () => {
    const p = new URLSearchParams(`tab=sandbox&s=${sandboxLink.ok ? sandboxLink.value : ''}`);
    expect(guardParams(p)).toEqual({ params: p, removed: [] });
  });
});

describe('guardBytes', () => {
  const pat = legacy();
  const utf16 = (text: string, le: boolean) => {
    const out = new Uint8Array(2 + text.length * 2);
    out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) out[2 + 2 * i + (le ? 0 : 1)] = text.charCodeAt(i);
    return out;
  };
  it.each([
    ['UTF-8', new TextEncoder().encode(`user,ip\nJosé ${pat},203.0.113.9\n`), 'utf-8'],
    ['UTF-16 LE', utf16(`user,ip\n${pat},203.0.113.9\n`, true), 'utf-16le'],
    ['UTF-16 BE', utf16(`user,ip\n${pat},203.0.113.9\n`, false), 'utf-16be'],
  ])('cleans a %s file before it is decoded', (_n, bytes, label) => {
    const g = guardBytes(bytes);
    expect(g.found).toEqual(['ado-pat-legacy']);
    const text = new TextDecoder(label).decode(g.value);
    expect(text).not.toContain(pat);
    expect(text).toContain(`${TOKEN_MASK},203.0.113.9`);
  });
  it('hands a clean file back as it was', () => {
    const bytes = new TextEncoder().encode('displayName\nCA001-Global-BaseProtection\n');
    expect(guardBytes(bytes).value).toBe(bytes);
  });
});

describe('big text', () => {
  it('is scanned in slices that never cut a token in two', async () => {
    const pat = legacy();
    const text = `${'203.0.113.9,pat\n'.repeat(5000)}${pat}\n${'x,y\n'.repeat(100)}`;
    let pauses = 0;
    const g = await guardTextInSlices(text, async () => void pauses++, 1000 + 7);
    expect(pauses).toBeGreaterThan(10);
    expect(g.value).toBe(guardText(text).value);
    expect(g.found).toEqual(['ado-pat-legacy']);
  });
  it('scans 20 MB of real names in one pass and finds nothing', () => {
    // Speed is measured by the e2e long-task test, not by a timer here.
    const text = 'CA001-Global-BaseProtection-AllApps,203.0.113.9,adele@contoso.com\n'.repeat(
      320_000,
    );
    expect(guardText(text).found).toEqual([]);
  });
});

describe('typing', () => {
  it.each([
    ['a short name', '', 'Trusted HQ', 'keep'],
    ['a base32 prefix of 20', '', legacy().slice(0, 20), 'hold'],
    ['51 characters of a PAT', '', legacy().slice(0, 51), 'hold'],
    ['a finished word after it', '', 'ca2pipelineswesteuropeprod weekly', 'keep'],
    ['a CamelCase name', '', 'AzureDevOpsSelfHostedAgentsWestEurope', 'keep'],
  ])('%s: %s', (_n, before, after, action) => {
    expect(guardTyped(before, after, after.length).action).toBe(action);
  });
  it('cleans a whole PAT as soon as it is complete', () => {
    const pat = legacy();
    const v = guardTyped(pat.slice(0, 51), `Trusted ${pat}`, 9 + 52);
    expect(v).toEqual({
      action: 'clean',
      value: `Trusted ${TOKEN_MASK}`,
      found: ['ado-pat-legacy'],
    });
  });
  it('scans only the edited part of a big text', () => {
    const before = 'a,b\n'.repeat(100_000);
    const after = before.slice(0, 200_000) + 'z' + before.slice(200_000);
    expect(editWindow(before, after, 200_001)).toEqual([199_900, 200_101]);
    expect(editWindow(before, 'other', 3)).toBeUndefined();
  });
  it('treats most of a PAT as part of one, when the field is left', () => {
    expect(findPartialTokens(legacy().slice(0, 45))).toHaveLength(1);
    expect(findPartialTokens('ca010-azure-devops-block-access-outside-trusted')).toEqual([]);
    expect(holdsTokenPrefix('CA001-Global-BaseProtection')).toBe(false);
  });
});
