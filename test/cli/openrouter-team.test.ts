// The OpenRouter team view from the terminal, against the demo server: `status --json` carries one
// window per key of the account (marked `teamKey`), and `key set|remove openrouter --management`
// stores and deletes the management key. No key, ordinary or management, is ever printed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { infoText } from '../../cli/help';
import { main, type CliIo } from '../../cli/main';
import { demoEnv } from '../../demo/env';
import { startDemoServer, type DemoServer } from '../../demo/server';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(async () => {
  await demo?.close();
});

function io(secrets: MemorySecretStore, env: Record<string, string> = {}, stdin: string | null = null): CliIo & { out: string; err: string } {
  const o = {
    out: '',
    err: '',
    stdout: (s: string) => void (o.out += s),
    stderr: (s: string) => void (o.err += s),
    readStdin: async () => stdin,
    env: { ...(demoEnv({}, demo) as Record<string, string>), QUOTABAR_DATA_DIR: mkdtempSync(join(tmpdir(), 'quotabar-team-data-')), ...env },
    homedir: mkdtempSync(join(tmpdir(), 'quotabar-team-home-')),
    platform: 'linux',
    deps: { secrets },
  };
  return o;
}

const own = () => new MemorySecretStore({ initial: { openrouter: demo.openrouterKey } });

describe('quotabar status with an OpenRouter management key', () => {
  it('lists every key of the account as a team window in --json, after the own key meter', async () => {
    const o = io(own(), { OPENROUTER_MANAGEMENT_KEY: demo.openrouterManagementKey });
    expect(await main(['status', '--provider', 'openrouter', '--json'], o)).toBe(0);
    const snap = JSON.parse(o.out).providers[0];
    expect(snap.status).toBe('ok');
    const team = snap.windows.filter((w: { teamKey?: unknown }) => w.teamKey);
    expect(team.map((w: { label: string }) => w.label)).toEqual(['Backend CI', 'Ana (laptop)', 'Eval runs', 'Old prototype']);
    expect(team[0]).toMatchObject({ id: 'team:a1f3c9', limit: 50, remaining: 12.5, unit: 'usd', teamKey: { name: 'Backend CI', label: 'sk-or-v1-a1f…e41', disabled: false } });
    expect(team[3].teamKey.disabled).toBe(true);
    expect(snap.windows[0].teamKey).toBeUndefined();
    expect(o.out + o.err).not.toContain(demo.openrouterManagementKey);
    expect(o.out + o.err).not.toContain(demo.openrouterKey);
  });

  it('names the team keys in the table', async () => {
    const o = io(own(), { OPENROUTER_MANAGEMENT_KEY: demo.openrouterManagementKey });
    expect(await main(['status', '--provider', 'openrouter'], o)).toBe(0);
    for (const name of ['Backend CI', 'Ana (laptop)', 'Eval runs', 'Old prototype']) expect(o.out).toContain(name);
    expect(o.out).not.toContain(demo.openrouterManagementKey);
  });

  it('says why the team is missing when the management key is an ordinary key, and keeps the own meter', async () => {
    const o = io(own(), { OPENROUTER_MANAGEMENT_KEY: demo.openrouterKey });
    expect(await main(['status', '--provider', 'openrouter', '--json'], o)).toBe(0);
    const snap = JSON.parse(o.out).providers[0];
    expect(snap.status).toBe('ok');
    expect(snap.windows.some((w: { teamKey?: unknown }) => w.teamKey)).toBe(false);
    expect(snap.notes.map((n: { code: string }) => n.code)).toContain('team_keys_error');
    const table = io(own(), { OPENROUTER_MANAGEMENT_KEY: demo.openrouterKey });
    await main(['status', '--provider', 'openrouter'], table);
    expect(table.out).toMatch(/Team keys not shown: .*management key/);
  });
});

describe('quotabar key set|remove openrouter --management', () => {
  it('is in --help', () => {
    expect(infoText('help')).toContain('quotabar key set openrouter --management');
  });

  it('stores a key that lists the account under openrouter-management, leaving the ordinary key alone', async () => {
    const secrets = own();
    const o = io(secrets, {}, `${demo.openrouterManagementKey}\n`);
    expect(await main(['key', 'set', 'openrouter', '--management'], o)).toBe(0);
    expect(o.out).toMatch(/^Saved OpenRouter management key \S+ in the system keychain; it lists 4 keys\.\n$/);
    expect(o.out).not.toContain(demo.openrouterManagementKey);
    expect(await secrets.get('openrouter-management')).toEqual({ ok: true, value: demo.openrouterManagementKey });
    expect(await secrets.get('openrouter')).toEqual({ ok: true, value: demo.openrouterKey });

    const r = io(secrets);
    expect(await main(['key', 'remove', 'openrouter', '--management'], r)).toBe(0);
    expect(await secrets.get('openrouter-management')).toEqual({ ok: true, value: null });
    expect(await secrets.get('openrouter')).toEqual({ ok: true, value: demo.openrouterKey });
  });

  it('refuses an ordinary key that /keys rejects, storing nothing', async () => {
    const secrets = new MemorySecretStore();
    const o = io(secrets, {}, `${demo.openrouterKey}\n`);
    expect(await main(['key', 'set', 'openrouter', '--management'], o)).toBe(1);
    expect(o.err).toMatch(/^quotabar: management key not saved: .*not a management key/);
    expect(o.err).not.toContain(demo.openrouterKey);
    expect(await secrets.get('openrouter-management')).toEqual({ ok: true, value: null });
  });

  it('refuses a key of the wrong shape before any request', async () => {
    const before = demo.count('/keys');
    const o = io(new MemorySecretStore(), {}, 'hello\n');
    expect(await main(['key', 'set', 'openrouter', '--management'], o)).toBe(1);
    expect(o.err).toMatch(/^quotabar: management key not saved: /);
    expect(demo.count('/keys')).toBe(before);
  });

  it('is refused for a provider without a management key', async () => {
    const o = io(new MemorySecretStore());
    expect(await main(['key', 'set', 'zai', '--management'], o)).toBe(2);
    expect(o.err).toContain("unexpected argument '--management'");
  });
});
