// Turns the engine's lanes into what the fence picture draws and says. Words only: every outcome,
// code and "checked or not" comes from the Decision in each Lane.
import type { Comparison, CompareFlow, Lane } from '../../model/content/compare';
import type { FenceInput, GateState } from '../../diagram/fence';

const PLACE: Record<string, string> = {
  onprem: 'office',
  vpn: 'VPN',
  external: 'internet',
  pipeline: 'hosted agent',
};
export const CREDENTIAL: Record<CompareFlow, string> = {
  pat: 'PAT · git',
  ssh: 'SSH key · git',
  web: 'Browser sign-in',
};
export const FLOW_SHORT: Record<CompareFlow, string> = {
  pat: 'PAT',
  ssh: 'SSH key',
  web: 'Browser sign-in',
};
const VERB: Record<CompareFlow, string> = {
  pat: 'clone with a PAT',
  ssh: 'clone over SSH',
  web: 'sign in with the browser',
};

export const firstName = (lane: Lane) => lane.actor.label.split(',')[0] ?? lane.actor.label;

function gate(lane: Lane): GateState {
  if (lane.decision.outcome === 'blocked') return 'fail';
  if (lane.decision.outcome === 'mfa-required') return 'mfa';
  return lane.checkedAt ? 'pass' : 'skip';
}

export function pictureOf(c: Comparison, flow: CompareFlow): Omit<FenceInput, 'width'> {
  const web = flow === 'web';
  const ranges = c.lanes[0]
    ? c.lanes[0].world.locations
        .filter((l) => l.isTrusted && l.kind === 'ip')
        .flatMap((l) => l.ipRanges)
    : [];
  return {
    ranges,
    target: web
      ? {
          label: 'Microsoft Entra',
          sublabel: 'sign-in to Azure DevOps',
          pill: 'checks every policy',
        }
      : { label: 'Azure DevOps', sublabel: 'IP CA validation', pill: c.policyOn ? 'On' : 'Off' },
    lanes: c.lanes.map((lane) => {
      const { ip, signinIp } = lane.actor;
      const split = signinIp && signinIp !== ip;
      return {
        label: `${firstName(lane)} · ${PLACE[lane.actor.kind] ?? lane.actor.kind}`,
        ip: web ? (signinIp ?? ip) : ip,
        ...(split ? { otherIp: web ? `DevOps sees ${ip}` : `Entra sees ${signinIp}` } : {}),
        inside: lane.side === 'inside',
        credential: CREDENTIAL[flow],
        gate: gate(lane),
        result: lane.result,
        check: lane.check,
      };
    }),
  };
}

const OUTCOME_PHRASE = (lane: Lane) =>
  lane.decision.outcome === 'allowed'
    ? 'gets in'
    : lane.decision.outcome === 'mfa-required'
      ? 'gets an MFA prompt'
      : `is refused with ${lane.result}`;

/** "Org policy on: Dana (203.0.113.24) gets in; Kim (100.64.12.7) is refused with VS403463." */
export function sentenceOf(c: Comparison): string {
  const parts = c.lanes.map((l) => `${firstName(l)} (${l.actor.ip}) ${OUTCOME_PHRASE(l)}`);
  return `Org policy ${c.policyOn ? 'on' : 'off'}: ${parts.join('; ')}.`;
}

/** The accessible name of one picture. */
export function titleOf(c: Comparison, flow: CompareFlow): string {
  const who = c.lanes.map((l) => `${firstName(l)} from ${l.actor.ip}`).join(' and ');
  return `${FLOW_SHORT[flow]} requests from ${who}, org policy ${c.policyOn ? 'on' : 'off'}`;
}

export function describeOf(c: Comparison): string {
  return c.lanes.map((l) => `${l.check} → ${l.result} (${l.rule.name}).`).join(' ');
}

export function introOf(c: Comparison, flow: CompareFlow): string {
  const names = c.lanes.map(firstName);
  return `${names.join(' and ')} ${VERB[flow]} at the same moment.`;
}
