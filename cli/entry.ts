// An entry of the CLI: the whole CLI's (main.ts) and those of the commands with bundles of their own
// (scripts/cli-bundle.cjs OWN_ENTRIES). `--help` and `--version` are answered from help.ts alone,
// anything else by `run`, with the real process as the default CliIo.
import { infoCommand, infoText } from './help';
import type { CliIo } from './io';
import { processIo } from './process-io';

export type Main = (argv: string[], io?: CliIo) => Promise<number>;

export function cliEntry(run: (argv: string[], io: CliIo) => Promise<number>): Main {
  return async (argv, io = processIo()) => {
    const info = infoCommand(argv);
    if (info) return io.stdout(infoText(info.cmd)), 0;
    return run(argv, io);
  };
}
