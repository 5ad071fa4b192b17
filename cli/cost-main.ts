// `quotabar cost` on its own: bin/quotabar.mjs loads this entry's bundle (dist-cli/cost.cjs) for it,
// about a fifth of the whole CLI's, so a cost run (and the status line's background refresh) starts
// ~10 ms sooner. It answers exactly as main.ts does for the same arguments.
import { runCostArgs } from './cost';
import { infoCommand, infoText } from './help';
import type { CliIo } from './io';
import { processIo } from './process-io';

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const info = infoCommand(argv);
  if (info) return io.stdout(infoText(info.cmd)), 0;
  return runCostArgs(argv, io);
}
