// "This depends on …" in plain words (R22), shared by the why panel, the lab and the command line:
// "If dana@contoso.com is in Contractors, “Block contractors outside the office” blocks this."
import type { DependsOn, Outcome } from './types';

const VERB: Record<Outcome, string> = {
  blocked: 'blocks this',
  'mfa-required': 'asks for MFA here',
  allowed: 'applies too, and this is still allowed',
};

const FACT_WORDS: Record<DependsOn['fact'], string> = {
  groups: 'group membership',
  roles: 'directory roles',
  user: 'who the user is',
  country: 'the country of the IP',
  platform: 'the device platform',
  insiderRisk: 'insider risk',
  deviceFilter: 'the device filter',
  grant: 'whether the sign-in meets a grant control the request cannot show',
};

/** The missing facts of one entry, for a heading or a list ("group membership and the device platform"). */
export function factWords(d: Pick<DependsOn, 'facts'>): string {
  return d.facts.map((f) => FACT_WORDS[f]).join(' and ');
}

export function dependsOnSentence(d: DependsOn): string {
  return `If ${d.condition}, “${d.displayName}” ${VERB[d.outcome]}.`;
}
