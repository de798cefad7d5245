// A Decision's trace as a Mermaid flowchart, for wikis (Azure DevOps wiki, GitHub, GitLab) that
// render Mermaid but refuse iframes and scripts. Uses only syntax old Mermaid releases accept
// (`graph LR`, quoted labels, entity codes, classDef) and never lets a label break out of quotes.
import type { Decision, Flow, Outcome, Stage, TraceStep } from '../engine/types';
import { escapeMermaid } from './mermaidEscape';

export interface MermaidContext {
  /** A heading kept as a comment, e.g. the scenario and play titles. */
  title?: string;
  /** Who sends the request, e.g. "Kim, on a café's Wi-Fi". */
  actor: string;
  flow: Flow;
  orgPolicyOn: boolean;
  /** The trace step on screen (-1 = before the start); omitted = the whole trace. */
  step?: number;
}

const FLOW_WORDS: Record<Flow, string> = {
  web: 'web sign-in',
  oauth: 'OAuth app',
  pat: 'PAT (git, REST, CLI)',
  ssh: 'SSH key',
};
const STAGE_WORDS: Record<Stage, string> = {
  client: 'Client',
  token: 'Token',
  entra: 'Microsoft Entra',
  ado: 'Azure DevOps',
  scope: 'Token scope',
  resource: 'Resource',
};
const RESULT_WORDS: Record<TraceStep['result'], string> = {
  pass: 'passed',
  fail: 'failed',
  skip: 'skipped',
  challenge: 'asks for MFA',
};
const OUTCOME_WORDS: Record<Outcome, string> = {
  allowed: 'Allowed',
  blocked: 'Blocked',
  'mfa-required': 'MFA required',
};

export { escapeMermaid };

/** A comment line cannot be escaped, so keep only harmless characters. */
function comment(text: string): string {
  return text
    .replace(/[^\p{L}\p{N} ,.:'()/-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function toMermaid(decision: Decision, context: MermaidContext): string {
  const last = decision.trace.length - 1;
  const step = context.step === undefined ? last : Math.max(-1, Math.min(context.step, last));
  const lines: string[] = [];
  if (context.title) lines.push(`%% ${comment(context.title)}`);
  lines.push(`%% Step ${step + 1} of ${decision.trace.length}. Made with PAT Fence.`);
  lines.push('graph LR');
  const org = context.orgPolicyOn ? 'org policy on' : 'org policy off';
  lines.push(
    `  actor("${escapeMermaid(`${context.actor} — ${FLOW_WORDS[context.flow]}, ${org}`)}")`,
  );
  let prev = 'actor';
  decision.trace.forEach((s, i) => {
    const id = `s${i + 1}`;
    const shown = i <= step;
    const state = shown ? RESULT_WORDS[s.result] : 'not reached yet';
    const label = `${i + 1}. ${STAGE_WORDS[s.stage]} — ${s.rule} ${state}${shown ? `: ${s.detail}` : ''}`;
    lines.push(`  ${id}["${escapeMermaid(label)}"]`);
    lines.push(`  ${prev} ${shown ? '-->' : '-.->'} ${id}`);
    lines.push(`  class ${id} ${shown ? s.result : 'pending'}`);
    prev = id;
  });
  if (step >= last) {
    const code = decision.code ? ` · ${decision.code}` : '';
    const verdict = `${OUTCOME_WORDS[decision.outcome]} — HTTP ${decision.status}${code}`;
    lines.push(`  outcome("${escapeMermaid(verdict)}")`);
    lines.push(`  ${prev} --> outcome`);
    const tone = { allowed: 'pass', blocked: 'fail', 'mfa-required': 'challenge' }[
      decision.outcome
    ];
    lines.push(`  class outcome ${tone}`);
  }
  lines.push('  classDef pass fill:#e3f4e8,stroke:#17703a,color:#1b1f24');
  lines.push('  classDef fail fill:#fdecea,stroke:#b42318,color:#1b1f24');
  lines.push('  classDef challenge fill:#fff4e0,stroke:#8a5a00,color:#1b1f24');
  lines.push('  classDef skip fill:#eef1f5,stroke:#545d68,color:#1b1f24');
  lines.push('  classDef pending fill:#ffffff,stroke:#545d68,color:#545d68,stroke-dasharray:4 3');
  return `${lines.join('\n')}\n`;
}
