// The lab actor's R21/R22 fact fields: what each text means for the request, and every bad value
// answered under its own field, the way the other actor fields are.
import { describe, expect, it } from 'vitest';
import { buildSandbox, fieldId } from '../../src/model/lab/sandboxBuild';
import { defaultSandbox, type SandboxActor } from '../../src/model/lab/sandboxTypes';
import { readSandbox } from '../../src/model/lab/sandboxUrl';

const build = (actor: Partial<SandboxActor>) => {
  const c = defaultSandbox();
  c.actor = { ...c.actor, ...actor };
  return buildSandbox(c);
};

describe('lab actor facts', () => {
  it.each<[string, Partial<SandboxActor>, Record<string, unknown>]>([
    ['empty fields: unknown, no keys', { groups: '', country: '', platform: '' }, {}],
    ['groups none: member of none', { groups: 'none' }, { groups: [] }],
    ['a group list', { groups: 'Contractors, Sales' }, { groups: ['Contractors', 'Sales'] }],
    ['country, uppercased', { country: 'no' }, { country: 'NO' }],
    ['country unknown: maps to no country (R23)', { country: 'Unknown' }, { country: 'unknown' }],
    ['roles none: holds none', { roles: 'none' }, { roles: [] }],
    ['a role list', { roles: 'r-1, r-2' }, { roles: ['r-1', 'r-2'] }],
    ['platform', { platform: 'iOS' }, { platform: 'iOS' }],
    ['risks', { signInRisk: 'high', userRisk: 'low' }, { signInRisk: 'high', userRisk: 'low' }],
    ['insider risk', { insiderRisk: 'elevated' }, { insiderRisk: 'elevated' }],
    ['authentication flow', { authFlow: 'deviceCodeFlow' }, { authFlow: 'deviceCodeFlow' }],
  ])('%s', (_n, actor, fields) => {
    const b = build(actor);
    expect(b.errors).toEqual({});
    for (const key of ['groups', 'roles', 'country', 'platform', 'insiderRisk'])
      if (!(key in fields)) expect(b.request).not.toHaveProperty(key);
    expect(b.request).toMatchObject(fields);
  });

  it.each<[string, Partial<SandboxActor>, keyof SandboxActor, RegExp]>([
    ['country', { country: 'Norway' }, 'country', /two-letter ISO 3166/],
    ['groups', { groups: 'a,,b' }, 'groups', /empty group id/],
    ['roles', { roles: 'a,,b' }, 'roles', /empty role id/],
    ['platform', { platform: 'symbian' }, 'platform', /not one of android/],
    ['sign-in risk', { signInRisk: 'severe' }, 'signInRisk', /not one of none/],
  ])('a bad %s is reported under its field', (_n, actor, key, message) => {
    expect(build(actor).errors[fieldId.actor(key)]).toMatch(message);
  });

  it('a link whose fact field is not text is refused', () => {
    const c = defaultSandbox() as unknown as { actor: Record<string, unknown> };
    c.actor.groups = 42;
    expect(readSandbox(c).ok).toBe(false);
  });
});
