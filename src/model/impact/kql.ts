// The impact analysis as a Kusto query, for logs too big for one machine: it runs inside Log
// Analytics / Sentinel and lists, by user and IP, the requests Azure DevOps would newly refuse with
// the org policy on. Ranges are inlined. Which policies it evaluates is the engine's own answer
// (analysePolicy on a probe request, skipReason): only those whose outcome rests on the IP and the
// user alone; the rest are named in a comment with their rule (R7, R8, R16, R18, R21, R22).
import { AZURE_DEVOPS_APP_ID } from '../engine/azureDevOps';
import { compileWorld } from '../engine/compiledWorld';
import { analysePolicy } from '../engine/policyAnalysis';
import type { AccessRequest, Assumptions, NamedLocation, Policy, World } from '../engine/types';
import { parseIp } from '../ip/ip';

export const KQL_TABLES = [
  'AzureDevOpsAuditing',
  'SigninLogs',
  'AADNonInteractiveUserSignInLogs',
] as const;
export type KqlTable = (typeof KQL_TABLES)[number];

/** Each table's columns, as FACTS lists them (the tests parse the query against these). */
export const KQL_SCHEMAS: Record<KqlTable, string> = {
  AzureDevOpsAuditing:
    '(TimeGenerated:datetime, ActorUPN:string, IpAddress:string, AuthenticationMechanism:string, OperationName:string, UserAgent:string, Data:dynamic)',
  SigninLogs:
    '(TimeGenerated:datetime, UserPrincipalName:string, IPAddress:string, IPAddressFromResourceProvider:string, ClientAppUsed:string, AppId:string, ResourceIdentity:string, LocationDetails:dynamic, ConditionalAccessPolicies:dynamic)',
  AADNonInteractiveUserSignInLogs:
    '(TimeGenerated:datetime, UserPrincipalName:string, IPAddress:string, IPAddressFromResourceProvider:string, ClientAppUsed:string, AppId:string, ResourceIdentity:string, LocationDetails:dynamic, ConditionalAccessPolicies:dynamic)',
};

export interface KqlOptions {
  table: KqlTable;
  assumptions: Assumptions;
  /** The time R18 is judged at (ISO 8601). */
  at: string;
}

/** Characters that end a line or a comment for Kusto, or that a terminal would obey. */
// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A Kusto string literal: backslash and quote escaped, line breaks and tabs written as the escapes
 * Kusto documents (\n, \r, \t), any other control or line-separator character as a space:
 * a policy name can hold any of them, and the literal must stay on one line.
 */
export const kqlString = (s: string) =>
  `"${s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(LINE_BREAKING, (c) => ESCAPES[c] ?? ' ')}"`;
const list = (xs: readonly string[]) => `dynamic([${xs.map(kqlString).join(', ')}])`;
const comment = (s: string) => `// ${s.replace(LINE_BREAKING, ' ')}`;

interface Ctx {
  world: World;
  audit: boolean;
  /** Location ids used, in order; each gets `L<n>v4`/`L<n>v6` (IP) or `L<n>cc` (country). */
  used: Map<string, number>;
}

function ref(ctx: Ctx, id: string): NamedLocation | undefined {
  const loc = ctx.world.locations.find((l) => l.id === id);
  if (loc && !ctx.used.has(id)) ctx.used.set(id, ctx.used.size + 1);
  return loc;
}

/** Membership of the IP in one location reference: a KQL predicate, or 'unknown' (R22). */
function member(ctx: Ctx, id: string): string | 'unknown' {
  if (id === 'All') return 'true';
  if (id === 'AllTrusted') return 'InTrusted';
  const loc = ref(ctx, id);
  if (!loc) return 'false';
  const n = ctx.used.get(id)!;
  if (loc.kind === 'country') {
    if (ctx.audit) return 'unknown';
    const unknown = loc.includeUnknownCountriesAndRegions ? ` or isempty(Country)` : '';
    return `(Country in (L${n}cc)${unknown})`;
  }
  return `InL${n}`;
}

const REFUSING = new Set(['block', 'unsatisfiable', 'mfa']);
const PROBE_IP = parseIp('192.0.2.1');

/**
 * Why the engine does not decide this policy's outcome for the table's requests on the IP and the
 * user alone, or undefined when it does. The engine's own analysePolicy answers, on a probe
 * request (a PAT for the audit table, an OAuth call checked at Azure DevOps for sign-ins) and a
 * copy of the policy whose user and location conditions are opened up: the query computes those
 * two itself, row by row. Groups and roles are facts no table carries (R22).
 */
