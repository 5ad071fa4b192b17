// The terminal front end: `quotabar status [--json]`, `quotabar key set|remove openrouter`.
// Runs the same core, adapters and poller as the tray app.
import { homedir } from 'node:os';
import { assertNever } from '../core/errors';
import type { SecretStore } from '../core/ports';
import { NodeFileSource } from '../adapters/node-file-source';
import { SystemClock } from '../adapters/system-clock';
import { defaultSecretStore, resolveConfig, type ComposeDeps } from '../adapters/compose';
import { HELP, parseArgs } from './args';
import { runStatus } from './status';
import { removeKey, setKey } from './key';
import { readKeyFromStdin } from './stdin';

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

export const VERSION = '0.1.0';

/** Runs one CLI invocation and returns the exit code (0 ran; 1 a command failed; 2 a usage error). */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`quotabar: ${parsed.message}\n`);
    return 2;
  }
  const c = parsed.command;
  if (c.cmd === 'help') return io.stdout(HELP), 0;
  if (c.cmd === 'version') return io.stdout(`quotabar ${VERSION}\n`), 0;
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
      return runStatus(c, config, deps, io);
    case 'key-set':
      return setKey(config, deps, io);
    case 'key-remove':
      return removeKey(deps, io);
    default:
      return assertNever(c);
  }
}

function processIo(): CliIo {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readStdin: () => readKeyFromStdin('Paste your OpenRouter key (it will not be shown) and press Enter: '),
    env: process.env,
    homedir: homedir(),
    platform: process.platform,
  };
}
