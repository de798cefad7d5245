// The readable report of one decision: outcome and answer, the numbered trace with each rule's
// id (article and assumption rules flagged), the policy table, the assumptions and the unknowns.
import { ASSUMPTION_CHOICES } from '../model/engine/assumptions';
import { dependsOnSentence } from '../model/engine/dependsOnText';
import { RULES } from '../model/engine/rules';
import type {
  AccessRequest,
  AssumptionName,
  Decision,
  PolicyAnalysis,
  World,
} from '../model/engine/types';
import { columns } from './columns';
import { visible } from '../model/graph/visibleText';

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** A visible tag for rules that are not plain documented fact (FACTS.md statuses). */
function ruleTag(rule: Decision['trace'][number]['rule']): string {
  const status = RULES[rule].status;
  return status === 'documented' ? '' : `[${status}] `;
}

function describeRequest(req: AccessRequest, world: World): string {
  const parts = [`${req.flow} from ${req.ip}`];
  if (req.signinIp !== undefined && req.signinIp !== req.ip)
    parts.push(`(Entra sees ${req.signinIp})`);
  if (req.user !== undefined) parts.push(`as ${req.user}`);
  parts.push(`at ${req.at}`);
  const org = world.org;
  const since = org.ipValidation && org.enabledAt ? ` since ${org.enabledAt}` : '';
  return `${parts.join(' ')}; organisation policy ${org.ipValidation ? 'on' : 'off'}${since}`;
}

function policyTable(policies: readonly PolicyAnalysis[]): string[] {
  if (policies.length === 0) return ['  (no Conditional Access policies)'];
  const rows = policies.map((p) => [
    yesNo(p.applies),
    yesNo(p.enforced),
    p.effect,
    `${p.displayName}: ${p.reason}`,
  ]);
  return columns([['applies', 'enforced', 'effect', 'policy: reason'], ...rows]);
}

function assumptionLines(d: Decision): string[] {
  return (Object.keys(ASSUMPTION_CHOICES) as AssumptionName[]).map((name) => {
    const { values, rule } = ASSUMPTION_CHOICES[name];
    const value = d.assumptions[name];
    const note = value === values[0] ? 'default' : 'changed with --assume';
    return `  ${name}=${value} (${rule}, ${note})`;
  });
}

/** `warningCount`: import warnings, which go to stderr so that stdout stays the report. */
export function formatDecision(
  d: Decision,
  req: AccessRequest,
  world: World,
  warningCount = 0,
): string {
  const answer = [d.outcome.toUpperCase(), `HTTP ${d.status}`, d.code ?? ''].filter(Boolean);
  const decider = RULES[d.decidedBy];
  const lines = [
    `Outcome: ${answer.join('  ')}`,
    `  ${d.message}`,
    `Request: ${describeRequest(req, world)}`,
    `Decided by ${decider.id} (${decider.status}), stopped at: ${d.stoppedAt}`,
    '',
    'Trace:',
    ...columns(
      d.trace.map((s, i) => [
        `${i + 1}.`,
        s.rule,
        s.result,
        `${ruleTag(s.rule)}${s.detail} (${s.sources.join(', ')})`,
      ]),
    ),
    '',
    'Policies:',
    ...policyTable(d.policies),
    '',
    'Assumptions in force:',
    ...assumptionLines(d),
  ];
  if (d.dependsOn.length)
    lines.push(
      '',
      'Depends on (facts the request did not give, R22):',
      ...d.dependsOn.map((x) => `  - ${dependsOnSentence(x)}`),
    );
  if (d.unknowns.length) lines.push('', 'Unknowns:', ...d.unknowns.map((u) => `  - ${u}`));
  if (warningCount) lines.push('', `Import warnings: ${warningCount}, printed on stderr.`);
  // Policy names and users come from files: a terminal must show control characters, not obey them.
  return visible(lines.join('\n'), true) + '\n';
}
