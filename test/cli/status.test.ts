import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { main, type CliIo } from '../../cli/main';
import { PROVIDER_IDS } from '../../core/providers/registry';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const CAPPED_KEY = {
  data: { label: 'sk-or-v1-7c2…e41', limit: 20, limit_remaining: 12.37, limit_reset: 'weekly', usage: 41.02, usage_weekly: 7.63 },
};
const CODEX_USAGE = {
  plan_type: 'plus',
  rate_limit: {
    allowed: true,
    limit_reached: false,
    primary_window: { used_percent: 12, limit_window_seconds: 604800, reset_after_seconds: 401000, reset_at: 1790398480 },
    secondary_window: { used_percent: 37, limit_window_seconds: 18000, reset_after_seconds: 6120, reset_at: 1790003600 },
  },
  credits: { has_credits: false, unlimited: false, balance: '0' },
};

let servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'quotabar-cli-'));
}

function codexHome(): string {
  const dir = tempDir();
  const auth = { auth_mode: 'chatgpt', tokens: { id_token: 'x', access_token: 'codex-access-token', refresh_token: 'r', account_id: 'acct-123' } };
  writeFileSync(join(dir, 'auth.json'), JSON.stringify(auth));
  return dir;
}

function io(env: Record<string, string>, stdin = ''): CliIo & { out: string; err: string } {
  const o = {
    out: '',
    err: '',
    stdout: (s: string) => void (o.out += s),
    stderr: (s: string) => void (o.err += s),
    readStdin: async () => stdin,
    env: { CODEX_HOME: join(tempDir(), 'none'), CLAUDE_CONFIG_DIR: join(tempDir(), 'none'), ...env },
    homedir: tempDir(),
    platform: 'linux',
    deps: { secrets: new MemorySecretStore() },
  };
  return o;
}

describe('quotabar status (as a subprocess, the way a user runs it)', () => {
  it('shows one credits window for a capped OpenRouter key after exactly one request', async () => {
    const server = await startLoopbackServer(() => ({ body: CAPPED_KEY }));
    servers.push(server);
    const { stdout, stderr } = await run('node', ['bin/quotabar.mjs', 'status', '--json', '--provider', 'openrouter'], {
      cwd: root,
      env: { ...process.env, OPENROUTER_API_KEY: 'sk-or-v1-canary-cli-0001', QUOTABAR_OPENROUTER_URL: `${server.url}/api/v1` },
    });
    const out = JSON.parse(stdout);
    expect(out.providers).toHaveLength(1);
    expect(out.providers[0]).toMatchObject({ providerId: 'openrouter', status: 'ok', source: 'openrouter:/key' });
    expect(out.providers[0].windows).toHaveLength(1);
    expect(out.providers[0].windows[0]).toMatchObject({ kind: 'credits', unit: 'usd', limit: 20 });
    expect(out.providers[0].windows[0].used).toBeCloseTo(7.63, 5);
    expect(out.providers[0].windows[0].resetsAt).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\.000Z$/);
    expect(server.count('/credits')).toBe(0);
    expect(server.requests).toHaveLength(1);
    expect(stdout + stderr).not.toContain('canary-cli');
  });

  it('shows Codex windows by duration from a temporary CODEX_HOME, weekly first on the wire', async () => {
    const server = await startLoopbackServer((req) =>
      req.headers['chatgpt-account-id'] === 'acct-123' ? { body: CODEX_USAGE } : { status: 401, body: {} },
    );
    servers.push(server);
    const { stdout } = await run('node', ['bin/quotabar.mjs', 'status', '--json', '--provider', 'codex'], {
      cwd: root,
      env: { ...process.env, CODEX_HOME: codexHome(), QUOTABAR_CODEX_URL: `${server.url}/backend-api` },
    });
    const codex = JSON.parse(stdout).providers[0];
    expect(codex).toMatchObject({ providerId: 'codex', status: 'ok', source: 'codex:wham/usage' });
    const byId = Object.fromEntries(codex.windows.map((w: { id: string }) => [w.id, w]));
    expect(byId.session).toMatchObject({ usedPercent: 37, windowMinutes: 300, resetsAt: '2026-09-21T15:13:20.000Z' });
    expect(byId.weekly).toMatchObject({ usedPercent: 12, windowMinutes: 10080 });
    expect(server.requests).toHaveLength(1);
  });
});

