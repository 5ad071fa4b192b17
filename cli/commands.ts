// Everything past `--help`/`--version`: parse the command line, wire the real adapters, run the
// command. One module, loaded by main.ts on demand, so a status check waits on one chunk, not six.
import { assertNever } from '../core/errors';
import { defaultSecretStore, resolveConfig, type ComposeDeps } from '../adapters/compose';
import { NodeFileSource } from '../adapters/node-file-source';
import { SystemClock } from '../adapters/system-clock';
import { parseOrSay } from './args';
import { infoText } from './help';
import { removeKey, setKey, setManagementKey } from './key';
import type { CliIo } from './io';
import { runStatus } from './status';

/** Runs one parsed invocation; the exit code as main() documents it. */
export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const c = parseOrSay(argv, io);
  if (!c) return 2;
  if (c.cmd === 'help' || c.cmd === 'version') return io.stdout(infoText(c.cmd)), 0;
  const clock = io.deps?.clock ?? new SystemClock({ unref: true });
  if (c.cmd === 'history') return (await import('./history')).runHistory(c, io, clock);
  if (c.cmd === 'cost') return (await import('./cost')).runCost(c, io);
  if (c.cmd === 'serve') return (await import('./serve')).runServe(c, io, clock);
  const config = resolveConfig(io.env, io.platform, io.homedir);
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
      return c.management ? setManagementKey(config, deps, io, c.providerId) : setKey(config, deps, io, c.providerId);
    case 'key-remove':
      return removeKey(deps, io, c.providerId, c.management === true);
    case 'account-list':
    case 'account-add':
    case 'account-remove':
      return (await import('./account')).runAccount(c, config, deps, io);
    default:
      return assertNever(c);
  }
}
