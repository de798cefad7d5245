// Common Conditional Access policies as templates: each becomes the Graph JSON an admin would
// export, so the sandbox goes through the same import as real data.
import { AZURE_DEVOPS_APP_ID, AZURE_RESOURCE_MANAGER_APP_ID } from '../engine/azureDevOps';
import type { PolicyTemplate, SandboxPolicy, TargetResource } from './sandboxTypes';

export interface TemplateInfo {
  label: string;
  /** The name a new policy from this template gets. */
  name: string;
  grant: string[];
  /** Outside trusted locations (All minus AllTrusted), or no location condition at all. */
  outsideTrusted: boolean;
}

export const TEMPLATES: Readonly<Record<PolicyTemplate, TemplateInfo>> = {
  'block-outside-trusted': {
    label: 'Block outside trusted locations',
    name: 'Block Azure DevOps outside trusted locations',
    grant: ['block'],
    outsideTrusted: true,
  },
  'mfa-outside-trusted': {
    label: 'Require MFA outside trusted locations',
    name: 'Require MFA outside trusted locations',
    grant: ['mfa'],
    outsideTrusted: true,
  },
  'mfa-everywhere': {
    label: 'Require MFA everywhere (no location condition)',
    name: 'Require MFA for Azure DevOps',
    grant: ['mfa'],
    outsideTrusted: false,
  },
  'compliant-device': {
    label: 'Require a compliant device',
    name: 'Require compliant device',
    grant: ['compliantDevice'],
    outsideTrusted: false,
  },
};

export const TARGETS: Readonly<Record<TargetResource, { label: string; app: string }>> = {
  ado: { label: 'Azure DevOps', app: AZURE_DEVOPS_APP_ID },
  all: { label: 'All resources', app: 'All' },
  arm: { label: 'Azure Resource Manager', app: AZURE_RESOURCE_MANAGER_APP_ID },
};

/** Splits a list typed one per line or comma separated; blanks dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The Graph policy object (GET /identity/conditionalAccess/policies) for a sandbox policy. */
export function policyToGraph(p: SandboxPolicy): Record<string, unknown> {
  const t = TEMPLATES[p.template];
  return {
    id: p.id,
    displayName: p.name.trim() || t.name,
    state: p.state,
    conditions: {
      users: { includeUsers: ['All'], excludeUsers: splitList(p.excludeUsers) },
      applications: { includeApplications: [TARGETS[p.target].app] },
      clientAppTypes: ['all'],
      locations: t.outsideTrusted
        ? { includeLocations: ['All'], excludeLocations: ['AllTrusted'] }
        : null,
    },
    grantControls: { operator: 'OR', builtInControls: [...t.grant] },
  };
}

/** `prefix-n` with the smallest n not in `taken`. */
export function freeId(prefix: string, taken: readonly string[]): string {
  let n = 1;
  while (taken.includes(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** A new policy from a template, with an id not in `taken`. */
export function newPolicy(template: PolicyTemplate, taken: readonly string[]): SandboxPolicy {
  const id = freeId('pol', taken);
  return {
    id,
    template,
    name: TEMPLATES[template].name,
    state: 'enabled',
    target: 'ado',
    excludeUsers: '',
  };
}
