// The engine's vocabulary: the world (locations, policies, org policy), a request, and the
// Decision that evaluate() returns. Pure data, no behaviour; every layer above speaks these types.

export type Flow = 'web' | 'pat' | 'ssh' | 'oauth';
export const FLOWS: readonly Flow[] = ['web', 'pat', 'ssh', 'oauth'];

export type Outcome = 'allowed' | 'blocked' | 'mfa-required';

/** documented: Microsoft says it; article: only the source article; observed: real responses or
 * public reports show it; assumption: nobody documents it, the engine picks a switchable default. */
export type RuleStatus = 'documented' | 'article' | 'observed' | 'assumption';
export const RULE_STATUSES: readonly RuleStatus[] = [
  'documented',
  'article',
  'observed',
  'assumption',
];

/** Rule ids (shown on the Rules and sources page); T1–T2 are token facts (lifetime, scopes) outside Conditional Access. */
export type RuleId =
  | 'R1'
  | 'R2'
  | 'R3'
  | 'R4'
  | 'R5'
  | 'R6'
  | 'R7'
  | 'R8'
  | 'R9'
  | 'R10'
  | 'R11'
  | 'R12'
  | 'R13'
  | 'R14'
  | 'R15'
  | 'R16'
  | 'R17'
  | 'R18'
  | 'R19'
  | 'R20'
  | 'R21'
  | 'R22'
  | 'R23'
  | 'T1'
  | 'T2';

export type SourceKey =
  | 'ART'
  | 'ADO-CAP'
  | 'ADO-POL'
  | 'ADO-MCA'
  | 'ADO-IPV6'
  | 'ADO-RN202'
  | 'ADO-CAE'
  | 'ADO-PAT'
  | 'ENT-POL'
  | 'ENT-NET'
  | 'ENT-RO'
  | 'ENT-CODES'
  | 'ENT-FLOWS'
  | 'ENT-WHATIF'
  | 'GRAPH'
  | 'DOCS-8209'
  | 'WHITEPAPER'
  | 'COE-6694'
  | 'CLI-24108'
  | 'DOCS-4845'
  | 'ADO-AUDIT'
  | 'ADO-RN142'
  | 'ADO-RN188'
  | 'ADO-RN212';

export interface Rule {
  id: RuleId;
  /** A few words a learner can read in a badge ("IP fence on PATs"); the id is secondary. */
  name: string;
  /** One line, in the product's own words. */
  statement: string;
  flows: readonly Flow[];
  sources: readonly SourceKey[];
  status: RuleStatus;
  /** FACTS.md's own words for a status with two parts (R9: documented advice, matching assumed). */
  statusNote?: string;
  /** For assumption/article rules: what is uncertain and what the default is. */
  caveat?: string;
}

/** The four switchable assumptions (DESIGN.md); the first value of each is the default. */
export interface Assumptions {
  'existing-pats': 'exempt' | 'enforced';
  'mfa-only-policy-on-pat': 'ignored' | 'blocked';
  'device-policy-on-pat': 'ignored' | 'blocked';
  'ipv4-mapped': 'distinct' | 'equivalent';
}
export type AssumptionName = keyof Assumptions;

// ---- World -------------------------------------------------------------------------------------

export interface NamedLocation {
  id: string;
  displayName: string;
  /** 'compliantNetwork': Global Secure Access traffic, which no IP address can show: matches no IP. */
  kind: 'ip' | 'country' | 'compliantNetwork';
  isTrusted: boolean;
  /** Normalised CIDRs (host bits cleared), IPv4 and IPv6 mixed. Empty for country locations. */
  ipRanges: string[];
  /** ISO 3166 alpha-2 codes for country locations. */
  countries: string[];
  includeUnknownCountriesAndRegions: boolean;
  /** Country locations: how Entra finds the country (Graph's default is the client IP). */
  countryLookupMethod?: 'clientIpAddress' | 'authenticatorAppGps';
}

export type PolicyState = 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';

export interface SignInFrequency {
  isEnabled: boolean;
  value: number;
  type: 'hours' | 'days';
}

