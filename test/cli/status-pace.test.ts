import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { main, type CliIo } from '../../cli/main';
import { FakeClock } from '../support/fake-clock';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';

// Codex's 5-hour window resets at 15:13:20; 102 min before it, 198 of 300 min (66 %) have passed.
const SESSION_RESET = Date.parse('2026-09-21T15:13:20Z');
const NOW = SESSION_RESET - 6120_000;
const codexUsage = (sessionUsed: number) => ({
  plan_type: 'plus',
  rate_limit: {
    allowed: true,
    limit_reached: false,
    primary_window: { used_percent: 12, limit_window_seconds: 604800, reset_after_seconds: 401000, reset_at: 1790398480 },
    secondary_window: { used_percent: sessionUsed, limit_window_seconds: 18000, reset_after_seconds: 6120, reset_at: SESSION_RESET / 1000 },
  },
  credits: { has_credits: false, unlimited: false, balance: '0' },
});
// Monday 2026-09-21 00:00 UTC began the week: at NOW (13:31) $7.63 spent is ≈ $13.5 a day.
const CAPPED_KEY = {
  data: { label: 'sk-or-v1-7c2…e41', limit: 20, limit_remaining: 12.37, limit_reset: 'weekly', usage: 41.02, usage_weekly: 7.63 },
};

let servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

const tempDir = () => mkdtempSync(join(tmpdir(), 'quotabar-pace-'));

function codexHome(): string {
  const dir = tempDir();
  const auth = { auth_mode: 'chatgpt', tokens: { id_token: 'x', access_token: 'codex-access-token', refresh_token: 'r', account_id: 'acct-123' } };
  writeFileSync(join(dir, 'auth.json'), JSON.stringify(auth));
  return dir;
}

function io(env: Record<string, string>): CliIo & { out: string } {
  const o = {
    out: '',
    stdout: (s: string) => void (o.out += s),
    stderr: () => {},
    readStdin: async () => '',
    env: { CODEX_HOME: join(tempDir(), 'none'), CLAUDE_CONFIG_DIR: join(tempDir(), 'none'), ...env },
    homedir: tempDir(),
    platform: 'linux',
    deps: { secrets: new MemorySecretStore(), clock: new FakeClock(NOW) },
  };
  return o;
}

async function codexStatus(sessionUsed: number, json: boolean): Promise<string> {
  const server = await startLoopbackServer(() => ({ body: codexUsage(sessionUsed) }));
  servers.push(server);
  const o = io({ CODEX_HOME: codexHome(), QUOTABAR_CODEX_URL: `${server.url}/backend-api` });
  expect(await main(['status', '--provider', 'codex', ...(json ? ['--json'] : [])], o)).toBe(0);
  return o.out;
}

describe('pace in quotabar status', () => {
  it('gives each rolling window its pace in --json: expected, delta, run-out and whether it lasts', async () => {
    const codex = JSON.parse(await codexStatus(37, true)).providers[0];
    const session = codex.windows.find((w: { id: string }) => w.id === 'session');
    expect(Object.keys(session.pace).sort()).toEqual(['deltaPercent', 'expectedPercent', 'lastsUntilReset', 'runsOutAt']);
    expect(session.pace.expectedPercent).toBeCloseTo(66, 10);
    expect(session.pace.deltaPercent).toBeCloseTo(-29, 10);
    expect(session.pace).toMatchObject({ runsOutAt: null, lastsUntilReset: true });
  });

  it('gives an ISO run-out time when the window runs out before its reset', async () => {
    // 90 % in 198 min: the last 10 % goes in 22 min, well before the reset in 102 min.
    const session = JSON.parse(await codexStatus(90, true)).providers[0].windows.find((w: { id: string }) => w.id === 'session');
    expect(session.pace.lastsUntilReset).toBe(false);
    expect(session.pace.runsOutAt).toBe(new Date(NOW + 22 * 60_000).toISOString());
  });

  it('prints the pace under the window row in the table', async () => {
    const out = await codexStatus(90, false);
    expect(out).toMatch(/5-hour.*\n\s+pace: 24 % in deficit · runs out in 22 min\n/);
  });

  it('carries the OpenRouter runway on the provider entry, and null pace on its credits window', async () => {
    const server = await startLoopbackServer(() => ({ body: CAPPED_KEY }));
    servers.push(server);
    const o = io({ OPENROUTER_API_KEY: 'sk-or-v1-abc', QUOTABAR_OPENROUTER_URL: server.url });
    expect(await main(['status', '--json', '--provider', 'openrouter'], o)).toBe(0);
    const or = JSON.parse(o.out).providers[0];
    expect(or.windows[0].pace).toBeNull();
    // $12.37 at $7.63 per 13.52 h.
    expect(or.runwayDays).toBeCloseTo(Math.round((12.37 / (7.63 / ((NOW - Date.parse('2026-09-21T00:00:00Z')) / 86_400_000))) * 10) / 10, 10);
    expect(or.notes).toContainEqual({ code: 'week_spend', amount: 7.63, unit: 'usd', since: '2026-09-21T00:00:00.000Z' });
  });
});

describe('pace from stored history in quotabar status', () => {
  it('projects the run-out at the recent rate when the history database has enough recent readings', async () => {
    const { historyPath, SqliteHistoryStore } = await import('../../adapters/history/sqlite-history-store');
    const data = tempDir();
    const clock = new FakeClock(NOW);
    const store = new SqliteHistoryStore({ path: historyPath(data), clock, scheduler: clock });
    const reading = (minutesAgo: number, usedPercent: number) => ({
      at: NOW - minutesAgo * 60_000, providerId: 'codex', accountLabel: null, windowId: 'session', usedPercent,
      used: null, limit: null, remaining: null, resetsAt: SESSION_RESET, source: 'codex:/wham/usage',
    });
    // 20 % 25 min ago, 30 % 15 min ago, 37 % now: 0.68 points a minute, against 0.19 on average since the window began.
    expect((await store.record([reading(25, 20), reading(15, 30)])).ok).toBe(true);
    store.close();

    const server = await startLoopbackServer(() => ({ body: codexUsage(37) }));
    servers.push(server);
    const o = io({ CODEX_HOME: codexHome(), QUOTABAR_CODEX_URL: `${server.url}/backend-api`, QUOTABAR_DATA_DIR: data });
    expect(await main(['status', '--provider', 'codex', '--json'], o)).toBe(0);
    const session = JSON.parse(o.out).providers[0].windows.find((w: { id: string }) => w.id === 'session');
    // At the recent rate 63 points take about 93 min: before the reset in 102 min.
    expect(session.pace.lastsUntilReset).toBe(false);
    expect(Date.parse(session.pace.runsOutAt) - NOW).toBeGreaterThan(90 * 60_000);
    expect(Date.parse(session.pace.runsOutAt) - NOW).toBeLessThan(95 * 60_000);

    // The same answer with no history: the average rate lasts until the reset.
    const bare = io({ CODEX_HOME: codexHome(), QUOTABAR_CODEX_URL: `${server.url}/backend-api`, QUOTABAR_DATA_DIR: tempDir() });
    expect(await main(['status', '--provider', 'codex', '--json'], bare)).toBe(0);
    expect(JSON.parse(bare.out).providers[0].windows.find((w: { id: string }) => w.id === 'session').pace).toMatchObject({ lastsUntilReset: true, runsOutAt: null });
  });
});
