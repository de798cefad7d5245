// Web and OAuth flows: Entra evaluates every policy at sign-in (R1 for web, R15; R14's codes); then
// Azure DevOps checks again with the IP that reaches it — every policy for web (R2, R10), the
// IP-based ones for OAuth calls when the organisation policy is on. No rule covers that last check
// (R4 is documented for PATs) nor Azure DevOps's answer to a refused web or OAuth call (R13 is
// observed on PAT and SSH calls): the steps cite the rule that does hold for the flow (R2, R10,
// R15) and say that the rest is PAT Fence's assumption.
import { ADO_WEB_CA_ALWAYS_FROM } from './azureDevOps';
import { adoBlock, allowed, entraVerdict, type FlowContext, type Verdict } from './decision';
import { orgInForce } from './orgPolicy';
import { sweepPolicies } from './policySweep';
import { instant } from './time';
import type { RuleId } from './types';

/** R13 is observed on PAT and SSH calls only: the same answer elsewhere is our assumption. */
const ASSUMED_ANSWER =
  "The answer shown (HTTP 403, VS403463) is PAT Fence's assumption: it is observed on PAT and SSH calls (R13), and no source gives Azure DevOps's answer here.";

export function evaluateInteractive(ctx: FlowContext): Verdict {
  const { compiled, req, trace, assumptions } = ctx;
  const web = req.flow === 'web';
  const signinText = ctx.signinIp.text;
  trace.add(
    web ? 'R1' : 'R15',
    'pass',
    'entra',
    `${web ? 'Interactive sign-in' : 'Token request'} from ${signinText}: Microsoft Entra evaluates every Conditional Access policy that targets Azure DevOps, whatever the organisation policy says.`,
  );
  const loc = { compiled, ip: ctx.signinIp, country: req.country, assumptions };
  const entra = sweepPolicies(
    compiled,
    req,
    loc,
    'interactive',
    assumptions,
    trace,
    'entra',
    ctx.assumeFor,
  );
  const worst = entra.failing[0];
  if (worst) {
    const v = entraVerdict(worst, entra.runs, req.flow);
    const id = worst.analysis.id;
    const name = worst.analysis.displayName;
    if (v.code)
      trace.add('R14', 'fail', 'entra', `Entra refuses to issue a token: ${v.message}`, id);
    else if (v.outcome === 'mfa-required')
      trace.add('R15', 'challenge', 'entra', `Entra asks for MFA ("${name}"): ${v.message}`, id);
    else trace.add('R15', 'fail', 'entra', `${v.message} ("${name}")`, id);
    return v;
  }

  // Azure DevOps checks with what the request really carries: MFA done only if the user did it
  // (a split tunnel can skip the prompt at sign-in and meet the policy at Azure DevOps, R10).
  const split = ctx.ip.text !== signinText;
  const adoLoc = {
    compiled,
    ip: ctx.ip,
    country: req.country,
    assumptions,
    atAzureDevOps: true,
    enforcedBy: (web ? (split ? 'R10' : 'R2') : 'R15') as RuleId,
  };
  const org = orgInForce(compiled.world.org, req.at);
  if (web && !org.on && instant(req.at)! < instant(ADO_WEB_CA_ALWAYS_FROM)!) {
    trace.add(
      'R2',
      'skip',
      'ado',
      'Before 2025 Azure DevOps re-checked web requests itself only with the organisation policy on, and it is off: the sign-in decides.',
    );
    trace.add(
      'R3',
      'pass',
      'resource',
      'Signed in. The session is re-checked at least hourly, when Entra issues a fresh token.',
    );
    return allowed('R1', entra.runs);
  }
  if (web) {
    trace.add(
      'R2',
      'pass',
      'ado',
      `Azure DevOps enforces Conditional Access again on the web request, with the IP that reaches it (${ctx.ip.text}).`,
    );
    if (split)
      trace.add(
        'R10',
        'pass',
        'ado',
        `Entra saw ${signinText} at sign-in but Azure DevOps sees ${ctx.ip.text} (a split tunnel): both must be allowed.`,
      );
    const ado = sweepPolicies(
      compiled,
      req,
      adoLoc,
      'interactive',
      assumptions,
      trace,
      'ado',
      ctx.assumeFor,
    );
    const policies = [...entra.runs, ...ado.runs];
    const bad = ado.failing[0];
    if (bad) {
      const rule = split ? 'R10' : 'R2';
      trace.add(
        rule,
        'fail',
        'ado',
        `Azure DevOps refuses the web request from ${ctx.ip.text}: ${bad.analysis.displayName}. ${ASSUMED_ANSWER}`,
        bad.analysis.id,
      );
      return adoBlock(rule, policies);
    }
    trace.add(
      'R3',
      'pass',
      'resource',
      'Signed in. The session is re-checked at least hourly; Continuous Access Evaluation can end it within minutes if the IP changes.',
    );
    return allowed('R2', policies);
  }

  if (!org.on) {
    const why = org.notYet
      ? `The organisation policy was not yet on (${org.notYet})`
      : 'The organisation policy is off';
    trace.add(
      'R15',
      'skip',
      'ado',
      `${why}: Azure DevOps adds no IP check of its own to calls made with the token (PAT Fence's assumption: the organisation policy is documented for PATs, R4).`,
    );
    return allowed('R15', entra.runs);
  }
  trace.add(
    'R15',
    'pass',
    'ado',
    `The organisation policy is on: Azure DevOps checks the IP-based policies for ${ctx.ip.text}; the grants they ask for are met by what the token proves. This check on calls made with an Entra token is PAT Fence's assumption: the organisation policy is documented for PATs (R4).`,
  );
  const ado = sweepPolicies(
    compiled,
    req,
    adoLoc,
    'token-ip',
    assumptions,
    trace,
    'ado',
    ctx.assumeFor,
  );
  const policies = [...entra.runs, ...ado.runs];
  const bad = ado.failing[0];
  if (bad) {
    trace.add(
      'R15',
      'fail',
      'ado',
      `Azure DevOps refuses the call ("${bad.analysis.displayName}"). ${ASSUMED_ANSWER}`,
      bad.analysis.id,
    );
    return adoBlock(bad.rule, policies);
  }
  return allowed('R15', policies);
}
