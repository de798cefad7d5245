// The conditions a sign-in's own facts answer (R21, R22): authentication flows, device platforms,
// sign-in, user and insider risk, device filters. Each gives in, out, or a missing fact.
import type { AccessRequest, Fact, Policy, RuleId } from './types';

export interface Missing {
  fact: Fact;
  /** Further facts, any of which would meet the same condition ("alice, or in Admins"). */
  also?: Fact[];
  /** What would make the condition match, in plain words. */
  condition: string;
}

export interface FactVerdict {
  /** Set when a known fact rules the policy out: the rule and the reason. */
  out?: { rule: RuleId; reason: string };
  missing: Missing[];
}

const lower = (xs: readonly string[]) => xs.map((x) => x.toLowerCase());
const or = (xs: readonly string[]) => xs.join(' or ');

/** R21: only a device code or authentication transfer sign-in matches; PAT and SSH never do. */
export function authFlowOut(policy: Policy, req: AccessRequest): FactVerdict['out'] {
  const methods = policy.authenticationFlows;
  if (!methods?.length) return undefined;
  const token = req.flow === 'pat' || req.flow === 'ssh';
  const used = token ? 'none' : (req.authFlow ?? 'none');
  if (lower(methods).includes(used.toLowerCase())) return undefined;
  const what = token
    ? `a ${req.flow === 'pat' ? 'PAT' : 'SSH key'} call`
    : `this ${req.flow} sign-in`;
  const uses = used === 'none' ? 'uses neither' : `uses ${used}`;
  return { rule: 'R21', reason: `targets ${or(methods)} sign-ins only; ${what} ${uses}` };
}

/** The platform condition, or undefined when there is none: no lists, or "all" excluding none. */
export function platformCondition(policy: Policy): Policy['platforms'] {
  const p = policy.platforms;
  if (!p || !p.excludePlatforms.length) {
    if (!p || !p.includePlatforms.length || lower(p.includePlatforms).includes('all'))
      return undefined;
  }
  return p;
}

function platform(policy: Policy, req: AccessRequest, v: FactVerdict): void {
  const p = platformCondition(policy);
  if (!p) return;
  const inc = lower(p.includePlatforms);
  const exc = lower(p.excludePlatforms);
  const all = inc.includes('all') || inc.length === 0;
  if (req.platform === undefined) {
    const condition = all
      ? `the device platform is not ${or(p.excludePlatforms)}`
      : `the device platform is ${or(p.includePlatforms)}` +
        (exc.length ? ` and not ${or(p.excludePlatforms)}` : '');
    v.missing.push({ fact: 'platform', condition });
    return;
  }
  const mine = req.platform.toLowerCase();
  if (exc.includes(mine) || (!all && !inc.includes(mine))) {
    const reason = exc.includes(mine)
      ? `excludes ${req.platform} devices`
      : `targets ${or(p.includePlatforms)} devices; this one is ${req.platform}`;
    v.out ??= { rule: 'R22', reason };
  }
}

function risk(
  levels: string[] | undefined,
  given: string | undefined,
  what: string,
  v: FactVerdict,
  fact?: Fact,
): void {
  if (!levels?.length) return;
  if (given === undefined && fact) {
    v.missing.push({ fact, condition: `the ${what} is ${or(levels)}` });
    return;
  }
  const level = given ?? 'none';
  if (lower(levels).includes(level.toLowerCase())) return;
  const shown = given === undefined ? 'none (the default)' : level;
  v.out ??= { rule: 'R22', reason: `targets ${what} ${or(levels)}; this one is ${shown}` };
}

/**
 * Answers the policy's R21/R22 conditions for one request. `assume` takes every missing fact as
 * the value that makes the policy apply (R22's "what if"); a known fact that rules it out wins.
 */
export function matchFacts(policy: Policy, req: AccessRequest, assume = false): FactVerdict {
  const v: FactVerdict = { missing: [] };
  const flow = authFlowOut(policy, req);
  if (flow) return { out: flow, missing: [] };
  platform(policy, req, v);
  risk(policy.signInRiskLevels, req.signInRisk, 'sign-in risk', v);
  risk(policy.userRiskLevels, req.userRisk, 'user risk', v);
  risk(policy.insiderRiskLevels, req.insiderRisk, "user's insider risk", v, 'insiderRisk');
  const filter = policy.deviceFilter;
  if (filter) {
    const not = filter.mode === 'exclude' ? 'does not match' : 'matches';
    v.missing.push({
      fact: 'deviceFilter',
      condition: `the device ${not} the filter ${filter.rule}`,
    });
  }
  if (v.out) return { out: v.out, missing: [] };
  return assume ? { missing: [] } : v;
}
