// The real process as a CliIo: its output descriptors, stdin, environment and home. Shared by the
// whole CLI's entry (main.ts) and the cost command's own (cost-main.ts).
import { homedir } from 'node:os';
import type { CliIo } from './io';
import { fdWriter } from './out';

export function processIo(): CliIo {
  return {
    stdout: fdWriter(1, () => process.stdout),
    stderr: fdWriter(2, () => process.stderr),
    readStdin: async (prompt) => (await import('./stdin')).readKeyFromStdin(prompt),
    self: [process.execPath, process.argv[1] ?? 'quotabar'],
    env: process.env,
    homedir: homedir(),
    platform: process.platform,
  };
}
