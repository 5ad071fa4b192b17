// `quotabar status`: one poll of every selected provider through the poller, then a table or JSON.
import { parseJson } from '../core/json';
import { createPoller } from '../core/poller';
import { normalizeSettings, type Settings } from '../core/settings';
import { settingsPath } from '../adapters/app-paths';
import { buildAllProviders, type AppConfig, type ComposeDeps } from '../adapters/compose';
import type { Command } from './args';
import { statusJson } from './json';
import type { CliIo } from './io';
import { renderTable } from './table';

/** Polls once and prints. Exit 0 whenever it ran, even if a provider is in error; 1 when `--account` matches no enabled account. */
export async function runStatus(
  c: Extract<Command, { cmd: 'status' }>,
  config: AppConfig,
  deps: ComposeDeps,
  io: CliIo,
): Promise<number> {
  const settings = await readSettings(deps, io);
  const all = buildAllProviders(config, deps, c.providers ?? undefined, settings.accounts);
  // --account picks labelled accounts by label, case-insensitively like their uniqueness; the implicit ones have none.
  const providers = c.account === null ? all : all.filter((p) => p.accountLabel?.toLowerCase() === c.account!.toLowerCase());
  if (providers.length === 0 && c.account !== null) {
    io.stderr(`quotabar: no enabled account labelled '${c.account}' (see: quotabar account list)\n`);
    return 1;
  }
  const poller = createPoller({ providers, clock: deps.clock, scheduler: deps.clock, timeoutMs: config.timeoutMs + 5000 });
  await poller.refreshNow();
  poller.stop();
  const snaps = poller.view().snapshots;
  const { lowBalanceUsd } = settings;
  const history = await import('./history');
  // Pace projects from recent stored readings where there are enough (read before this poll is added).
  const recent = await history.recentReadings(snaps, io, deps.clock);
  io.stdout(c.json ? statusJson(snaps, lowBalanceUsd, deps.clock.now(), recent) + '\n' : renderTable(snaps, deps.clock.now(), lowBalanceUsd, recent));
  // After the output: the history write never delays what the user reads.
  await history.recordStatus(snaps, io, deps.clock);
  return 0;
}

/**
 * The app's settings, read only (the low-balance line is the user's, not a CLI default). A missing or
 * unreadable file gives the defaults; the CLI never rewrites or moves it, that is the app's job.
 */
async function readSettings(deps: ComposeDeps, io: CliIo): Promise<Settings> {
  const text = await deps.files.readText(settingsPath(io.env, io.platform, io.homedir));
  return normalizeSettings(text.ok ? parseJson(text.value) : {});
}
