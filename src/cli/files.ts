// Reads the files the command line is given: a size guard before reading, and messages that name
// the flag, the file and, for broken JSON, the line and column.
import { readFileSync, statSync } from 'node:fs';
import type { Result } from '../model/engine/types';

/** Larger exports are refused before they are read (real tenants' exports are a few MB). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, not a file',
};

function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return (code && REASONS[code]) ?? (e instanceof Error ? e.message : String(e));
}

/** The text of `path`, given with `--flag`; the error reads `--flag path: reason`. */
export function readText(flag: string, path: string): Result<string> {
  const where = `--${flag} ${path}`;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, error: `${where}: ${REASONS.EISDIR}` };
    if (stat.size > MAX_FILE_BYTES) {
      const mb = (stat.size / 1024 / 1024).toFixed(0);
      return { ok: false, error: `${where}: ${mb} MB is over the 50 MB limit` };
    }
    return { ok: true, value: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') };
  } catch (e) {
    return { ok: false, error: `${where}: cannot read it (${describe(e)})` };
  }
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** JSON.parse with the position V8 reports turned into a line and column. */
export function parseJson(flag: string, path: string, text: string): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /at position (\d+)/.exec(message);
    const where = m ? ` at ${lineAndColumn(text, Number(m[1]))}` : '';
    const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s+/g, ' ');
    return { ok: false, error: `--${flag} ${path}: not valid JSON${where} (${reason})` };
  }
}

export function readJson(flag: string, path: string): Result<unknown> {
  const text = readText(flag, path);
  return text.ok ? parseJson(flag, path, text.value) : text;
}
