// The impact analysis as a Kusto query, for logs too big for one machine: it runs inside Log
// Analytics / Sentinel and lists, by user and IP, the requests Azure DevOps would newly refuse with
// the org policy on. Ranges are inlined; policies are read as the engine reads them for a PAT
// (R4, R6, R7, R8, R12, R15, R17, R18, R22): users literally, no groups, countries unknown.
import { AZURE_DEVOPS_APP_ID } from '../engine/azureDevOps';
import { targetsAzureDevOps } from '../engine/assignments';
import type { Assumptions, NamedLocation, Policy, World } from '../engine/types';

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

/** A Kusto string literal. */
export const kqlString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const list = (xs: readonly string[]) => `dynamic([${xs.map(kqlString).join(', ')}])`;
const comment = (s: string) => `// ${s.replace(/[\r\n]+/g, ' ')}`;

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

/** Why a policy cannot refuse a PAT in this query, or undefined when it can. */
function skipReason(p: Policy, o: KqlOptions): string | undefined {
  if (p.state !== 'enabled') return p.state === 'disabled' ? 'disabled (R16)' : 'report-only (R16)';
  const app = targetsAzureDevOps(p, o.at);
  if (!app.match) return `${app.reason} (R18)`;
  const g = p.grantControls;
  if (!g || g.builtInControls.length === 0) return 'no grant controls';
  // Sign-ins are interactive or OAuth: every policy applies to them, not only IP fences (R1).
  if (!p.locations && o.table === 'AzureDevOpsAuditing') {
    const device =
      g.builtInControls.every((c) => c === 'compliantDevice' || c === 'domainJoinedDevice') ||
      p.otherConditions.length > 0;
    const setting = device
      ? o.assumptions['device-policy-on-pat']
      : o.assumptions['mfa-only-policy-on-pat'];
    if (setting === 'ignored')
      return `no location condition: not evaluated for PATs (${device ? 'R8' : 'R7'}, assumption)`;
  }
  if (has(p.users.includeUsers, 'None')) return 'targets no users (None)';
  return undefined;
}

const has = (xs: readonly string[], v: string) =>
  xs.some((x) => x.toLowerCase() === v.toLowerCase());

/** The predicate under which policy p applies to a row (and so refuses it, R6/R15). */
function applies(ctx: Ctx, p: Policy): string | 'unknown' {
  const parts: string[] = [];
  const u = p.users;
  // Users are matched literally; groups and roles are not in these logs (R22).
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
  const cases: string[] = [];
  for (const p of world.policies) {
    const skip = skipReason(p, o);
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
      `| where ResourceIdentity == ${kqlString(AZURE_DEVOPS_APP_ID)} or AppId == ${kqlString(AZURE_DEVOPS_APP_ID)}`,
      '| extend Ip = iff(isnotempty(IPAddressFromResourceProvider), IPAddressFromResourceProvider, IPAddress)',
      '| where isnotempty(Ip)',
      '| extend Flow = iff(ClientAppUsed == "Browser", "web", "oauth")',
      '| extend User = UserPrincipalName, Country = tostring(LocationDetails.countryOrRegion)',
    );
  }
  body.push('| extend IsV6 = Ip contains ":"', ...ins);
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
