// Checks a dropped or chosen file before reading a byte of it: its type (by name and MIME type)
// and its size against documented limits, so a 200 MB export or a screenshot is refused at once.
import type { Result } from '../engine/types';

export type LabFileKind = 'csv' | 'log' | 'json' | 'evidence';

const MB = 1024 * 1024;

/** The documented limits (also shown on the page). */
export const FILE_LIMITS: Readonly<Record<LabFileKind, number>> = {
  csv: 100 * MB,
  log: 100 * MB,
  json: 10 * MB,
  evidence: 10 * MB,
};

const EXTENSIONS: Readonly<Record<LabFileKind, readonly string[]>> = {
  csv: ['csv', 'txt', 'tsv'],
  log: ['csv', 'txt', 'tsv', 'json'],
  json: ['json', 'txt'],
  evidence: ['json', 'txt', 'log', 'har'],
};

const WHAT: Readonly<Record<LabFileKind, string>> = {
  csv: 'a CSV of sign-ins (.csv)',
  log: 'a log export (.csv or .json)',
  json: 'a Graph JSON export (.json)',
  evidence: 'a sign-in log entry (.json) or a saved response (.txt)',
};

/** MIME types a text file may carry; browsers often send '' or a spreadsheet type for CSV. */
const TEXT_MIME =
  /^(text\/[\w.+-]+|application\/(json|[\w.+-]*\+json|csv|vnd\.ms-excel|octet-stream)|)$/i;

export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${bytes} bytes`;
}

export function checkFileSize(name: string, size: number, kind: LabFileKind): Result<number> {
  const limit = FILE_LIMITS[kind];
  if (size > limit)
    return {
      ok: false,
      error: `${name}: ${formatSize(size)} is over the ${formatSize(limit)} limit for ${WHAT[kind]}; nothing was read. Export a shorter period or split the file.`,
    };
  if (size === 0) return { ok: false, error: `${name}: the file is empty.` };
  return { ok: true, value: size };
}

export function checkFileType(name: string, mime: string, kind: LabFileKind): Result<string> {
  const dot = name.lastIndexOf('.');
  const ext = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  const extOk = ext === '' || EXTENSIONS[kind].includes(ext);
  if (!extOk || !TEXT_MIME.test(mime))
    return {
      ok: false,
      error: `${name}: this is ${mime ? `${/^[aeiou]/i.test(mime) ? 'an' : 'a'} ${mime} file` : `a .${ext} file`}, not ${WHAT[kind]}; nothing was read.`,
    };
  return { ok: true, value: name };
}

/** Both checks, type first: what the page runs on a File before reading it. */
export function checkFile(
  file: { name: string; size: number; type: string },
  kind: LabFileKind,
): Result<string> {
  const type = checkFileType(file.name, file.type, kind);
  if (!type.ok) return type;
  const size = checkFileSize(file.name, file.size, kind);
  return size.ok ? type : size;
}

/** A NUL character in the first few kilobytes: a binary file that slipped past its name. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 4096).includes('\u0000');
}
