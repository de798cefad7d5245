// The facts a drill's set-up states before the learner predicts: who, the IP and which named
// location holds it, how they connect, the token's scope and age, what they want to do, the org
// policy, the trusted locations and the policies. A prediction may only turn on facts listed here.
import { ACTION_LABELS } from '../engine/azureDevOps';
import { compileRanges } from '../ip/rangeSet';
import type { AccessRequest, Flow, Scope, World } from '../engine/types';

export interface Fact {
  term: string;
  value: string;
}

export const FLOW_WORD: Record<Flow, string> = {
  web: 'a browser sign-in',
  pat: 'a PAT (git, REST or CLI)',
  ssh: 'an SSH key (git over SSH)',
  oauth: 'an Entra token (CLI)',
};

export const SCOPE_WORD: Record<Scope, string> = {
  full: 'full access',
  'vso.code': 'Code (read)',
  'vso.code_write': 'Code (read and write)',
  'vso.build': 'Build (read)',
  'vso.build_execute': 'Build (read and execute)',
  'vso.work': 'Work items (read)',
  'vso.work_write': 'Work items (read and write)',
};

const STATE = {
  enabled: 'on',
  disabled: 'off',
  enabledForReportingButNotEnforced: 'report-only',
} as const;

const day = (iso?: string) => (iso ? iso.slice(0, 10) : 'unknown');

/** The named locations whose ranges hold `ip`, as a sentence. */
export function whereIs(world: World, ip: string): string {
  const names = world.locations
    .filter((l) => l.kind === 'ip' && compileRanges(l.ipRanges).containsText(ip))
    .map((l) => `“${l.displayName}”${l.isTrusted ? ' (trusted)' : ''}`);
  return names.length ? `inside ${names.join(' and ')}` : 'in none of the named locations';
}

export function drillFacts(world: World, who: string, request: AccessRequest): Fact[] {
  const facts: Fact[] = [{ term: 'Who', value: who }];
  facts.push({ term: 'IP', value: `${request.ip}, ${whereIs(world, request.ip)}` });
  if (request.signinIp && request.signinIp !== request.ip)
    facts.push({
      term: 'IP seen by Entra',
      value: `${request.signinIp}, ${whereIs(world, request.signinIp)}`,
    });
  const token = request.token;
  let with_ = FLOW_WORD[request.flow];
  if (token?.kind === 'system-access-token') with_ = "the pipeline's own System.AccessToken";
  if (token?.created) with_ += `, created ${day(token.created)}`;
  if (token?.expires) with_ += `, expires ${day(token.expires)}`;
  if (token?.revoked) with_ += ', revoked';
  facts.push({ term: 'With', value: with_ });
  if (token?.kind === 'pat')
    facts.push({
      term: 'PAT scope',
      value: token.scopes?.length
        ? token.scopes.map((s) => SCOPE_WORD[s]).join(', ')
        : 'full access',
    });
  if (request.action) facts.push({ term: 'Wants to', value: ACTION_LABELS[request.action] });
  facts.push({
    term: 'Org policy',
    value: world.org.ipValidation
      ? `On${world.org.enabledAt ? ` since ${day(world.org.enabledAt)}` : ''}`
      : 'Off',
  });
  const ipLocations = world.locations.filter((l) => l.kind === 'ip');
  facts.push({
    term: 'Named locations',
    value: ipLocations.length
      ? ipLocations
          .map(
            (l) => `${l.displayName}${l.isTrusted ? ' (trusted)' : ''}: ${l.ipRanges.join(', ')}`,
          )
          .join('\n')
      : 'None',
  });
  facts.push({
    term: 'Policies',
    value: world.policies.length
      ? world.policies.map((p) => `${p.displayName} (${STATE[p.state]})`).join('\n')
      : 'None',
  });
  return facts;
}
