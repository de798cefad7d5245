// Reads the files the command line is given: a size guard before reading, the same text decoder
// as the browser (UTF-8, UTF-16 with a BOM), folders of exports, and messages that name the flag,
// the file and what was wrong with it.
import {
  closeSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  statSync,
  type Stats,
} from 'node:fs';
import { join } from 'node:path';
import { TextStreamDecoder, decodeText } from '../model/graph/decodeText';
import type { SourceFile } from '../model/graph/graphFiles';
import type { Result } from '../model/engine/types';
import { cut } from '../model/graph/visibleText';
import { TOKEN_REMOVED_WARNING } from '../model/share/tokenGuard';
import { TokenStreamGuard, guardBytes } from '../model/share/tokenGuardStreams';

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

/**
 * Why `stat` is not a regular file, checked before anything is opened: a device such as /dev/zero
 * never ends and a FIFO blocks the read until a writer comes.
 */
function notAFile(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return REASONS.EISDIR;
  if (stat.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'is a device, not a regular file';
  if (stat.isSocket()) return 'is a socket, not a regular file';
  return 'is not a regular file';
}

/** A path in an error line, cut so a pasted blob cannot fill the terminal. */
const shown = (path: string) => cut(path);

/**
 * The bytes of one file (not a folder), with the size guard and the one token guard (as the
 * page's picker has it); errors read `--flag path: reason`. `onTokens` hears of a token removed.
 */
function readBytes(flag: string, path: string, onTokens?: () => void): Result<Uint8Array> {
  const where = `--${flag} ${shown(path)}`;
  try {
    const stat = statSync(path);
    const not = notAFile(stat);
    if (not) return { ok: false, error: `${where}: ${not}` };
    if (stat.size > MAX_FILE_BYTES) {
      const mb = (stat.size / 1024 / 1024).toFixed(0);
      return { ok: false, error: `${where}: ${mb} MB is over the 50 MB limit` };
    }
    const g = guardBytes(readFileSync(path));
    if (g.found.length) onTokens?.();
    return { ok: true, value: g.value };
  } catch (e) {
    return { ok: false, error: `${where}: cannot read it (${describe(e)})` };
  }
}

/** The text of `path`, given with `--flag`, decoded like the browser does (UTF-8, UTF-16 + BOM). */
export function readText(flag: string, path: string): Result<string> {
  const bytes = readBytes(flag, path);
  if (!bytes.ok) return bytes;
  const text = decodeText(bytes.value);
  return text.ok
    ? { ok: true, value: text.value.text }
    : { ok: false, error: `--${flag} ${shown(path)}: ${text.error}` };
}

/**
 * A Graph export given with `--flag`: one file, or a folder whose `.json` files are read in name
 * order (as backup tools write one policy per file). Each file is named by its path; a file that
 * held a token gets a line in `warnings`.
 */
export function readSources(
  flag: string,
  path: string,
  warnings: string[] = [],
): Result<SourceFile[]> {
  let names: string[];
  const where = `--${flag} ${shown(path)}`;
  const tokensIn = (file: string) => () =>
    warnings.push(`--${flag} ${shown(file)}: ${TOKEN_REMOVED_WARNING}`);
  try {
    if (!statSync(path).isDirectory()) {
      const bytes = readBytes(flag, path, tokensIn(path));
      return bytes.ok ? { ok: true, value: [{ name: path, bytes: bytes.value }] } : bytes;
    }
    names = readdirSync(path, { withFileTypes: true })
      .filter((d) => d.isFile() && /\.json$/i.test(d.name))
      .map((d) => d.name)
      .sort();
  } catch (e) {
    return { ok: false, error: `${where}: cannot read it (${describe(e)})` };
  }
  if (names.length === 0)
    return { ok: false, error: `${where}: a folder with no .json files in it` };
  const files: SourceFile[] = [];
  for (const name of names) {
    const file = join(path, name);
    const bytes = readBytes(flag, file, tokensIn(file));
    if (!bytes.ok) return bytes;
    files.push({ name: file, bytes: bytes.value });
  }
  return { ok: true, value: files };
}

/**
 * Reads `path` (given with `--flag`) piece by piece, decoded by the browser's decoder (UTF-8,
 * UTF-16 with a BOM, Windows-1252 with a notice), without the size limit: a log of millions of
 * rows is never held whole. `onText` gets each decoded piece, tokens already replaced, and may
 * stop the reading with an error. The result holds the decoder's notice and the token warning.
 */
export function streamText(
  flag: string,
  path: string,
  onText: (text: string) => string | undefined,
  pieceBytes = 8 * 1024 * 1024,
): Result<{ notice?: string; tokens?: string }> {
  const where = `--${flag} ${shown(path)}`;
  let fd: number;
  try {
    const not = notAFile(statSync(path));
    if (not) return { ok: false, error: `${where}: ${not}` };
    fd = openSync(path, 'r');
  } catch (e) {
    return { ok: false, error: `${where}: cannot read it (${describe(e)})` };
  }
  const fail = (error: string): Result<{ notice?: string; tokens?: string }> => ({
    ok: false,
    error: `${where}: ${error}`,
  });
  try {
    const buffer = new Uint8Array(pieceBytes);
    const decoder = new TextStreamDecoder();
    // The one token guard, as the page's file picker has it: no cell can bring a token through.
    const guard = new TokenStreamGuard();
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      const text = decoder.push(buffer.subarray(0, n));
      if (!text.ok) return fail(text.error);
      const error = onText(guard.push(text.value));
      if (error !== undefined) return { ok: false, error };
    }
    const rest = decoder.end();
    if (!rest.ok) return fail(rest.error);
    const last = guard.push(rest.value) + guard.end();
    const error = last ? onText(last) : undefined;
    if (error !== undefined) return { ok: false, error };
    const notice = decoder.notice;
    const value: { notice?: string; tokens?: string } = {};
    if (notice) value.notice = `${where}: ${notice}`;
    if (guard.found.length) value.tokens = `${where}: ${TOKEN_REMOVED_WARNING}`;
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: `${where}: cannot read it (${describe(e)})` };
  } finally {
    closeSync(fd);
  }
}

/** The size of a file in bytes; 0 when it cannot be read (streamText then says why). */
export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
