// The compare view's deep link: `#/compare?flow=pat&policy=on` (or `policy=both` for the 2 × 2
// side by side), optionally `scenario=<id>` for another compare scenario and `embed=1` for an
// iframe. Unknown or bad values fall back to the defaults and are reported, never thrown.
import type { Flow } from '../engine/types';
import { cut } from '../graph/visibleText';
import { looksLikeToken } from './secretScan';

/** The flows the compare view offers (as model/content/compare.ts's COMPARE_FLOWS). */
export const COMPARE_FLOWS = ['pat', 'web', 'ssh'] as const satisfies readonly Flow[];
export type CompareFlow = (typeof COMPARE_FLOWS)[number];

export const POLICY_MODES = ['on', 'off', 'both'] as const;
export type PolicyMode = (typeof POLICY_MODES)[number];

export interface CompareLink {
  scenario?: string;
  flow: CompareFlow;
  policy: PolicyMode;
}

export const COMPARE_DEFAULTS: CompareLink = { flow: 'pat', policy: 'on' };

/** A value from the address bar as a message may show it: short, and never a token. */
const shown = (v: string) => (looksLikeToken(v) ? 'a token-like value' : cut(v, 40));
const SCENARIO_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

export function parseCompareLink(params: URLSearchParams): {
  link: CompareLink;
  problems: string[];
} {
  const problems: string[] = [];
  const flow = params.get('flow');
  const policy = params.get('policy');
  const scenario = params.get('scenario');
  const link: CompareLink = { ...COMPARE_DEFAULTS };
  if (flow !== null) {
    if ((COMPARE_FLOWS as readonly string[]).includes(flow)) link.flow = flow as CompareFlow;
    else
      problems.push(`flow=${shown(flow)} is not one of ${COMPARE_FLOWS.join(', ')}; showing pat`);
  }
  if (policy !== null) {
    if ((POLICY_MODES as readonly string[]).includes(policy)) link.policy = policy as PolicyMode;
    else
      problems.push(`policy=${shown(policy)} is not one of ${POLICY_MODES.join(', ')}; showing on`);
  }
  if (scenario && SCENARIO_ID.test(scenario) && !looksLikeToken(scenario)) link.scenario = scenario;
  return { link, problems };
}

/** The params for a link, leaving out defaults so the landing page's own link stays `#/`. */
export function formatCompareLink(link: CompareLink, extra: Record<string, string> = {}) {
  const p: Record<string, string> = {};
  if (link.scenario) p.scenario = link.scenario;
  if (link.flow !== COMPARE_DEFAULTS.flow) p.flow = link.flow;
  if (link.policy !== COMPARE_DEFAULTS.policy) p.policy = link.policy;
  return { ...p, ...extra };
}
