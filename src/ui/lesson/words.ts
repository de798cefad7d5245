// The learner's words for outcomes and flows, shared by the lesson's components.
import type { Outcome } from '../../model/engine/types';

export const OUTCOME_WORD: Record<Outcome, string> = {
  allowed: 'Allowed',
  blocked: 'Denied',
  'mfa-required': 'MFA prompt',
};

export const OUTCOMES: Outcome[] = ['allowed', 'blocked', 'mfa-required'];

export { FLOW_WORD } from '../../model/content/drillFacts';