export interface Policy {
  id: string;
  displayName: string;
  state: PolicyState;
  users: {
    includeUsers: string[];
    excludeUsers: string[];
    includeGroups: string[];
    excludeGroups: string[];
    includeRoles: string[];
    excludeRoles: string[];
  };
  applications: { includeApplications: string[]; excludeApplications: string[] };
  /** Undefined when the policy has no location condition (it is then not an IP-fencing policy). */
  locations?: { includeLocations: string[]; excludeLocations: string[] };
  clientAppTypes: string[];
  /** R21: `conditions.authenticationFlows.transferMethods` (deviceCodeFlow, authenticationTransfer). */
  authenticationFlows?: string[];
  /** R22: device platforms (Graph names: android, iOS, windows, macOS, linux, all…). */
  platforms?: { includePlatforms: string[]; excludePlatforms: string[] };
  /** R22: risk levels the policy targets (Graph: low, medium, high, none; insider: minor, moderate, elevated). */
  signInRiskLevels?: string[];
  userRiskLevels?: string[];
  insiderRiskLevels?: string[];
  /** R22: `conditions.devices.deviceFilter`; no request fact can answer its rule. */
  deviceFilter?: { mode: 'include' | 'exclude'; rule: string };
  /** Labels of the remaining conditions the engine does not simulate (service principal risk,
   * workload identities, application filter): assumed to match at sign-in. */
  otherConditions: string[];
  grantControls: { operator: 'OR' | 'AND'; builtInControls: string[] } | null;
  signInFrequency?: SignInFrequency;
}

export interface OrgPolicy {
  /** "Enable IP Conditional Access policy validation" (Policy.EnforceAADConditionalAccess). */
  ipValidation: boolean;
  /** When it was turned on (ISO 8601). Unknown: tokens count as created after it. */
  enabledAt?: string;
  /**
   * The impact analysis's question, "what if it is on": in force at every request's time, so
   * enabledAt only dates PATs (R12) and never turns a request into "not yet on" (R5).
   */
  onAtEveryRequest?: boolean;
}

export interface World {
  locations: NamedLocation[];
  policies: Policy[];
  org: OrgPolicy;
}

// ---- Request -----------------------------------------------------------------------------------

export type Action =
  'read-code' | 'push-code' | 'run-pipeline' | 'create-work-item' | 'read-work-items';
export const ACTIONS: readonly Action[] = [
  'read-code',
  'push-code',
  'run-pipeline',
  'create-work-item',
  'read-work-items',
];

/** PAT scopes as Azure DevOps names them; 'full' is full access. */
export type Scope =
  | 'full'
  | 'vso.code'
  | 'vso.code_write'
  | 'vso.build'
  | 'vso.build_execute'
  | 'vso.work'
  | 'vso.work_write';

export interface Token {
  kind: 'pat' | 'ssh-key' | 'system-access-token';
  /** ISO 8601. Unknown: counts as created after the org policy was turned on. */
  created?: string;
  expires?: string;
  revoked?: boolean;
  scopes?: Scope[];
}

export type Platform = 'android' | 'iOS' | 'windows' | 'macOS' | 'linux';
export const PLATFORMS: readonly Platform[] = ['android', 'iOS', 'windows', 'macOS', 'linux'];
export type RiskLevel = 'none' | 'low' | 'medium' | 'high';
export const RISK_LEVELS: readonly RiskLevel[] = ['none', 'low', 'medium', 'high'];
export type InsiderRisk = 'none' | 'minor' | 'moderate' | 'elevated';
export const INSIDER_RISKS: readonly InsiderRisk[] = ['none', 'minor', 'moderate', 'elevated'];
/** R21: 'none' is every ordinary sign-in (browser, OAuth, PAT, SSH). */
export type AuthFlow = 'none' | 'deviceCodeFlow' | 'authenticationTransfer';
export const AUTH_FLOWS: readonly AuthFlow[] = ['none', 'deviceCodeFlow', 'authenticationTransfer'];

/** R22: facts a request may not carry; a policy that needs a missing one does not apply. */
export type Fact =
  | 'groups'
  | 'roles'
  | 'user'
  | 'country'
  | 'platform'
  | 'insiderRisk'
  | 'deviceFilter'
  /** A grant control no request fact answers (an approved app, terms of use…). */
  | 'grant';

