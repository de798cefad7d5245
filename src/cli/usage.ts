// The --help text. The flag names are a contract (README: The what-if command line): keep them stable.
import { ASSUMPTION_CHOICES } from '../model/engine/assumptions';

const assumptions = Object.entries(ASSUMPTION_CHOICES)
  .map(([name, { values, rule }]) => `  ${name}=${values.join('|')}`.padEnd(46) + `(${rule})`)
  .join('\n');

export const USAGE = `PAT Fence what-if: what Microsoft Entra Conditional Access and Azure DevOps would do with
one request, or with every sign-in of a CSV, given your named locations and policies.

Usage:
  pat-fence whatif --locations FILE --policies FILE --validation on|off
     [--validation-enabled-at ISO] --flow web|pat|ssh|oauth --ip ADDR [--signin-ip ADDR]
     [--token-created ISO] [--token-expires ISO] [--at ISO] [--user UPN] [--groups ID,ID|none]
     [--roles ID,ID|none] [--country CC|unknown] [--platform P] [--signin-risk R]
     [--user-risk R] [--auth-flow F]
     [--mfa] [--compliant-device] [--assume NAME=VALUE]... [--json]
  pat-fence whatif --locations FILE --policies FILE --validation on|off
     --batch FILE [--validation-enabled-at ISO] [--at ISO] [--assume NAME=VALUE]...
     [--json | --ndjson]
  npm run --silent whatif -- --locations FILE --policies FILE --kql
     [--table AzureDevOpsAuditing|SigninLogs|AADNonInteractiveUserSignInLogs]
     [--validation-enabled-at ISO] [--assume NAME=VALUE]...

  Installed from the package: npx pat-fence whatif FLAGS
  In a checkout (through tsx):  npm run --silent whatif -- FLAGS

Inputs:
  --locations FILE|DIR       named locations, Graph JSON ({"value":[...]}, a bare array or one
                             object; a folder: its .json files in name order); UTF-8, or
                             UTF-16 with a byte order mark (Windows PowerShell's Out-File)
  --policies FILE|DIR        Conditional Access policies, Graph JSON (same shapes; one policy
                             per file, as backup tools write them, is fine)
  --validation on|off        the organisation policy "Enable IP Conditional Access policy validation"
  --validation-enabled-at ISO  when it was turned on (unknown: every token counts as newer)

Request:
  --flow web|pat|ssh|oauth   browser sign-in, personal access token, SSH key, or OAuth app
  --ip ADDR                  the public IP that reaches Azure DevOps
  --signin-ip ADDR           the IP Entra sees at sign-in, if different (split tunnel)
  --token-created ISO        when the PAT was created (unknown: after the policy was turned on)
  --token-expires ISO        when the PAT or SSH key expires
  --at ISO                   when the request happens (default: now)
  --user UPN                 matched literally against the policies' user ids and names;
                             absent means unknown (policies that name users go to "depends on")
  --groups ID,ID|none        matched literally against the policies' group ids; absent means
                             unknown (group-scoped policies go to "depends on"), none means none
  --roles ID,ID|none         the user's directory role ids (template ids, as policies list them);
                             absent means unknown (role-scoped policies go to "depends on")
  --country CC|unknown       ISO 3166 two-letter country of the IP (country named locations);
                             absent means not given (country-based policies go to "depends
                             on"); unknown means the IP maps to no country, which a location
                             that includes unknown countries and regions matches
  --platform P               android|iOS|windows|macOS|linux (absent: unknown)
  --signin-risk R            none|low|medium|high (default none)
  --user-risk R              none|low|medium|high (default none)
  --auth-flow F              none|deviceCodeFlow|authenticationTransfer (default none)
  --mfa                      the user has done multifactor authentication
  --compliant-device         the device is compliant

Batch:
  --batch FILE               a log, CSV or JSON: the Azure DevOps audit export, the Entra
                             sign-in export, a Log Analytics export of AzureDevOpsAuditing,
                             SigninLogs or AADNonInteractiveUserSignInLogs, or a CSV with an
                             "ip" column (optional flow (default pat), client, user,
                             token-created, at/time, country), separated by , ; or tab, in
                             UTF-8, UTF-16 with a BOM or Windows-1252; every row evaluated with the
                             policy off and on. The report says which kind it read, the
                             columns used and ignored, and what that kind of log cannot hold.

Where the logs live:
  --kql                      print a Kusto query that computes the newly refused table inside
                             Log Analytics / Sentinel (ranges inlined, grouped by user and IP)
  --table NAME               AzureDevOpsAuditing (default), SigninLogs or
                             AADNonInteractiveUserSignInLogs

Assumptions (--assume NAME=VALUE, repeatable; the first value is the default):
${assumptions}

Output:
  --json                     one JSON object on stdout instead of the readable report
  --ndjson                   with --batch: one JSON object a line, each row ("type":"row"), each
                             problem ("type":"problem"), then the summary ("type":"summary") last
  --help                     this text

Exit status: 0 when a decision was made (allowed, blocked or mfa-required alike);
2 on bad input, with one line on stderr naming the flag or field and the value.
`;
