// The sources every rule cites, by short key (the Rules and sources page, #/rules). Titles and addresses only:
// the app links out to them but never fetches them.
import type { SourceKey } from './types';

export interface Source {
  key: SourceKey;
  title: string;
  /** Shown as text; the app makes no request to it. */
  url: string;
}

const learn = 'https://learn.microsoft.com';

export const SOURCES: Record<SourceKey, Source> = {
  ART: {
    key: 'ART',
    title: 'Protect Azure DevOps Personal Access Tokens with Conditional Access (source article)',
    url: '',
  },
  'ADO-CAP': {
    key: 'ADO-CAP',
    title: 'Azure DevOps: Conditional Access policies (2025–2026)',
    url: `${learn}/azure/devops/organizations/accounts/conditional-access-policies`,
  },
  'ADO-POL': {
    key: 'ADO-POL',
    title: 'Azure DevOps: Change application connection & security policies (2021–2025)',
    url: `${learn}/azure/devops/organizations/accounts/change-application-access-policies`,
  },
  'ADO-MCA': {
    key: 'ADO-MCA',
    title: 'Azure DevOps: Manage Conditional Access (2018–2020, retired)',
    url: `${learn}/azure/devops/organizations/accounts/manage-conditional-access`,
  },
  'ADO-IPV6': {
    key: 'ADO-IPV6',
    title:
      'Azure DevOps blog: IPv6 fencing for Conditional Access policies now supported (May 2021)',
    url: 'https://devblogs.microsoft.com/devops/ipv6-fencing-conditional-access-policies-now-supported/',
  },
  'ADO-RN202': {
    key: 'ADO-RN202',
    title: 'Azure DevOps release notes, sprint 202 (April 2022)',
    url: `${learn}/azure/devops/release-notes/2022/sprint-202-update`,
  },
  'ADO-CAE': {
    key: 'ADO-CAE',
    title: 'Azure DevOps blog: Continuous Access Evaluation comes to Azure DevOps (2025)',
    url: 'https://devblogs.microsoft.com/devops/',
  },
  'ADO-PAT': {
    key: 'ADO-PAT',
    title: 'Azure DevOps: Use personal access tokens (expiry, revocation, scopes)',
    url: `${learn}/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate`,
  },
  'ENT-POL': {
    key: 'ENT-POL',
    title: 'Microsoft Entra: Building a Conditional Access policy',
    url: `${learn}/entra/identity/conditional-access/concept-conditional-access-policies`,
  },
  'ENT-NET': {
    key: 'ENT-NET',
    title: 'Microsoft Entra: Network assignment in Conditional Access',
    url: `${learn}/entra/identity/conditional-access/concept-assignment-network`,
  },
  'ENT-RO': {
    key: 'ENT-RO',
    title: 'Microsoft Entra: Report-only mode',
    url: `${learn}/entra/identity/conditional-access/concept-conditional-access-report-only`,
  },
  'ENT-CODES': {
    key: 'ENT-CODES',
    title:
      'Microsoft Entra authentication and authorization error codes (AADSTS53000, 53001, 53003, 50076)',
    url: `${learn}/entra/identity-platform/reference-error-codes`,
  },
  'ENT-FLOWS': {
    key: 'ENT-FLOWS',
    title:
      'Microsoft Entra: Authentication flows in Conditional Access (device code flow, authentication transfer)',
    url: `${learn}/entra/identity/conditional-access/concept-authentication-flows`,
  },
  'ENT-WHATIF': {
    key: 'ENT-WHATIF',
    title: 'Microsoft Entra: the Conditional Access What If tool (the conditions it asks for)',
    url: `${learn}/entra/identity/conditional-access/what-if-tool`,
  },
  GRAPH: {
    key: 'GRAPH',
    title: 'Microsoft Graph: conditionalAccessPolicy, ipNamedLocation, conditionalAccessLocations',
    url: `${learn}/graph/api/resources/conditionalaccesspolicy`,
  },
  'DOCS-8209': {
    key: 'DOCS-8209',
    title: 'MicrosoftDocs/azure-devops-docs issue 8209 (a maintainer on MFA policies and PATs)',
    url: 'https://github.com/MicrosoftDocs/azure-devops-docs/issues/8209',
  },
  WHITEPAPER: {
    key: 'WHITEPAPER',
    title: 'Azure DevOps data protection whitepaper (2019)',
    url: `${learn}/azure/devops/organizations/security/data-protection`,
  },
  'COE-6694': {
    key: 'COE-6694',
    title:
      'microsoft/coe-starter-kit issue 6694 (a VS403463 answer quoted in full), and other public reports',
    url: 'https://github.com/microsoft/coe-starter-kit/issues/6694',
  },
  'CLI-24108': {
    key: 'CLI-24108',
    title:
      'Azure/azure-cli issue 24108 (pipelines on Microsoft-hosted agents refused by the IP policy)',
    url: 'https://github.com/Azure/azure-cli/issues/24108',
  },
  'DOCS-4845': {
    key: 'DOCS-4845',
    title: 'MicrosoftDocs/azure-devops-docs issue 4845 (hosted agents and IP Conditional Access)',
    url: 'https://github.com/MicrosoftDocs/azure-devops-docs/issues/4845',
  },
  'ADO-AUDIT': {
    key: 'ADO-AUDIT',
    title:
      'Azure DevOps: Access, export and filter audit logs; list of audit events ("Token access events are not currently logged")',
    url: `${learn}/azure/devops/organizations/audit/azure-devops-auditing`,
  },
  'ADO-RN142': {
    key: 'ADO-RN142',
    title: 'Azure DevOps release notes, sprint 142',
    url: `${learn}/azure/devops/release-notes/2018/sprint-142-update`,
  },
  'ADO-RN188': {
    key: 'ADO-RN188',
    title:
      'Azure DevOps release notes, sprint 188 (PAT lifetime and scope policies "only apply to new PATs")',
    url: `${learn}/azure/devops/release-notes/2021/sprint-188-update`,
  },
  'ADO-RN212': {
    key: 'ADO-RN212',
    title: 'Azure DevOps release notes, sprint 212 (audit sample)',
    url: `${learn}/azure/devops/release-notes/2022/sprint-212-update`,
  },
};
