// What a pasted piece of real evidence says: the request it describes (as far as it can tell),
// what actually happened, and what the user must still supply before the engine can replay it.
import type { AccessRequest, Outcome } from '../engine/types';

export interface ObservedPolicy {
  id: string;
  displayName: string;
  /** As Entra logs it: success, failure, notApplied, notEnabled, reportOnlyFailure… */
  result: string;
}

export interface Evidence {
  /** An Entra sign-in log entry (portal download or Graph), or an Azure DevOps VS403463 answer. */
  kind: 'signin' | 'vs403463';
  request: Partial<AccessRequest>;
  observed: {
    outcome?: Outcome;
    /** 'VS403463', or 'AADSTS' + the sign-in's error code. */
    code?: string;
    policies?: ObservedPolicy[];
  };
  /** Request fields the evidence does not give and the engine needs, e.g. 'ip', 'at'. */
  missing: (keyof AccessRequest)[];
}

export interface Comparison {
  /** null when the evidence records no outcome to compare with. */
  matches: boolean | null;
  explanation: string;
}
