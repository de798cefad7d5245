// Pasted evidence (a sign-in log entry or a VS403463 answer): what it says, the fields the user
// must still supply (asked inline), and the request it rebuilds for the replay.
import { evidenceRequest, parseEvidence, type Evidence } from '../../model/evidence/evidence';
import { parseIp } from '../../model/ip/ip';
import { isoInstant } from '../../model/engine/isoInstant';
import type { AccessRequest, Flow } from '../../model/engine/types';

export interface Supplied {
  ip: string;
  at: string;
  flow: Flow | '';
  /** Optional: who made the request, when the evidence does not say (a policy may need it, R22). */
  user: string;
}

export class EvidenceState {
  evidence = $state.raw<Evidence>();
  warnings = $state.raw<string[]>([]);
  error = $state<string | undefined>();
  supplied = $state<Supplied>({ ip: '', at: '', flow: '', user: '' });

  /** Reads pasted text; on an error the previous evidence stays. */
  read(text: string, source: string) {
    const r = parseEvidence(text);
    this.warnings = r.warnings;
    if (!r.ok) {
      this.error = `${source}: ${r.error}`;
      return;
    }
    this.error = undefined;
    this.evidence = r.value;
    this.supplied = { ip: '', at: '', flow: '', user: '' };
  }

  refuse(message: string) {
    this.error = message;
  }

  /** A message per supplied field that is filled in but invalid. */
  readonly fieldErrors = $derived.by(() => {
    const e: Partial<Record<'ip' | 'at', string>> = {};
    const { ip, at } = this.supplied;
    if (ip.trim()) {
      const r = parseIp(ip);
      if (!r.ok) e.ip = r.error;
    }
    if (at.trim()) {
      const r = isoInstant(at);
      if (!r.ok) e.at = r.error;
    }
    return e;
  });

  readonly request = $derived.by(() => {
    if (!this.evidence) return undefined;
    const s: Partial<AccessRequest> = {};
    const { ip, at, flow, user } = this.supplied;
    if (ip.trim() && !this.fieldErrors.ip) s.ip = ip.trim();
    if (at.trim() && !this.fieldErrors.at) s.at = isoInstant(at).ok ? at.trim() : undefined;
    if (flow) s.flow = flow;
    if (user.trim() && !this.evidence.request.user) s.user = user.trim();
    return evidenceRequest(this.evidence, s);
  });
}
