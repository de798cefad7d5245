// Imports the admin's Graph exports for the lab: one or several files (a folder's worth of
// one-policy backups) or pasted text, read with the same decoder and importers as the command
// line; every message starts with the file it is about (or "pasted text").
import { importLocationFiles, importPolicyFiles, type SourceFile } from '../graph/graphFiles';
import type { ImportResult } from '../graph/importResult';
import type { NamedLocation, Policy } from '../engine/types';
import { TOKEN_REMOVED_WARNING, guardText } from '../share/tokenGuard';
import { guardBytes } from '../share/tokenGuardStreams';

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

/** `file` with its tokens replaced; a line in `warnings` when it held one. */
function guardFile(file: SourceFile, warnings: string[]): SourceFile {
  const g =
    file.bytes !== undefined
      ? { ...guardBytes(file.bytes), key: 'bytes' }
      : { ...guardText(file.text ?? ''), key: 'text' };
  if (!g.found.length) return file;
  warnings.push(`${file.name}: ${TOKEN_REMOVED_WARNING}`);
  return { name: file.name, [g.key]: g.value };
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
  // Each file passes the one token guard first, whoever calls (the page screens them already).
  const screened: string[] = [];
  const sorted = [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => guardFile(f, screened));
  const r0 = kind === 'locations' ? importLocationFiles(sorted) : importPolicyFiles(sorted);
  const r = screened.length ? { ...r0, warnings: [...screened, ...r0.warnings] } : r0;
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