function skipReason(p: Policy, o: KqlOptions, world: World): string | undefined {
  const u = p.users;
  const groups = [...u.includeGroups, ...u.excludeGroups];
  const roles = [...(u.includeRoles ?? []), ...(u.excludeRoles ?? [])];
  if (groups.length || roles.length) {
    const what = groups.length ? 'group membership' : 'directory roles';
    return `depends on ${what}, which this table does not carry (R22)`;
  }
  const probe: Policy = {
    ...p,
    users: { ...u, includeUsers: ['All'], excludeUsers: [] },
    ...(p.locations ? { locations: { includeLocations: ['All'], excludeLocations: [] } } : {}),
  };
  const audit = o.table === 'AzureDevOpsAuditing';
  const req: AccessRequest = audit
    ? { flow: 'pat', ip: '192.0.2.1', at: o.at, token: { kind: 'pat' } }
    : { flow: 'oauth', ip: '192.0.2.1', at: o.at };
  const compiled = compileWorld({ ...world, policies: [probe] });
  if (!PROBE_IP.ok) throw new Error('probe IP');
  const loc = { compiled, ip: PROBE_IP.value, assumptions: o.assumptions, atAzureDevOps: true };
  const r = analysePolicy(probe, req, loc, audit ? 'ip-only' : 'token-ip', o.assumptions);
  const a = r.analysis;
  if (!a.enforced) return 'report-only (R16)';
  if (a.applies && REFUSING.has(a.effect)) return undefined;
  const reason = a.applies
    ? `${a.reason}: nothing a ${audit ? 'PAT' : 'token'} call is refused for`
    : a.reason;
  return reason.includes(`(${r.rule}`) || reason.includes(`, ${r.rule})`)
    ? reason
    : `${reason} (${r.rule})`;
}

const has = (xs: readonly string[], v: string) =>
  xs.some((x) => x.toLowerCase() === v.toLowerCase());

/** The predicate under which policy p applies to a row (and so refuses it, R6/R15). */
function applies(ctx: Ctx, p: Policy): string | 'unknown' {
  const parts: string[] = [];
  const u = p.users;
  // Users are matched literally; a policy with groups or roles was skipped (R22).
  if (u.excludeUsers.length)
    parts.push(`not(User in~ (${u.excludeUsers.map(kqlString).join(', ')}))`);
  if (!has(u.includeUsers, 'All')) {
    if (!u.includeUsers.length) return 'false';
    parts.push(`User in~ (${u.includeUsers.map(kqlString).join(', ')})`);
  }
  if (p.locations) {
    const inc = p.locations.includeLocations.map((id) => member(ctx, id));
    const exc = p.locations.excludeLocations.map((id) => member(ctx, id));
    if (exc.includes('unknown')) return 'unknown';
    const known = inc.filter((x) => x !== 'unknown');
    if (!known.length) return inc.length ? 'unknown' : 'false';
    if (!known.includes('true')) parts.push(`(${known.join(' or ')})`);
    const ex = exc.filter((x) => x !== 'false');
    if (ex.length) parts.push(`not(${ex.join(' or ')})`);
  }
  return parts.length ? parts.join(' and ') : 'true';
}

