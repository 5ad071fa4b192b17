// A balance below the low-balance alert line is its own state in the CLI: `low` in the table and a
// `low_balance` note in --json, judged against the line the user set in the app's settings.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { main, type CliIo } from '../../cli/main';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';

const keyBody = (remaining: number) => ({
  data: { label: 'sk-or-v1-7c2…e41', limit: 20, limit_remaining: remaining, limit_reset: 'weekly', usage: 41.02, usage_weekly: 20 - remaining },
});

let servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** A CLI run against a loopback OpenRouter with `remaining` dollars left; `lowBalanceUsd` goes in the settings file. */
async function run(remaining: number, args: string[], lowBalanceUsd?: number): Promise<CliIo & { out: string }> {
  const server = await startLoopbackServer(() => ({ body: keyBody(remaining) }));
  servers.push(server);
  const config = mkdtempSync(join(tmpdir(), 'quotabar-cli-low-'));
  if (lowBalanceUsd !== undefined) {
    mkdirSync(join(config, 'quotabar'));
    writeFileSync(join(config, 'quotabar', 'settings.json'), JSON.stringify({ lowBalanceUsd }));
  }
  const o = {
    out: '',
    stdout: (s: string) => void (o.out += s),
    stderr: () => undefined,
    readStdin: async () => null,
    env: { OPENROUTER_API_KEY: 'sk-or-v1-abc', QUOTABAR_OPENROUTER_URL: server.url, XDG_CONFIG_HOME: config },
    homedir: config,
    platform: 'linux',
    deps: { secrets: new MemorySecretStore() },
  };
  expect(await main(args, o)).toBe(0);
  return o;
}

describe('quotabar status with a low balance', () => {
  it('says low, not ok, with $0.80 left and the alert at $2 (the default line)', async () => {
    const o = await run(0.8, ['status', '--provider', 'openrouter']);
    expect(o.out).toMatch(/OpenRouter.*\blow\s+openrouter:\/key/);
    expect(o.out).not.toMatch(/\bok\s+openrouter/);
    expect(o.out).toContain('OpenRouter credit is low: $0.80 left (alert below $2.00)');
  });

  it('says ok when the balance is above the line the user set', async () => {
    const o = await run(0.8, ['status', '--provider', 'openrouter'], 0.5);
    expect(o.out).toMatch(/OpenRouter.*\bok\s+openrouter:\/key/);
    expect(o.out).not.toContain('credit is low');
  });

  it('adds a low_balance note in --json and leaves every other field as it was', async () => {
    const low = JSON.parse((await run(0.8, ['status', '--json', '--provider', 'openrouter'], 2)).out).providers[0];
    const off = JSON.parse((await run(0.8, ['status', '--json', '--provider', 'openrouter'], 0)).out).providers[0];
    expect(low.notes).toContainEqual({ code: 'low_balance', remaining: 0.8, threshold: 2 });
    expect(off.notes.some((n: { code: string }) => n.code === 'low_balance')).toBe(false);
    const without = (p: Record<string, unknown>) => ({ ...p, notes: (p.notes as { code: string }[]).filter((n) => n.code !== 'low_balance'), fetchedAt: null, attemptedAt: null });
    expect(without(low)).toEqual(without(off));
    expect(low.status).toBe('ok');
  });
});
