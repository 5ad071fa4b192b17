import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyPath, SqliteHistoryStore } from '../../adapters/history/sqlite-history-store';
import { SystemClock } from '../../adapters/system-clock';
import { historyCsv } from '../../core/history-format';
import { parseArgs } from '../../cli/args';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const DAY = 86_400_000;
const KEY = { data: { label: 'sk-or-v1-7c2…e41', limit: 20, limit_remaining: 12.37, limit_reset: 'weekly', usage: 41.02, usage_weekly: 7.63 } };

let server: LoopbackServer;
let dataDir: string;
let env: NodeJS.ProcessEnv;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run('node', ['bin/quotabar.mjs', ...args], { cwd: root, env });
    return { code: 0, ...r };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

beforeAll(async () => {
  server = await startLoopbackServer(() => ({ body: KEY }));
  dataDir = mkdtempSync(join(tmpdir(), 'quotabar-history-cli-'));
  const home = mkdtempSync(join(tmpdir(), 'quotabar-history-home-'));
  env = {
    ...process.env,
    HOME: home,
    CODEX_HOME: join(home, 'none'),
    CLAUDE_CONFIG_DIR: join(home, 'none'),
    OPENROUTER_API_KEY: 'sk-or-v1-history-test-0001',
    QUOTABAR_OPENROUTER_URL: `${server.url}/api/v1`,
    QUOTABAR_DATA_DIR: dataDir,
  };
}, 30_000);
afterAll(async () => server?.close());

describe('quotabar history (as a subprocess)', () => {
  it('prints an empty list before anything was recorded, without creating the database', async () => {
    const r = await cli('history', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ samples: [] });
    expect(existsSync(historyPath(dataDir))).toBe(false);
  });

  it('shows one sample per window for each `status` run, as JSON and as CSV', async () => {
    expect((await cli('status', '--provider', 'openrouter')).code).toBe(0);
    expect((await cli('status', '--json', '--provider', 'openrouter')).code).toBe(0);
    const json = JSON.parse((await cli('history', '--json')).stdout) as { samples: Array<Record<string, unknown>> };
    expect(json.samples).toHaveLength(2);
    for (const s of json.samples) {
      expect(Object.keys(s)).toEqual(['at', 'providerId', 'accountLabel', 'windowId', 'usedPercent', 'used', 'limit', 'remaining', 'resetsAt', 'source']);
      expect(s).toMatchObject({ providerId: 'openrouter', accountLabel: null, windowId: 'key-limit', limit: 20, remaining: 12.37, source: 'openrouter:/key' });
      expect(s.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(s.resetsAt).toMatch(/T00:00:00\.000Z$/);
    }
    expect(Date.parse(json.samples[0]!.at as string)).toBeLessThan(Date.parse(json.samples[1]!.at as string));

    const csv = (await cli('history', '--csv', '--provider', 'openrouter', '--window', 'key-limit')).stdout.split('\r\n');
    expect(csv[0]).toBe('at,providerId,accountLabel,windowId,usedPercent,used,limit,remaining,resetsAt,source');
    expect(csv).toHaveLength(4); // header, two samples, and the empty string after the final CRLF
    expect(csv[1]).toMatch(/^\d{4}-[^,]+Z,openrouter,,key-limit,[\d.]+,[\d.]+,20,12\.37,[^,]+Z,openrouter:\/key$/);

    const table = (await cli('history')).stdout;
    expect(table.split('\n')[0]).toMatch(/^TIME\s+PROVIDER\s+ACCOUNT\s+WINDOW\s+USED %/);
    expect(table).toContain('openrouter');
  }, 60_000);

  it('keeps only samples since the time --since names', async () => {
    const clock = new SystemClock({ unref: true });
    const store = new SqliteHistoryStore({ path: historyPath(dataDir), clock, scheduler: clock });
    const old = Date.now() - 3 * DAY;
    await store.record([{ at: old, providerId: 'claude', accountLabel: null, windowId: 'weekly', usedPercent: 61, used: null, limit: null, remaining: null, resetsAt: null, source: 'claude:oauth/usage' }]);
    store.close();
    const count = async (...args: string[]) => (JSON.parse((await cli('history', '--json', ...args)).stdout) as { samples: unknown[] }).samples.length;
    expect(await count()).toBe(3);
    expect(await count('--since', '24h')).toBe(2);
    expect(await count('--since', '7d')).toBe(3);
    expect(await count('--since', '7d', '--provider', 'claude')).toBe(1);
    const day = new Date(old + DAY);
    const ymd = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    expect(await count('--since', ymd)).toBe(2);
  }, 60_000);

  it('refuses a bad option with exit 2 and one line', async () => {
    for (const args of [['--json', '--csv'], ['--since', 'yesterday'], ['--provider', 'nope'], ['--bogus']]) {
      const r = await cli('history', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  }, 60_000);
});

describe('history formats', () => {
  it('quotes CSV fields with commas, quotes and line breaks as RFC 4180 says', () => {
    const csv = historyCsv([{ at: 0, providerId: 'x', accountLabel: 'team "a", b', windowId: 'w\nx', usedPercent: null, used: null, limit: null, remaining: null, resetsAt: null, source: null }]);
    expect(csv).toBe('at,providerId,accountLabel,windowId,usedPercent,used,limit,remaining,resetsAt,source\r\n1970-01-01T00:00:00.000Z,x,"team ""a"", b","w\nx",,,,,,\r\n');
  });

  it('accepts 24h, 7d, 30d and real calendar dates for --since, and nothing else', () => {
    expect(parseArgs(['history', '--since', '30d'])).toMatchObject({ ok: true, command: { since: { kind: 'ago', ms: 30 * DAY } } });
    expect(parseArgs(['history', '--since=2026-02-28'])).toMatchObject({ ok: true, command: { since: { kind: 'day', year: 2026, month: 2, day: 28 } } });
    expect(parseArgs(['history', '--since', '2026-02-30']).ok).toBe(false);
    expect(parseArgs(['history', '--since', '0h']).ok).toBe(false);
  });
});
