import { config as zodConfig } from 'zod';
import packageJson from '../package.json';
import { checkCommand, checkHelp } from './commands/check';
import { collectCommand, collectHelp } from './commands/collect';
import { pushCommand, pushHelp } from './commands/push';
import {
  CliError,
  errorField,
  errorMessage,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
} from './lib/errors';
import type { System } from './lib/system';

export const mainHelp = `Usage: rust-build-cache <command> [flags]

Reports the sccache health of a Rust build to the rust-build-cache plugin of Backstage.

Commands:
  collect   gather sccache statistics, toolchain, Cargo.lock and profiles into a report file
  push      send the report file to the Backstage backend
  check     check the report file against the build-cache policy (exit 1 when an error rule fails)

Run 'rust-build-cache <command> --help' for the flags of a command.

  --help, -h       show this help
  --version, -V    show the version
`;

const COMMANDS: Record<
  string,
  { run: (args: string[], system: System) => Promise<number>; help: string }
> = {
  collect: { run: collectCommand, help: collectHelp },
  push: { run: pushCommand, help: pushHelp },
  check: { run: checkCommand, help: checkHelp },
};

/** Runs one CLI invocation and returns its exit code; all I/O goes through `system`. */
export async function runCli(argv: string[], system: System): Promise<number> {
  // A run validates one report or a few: zod's compiled fast path (code built with `new
  // Function` for each object schema on its first use) costs more than it saves here.
  zodConfig({ jitless: true });
  const [command, ...args] = argv;
  if (command === undefined) {
    system.stderr(mainHelp);
    return EXIT_USAGE;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    system.stdout(
      args[0] && COMMANDS[args[0]] ? COMMANDS[args[0]].help : mainHelp,
    );
    return EXIT_OK;
  }
  if (command === '--version' || command === '-V') {
    system.stdout(`${packageJson.version}\n`);
    return EXIT_OK;
  }
  const entry = Object.hasOwn(COMMANDS, command)
    ? COMMANDS[command]
    : undefined;
  if (!entry) {
    system.stderr(
      `rust-build-cache: unknown command '${command}'\n\n${mainHelp}`,
    );
    return EXIT_USAGE;
  }
  try {
    return await entry.run(args, system);
  } catch (error) {
    if (error instanceof CliError) {
      system.stderr(`rust-build-cache ${command}: error: ${error.message}\n`);
      return error.exitCode;
    }
    const stack = errorField(error, 'stack');
    const details = typeof stack === 'string' ? stack : errorMessage(error);
    system.stderr(
      `rust-build-cache ${command}: unexpected error (please report it as a bug):\n${details}\n`,
    );
    return EXIT_FAILURE;
  }
}