export function impactKql(world: World, o: KqlOptions): string {
  const audit = o.table === 'AzureDevOpsAuditing';
  const ctx: Ctx = { world, audit, used: new Map() };
  const head: string[] = [
    comment(
      `PAT Fence: requests Azure DevOps would refuse with "Enable IP Conditional Access policy validation" on, by user and IP.`,
    ),
    audit
      ? comment(
          'AzureDevOpsAuditing holds audited changes only: reads with a PAT (clone, fetch, REST GETs) are not logged.',
        )
      : comment(
          `${o.table} holds no PAT or SSH use: these are web and OAuth sign-ins, checked at Azure DevOps with the IP seen by resource (R10).`,
        ),
  ];
  if (!audit)
    head.push(
      comment(
        'What it counts: OAuth calls that Azure DevOps would refuse by an IP-conditioned policy at the IP seen by resource. The org policy does not change web sign-ins (Entra and Azure DevOps check them whatever it says, R1, R2): they are left out. An OAuth call whose sign-in Entra already refused by one of these policies at the sign-in IP (IPAddress) is not newly refused, and is left out too (R10, R15).',
      ),
    );
  const cases: string[] = [];
  for (const p of world.policies) {
    const skip = skipReason(p, o, world);
    if (skip) {
      head.push(comment(`not evaluated: "${p.displayName}": ${skip}`));
      continue;
    }
    const when = applies(ctx, p);
    if (when === 'unknown' || when === 'false') {
      const why =
        when === 'unknown'
          ? 'a country location, and this table carries no country (R22)'
          : 'targets nobody in this log';
      head.push(comment(`not evaluated: "${p.displayName}": ${why}`));
      continue;
    }
    head.push(comment(`evaluated: "${p.displayName}"`));
    cases.push(`    ${when}, ${kqlString(p.displayName)}`);
  }
  const lets: string[] = [];
  const ins: string[] = [];
  const trusted = world.locations.filter((l) => l.kind === 'ip' && l.isTrusted);
  const v4 = (l: NamedLocation) => l.ipRanges.filter((c) => !c.includes(':'));
  const v6 = (l: NamedLocation) => l.ipRanges.filter((c) => c.includes(':'));
  for (const [id, n] of ctx.used) {
    const loc = world.locations.find((l) => l.id === id)!;
    lets.push(comment(`L${n}: "${loc.displayName}"`));
    if (loc.kind === 'country') {
      lets.push(`let L${n}cc = ${list(loc.countries)};`);
      continue;
    }
    lets.push(`let L${n}v4 = ${list(v4(loc))};`, `let L${n}v6 = ${list(v6(loc))};`);
    ins.push(
      `| extend InL${n} = iff(IsV6, ipv6_is_in_any_range(Ip, L${n}v6), ipv4_is_in_any_range(Ip, L${n}v4))`,
    );
  }
  const usesTrusted = cases.some((c) => c.includes('InTrusted'));
  if (usesTrusted) {
    lets.push(
      comment(
        'trusted IP named locations (AllTrusted; legacy MFA trusted IPs are not in any export, R23)',
      ),
    );
    lets.push(`let Tv4 = ${list(trusted.flatMap(v4))};`, `let Tv6 = ${list(trusted.flatMap(v6))};`);
    ins.push(
      '| extend InTrusted = iff(IsV6, ipv6_is_in_any_range(Ip, Tv6), ipv4_is_in_any_range(Ip, Tv4))',
    );
  }
  const body: string[] = [];
  const exempt = audit && o.assumptions['existing-pats'] === 'exempt' && world.org.enabledAt;
  if (exempt) {
    // Data.AuthorizationId is the likeliest key, not a documented one (see logs/auditEvents.ts).
    lets.push(
      comment(
        'R12 (article, switchable): PATs created before the org policy was switched on stay exempt',
      ),
      `let EnabledAt = datetime(${world.org.enabledAt});`,
      'let Created = AzureDevOpsAuditing',
      '    | where OperationName == "Token.PatCreateEvent"',
      '    | extend AuthorizationId = tolower(tostring(Data.AuthorizationId))',
      '    | summarize PatCreated = min(TimeGenerated) by AuthorizationId;',
    );
  }
  if (audit) {
    body.push(
      'AzureDevOpsAuditing',
      '| where AuthenticationMechanism startswith "PAT" or AuthenticationMechanism startswith "SSH"',
      '| where isnotempty(IpAddress)',
      '| extend Flow = iff(AuthenticationMechanism startswith "SSH", "ssh", "pat")',
      '| extend Ip = tostring(IpAddress), User = ActorUPN',
    );
    if (exempt)
      body.push(
        '| extend AuthorizationId = tolower(extract(@"authorizationId:\\s*([0-9a-fA-F-]+)", 1, AuthenticationMechanism))',
        '| join kind=leftouter Created on AuthorizationId',
        '| where not(Flow == "pat" and isnotnull(PatCreated) and PatCreated < EnabledAt)',
      );
  } else {
    body.push(
      o.table,
      // The resource signed in to; AppId is the client, which says nothing of Azure DevOps.
      `| where ResourceIdentity == ${kqlString(AZURE_DEVOPS_APP_ID)}`,
      '| extend SigninIp = IPAddress, Ip = iff(isnotempty(IPAddressFromResourceProvider), IPAddressFromResourceProvider, IPAddress)',
      '| where isnotempty(Ip)',
      '| extend Flow = iff(ClientAppUsed == "Browser", "web", "oauth")',
      '| where Flow == "oauth"',
      '| extend User = UserPrincipalName, Country = tostring(LocationDetails.countryOrRegion)',
    );
  }
  body.push('| extend IsV6 = Ip contains ":"', ...ins);
  if (!audit && cases.length) {
    // Entra's own check at sign-in, with the same policies at the sign-in IP (R15): a call it
    // refused there never reached Azure DevOps, so turning the org policy on changes nothing.
    const atSignin = (text: string) => text.replace(/\bIn(L\d+|Trusted)\b/g, 'SIn$1');
    body.push(
      '| extend SIsV6 = SigninIp contains ":"',
      ...ins.map((line) =>
        atSignin(line)
          .replace('iff(IsV6', 'iff(SIsV6')
          .replace(/\(Ip, /g, '(SigninIp, '),
      ),
      `| extend RefusedAtSignin = case(\n${cases.map(atSignin).join(',\n')},\n    "")`,
      '| where isempty(RefusedAtSignin)',
    );
  }
  body.push(
    cases.length
      ? `| extend RefusedBy = case(\n${cases.join(',\n')},\n    "")`
      : '| extend RefusedBy = ""',
    '| where isnotempty(RefusedBy)',
    '| summarize Requests = count(), First = min(TimeGenerated), Last = max(TimeGenerated), Flows = make_set(Flow), Policies = make_set(RefusedBy) by User, Ip',
    '| order by Requests desc',
  );
  return [...head, ...lets, ...body].join('\n') + '\n';
}
