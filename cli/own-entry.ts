// A command's own entry (scripts/cli-bundle.cjs OWN_ENTRIES): `--help` and `--version` as main.ts
// answers them, else the command. Its bundle holds that command alone, so it starts sooner.
import { infoCommand, infoText } from './help';
import type { CliIo } from './io';
import { processIo } from './process-io';

export type Main = (argv: string[], io?: CliIo) => Promise<number>;

export function ownEntry(run: (argv: string[], io: CliIo) => Promise<number>): Main {
  return async (argv, io = processIo()) => {
    const info = infoCommand(argv);
    if (info) return io.stdout(infoText(info.cmd)), 0;
    return run(argv, io);
  };
}
