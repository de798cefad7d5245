// Checks a dropped or chosen file before reading a byte of it: its type (by name and MIME type)
// and its size against documented limits, so a 200 MB export or a screenshot is refused at once.
import type { Result } from '../engine/types';

export type LabFileKind = 'csv' | 'log' | 'json' | 'evidence';

const MB = 1024 * 1024;
const GB = 1024 * MB;

/**
 * A CSV log is read where it lies, slice by slice, in the impact worker: 1 GB holds about
 * 20 million rows of a plain list, 5 million of a wide export.
 */
export const CSV_FILE_LIMIT = GB;
/** A JSON log is parsed whole, so it keeps the text limit. */
export const JSON_LOG_LIMIT = 100 * MB;

/** The documented limits for files (also shown on the page). */
export const FILE_LIMITS: Readonly<Record<LabFileKind, number>> = {
  csv: CSV_FILE_LIMIT,
  log: CSV_FILE_LIMIT,
  json: 10 * MB,
  evidence: 10 * MB,
};

/** Text pasted or dropped as text is held on the page whole: its limit. */
export const TEXT_LIMITS: Readonly<Record<LabFileKind, number>> = {
  csv: 100 * MB,
  log: 100 * MB,
  json: 10 * MB,
  evidence: 10 * MB,
};

/** The limits as the page states them. */
export const LIMIT_TEXT: Readonly<Record<LabFileKind, string>> = {
  csv: `up to ${formatSize(CSV_FILE_LIMIT)}`,
  log: `CSV up to ${formatSize(CSV_FILE_LIMIT)}, JSON up to ${JSON_LOG_LIMIT / MB} MB`,
  json: `up to ${formatSize(10 * MB)}`,
  evidence: `up to ${formatSize(10 * MB)}`,
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
  if (bytes >= GB) return `${+(bytes / GB).toFixed(1)} GB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${bytes} bytes`;
}

export function checkFileSize(name: string, size: number, kind: LabFileKind): Result<number> {
  const json = kind === 'log' && /\.json$/i.test(name);
  if (json && size > JSON_LOG_LIMIT)
    return {
      ok: false,
      error: `${name}: ${formatSize(size)} is over the ${formatSize(JSON_LOG_LIMIT)} limit for a JSON log, which is read whole; nothing was read. Export CSV instead (up to ${formatSize(CSV_FILE_LIMIT)}), or a shorter period.`,
    };
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