describe('quotabar status (in process)', () => {
  it('prints a readable table with the window, the amount and when it resets', async () => {
    const server = await startLoopbackServer(() => ({ body: CAPPED_KEY }));
    servers.push(server);
    const o = io({ OPENROUTER_API_KEY: 'sk-or-v1-abc', QUOTABAR_OPENROUTER_URL: server.url });
    expect(await main(['status', '--provider', 'openrouter'], o)).toBe(0);
    expect(o.out).toMatch(/^PROVIDER\s+WINDOW\s+USED\s+AMOUNT\s+RESETS IN\s+STATUS\s+SOURCE/);
    expect(o.out).toContain('38 % used');
    expect(o.out).toContain('$7.63 of $20.00 · $12.37 left');
    expect(o.out).toMatch(/OpenRouter.*ok\s+openrouter:\/key/);
  });

  it('exits 0 and explains the problem when a provider is in error', async () => {
    const server = await startLoopbackServer(() => ({ status: 401, body: { error: { code: 401, message: 'No auth credentials found' } } }));
    servers.push(server);
    const o = io({ OPENROUTER_API_KEY: 'sk-or-v1-bad', QUOTABAR_OPENROUTER_URL: server.url });
    expect(await main(['status', '--provider=openrouter'], o)).toBe(0);
    // A terminal has no Settings window: the remedy is a command.
    expect(o.out).toContain(
      'OpenRouter: The key was rejected (invalid or disabled). Check the key at openrouter.ai/keys, then store a working one with `quotabar key set openrouter`.',
    );
    expect(o.out).not.toContain('Settings');
  });

  it('lists every provider, saying which are not set up', async () => {
    const o = io({});
    expect(await main(['status'], o)).toBe(0);
    expect(o.out.match(/not set up/g)).toHaveLength(PROVIDER_IDS.length);
  });

  it('rejects an unknown provider with one line and exit code 2', async () => {
    const o = io({});
    expect(await main(['status', '--provider', 'no-such-provider'], o)).toBe(2);
    expect(o.err.trim().split('\n')).toHaveLength(1);
    expect(o.out).toBe('');
  });

  it('keeps --json output on stdout only and valid JSON', async () => {
    const o = io({});
    await main(['status', '--json'], o);
    expect(JSON.parse(o.out).providers.map((p: { providerId: string }) => p.providerId)).toEqual(PROVIDER_IDS);
    expect(o.err).toBe('');
  });
});

describe('quotabar key', () => {
  it('stores a key only after /key accepts it, and shows the masked label', async () => {
    const server = await startLoopbackServer((req) =>
      req.headers.authorization === 'Bearer sk-or-v1-good-key-123' ? { body: CAPPED_KEY } : { status: 401, body: {} },
    );
    servers.push(server);
    const bad = io({ QUOTABAR_OPENROUTER_URL: server.url }, 'sk-or-v1-wrong\n');
    expect(await main(['key', 'set', 'openrouter'], bad)).toBe(1);
    expect(await bad.deps!.secrets!.get('openrouter')).toEqual({ ok: true, value: null });

    const good = io({ QUOTABAR_OPENROUTER_URL: server.url }, 'sk-or-v1-good-key-123\n');
    expect(await main(['key', 'set', 'openrouter'], good)).toBe(0);
    expect(good.out).toContain('sk-or-v1-7c2…e41');
    expect(good.out).not.toContain('good-key-123');
    expect(await good.deps!.secrets!.get('openrouter')).toEqual({ ok: true, value: 'sk-or-v1-good-key-123' });

    expect(await main(['key', 'remove', 'openrouter'], good)).toBe(0);
    expect(await good.deps!.secrets!.get('openrouter')).toEqual({ ok: true, value: null });
  });

  it('reports a keychain that cannot be reached instead of crashing', async () => {
    const o = io({});
    o.deps = { secrets: new MemorySecretStore({ unavailable: 'no D-Bus session' }) };
    expect(await main(['key', 'remove', 'openrouter'], o)).toBe(1);
    expect(o.err).toContain('keychain is not available');
  });
});
