// PAT and SSH flows: the token is checked first (T1); then, only when the organisation policy is
// on, Azure DevOps checks IP-based policies (R4, R5, R11, R12, R6–R8, R19, R20); scopes last (T2).
import { ACTION_LABELS, ACTION_SCOPES } from './azureDevOps';
import { adoBlock, allowed, refused, type FlowContext, type Verdict } from './decision';
import { MESSAGES } from './messages';
import { orgInForce } from './orgPolicy';
import { sweepPolicies } from './policySweep';
import { signInFrequencyCheck } from './signInFrequency';
import { instant, shortDate } from './time';
import type { RuleId } from './types';

export function evaluateToken(ctx: FlowContext): Verdict {
  const { compiled, req, trace, assumptions } = ctx;
  const token = req.token ?? { kind: req.flow === 'ssh' ? 'ssh-key' : 'pat' };
  const what =
    token.kind === 'ssh-key' ? 'SSH key' : token.kind === 'pat' ? 'PAT' : 'System.AccessToken';
  const at = instant(req.at)!;

  if (token.revoked) {
    trace.add('T1', 'fail', 'token', `The ${what} has been revoked.`);
    return refused(
      401,
      token.kind === 'ssh-key' ? MESSAGES.sshRevoked : MESSAGES.revoked,
      'token',
      'T1',
    );
  }
  const expires = instant(token.expires);
  if (expires !== undefined && expires <= at) {
    trace.add('T1', 'fail', 'token', `The ${what} expired on ${shortDate(token.expires)}.`);
    return refused(
      401,
      token.kind === 'ssh-key' ? MESSAGES.sshExpired : MESSAGES.expired,
      'token',
      'T1',
    );
  }
  trace.add(
    'T1',
    'pass',
    'token',
    `The ${what} is valid${token.expires ? ` until ${shortDate(token.expires)}` : ''} and not revoked.`,
  );

  if (token.kind === 'system-access-token') {
    trace.add(
      'R20',
      'pass',
      'ado',
      "The pipeline's own System.AccessToken is not a PAT: the IP validation does not apply to it.",
    );
    return scopes(ctx, allowed('R20', []));
  }
  const org = compiled.world.org;
  const inForce = orgInForce(org, req.at);
  if (!inForce.on) {
    const why = inForce.notYet
      ? `The organisation policy was not yet on (${inForce.notYet})`
      : 'The organisation policy is off';
    trace.add(
      'R5',
      'skip',
      'ado',
      `${why}: Azure DevOps runs no Conditional Access check on ${what}s, from any IP.`,
    );
    return scopes(ctx, allowed('R5', []));
  }
  const onRule: RuleId = req.flow === 'ssh' ? 'R11' : 'R4';
  trace.add(
    onRule,
    'pass',
    'ado',
    `The organisation policy is on: Azure DevOps checks the IP-based Conditional Access policies for ${ctx.ip.text}.`,
  );

  const created = instant(token.created);
  const enabledAt = instant(org.enabledAt);
  if (
    token.kind === 'pat' &&
    created !== undefined &&
    enabledAt !== undefined &&
    created < enabledAt
  ) {
    const when = `created ${shortDate(token.created)}, before the policy was turned on (${shortDate(org.enabledAt)})`;
    if (assumptions['existing-pats'] === 'exempt') {
      trace.add(
        'R12',
        'skip',
        'ado',
        `The PAT was ${when}: the source article says such PATs keep working from anywhere. Rotate it.`,
      );
      return scopes(ctx, allowed('R12', []));
    }
    trace.add(
      'R12',
      'pass',
      'ado',
      `The PAT was ${when}, but existing-pats=enforced: it is checked like any other.`,
    );
  }
  if (
    token.kind === 'ssh-key' &&
    created !== undefined &&
    enabledAt !== undefined &&
    created < enabledAt
  ) {
    trace.add(
      'R12',
      'pass',
      'ado',
      `The SSH key was created ${shortDate(token.created)}, before the policy was turned on (${shortDate(org.enabledAt)}). R12's exemption is about PATs and does not cover SSH keys: no source says they are exempt, so the key is checked.`,
    );
  }

  const enforcedBy: RuleId = req.client === 'pipeline-agent' ? 'R20' : onRule;
  const loc = { compiled, ip: ctx.ip, country: req.country, assumptions, enforcedBy };
  const sweep = sweepPolicies(
    compiled,
    req,
    loc,
    'ip-only',
    assumptions,
    trace,
    'ado',
    ctx.assumeFor,
  );
  const bad = sweep.failing[0];
  if (bad) {
    // R20 explains a pipeline block only when the agent's IP is what failed.
    const byIp = req.client === 'pipeline-agent' && !['R7', 'R8'].includes(bad.rule);
    const agent = byIp
      ? " The call comes from a pipeline agent whose egress IP is not allowed; Microsoft-hosted agents' IPs change (R20)."
      : '';
    trace.add(
      'R13',
      'fail',
      'ado',
      `Azure DevOps answers 403 with VS403463 ("${bad.analysis.displayName}").${agent}`,
      bad.analysis.id,
    );
    const decidedBy: RuleId = byIp
      ? 'R20'
      : ['R6', 'R7', 'R8'].includes(bad.rule)
        ? bad.rule
        : onRule;
    return adoBlock(decidedBy, sweep.runs);
  }
  const freq = req.flow === 'pat' ? signInFrequencyCheck(ctx, sweep.runs) : undefined;
  if (freq) return freq;
  return scopes(ctx, allowed(onRule, sweep.runs));
}

/** T2: once past Conditional Access, the PAT must cover what it is used for. */
function scopes(ctx: FlowContext, verdict: Verdict): Verdict {
  const { req, trace } = ctx;
  const token = req.token;
  if (req.flow !== 'pat' || !req.action || !token || token.kind !== 'pat' || !token.scopes)
    return verdict;
  const need: readonly string[] = ACTION_SCOPES[req.action];
  const label = ACTION_LABELS[req.action];
  if (token.scopes.includes('full') || token.scopes.some((s) => need.includes(s))) {
    trace.add('T2', 'pass', 'scope', `The PAT's scopes allow it to ${label}.`);
    return verdict;
  }
  trace.add(
    'T2',
    'fail',
    'scope',
    `The PAT's scopes (${token.scopes.join(', ')}) do not allow it to ${label}: it needs ${need.join(' or ')}.`,
  );
  return refused(403, MESSAGES.scope(need.join(' or ')), 'scope', 'T2', verdict.policies);
}
