// The kinds of log the impact analysis reads, what each calls its columns, and what traffic each
// can and cannot hold (FACTS: where PAT and SSH use is logged). Detection is by header or fields.

export type LogKind = 'ado-audit' | 'ado-audit-la' | 'entra-signin' | 'entra-signin-la' | 'plain';

export type LogField =
  | 'ip'
  | 'seenIp'
  | 'signinIp'
  | 'user'
  | 'at'
  | 'flow'
  | 'clientApp'
  | 'client'
  | 'tokenCreated'
  | 'mechanism'
  | 'resourceId'
  | 'location'
  | 'country'
  | 'action'
  | 'data'
  | 'table'
  | 'interactive';

/**
 * Each field's number: a record's cells reach the RowMapper in an array indexed by these (Cells),
 * filled by the reader for the fields its file has, so no cell is looked up by name per row.
 */
export const FIELD_NUMBER = {
  ip: 0,
  seenIp: 1,
  signinIp: 2,
  user: 3,
  at: 4,
  flow: 5,
  clientApp: 6,
  client: 7,
  tokenCreated: 8,
  mechanism: 9,
  resourceId: 10,
  location: 11,
  country: 12,
  action: 13,
  data: 14,
  table: 15,
  interactive: 16,
} as const satisfies Record<LogField, number>;

/** What each field is for, in the "columns used" list. */
export const FIELD_PURPOSE: Record<LogField, string> = {
  ip: 'the IP address',
  seenIp: 'the IP that reaches Azure DevOps (split tunnel, R10)',
  signinIp: 'the IP Entra saw at sign-in (R10)',
  user: 'the user',
  at: 'the time',
  flow: 'the flow',
  clientApp: 'the flow (Browser: web, anything else: oauth)',
  client: 'the client',
  tokenCreated: 'when the token was created (R12)',
  mechanism: 'the flow (PAT, SSH, web) and what is counted apart',
  resourceId: 'which resource (only Azure DevOps counts)',
  location: 'the country (R22)',
  country: 'the country (R22)',
  action: 'PAT creations and org policy switches (R12)',
  data: 'details of PAT creations and policy switches',
  table: 'interactive or non-interactive sign-ins',
  interactive: 'interactive or non-interactive sign-ins',
};

export interface KindSpec {
  kind: LogKind;
  /** Accepted names per field, lower-cased and trimmed, in order of preference. */
  columns: Partial<Record<LogField, readonly string[]>>;
  /** Each inner list: one of these names must be present. */
  required: readonly (readonly string[])[];
  /** Whether this kind can hold PAT and SSH traffic at all. */
  holdsPat: boolean;
  /** Columns no export of this kind has: a file with one is a hand-made list (plain). */
  notWith?: readonly string[];
}

/**
 * The plain list's own columns, which no audit, Entra or Log Analytics export has: a file that
 * borrows an export's headers (Date (UTC), IP address) but adds a flow column says its flows
 * itself, and reading it as that export would drop them (every Entra row is web or OAuth).
 */
const HAND_MADE = ['flow', 'token-created', 'tokencreated', 'token created'];

const TIME_LA = ['timegenerated', 'timegenerated [utc]'];

/**
 * Columns only an Entra sign-in export has (any one will do): a summarised or $select export may
 * drop the time, but its client app, resource or seen-by-resource IP still says what it is.
 */
const ENTRA_ONLY = [
  'date (utc)',
  'createddatetime',
  'client app',
  'clientappused',
  'resource id',
  'resourceid',
  'ip address (seen by resource)',
  'ipaddressfromresourceprovider',
];

