// The terminal front end: `quotabar status [--json]`, `quotabar history`, `quotabar key set|remove <provider>`,
// `quotabar statusline [install|uninstall]`.
// Runs the same core, adapters and poller as the tray app. `--help` and `--version` are answered
// here from cli/help.ts alone; everything else (commands.ts and what it wires) is imported when
// needed: start-up is most of what a `quotabar status` costs (bench/cli-startup.bench.ts).
import { cliEntry, type Main } from './entry';

export { VERSION } from './help';
export type { CliIo } from './io';

/** Runs one CLI invocation and returns the exit code (0 ran; 1 a command failed; 2 a usage error). */
export const main: Main = cliEntry(async (argv, io) => {
  // Runs after every message of the coding tool: its own small module, nothing else loaded.
  if (argv[0] === 'statusline') return (await import('./statusline')).runStatusLine(argv.slice(1), io);
  return (await import('./commands')).runCommand(argv, io);
});
