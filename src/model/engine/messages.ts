// What the user would really see, per outcome: the texts Azure DevOps and Entra answer with.
// VS403463 and AADSTS53003 are quoted as observed (R13, R14); the rest are PAT Fence's words.

export const VS403463 =
  'VS403463: The conditional access policy defined by your Microsoft Entra administrator has failed.';
/** The older wording, before Azure AD was renamed Microsoft Entra ID. */
export const VS403463_LEGACY =
  'VS403463: The conditional access policy defined by your Azure Active Directory administrator has failed.';

export const AADSTS53003 =
  'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.';

/** R14's device and MFA codes, worded after Entra's error code reference (ENT-CODES). */
export const AADSTS53000 =
  'AADSTS53000: Device is not in required device state: compliant. Conditional Access policy requires a compliant device, and the device is not compliant.';
export const AADSTS53001 =
  'AADSTS53001: Device is not in required device state: domain_joined. Conditional Access policy requires a domain joined device, and the device is not domain joined.';
export const AADSTS50076 =
  "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '499b84ac-1321-427f-aa17-267ca6975798'.";

export const MESSAGES = {
  allowed: 'Access granted.',
  expired: 'Access denied: the personal access token used has expired.',
  revoked: 'Access denied: the personal access token used has been revoked.',
  sshExpired: 'Access denied: the SSH public key has expired.',
  // No source quotes Azure DevOps's answer for a revoked SSH key: plain words, and git shows the
  // SSH client's own authentication failure (gitOutput), never the PAT text.
  sshRevoked: 'Access denied: the SSH public key has been revoked, so the SSH sign-in fails.',
  scope: (scope: string) =>
    `Access denied: the personal access token does not have the scope this needs (${scope}).`,
  mfa: 'Microsoft Entra asks for multifactor authentication before it signs you in.',
  device:
    'Microsoft Entra refuses the sign-in: the policy requires a compliant or hybrid joined device.',
  signInAgain:
    'Your sign-in session is older than your organisation allows: sign in to Azure DevOps in a browser, then retry.',
} as const;
