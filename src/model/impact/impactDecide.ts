// The impact fast path: evaluate()'s verdict for one sign-in row — outcome, code, deciding rule and
// policy — with no trace, no strings and no allocation. tokenFlow.ts and interactiveFlow.ts are
// the specification; tests/unit/impactFast.test.ts checks that both agree on generated rows.
import {
  compileImpact,
  prepareRow,
  type CompiledImpact,
  type ImpactShared,
  type PreparedRow,
} from './impactCompile';
import {
  APP_BEFORE_CUTOFF,
  ARM_CUTOFF_MS,
  BLOCK,
  MFA,
  NONE,
  type CompiledPolicy,
} from './impactPolicies';
import { ADO_WEB_CA_ALWAYS_FROM } from '../engine/azureDevOps';
import { IN } from './impactTables';
import type { FastResult } from './impactTypes';
import type { SigninRow } from './signinRows';
import type { RuleId } from '../engine/types';

export { compileImpact, type CompiledImpact };

type Stage = 'ip-only' | 'entra' | 'ado-web';

/**
 * sweepPolicies's first failing policy: the worst effect (block, then unsatisfiable, then MFA),
 * the earliest policy on a tie. Returns its position in `s.policies`, or -1.
 */
function worst(s: ImpactShared, r: PreparedRow, stage: Stage): number {
  const policies = s.policies;
  const n = policies.length;
  const ipFacts = s.ips.facts;
  const userFacts = s.users.facts;
  const ipAt = r.ip * n;
  const userAt = r.user * n;
  const web = r.flow === 'web';
  let best = NONE;
  let bestK = -1;
  for (let k = 0; k < n; k++) {
    const p = policies[k] as CompiledPolicy;
    if (p.app === APP_BEFORE_CUTOFF && !(r.atMs < ARM_CUTOFF_MS)) continue;
    if (userFacts[userAt + k] !== 1 || ipFacts[ipAt + k] !== IN) continue;
    let effect: number;
    if (stage === 'ip-only') effect = p.ipOnly;
    else {
      if (!(web ? p.web : p.oauth)) continue;
      effect = stage === 'entra' ? p.entra : p.adoWeb;
    }
    if (effect !== NONE && (best === NONE || effect < best)) {
      best = effect;
      bestK = k;
      if (best === BLOCK) break; // nothing ranks before a block, and ties keep the first
    }
  }
  return bestK;
}

function allowed(s: ImpactShared, rule: RuleId): number {
  return s.decisions.number('allowed', rule, -1, s.policyIds);
}
function adoBlock(s: ImpactShared, rule: RuleId, k: number): number {
  return s.decisions.number('ado-block', rule, k, s.policyIds);
}

const WEB_CA_ALWAYS_MS = Date.parse(ADO_WEB_CA_ALWAYS_FROM);

/** orgPolicy.ts: the org policy counts from when it was turned on, when that is known. */
function orgOn(c: CompiledImpact, r: PreparedRow): boolean {
  const since = c.shared.enabledAtMs;
  return c.ipValidation && !(since !== undefined && r.atMs < since);
}

/** tokenFlow.ts for a row: no expiry, no revocation, no scopes, no last sign-in. */
function decideToken(c: CompiledImpact, r: PreparedRow): number {
  const s = c.shared;
  if (!orgOn(c, r)) return allowed(s, 'R5');
  const onRule: RuleId = r.flow === 'ssh' ? 'R11' : 'R4';
  if (
    r.flow === 'pat' &&
    r.createdMs !== undefined &&
    s.enabledAtMs !== undefined &&
    r.createdMs < s.enabledAtMs &&
    s.assumptions['existing-pats'] === 'exempt'
  ) {
    return allowed(s, 'R12');
  }
  const k = worst(s, r, 'ip-only');
  if (k < 0) return allowed(s, onRule);
  const rule = s.policies[k]!.ipOnlyRule;
  const decidedBy: RuleId =
    r.agent && rule !== 'R7' && rule !== 'R8'
      ? 'R20'
      : rule === 'R6' || rule === 'R7' || rule === 'R8'
        ? rule
        : onRule;
  return adoBlock(s, decidedBy, k);
}

/** interactiveFlow.ts for a row: the sign-in IP is the row's IP, MFA not done, device unknown. */
function decideInteractive(c: CompiledImpact, r: PreparedRow): number {
  const s = c.shared;
  const k = worst(s, r, 'entra');
  if (k >= 0) {
    const effect = s.policies[k]!.entra;
    if (effect === MFA) return s.decisions.number('entra-mfa', 'R15', k, s.policyIds);
    if (effect === BLOCK) return s.decisions.number('entra-block', 'R14', k, s.policyIds);
    return s.decisions.number('entra-device', 'R15', k, s.policyIds);
  }
  const on = orgOn(c, r);
  if (r.flow === 'web' && !on && r.atMs < WEB_CA_ALWAYS_MS) return allowed(s, 'R1');
  if (r.flow === 'web') {
    const bad = worst(s, r, 'ado-web');
    return bad < 0 ? allowed(s, 'R2') : adoBlock(s, 'R2', bad);
  }
  // OAuth: Azure DevOps re-checks only the location policies Entra already passed at sign-in,
  // with the same IP and claims, so a row that got past Entra gets past Azure DevOps too.
  return allowed(s, on ? 'R4' : 'R1');
}

/** The decision number for a row already prepared into `c.shared.scratch`. */
export function decidePrepared(c: CompiledImpact, r: PreparedRow): number {
  return r.flow === 'pat' || r.flow === 'ssh' ? decideToken(c, r) : decideInteractive(c, r);
}

/**
 * evaluate(world, rowRequest(row, defaults), assumptions) reduced to outcome, code, decidedBy and
 * policyId — or evaluate()'s error message for a row it would refuse.
 */
export function decideFast(c: CompiledImpact, row: SigninRow): FastResult {
  const error = prepareRow(c.shared, row);
  if (error !== undefined) return { error };
  return c.shared.decisions.list[decidePrepared(c, c.shared.scratch)]!;
}
