// What an audit export says about R12: when each PAT was created (Token.PatCreateEvent) and when
// the org policy was switched (OrganizationPolicy.PolicyValueUpdated on
// Policy.EnforceAADConditionalAccess). The Data column holds the event's fields as JSON.
//
// Where the PAT's id sits in a Token.PatCreateEvent row is NOT confirmed by a public source.
// Microsoft's "Auditing events list" documents the event only by its text, 'Personal Access Token
// "{DisplayName}" was created.' (placeholders DisplayName, and OwnerName for PatSystemRevokeEvent),
// and no public export sample, KQL rule or issue we searched shows its Data (searched session 4:
// code, docs and issue corpora for "PatCreateEvent", "Token.PatCreateEvent AuthorizationId",
// "Data.AuthorizationId"; the hits only filter on OperationName). The PAT's uses carry their id in
// AuthenticationMechanism (`PAT_Unscoped authorizationId: <id>`, FACTS.md), and the PAT lifecycle
// REST API names a PAT by `authorizationId`, so Data.AuthorizationId is read as the likeliest key,
// case-insensitively. A creation row without it is counted (unlinkedCreations), never guessed.

export interface PolicySwitch {
  row: number;
  at: string;
  value: 'on' | 'off';
}

export interface AuditEvents {
  /** authorizationId (lower case) → ISO creation time. */
  patCreated: Record<string, string>;
  /** PatCreateEvent rows whose Data named no AuthorizationId (their PAT uses cannot be linked). */
  unlinkedCreations: number;
  /** The PATs the log's rows were made with (authorizationId, lower case): which of them got a date. */
  patsUsed: Record<string, true>;
  /** In time order. */
  policySwitches: PolicySwitch[];
}

export const emptyAuditEvents = (): AuditEvents => ({
  patCreated: {},
  unlinkedCreations: 0,
  patsUsed: {},
  policySwitches: [],
});

const ORG_POLICY = 'policy.enforceaadconditionalaccess';

function dataOf(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const v: unknown = JSON.parse(text);
    if (!v || typeof v !== 'object') return {};
    // Keys compared in lower case: the CSV and JSON exports do not agree on their case.
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.toLowerCase(), x]));
  } catch {
    return {};
  }
}

/** Records one audit row's event, if it is one of the two that matter; `at` is ISO 8601. */
export function noteAuditEvent(
  events: AuditEvents,
  action: string | undefined,
  data: string | undefined,
  row: number,
  at: string | undefined,
): void {
  if (!action || !at) return;
  const a = action.trim().toLowerCase();
  if (a === 'token.patcreateevent') {
    const id = dataOf(data).authorizationid;
    if (typeof id === 'string' && id) {
      const key = id.toLowerCase();
      const known = events.patCreated[key];
      if (known === undefined || at < known) events.patCreated[key] = at;
    } else events.unlinkedCreations++;
  } else if (a === 'organizationpolicy.policyvalueupdated') {
    const d = dataOf(data);
    if (String(d.policyname ?? '').toLowerCase() !== ORG_POLICY) return;
    const v = String(d.policyvalue ?? '').toLowerCase();
    if (v === 'on' || v === 'off') events.policySwitches.push({ row, at, value: v });
  }
}

/** Merges b into a (slices of one file). */
export function mergeAuditEvents(a: AuditEvents, b: AuditEvents): void {
  for (const [id, at] of Object.entries(b.patCreated)) {
    const known = a.patCreated[id];
    if (known === undefined || at < known) a.patCreated[id] = at;
  }
  a.unlinkedCreations += b.unlinkedCreations;
  for (const id in b.patsUsed) a.patsUsed[id] = true;
  a.policySwitches.push(...b.policySwitches);
}

/** When the org policy was last turned on, if the log says so and it is on at the log's end. */
export function policyOnSince(events: AuditEvents): string | undefined {
  const sorted = [...events.policySwitches].sort((x, y) => (x.at < y.at ? -1 : 1));
  const last = sorted.at(-1);
  return last?.value === 'on' ? last.at : undefined;
}

/**
 * What the log's switches say when no switch date comes of them: the org policy was last switched
 * off (so it is off at the log's end, and R12 has no date from the log). Undefined otherwise.
 */
export function switchedOffNote(events: AuditEvents | undefined): string | undefined {
  const sorted = [...(events?.policySwitches ?? [])].sort((x, y) => (x.at < y.at ? -1 : 1));
  const last = sorted.at(-1);
  if (last?.value !== 'off') return undefined;
  const on = sorted.filter((s) => s.value === 'on').at(-1);
  const before = on ? `, after it was switched on ${on.at} (row ${on.row})` : '';
  return `The log records the org policy switched off ${last.at} (OrganizationPolicy.PolicyValueUpdated, row ${last.row})${before}: it is off at the log's end, so no switch date from the log is used for R12.`;
}

/**
 * What the export's creation rows did for R12, in one sentence for the lab and the command line:
 * how many of the PATs its rows use they date (a creation row for a PAT the log never uses dates
 * nothing here). Undefined when the export has neither creation rows nor PAT uses.
 */
export function patDatesNote(events: AuditEvents | undefined): string | undefined {
  if (!events) return undefined;
  const created = Object.keys(events.patCreated).length + events.unlinkedCreations;
  const used = Object.keys(events.patsUsed);
  if (created === 0) {
    if (used.length === 0) return undefined;
    return `No Token.PatCreateEvent rows: none of the ${used.length} PAT${used.length === 1 ? '' : 's'} this log uses has a creation date here, so R12 reads ${used.length === 1 ? 'it' : 'them'} as undated (the range covers both readings).`;
  }
  const dated = used.filter((id) => events.patCreated[id] !== undefined).length;
  const rows = `${created} Token.PatCreateEvent row${created === 1 ? '' : 's'}`;
  if (used.length === 0)
    return `PAT creation dates (R12): ${rows}, but no row of this log uses a PAT.`;
  const unlinked = events.unlinkedCreations
    ? ` (${events.unlinkedCreations} of them name no AuthorizationId)`
    : '';
  const rest = used.length - dated;
  const undated = rest ? `; the other ${rest} ${rest === 1 ? 'is' : 'are'} read as undated` : '';
  return `PAT creation dates (R12): ${rows}${unlinked} date${created === 1 ? 's' : ''} ${dated} of the ${used.length} PAT${used.length === 1 ? '' : 's'} this log uses${undated}.`;
}
