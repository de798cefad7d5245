// Runs a command-line function over the real process: its arguments, streams and clock. Exits
// with its code once stdout has been flushed; a reader that closes the pipe early is no error.
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
      stderr: (text) => process.stderr.write(text),
      now: () => new Date(),
    });
  } catch (e) {
    process.stderr.write(`${program}: internal error: ${(e as Error)?.message ?? e}\n`);
    code = 2;
  }
  process.stdout.write('', () => process.exit(code));
}
