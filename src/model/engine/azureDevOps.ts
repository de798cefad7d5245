// Fixed identifiers and dates of the Azure DevOps and Entra world the engine reasons about.

/** The Azure DevOps resource (app id) that Conditional Access policies target (R18). */
export const AZURE_DEVOPS_APP_ID = '499b84ac-1321-427f-aa17-267ca6975798';

/** Azure Resource Manager: covered Azure DevOps until September 2025 (R18). */
export const AZURE_RESOURCE_MANAGER_APP_ID = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
export const ARM_STOPS_COVERING_ADO = '2025-09-01T00:00:00Z';

/**
 * R2: from 2025 Azure DevOps enforces CA on every web request; before, only with the org policy
 * on. Sources say "before 2025" without a day, so the first of January stands in for it.
 */
export const ADO_WEB_CA_ALWAYS_FROM = '2025-01-01T00:00:00Z';

/**
 * Every fixed instant the flows compare a request's time with (`at < instant`). The batch path
 * decides two requests whose times fall between the same instants (these and the org policy's
 * enabledAt) as one, so a new comparison with a fixed date must add its date here.
 */
export const FIXED_INSTANTS: readonly string[] = [ADO_WEB_CA_ALWAYS_FROM, ARM_STOPS_COVERING_ADO];

/** Which PAT scope an action needs (T2). 'full' covers everything. */
export const ACTION_SCOPES = {
  'read-code': ['vso.code', 'vso.code_write'],
  'push-code': ['vso.code_write'],
  'run-pipeline': ['vso.build_execute'],
  'create-work-item': ['vso.work_write'],
  'read-work-items': ['vso.work', 'vso.work_write'],
} as const;

export const ACTION_LABELS = {
  'read-code': 'read code (git clone/fetch)',
  'push-code': 'push code',
  'run-pipeline': 'run a pipeline',
  'create-work-item': 'create a work item',
  'read-work-items': 'read work items',
} as const;