/** In detection order: the most specific header first. */
export const KIND_SPECS: readonly KindSpec[] = [
  {
    kind: 'ado-audit-la',
    columns: {
      at: TIME_LA,
      user: ['actorupn'],
      ip: ['ipaddress'],
      mechanism: ['authenticationmechanism'],
      action: ['operationname', 'actionid'],
      data: ['data'],
    },
    required: [TIME_LA, ['authenticationmechanism'], ['ipaddress']],
    holdsPat: true,
    notWith: HAND_MADE,
  },
  {
    kind: 'ado-audit',
    columns: {
      at: ['timestamp'],
      user: ['actorupn'],
      ip: ['ipaddress', 'ip address', 'ip'],
      mechanism: ['authenticationmechanism'],
      action: ['actionid'],
      data: ['data'],
    },
    // No time column (a summarised export): its rows take the analysis time (--at).
    required: [['authenticationmechanism'], ['ipaddress', 'ip address', 'ip']],
    holdsPat: true,
    notWith: HAND_MADE,
  },
  {
    kind: 'entra-signin-la',
    columns: {
      at: TIME_LA,
      user: ['userprincipalname'],
      ip: ['ipaddress'],
      seenIp: ['ipaddressfromresourceprovider'],
      clientApp: ['clientappused'],
      resourceId: ['resourceidentity'],
      location: ['locationdetails', 'location'],
      table: ['type', 'category'],
      interactive: ['isinteractive'],
    },
    required: [TIME_LA, ['userprincipalname'], ['ipaddress']],
    holdsPat: false,
    notWith: HAND_MADE,
  },
  {
    kind: 'entra-signin',
    columns: {
      at: ['date (utc)', 'createddatetime'],
      user: ['username', 'userprincipalname'],
      ip: ['ip address', 'ipaddress'],
      seenIp: ['ip address (seen by resource)', 'ipaddressfromresourceprovider'],
      clientApp: ['client app', 'clientappused'],
      resourceId: ['resource id', 'resourceid'],
      location: ['location'],
      interactive: ['isinteractive'],
    },
    required: [ENTRA_ONLY, ['ip address', 'ipaddress']],
    holdsPat: false,
    notWith: HAND_MADE,
  },
  {
    kind: 'plain',
    columns: {
      ip: ['ip', 'ip address', 'ipaddress'],
      signinIp: ['signin-ip', 'signinip', 'sign-in ip'],
      flow: ['flow'],
      clientApp: ['client app', 'clientapp', 'clientappused'],
      mechanism: ['authenticationmechanism'],
      user: ['username', 'user principal name', 'userprincipalname', 'upn', 'user'],
      tokenCreated: ['token-created', 'tokencreated', 'token created'],
      at: ['at', 'time', 'when', 'timestamp', 'date (utc)', 'date', 'createddatetime'],
      client: ['client'],
      country: ['country'],
    },
    required: [['ip', 'ip address', 'ipaddress']],
    holdsPat: true,
  },
];

export interface KindLabel {
  /** "Azure DevOps audit export". */
  name: string;
  /** What it can and cannot hold, in plain words. */
  coverage: string;
}

export const KIND_LABELS: Record<LogKind, KindLabel> = {
  'ado-audit': {
    name: 'Azure DevOps audit export',
    coverage:
      'The Azure DevOps audit log holds only audited changes, some of them made with a PAT or SSH key; it never holds reads ("Token access events are not currently logged"): a git clone or fetch, a REST GET or a package download with a PAT leaves no row. Automation that only reads is missing from these numbers.',
  },
  'ado-audit-la': {
    name: 'Log Analytics export of AzureDevOpsAuditing',
    coverage:
      'AzureDevOpsAuditing is the Azure DevOps audit log: only audited changes, some of them made with a PAT or SSH key, never reads ("Token access events are not currently logged"). A git clone or fetch, a REST GET or a package download with a PAT leaves no row.',
  },
  'entra-signin': {
    name: 'Entra sign-in export',
    coverage:
      "Entra sign-in logs hold no PAT or SSH use at all: Azure DevOps validates PATs and SSH keys itself, so their use is never in Entra's sign-in log. These rows are web and OAuth sign-ins only, so they cannot say whose PATs would break. For that, export the Azure DevOps audit log (Organization settings → Auditing) or query AzureDevOpsAuditing.",
  },
  'entra-signin-la': {
    name: 'Log Analytics export of Entra sign-ins',
    coverage:
      'SigninLogs and AADNonInteractiveUserSignInLogs hold no PAT or SSH use at all: Azure DevOps checks PATs and SSH keys itself. These rows are web and OAuth sign-ins only. For PAT traffic, query AzureDevOpsAuditing.',
  },
  plain: {
    name: 'CSV with an ip column',
    coverage:
      'A hand-made list holds whatever it was made from: the numbers are only as complete as that list. Rows without a flow count as the flow chosen for them.',
  },
};

/** The columns a file needed, per kind, for the message that refuses an unknown file. */
export function neededColumns(): string {
  return [
    'the Azure DevOps audit export (IpAddress, AuthenticationMechanism)',
    'the Entra sign-in export (Date (UTC), IP address; or IP address with Client app or Resource ID; JSON: ipAddress with createdDateTime, clientAppUsed or resourceId)',
    'a Log Analytics export of AzureDevOpsAuditing (TimeGenerated, IpAddress, AuthenticationMechanism)',
    'of SigninLogs or AADNonInteractiveUserSignInLogs (TimeGenerated, UserPrincipalName, IPAddress)',
    'or a CSV with an "ip" column',
  ].join(', ');
}
