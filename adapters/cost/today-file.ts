// `cost-today.json` in the cost cache folder (docs/decisions/0019): written atomically each time the
// full ledger is computed; read by `quotabar statusline`, which starts a detached `quotabar cost`
// when it is stale. At most one such refresh runs: `cost-today.refresh` holds when the last one
// started, and a refresh counts as running until a summary newer than that start is written (or
// REFRESH_GIVE_UP_MS passes: a refresh that died must not block the next for ever).
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTodaySummary, todaySummaryText, type TodaySummary } from '../../core/cost/today';

export const TODAY_FILE = 'cost-today.json';
export const REFRESH_FILE = 'cost-today.refresh';
/** A refresh not finished after this long is taken for dead. */
export const REFRESH_GIVE_UP_MS = 10 * 60_000;

/** Writes the summary whole or not at all; a failure is ignored (the status line then shows no cost). */
export function writeTodaySummary(cacheDir: string, s: TodaySummary): boolean {
  const path = join(cacheDir, TODAY_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(tmp, todaySummaryText(s), { mode: 0o600 });
    renameSync(tmp, path);
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}

/** The summary on disk, or null when there is none (or it cannot be read). */
export function readTodaySummary(cacheDir: string): TodaySummary | null {
  try {
    return parseTodaySummary(readFileSync(join(cacheDir, TODAY_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/** True when a refresh started after `summary` was computed and is younger than REFRESH_GIVE_UP_MS. */
export function refreshRunning(cacheDir: string, summary: TodaySummary | null, now: number): boolean {
  let started: number;
  try {
    started = Number(readFileSync(join(cacheDir, REFRESH_FILE), 'utf8').trim());
  } catch {
    return false;
  }
  if (!Number.isFinite(started) || started > now + 60_000 || now - started > REFRESH_GIVE_UP_MS) return false;
  return summary === null || summary.computedAt < started;
}

/**
 * Starts `command` (the CLI's own argv, e.g. [node, bin, 'cost', …]) detached with no stdio, unless a
 * refresh is already running; resolves to whether it started one. Never waits for it and never throws.
 */
export async function startTodayRefresh(cacheDir: string, summary: TodaySummary | null, now: number, command: readonly string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    if (refreshRunning(cacheDir, summary, now)) return false;
    mkdirSync(cacheDir, { recursive: true });
    // The old marker is over (finished or dead); 'wx' then lets one of two status lines at once win.
    const marker = join(cacheDir, REFRESH_FILE);
    rmSync(marker, { force: true });
    writeFileSync(marker, `${now}\n`, { flag: 'wx' });
    const [file, ...args] = command;
    if (!file) return false;
    // Loaded only here: most status lines start no refresh, and child_process costs every run a few ms.
    const { spawn } = await import('node:child_process');
    const child = spawn(file, args, { detached: true, stdio: 'ignore', env, windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