/** The country of an IP that maps to none (a sign-in log's empty Location): R23's "unknown". */
export const UNKNOWN_COUNTRY = 'unknown';

export type Client = 'browser' | 'git' | 'az-cli' | 'rest' | 'ssh' | 'pipeline-agent';

export interface AccessRequest {
  flow: Flow;
  client?: Client;
  /** The public IP that reaches Azure DevOps. */
  ip: string;
  /** The IP Entra sees at sign-in (web/oauth). Defaults to `ip`. */
  signinIp?: string;
  /** ISO 8601; the engine never reads the clock. */
  at: string;
  user?: string;
  /** Group ids or names the user is in. Absent: unknown (R22); []: known to be in none. */
  groups?: string[];
  /** Directory role ids (or names) the user holds; read like groups (R22). Absent: unknown. */
  roles?: string[];
  mfaDone?: boolean;
  deviceCompliant?: boolean;
  /** ISO 3166 alpha-2 country of the IP (country named locations). Absent: not given, so a
   * country location depends on it (R22); UNKNOWN_COUNTRY: known to map to no country (R23). */
  country?: string;
  /** R22: the device platform; absent means unknown. */
  platform?: Platform;
  /** R22: default none. */
  signInRisk?: RiskLevel;
  userRisk?: RiskLevel;
  /** R22: absent means unknown. */
  insiderRisk?: InsiderRisk;
  /** R21: absent means none (an ordinary sign-in). */
  authFlow?: AuthFlow;
  /** Last interactive sign-in (for sign-in frequency, R19). */
  lastSignInAt?: string;
  token?: Token;
  action?: Action;
}

// ---- Decision ----------------------------------------------------------------------------------

/** Where on the path a check happens; the diagram lights these. */
export type Stage = 'client' | 'token' | 'entra' | 'ado' | 'scope' | 'resource';

export interface TraceStep {
  rule: RuleId;
  /** 'challenge': Entra asks for something the user can still give (an MFA prompt); not a refusal. */
  result: 'pass' | 'fail' | 'skip' | 'challenge';
  stage: Stage;
  detail: string;
  sources: SourceKey[];
  /** The policy this step is about, if any. */
  policyId?: string;
}

export type PolicyEffect =
  'not-applicable' | 'not-evaluated' | 'satisfied' | 'block' | 'mfa' | 'unsatisfiable' | 'unknown';

export interface PolicyAnalysis {
  id: string;
  displayName: string;
  applies: boolean;
  reason: string;
  /** False for report-only and disabled policies (R16). */
  enforced: boolean;
  /** What the policy would do to this request if enforced. */
  effect: PolicyEffect;
  /** Which check evaluated it: Entra at sign-in, or Azure DevOps's IP validation. */
  evaluatedBy: 'entra' | 'ado' | 'none';
}

/** VS403463 (R13); AADSTS53003 block, 53000 compliant device, 53001 domain joined, 50076 MFA (R14). */
export type ErrorCode = 'VS403463' | 'AADSTS53003' | 'AADSTS53000' | 'AADSTS53001' | 'AADSTS50076';

/** R22: a policy that did not apply because the request lacks a fact it needs. */
export interface DependsOn {
  id: string;
  displayName: string;
  /** The first missing fact; `facts` lists them all. */
  fact: Fact;
  facts: Fact[];
  /** What must be true for the policy to apply, in plain words ("dana@contoso.com is in Contractors"). */
  condition: string;
  /** What evaluate() gives when those facts make the policy apply. */
  outcome: Outcome;
}

export interface Decision {
  outcome: Outcome;
  status: number;
  code: ErrorCode | null;
  message: string;
  /** The stage where the request stopped, or 'resource' when it got through. */
  stoppedAt: Stage;
  /** The rule that decided the outcome. */
  decidedBy: RuleId;
  trace: TraceStep[];
  policies: PolicyAnalysis[];
  assumptions: Assumptions;
  /** Things the engine could not know and had to guess (e.g. country of an IP). */
  unknowns: string[];
  /** R22: policies left out because a fact was missing, and what they would do. */
  dependsOn: DependsOn[];
}

export type { Result } from '../ip/result';
