import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
let servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

const temp = () => mkdtempSync(join(tmpdir(), 'quotabar-fallback-'));
const hours = (h: number) => Date.now() + h * 3_600_000;

async function status(env: Record<string, string>, provider: string) {
  const home = temp();
  const { stdout } = await run('node', ['bin/quotabar.mjs', 'status', '--json', '--provider', provider], {
    cwd: root,
    env: { ...process.env, HOME: home, CODEX_HOME: join(home, 'no-codex'), CLAUDE_CONFIG_DIR: join(home, 'no-claude'), ...env },
  });
  return JSON.parse(stdout).providers[0];
}

describe('Claude through the CLI', () => {
  it('shows the 5-hour, weekly and per-model windows from a temporary CLAUDE_CONFIG_DIR', async () => {
    const dir = temp();
    const creds = {
      claudeAiOauth: { accessToken: 'sk-ant-oat01-cli-test', expiresAt: hours(8), scopes: ['user:inference', 'user:profile'], subscriptionType: 'max' },
    };
    writeFileSync(join(dir, '.credentials.json'), JSON.stringify(creds));
    const server = await startLoopbackServer((req) =>
      req.headers.authorization === 'Bearer sk-ant-oat01-cli-test' && req.headers['anthropic-beta'] === 'oauth-2025-04-20'
        ? {
            body: {
              five_hour: { utilization: 23, resets_at: new Date(hours(2)).toISOString() },
              seven_day: { utilization: 61.5, resets_at: new Date(hours(90)).toISOString().replace('Z', '+00:00') },
              seven_day_opus: null,
              seven_day_sonnet: { utilization: 4, resets_at: new Date(hours(90)).toISOString() },
            },
          }
        : { status: 401, body: {} },
    );
    servers.push(server);
    const claude = await status({ CLAUDE_CONFIG_DIR: dir, QUOTABAR_CLAUDE_URL: server.url, QUOTABAR_CLAUDE_OAUTH: '1' }, 'claude');
    expect(claude).toMatchObject({ providerId: 'claude', status: 'ok', source: 'claude:oauth/usage' });
    const ids = claude.windows.map((w: { id: string; usedPercent: number }) => [w.id, w.usedPercent]);
    expect(ids).toEqual([
      ['session', 23],
      ['weekly', 61.5],
      ['weekly:sonnet', 4],
    ]);
    expect(server.requests).toHaveLength(1);
  });
});

describe('Codex with the usage endpoint down', () => {
  it('falls back to the windows Codex logged, marked by source and age', async () => {
    const home = temp();
    writeFileSync(join(home, 'auth.json'), JSON.stringify({ tokens: { access_token: 'tok', account_id: 'acct' } }));
    const day = join(home, 'sessions', '2026', '11', '23');
    mkdirSync(day, { recursive: true });
    const seen = new Date(hours(-0.5)).toISOString();
    const line = {
      timestamp: seen,
      type: 'event_msg',
      payload: {
        type: 'token_count',
        info: null,
        rate_limits: {
          limit_id: 'codex',
          plan_type: 'pro',
          primary: { used_percent: 18, window_minutes: 10080, resets_at: Math.round(hours(100) / 1000) },
          secondary: { used_percent: 64, window_minutes: 300, resets_at: Math.round(hours(3) / 1000) },
        },
      },
    };
    writeFileSync(join(day, 'rollout-2026-11-23T10-00-00-abc.jsonl'), JSON.stringify(line) + '\n');
    const server = await startLoopbackServer(() => ({ status: 503, body: '<html>Service Unavailable</html>' }));
    servers.push(server);
    const codex = await status({ CODEX_HOME: home, QUOTABAR_CODEX_URL: `${server.url}/backend-api` }, 'codex');
    expect(codex).toMatchObject({ status: 'ok', source: 'codex-logs' });
    expect(codex.windows.map((w: { id: string; usedPercent: number }) => [w.id, w.usedPercent])).toEqual([
      ['session', 64],
      ['weekly', 18],
    ]);
    expect(codex.notes).toContainEqual({ code: 'fallback_source', primaryError: 'upstream' });
    expect(codex.notes).toContainEqual({ code: 'observed_at', at: new Date(seen).toISOString() });
    expect(server.count('/wham/usage')).toBe(1);
  });
});
