// Imports an export that arrives as files: one file or a folder's worth (backup tools write one
// policy per file), each as bytes in any encoding real exports use, or as pasted text. Every
// message starts with the file it is about; ids must be unique across all the files.
import { checkPastedText, decodeText } from './decodeText';
import { Issues, unwrapCollection, type Item, type ItemShape } from './graphFields';
import { LOCATION_SHAPE, readLocationItems } from './graphLocations';
import { POLICY_SHAPE, allTrustedWarning, readPolicyItems } from './graphPolicies';
import type { ImportResult } from './importResult';
import { parseJsonText } from './jsonText';
import type { NamedLocation, Policy } from '../engine/types';

/** One file of an export: its name (or "pasted text") and its bytes, or text already decoded. */
export interface SourceFile {
  name: string;
  bytes?: Uint8Array;
  text?: string;
}

/** Every item of every file, in the order given; file-level problems go to `issues`. */
function itemsOf(files: readonly SourceFile[], shape: ItemShape, issues: Issues): Item[] {
  const items: Item[] = [];
  for (const file of files) {
    issues.source = file.name;
    const text =
      file.bytes !== undefined ? decodeText(file.bytes) : checkPastedText(file.text ?? '');
    if (!text.ok) {
      issues.error('', text.error);
      continue;
    }
    if (typeof text.value !== 'string' && text.value.notice) issues.warn('', text.value.notice);
    const json = parseJsonText(typeof text.value === 'string' ? text.value : text.value.text);
    if (!json.ok) {
      issues.error('', json.error);
      continue;
    }
    const found = unwrapCollection(json.value, shape, file.name);
    if (typeof found === 'string') issues.error('', found);
    else if (found.length === 0) issues.warn('', `no ${shape.what} in it`);
    else items.push(...found);
  }
  issues.source = '';
  return items;
}

/** Named locations from one or more files. */
export function importLocationFiles(files: readonly SourceFile[]): ImportResult<NamedLocation[]> {
  const issues = new Issues();
  const items = itemsOf(files, LOCATION_SHAPE, issues);
  return issues.finish(readLocationItems(items, issues));
}

/** Policies from one or more files, with R23's warning when any of them uses AllTrusted. */
export function importPolicyFiles(files: readonly SourceFile[]): ImportResult<Policy[]> {
  const issues = new Issues();
  const items = itemsOf(files, POLICY_SHAPE, issues);
  const policies = readPolicyItems(items, issues);
  const trusted = allTrustedWarning(policies);
  // One file: named like every other message; several: the warning names the policies.
  if (trusted) issues.warnings.push(files.length === 1 ? `${files[0]!.name}: ${trusted}` : trusted);
  return issues.finish(policies);
}
