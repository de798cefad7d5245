// Runs a command-line function over the real process: its arguments, streams and clock. Exits
// with its code once stdout has been flushed; a reader that closes the pipe early is no error,
// any other write error exits 2.
import type { CliIo } from './main';

export function runProcess(
  program: string,
  command: (argv: readonly string[], io: CliIo) => number,
  argv: readonly string[],
): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') process.stderr.write(`${program}: ${e.message}\n`);
    process.exit(e.code === 'EPIPE' ? 0 : 2);
  });
  let code: number;
  try {
    code = command(argv, {
      stdout: (text) => process.stdout.write(text),
      stdoutBytes: (chunk) => process.stdout.write(chunk),
      stderr: (text) => process.stderr.write(text),
      now: () => new Date(),
    });
  } catch (e) {
    process.stderr.write(`${program}: internal error: ${(e as Error)?.message ?? e}\n`);
    code = 2;
  }
  // A write error (a full disk, `> /dev/full`) reaches the callback before the 'error' event.
  process.stdout.write('', (e?: NodeJS.ErrnoException | null) => {
    if (e && e.code !== 'EPIPE') {
      process.stderr.write(`${program}: cannot write the output (${e.code ?? e.message})\n`);
      process.exit(2);
    }
    process.exit(e ? 0 : code);
  });
}
