// The real process as a CliIo: its output descriptors, stdin, environment and home. Shared by the
// whole CLI's entry (main.ts) and the cost command's own (cost-main.ts).
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import type { CliIo } from './io';
import { fdWriter } from './out';

export function processIo(): CliIo {
  return {
    stdout: fdWriter(1, () => process.stdout),
    stderr: fdWriter(2, () => process.stderr),
    readStdin: async (prompt) => (await import('./stdin')).readKeyFromStdin(prompt),
    self: [process.execPath, packageBin(process.argv[1] ?? 'quotabar')],
    env: process.env,
    homedir: homedir(),
    platform: process.platform,
  };
}

/**
 * The package's bin (bin/quotabar.cjs) for the older bin/quotabar.mjs beside it: what `statusline
 * install` writes runs after every message, and the CommonJS entry starts ~9 ms sooner.
 */
export function packageBin(path: string): string {
  if (!path.endsWith('quotabar.mjs')) return path;
  const cjs = `${path.slice(0, -'mjs'.length)}cjs`;
  return existsSync(cjs) ? cjs : path;
}
