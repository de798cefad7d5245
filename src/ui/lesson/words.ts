// The learner's words for outcomes and flows, shared by the lesson's components.
import type { Flow, Outcome } from '../../model/engine/types';

export const OUTCOME_WORD: Record<Outcome, string> = {
  allowed: 'Allowed',
  blocked: 'Denied',
  'mfa-required': 'MFA prompt',
};

export const OUTCOMES: Outcome[] = ['allowed', 'blocked', 'mfa-required'];

export const FLOW_WORD: Record<Flow, string> = {
  web: 'a browser sign-in',
  pat: 'a PAT (git, REST or CLI)',
  ssh: 'an SSH key (git over SSH)',
  oauth: 'an Entra token (CLI)',
};
