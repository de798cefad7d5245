// `pat-fence SUBCOMMAND …`: the command line as an installed package (package.json "bin"). Each
// subcommand is a function of arguments and streams; this only picks one by its first argument.
import { main as whatif, type CliIo } from './main';

type Command = (argv: readonly string[], io: CliIo) => number;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  whatif: {
    run: whatif,
    summary: 'what Entra Conditional Access and Azure DevOps would do with one request or a CSV',
  },
};

export const PACKAGE_USAGE = `PAT Fence: how Microsoft Entra Conditional Access applies to Azure DevOps PATs, SSH keys
and web sign-ins.

Usage:
  pat-fence COMMAND [FLAGS]
  pat-fence COMMAND --help     the flags of one command

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Installed from the packed tarball (npm pack, then npm install ./pat-fence-0.1.0.tgz):
  npx pat-fence whatif --locations locations.json --policies policies.json \\
    --validation on --flow pat --ip 192.0.2.10 --json
In a checkout, the same command runs through tsx: npm run --silent whatif -- FLAGS
`;

/** `argv` is what follows the program name. 0 for help, 2 for an unknown command. */
export function patFence(argv: readonly string[], io: CliIo): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(PACKAGE_USAGE);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const known = Object.keys(COMMANDS).join(', ');
    io.stderr(
      `pat-fence: unknown command ${JSON.stringify(name)} (commands: ${known}; see --help)\n`,
    );
    return 2;
  }
  return command.run(rest, io);
}
