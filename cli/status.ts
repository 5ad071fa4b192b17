// `quotabar status`: one poll of every selected provider through the poller, then a table or JSON.
import { createPoller } from '../core/poller';
import { buildAllProviders, type AppConfig, type ComposeDeps } from '../adapters/compose';
import type { Command } from './args';
import { statusJson } from './json';
import type { CliIo } from './main';
import { renderTable } from './table';

/** Polls once and prints. Exit 0 whenever it ran, even if a provider is in error. */
export async function runStatus(
  c: Extract<Command, { cmd: 'status' }>,
  config: AppConfig,
  deps: ComposeDeps,
  io: CliIo,
): Promise<number> {
  const providers = buildAllProviders(config, deps, c.providers ?? undefined);
  const poller = createPoller({ providers, clock: deps.clock, scheduler: deps.clock, timeoutMs: config.timeoutMs + 5000 });
  await poller.refreshNow();
  poller.stop();
  const snaps = poller.view().snapshots;
  io.stdout(c.json ? statusJson(snaps) + '\n' : renderTable(snaps, deps.clock.now()));
  return 0;
}
