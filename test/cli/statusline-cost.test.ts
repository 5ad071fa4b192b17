// `quotabar statusline` with today's cost, as Claude Code runs it (the real bin, stdin piped): the
// figure comes from cost-today.json in the cost cache, only for today's local date in TZ; a stale
// summary starts one detached `quotabar cost` that writes a fresh one; logs are never read inline.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDater } from '../../core/cost/local-date';
import { parseTodaySummary } from '../../core/cost/today';
import { REFRESH_FILE, TODAY_FILE } from '../../adapters/cost/today-file';
import { main } from '../../cli/main';
import { claudeLine } from '../core/cost/fixtures';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'quotabar.mjs');
// Far east of UTC, so "today" here is often not today in UTC: the date must come from TZ.
const TZ = 'Pacific/Kiritimati';
const today = () => localDater(TZ)(Date.now());
const yesterday = () => localDater(TZ)(Date.now() - 86_400_000);
const STDIN = JSON.stringify({
  model: { display_name: 'Opus 4.5' },
  rate_limits: { five_hour: { used_percentage: 42.5, resets_at: Math.floor(Date.now() / 1000) + 3600 } },
});

function machine() {
  const home = mkdtempSync(join(tmpdir(), 'quotabar-statusline-cost-'));
  const claudeDir = join(home, '.claude');
  const cache = join(home, 'cache');
  mkdirSync(claudeDir);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: join(home, 'data'), QUOTABAR_CACHE_DIR: cache, TZ };
  const run = (input = STDIN) =>
    new Promise<string>((resolve) => {
      const child = execFile(process.execPath, [bin, 'statusline'], { env, cwd: home }, (_e, stdout) => resolve(stdout));
      child.stdin?.end(input);
    });
  const summary = (date: string, claude: object, computedAt = Date.now()) => {
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, TODAY_FILE), JSON.stringify({ version: 1, date, computedAt, sources: { claude } }));
  };
  const stored = () => (existsSync(join(cache, TODAY_FILE)) ? parseTodaySummary(readFileSync(join(cache, TODAY_FILE), 'utf8')) : null);
  return { home, claudeDir, cache, run, summary, stored };
}

/** Waits (no timing asserted) until the detached refresh has written a summary for today. */
async function refreshed(m: ReturnType<typeof machine>, after: number): Promise<void> {
  await expect.poll(() => m.stored(), { timeout: 60_000, interval: 250 }).toMatchObject({ date: today(), computedAt: expect.any(Number) });
  expect(m.stored()!.computedAt).toBeGreaterThanOrEqual(after);
}

// The first run may rebuild the CLI bundle (bin/quotabar.mjs does when a source is newer): slow on a busy machine.
describe('quotabar statusline with today’s cost', { timeout: 60_000 }, () => {
  it('appends today’s Claude cost from a fresh summary of today (local date in TZ), starting no refresh', async () => {
    const m = machine();
    m.summary(today(), { costUsd: 4.123, pricedCostUsd: 4.123, totalTokens: 51_000 });
    expect(await m.run()).toBe('Opus 4.5 · 5h 43 % · week – · today $4.12\n');
    expect(existsSync(join(m.cache, REFRESH_FILE))).toBe(false);
  });

  it('shows tokens only for a day whose models have no price, never $0', async () => {
    const m = machine();
    m.summary(today(), { costUsd: null, pricedCostUsd: 0, totalTokens: 1_234_567 });
    expect(await m.run()).toBe('Opus 4.5 · 5h 43 % · week – · today 1.23M tokens\n');
  });

  it('leaves yesterday’s figure out, and one background `quotabar cost` writes today’s from the logs for the next line', { timeout: 90_000 }, async () => {
    const m = machine();
    m.summary(yesterday(), { costUsd: 9.99, pricedCostUsd: 9.99, totalTokens: 1000 });
    mkdirSync(join(m.claudeDir, 'projects', 'p'), { recursive: true });
    writeFileSync(join(m.claudeDir, 'projects', 'p', 'a.jsonl'), `${claudeLine({ id: 'm1', at: new Date().toISOString(), input: 1000, output: 1000, cc: 0, cr: 0 })}\n`);
    const started = Date.now();
    expect(await m.run()).toBe('Opus 4.5 · 5h 43 % · week –\n');
    // A second line while that refresh runs starts no other (the marker keeps its first time).
    const marker = readFileSync(join(m.cache, REFRESH_FILE), 'utf8');
    await m.run();
    await refreshed(m, started - 1000);
    expect(readFileSync(join(m.cache, REFRESH_FILE), 'utf8')).toBe(marker);
    // Sonnet 4.5: 1000 input tokens at $3/M and 1000 output at $15/M are $0.018.
    expect(await m.run()).toBe('Opus 4.5 · 5h 43 % · week – · today $0.02\n');
  });

  it('run in-process without its own command line, starts no background refresh (argv[1] is not the CLI there)', async () => {
    const m = machine();
    let out = '';
    const env = { HOME: m.home, QUOTABAR_CACHE_DIR: m.cache, QUOTABAR_DATA_DIR: join(m.home, 'data'), TZ };
    const io = { stdout: (s: string) => void (out += s), stderr: () => undefined, readStdin: async () => null, readAllStdin: async () => STDIN, env, homedir: m.home, platform: 'linux' };
    expect(await main(['statusline'], io)).toBe(0);
    expect(out).toBe('Opus 4.5 · 5h 43 % · week –\n');
    expect(existsSync(join(m.cache, REFRESH_FILE))).toBe(false);
  });

  it('prints no cost for stdin it does not understand', async () => {
    const m = machine();
    m.summary(today(), { costUsd: 4, pricedCostUsd: 4, totalTokens: 100 });
    expect(await m.run('garbage')).toBe('Quotabar: no status data on stdin\n');
  });
});
