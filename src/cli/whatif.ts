// Entry point of `npm run whatif`: runs main() over the process's arguments and streams, then
// exits with its code once stdout has been flushed.
import { main } from './main';

// A reader that closes the pipe early (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') process.stderr.write(`pat-fence whatif: ${e.message}\n`);
  process.exit(e.code === 'EPIPE' ? 0 : 2);
});

let code: number;
try {
  code = main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    now: () => new Date(),
  });
} catch (e) {
  process.stderr.write(`pat-fence whatif: internal error: ${(e as Error)?.message ?? e}\n`);
  code = 2;
}
process.stdout.write('', () => process.exit(code));
