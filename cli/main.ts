// The terminal front end: `quotabar status [--json]`, `quotabar key set|remove openrouter`.
// Runs the same core, adapters and poller as the tray app. Everything past `--help`/`--version` is
// imported when a command needs it: startup time is most of what a `quotabar status` costs.
import { homedir } from 'node:os';
import { assertNever } from '../core/errors';
import type { SecretStore } from '../core/ports';
import type { ComposeDeps } from '../adapters/compose';
import type { Command } from './args';
import { HELP, VERSION, infoCommand } from './help';

export { VERSION } from './help';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The key for `key set`: all of piped stdin, or one hidden line typed at a terminal. */
  readStdin: () => Promise<string>;
  env: Record<string, string | undefined>;
  homedir: string;
  platform: string;
  /** Overrides for tests; defaults are the real adapters. */
  deps?: Partial<ComposeDeps> & { secrets?: SecretStore };
}

/** Runs one CLI invocation and returns the exit code (0 ran; 1 a command failed; 2 a usage error). */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const info = infoCommand(argv);
  if (info) return printInfo(info, io);
  const { parseArgs } = await import('./args');
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`quotabar: ${parsed.message}\n`);
    return 2;
  }
  const c = parsed.command;
  if (c.cmd === 'help' || c.cmd === 'version') return printInfo(c, io);
  const [{ defaultSecretStore, resolveConfig }, { NodeFileSource }, { SystemClock }] = await Promise.all([
    import('../adapters/compose'),
    import('../adapters/node-file-source'),
    import('../adapters/system-clock'),
  ]);
  const config = resolveConfig(io.env, io.platform, io.homedir);
  const clock = io.deps?.clock ?? new SystemClock({ unref: true });
  const deps: ComposeDeps = {
    secrets: io.deps?.secrets ?? defaultSecretStore(io.platform),
    files: io.deps?.files ?? new NodeFileSource(),
    clock,
    ...(io.deps?.httpFor ? { httpFor: io.deps.httpFor } : {}),
  };
  switch (c.cmd) {
    case 'status':
      return (await import('./status')).runStatus(c, config, deps, io);
    case 'key-set':
      return (await import('./key')).setKey(config, deps, io);
    case 'key-remove':
      return (await import('./key')).removeKey(deps, io);
    default:
      return assertNever(c);
  }
}

function printInfo(c: Extract<Command, { cmd: 'help' | 'version' }>, io: CliIo): number {
  io.stdout(c.cmd === 'help' ? HELP : `quotabar ${VERSION}\n`);
  return 0;
}

function processIo(): CliIo {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readStdin: async () =>
      (await import('./stdin')).readKeyFromStdin('Paste your OpenRouter key (it will not be shown) and press Enter: '),
    env: process.env,
    homedir: homedir(),
    platform: process.platform,
  };
}
