// Imports the admin's Graph exports for the lab: one or several files (a folder's worth of
// one-policy backups) or pasted text, read with the same decoder and importers as the command
// line; every message starts with the file it is about (or "pasted text").
import { importLocationFiles, importPolicyFiles, type SourceFile } from '../graph/graphFiles';
import type { ImportResult } from '../graph/importResult';
import type { NamedLocation, Policy } from '../engine/types';

export type ExportKind = 'locations' | 'policies';

export interface Imported<T> {
  value: T;
  /** The file name, "3 files (a.json, b.json, c.json)", or "pasted text". */
  source: string;
}

/** How several files are named in the status line. */
export function describeSources(files: readonly SourceFile[]): string {
  if (files.length === 1) return files[0]!.name;
  const names = files.slice(0, 3).map((f) => f.name);
  const more = files.length > 3 ? `, and ${files.length - 3} more` : '';
  return `${files.length} files (${names.join(', ')}${more})`;
}

export function importFiles(
  kind: 'locations',
  files: readonly SourceFile[],
): ImportResult<NamedLocation[]>;
export function importFiles(kind: 'policies', files: readonly SourceFile[]): ImportResult<Policy[]>;
export function importFiles(
  kind: ExportKind,
  files: readonly SourceFile[],
): ImportResult<NamedLocation[] | Policy[]>;
export function importFiles(
  kind: ExportKind,
  files: readonly SourceFile[],
): ImportResult<NamedLocation[] | Policy[]> {
  // Name order, as the command line reads a folder, so ids made for templates come out the same.
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const r = kind === 'locations' ? importLocationFiles(sorted) : importPolicyFiles(sorted);
  if (r.ok && r.value.length === 0) {
    const what = kind === 'locations' ? 'named locations' : 'policies';
    return { ...r, warnings: [...r.warnings, `${describeSources(sorted)}: no ${what} in it`] };
  }
  return r;
}

/** Text already in hand (a paste, a dropped selection), named by `source`. */
export function importExport(
  kind: 'locations',
  text: string,
  source: string,
): ImportResult<NamedLocation[]>;
export function importExport(
  kind: 'policies',
  text: string,
  source: string,
): ImportResult<Policy[]>;
export function importExport(
  kind: ExportKind,
  text: string,
  source: string,
): ImportResult<NamedLocation[] | Policy[]> {
  return importFiles(kind, [{ name: source, text }]);
}
