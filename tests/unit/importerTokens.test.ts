// Issue 15, item 2: the importers fed a token directly (not screened by the page or the command
// line first) give none back: the lab's Graph import and the sign-in log reader pass the one
// token guard themselves, with a warning that names the file and never the token.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSigninRows } from '../../src/model/impact/signinRows';
import { importFiles } from '../../src/model/lab/labImport';

const PAT = 'k7q2m4x3p3w6t5r5z2v7n4b6c3d2f5g2h7j4l4s3y6u2e5i2o7qa';
const PAT84 =
  'Fq8ZrT2mWx9LpB4nKd7VhYc3Gs6Jt1QeRu5AoXi0MbNl2CwPz7EkJQQJ99BCACAAAAAAAAAAAAASAZDO3hXq';
const leaks = (v: unknown) => /k7q2m4x3p3w6t5r5z2v7|AZDO3hXq/.test(JSON.stringify(v));
const policies = readFileSync('tests/fixtures/graph/policies.json', 'utf8');
const named = (name: string) =>
  policies.replace(/"displayName": ?"[^"]*"/, `"displayName": ${JSON.stringify(name)}`);

describe('importers fed a token directly', () => {
  it.each([
    ['picked', { name: 'p.json', bytes: new TextEncoder().encode(named(`Block ${PAT}x`)) }],
    ['pasted', { name: 'pasted text', text: named(PAT84) }],
  ])('a Graph policy name, %s', (_n, file) => {
    const r = importFiles('policies', [file]);
    expect(r.ok).toBe(true);
    expect(leaks(r)).toBe(false);
    expect(r.warnings[0]).toMatch(/^(p\.json|pasted text): holds something that looks like a real/);
  });
  it.each([
    ['a CSV user', `ip,user,flow\n1.2.3.4,${PAT},pat\n`],
    ['a CSV ip', `ip,user,flow\nx${PAT84},a,pat\n`],
    ['a JSON log user', JSON.stringify([{ ipAddress: '1.2.3.4', userPrincipalName: PAT }])],
  ])('%s in a sign-in log', (_n, text) => {
    const r = readSigninRows(text);
    expect(leaks(r)).toBe(false);
    expect(r.warnings[0]).toMatch(/^The file holds something that looks like a real access token/);
  });
  it('a real name is left alone, with no warning', () => {
    const r = importFiles('policies', [
      { name: 'p.json', text: named('CA001-Global-Base-AllApps') },
    ]);
    expect(r.ok && r.value[0]!.displayName).toBe('CA001-Global-Base-AllApps');
    expect(r.warnings.join()).not.toMatch(/access token/);
  });
});
