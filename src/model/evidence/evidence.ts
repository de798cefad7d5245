// Replays real evidence: an Entra sign-in log entry (the portal's JSON download or a Graph signIn,
// possibly wrapped in {"value":[…]}) or an Azure DevOps VS403463 answer (REST body, git or curl
// output). Secrets are removed before anything is read, and no message echoes the input.
import { redactSecrets } from './evidenceRedact';
import { looksLikeSignin, readSignin } from './evidenceSignin';
import type { Evidence } from './evidenceTypes';
import { hasVs403463, isVs403463Body, readVs403463 } from './evidenceVs';
import { isRecord } from '../graph/graphFields';
import type { ImportResult } from '../graph/importResult';
import type { AccessRequest, Result } from '../engine/types';

export { compareWithEngine } from './evidenceCompare';
export { redactSecrets } from './evidenceRedact';
export type { Comparison, Evidence, ObservedPolicy } from './evidenceTypes';

export const MAX_EVIDENCE_TEXT = 10 * 1024 * 1024;

const HOW =
  'paste an Entra sign-in log entry (JSON), a Graph signIn, or an Azure DevOps answer containing VS403463';

function fromJson(data: unknown, text: string, warnings: string[]): ImportResult<Evidence> {
  const fail = (error: string): ImportResult<Evidence> => ({ ok: false, error, warnings });
  let item = data;
  const list = Array.isArray(data)
    ? data
    : isRecord(data) && Array.isArray(data.value)
      ? data.value
      : undefined;
  if (list) {
    if (list.length === 0) return fail(`The JSON holds no entries: ${HOW}.`);
    if (list.length > 1) warnings.push(`The JSON holds ${list.length} entries; the first is used.`);
    item = list[0];
  }
  if (!isRecord(item)) return fail(`The JSON is not an object: ${HOW}.`);
  if (isVs403463Body(item))
    return { ok: true, value: readVs403463(text, item, warnings), warnings };
  if (looksLikeSignin(item)) return { ok: true, value: readSignin(item, warnings), warnings };
  return fail(
    'This JSON is neither a sign-in log entry (no ipAddress, userPrincipalName or createdDateTime) nor a VS403463 response.',
  );
}

export function parseEvidence(input: string): ImportResult<Evidence> {
  const fail = (error: string, warnings: string[] = []): ImportResult<Evidence> => ({
    ok: false,
    error,
    warnings,
  });
  if (input.length > MAX_EVIDENCE_TEXT)
    return fail('The evidence is over 10 MB: paste one sign-in entry or one response.');
  const { text: clean, removed } = redactSecrets(input.replace(/^\uFEFF/, ''));
  const warnings = removed.length
    ? [`Removed ${removed.join(', ')} from the pasted text; it was not kept.`]
    : [];
  const text = clean.trim();
  if (text === '') return fail(`The evidence is empty: ${HOW}.`);
  if (text.startsWith('{') || text.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      if (hasVs403463(text))
        return { ok: true, value: readVs403463(text, undefined, warnings), warnings };
      // JSON.parse's message quotes the input; only its position is repeated.
      const at = /position (\d+)/.exec((e as Error).message)?.[1];
      return fail(
        `The evidence looks like JSON but is not valid JSON${at ? ` (at character ${at})` : ''}.`,
        warnings,
      );
    }
    return fromJson(data, text, warnings);
  }
  if (hasVs403463(text))
    return { ok: true, value: readVs403463(text, undefined, warnings), warnings };
  if (/\bAADSTS\d+/.test(text)) {
    return fail(
      'An AADSTS error page says too little to replay: open the sign-in in the Entra admin center (Sign-in logs), download it as JSON and paste that.',
      warnings,
    );
  }
  return fail(`Not recognised: ${HOW}.`, warnings);
}

/** What to ask for, in the words of the fields the lab shows for them. */
const ASK = {
  ip: 'the IP that reached the service',
  at: 'when it happened',
  flow: 'how it connected (browser, PAT or SSH key)',
} as const;

const andList = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The evidence's request completed with what the user supplied (an IP, a time, a token date). */
export function evidenceRequest(
  evidence: Evidence,
  supplied: Partial<AccessRequest> = {},
): Result<AccessRequest> {
  const req: Partial<AccessRequest> = { ...evidence.request, ...supplied };
  const still = (['ip', 'at', 'flow'] as const).filter(
    (k) => req[k] === undefined || req[k] === '',
  );
  if (still.length)
    return { ok: false, error: `To replay this, fill in ${andList(still.map((k) => ASK[k]))}.` };
  return { ok: true, value: req as AccessRequest };
}
