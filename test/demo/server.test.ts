import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import type { PollerView } from '../../core/model';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { PROVIDER_IDS } from '../../core/providers/registry';
import { createAppServices, type AppServices } from '../../app/services';

let demo: DemoServer;
let services: AppServices | null = null;

beforeEach(async () => {
  demo = await startDemoServer();
});

afterEach(async () => {
  services?.stop();
  services = null;
  await demo.close();
});

async function demoServices(): Promise<AppServices> {
  services = await createAppServices({ env: {}, platform: 'linux', homedir: tmpdir(), demo });
  return services;
}

function windowsOf(v: PollerView, id: string): string[] {
  return (v.snapshots.find((s) => s.providerId === id)?.windows ?? []).map((w) => `${w.label} ${Math.round(w.usedPercent ?? -1)}`);
}

describe('the demo provider server', () => {
  it('gives the real services a full popover: every provider ok with its windows', async () => {
    const s = await demoServices();
    const v = await s.refresh(null);
    expect(v.snapshots.map((x) => [x.providerId, x.status])).toEqual(PROVIDER_IDS.map((id) => [id, 'ok']));
    expect(windowsOf(v, 'openrouter')).toEqual(['Weekly limit 38', 'Backend CI 75', 'Ana (laptop) 28', 'Eval runs -1', 'Old prototype 0']);
    expect(windowsOf(v, 'codex')).toEqual(['5-hour 37', 'Weekly 62']);
    expect(windowsOf(v, 'claude')).toEqual(expect.arrayContaining(['5-hour 83', 'Weekly 41']));
    // MiniMax reports what remains (58 % and 81 %): the card shows what is used.
    expect(windowsOf(v, 'minimax')).toEqual(['5-hour 42', 'Weekly 19']);
  });

  it('accepts only its own MiniMax key, refusing others with status_code 1004 inside HTTP 200', async () => {
    const s = await demoServices();
    expect(await s.testKey('minimax', demo.minimaxKey)).toMatchObject({ ok: true });
    expect(await s.testKey('minimax', 'sk-cp-not-the-demo-key-000000')).toEqual({
      ok: false,
      error: { kind: 'unauthorized', status: null, hint: 'minimax_login' },
    });
  });

  it('sets reset times relative to now, so countdowns are always in the future', async () => {
    const s = await demoServices();
    const v = await s.refresh('codex');
    const session = v.snapshots.find((x) => x.providerId === 'codex')!.windows[0]!;
    expect(session.resetsAt! - Date.now()).toBeGreaterThan(100 * 60_000);
    expect(session.resetsAt! - Date.now()).toBeLessThan(103 * 60_000);
  });

  it('accepts only its own OpenRouter key at /key', async () => {
    const s = await demoServices();
    expect(await s.testKey('openrouter', demo.openrouterKey)).toMatchObject({ ok: true });
    expect(await s.testKey('openrouter', `sk-or-v1-${'0'.repeat(64)}`)).toEqual({
      ok: false,
      error: { kind: 'unauthorized', status: 401, hint: 'check_key' },
    });
  });

  it('switches a provider to a scripted failure at runtime and back to demo data', async () => {
    const s = await demoServices();
    await s.refresh('codex');
    demo.script('codex', { status: 500, body: 'upstream broke' });
    let v = await s.refresh('codex');
    expect(v.snapshots.find((x) => x.providerId === 'codex')).toMatchObject({ status: 'stale', error: { kind: 'upstream', status: 500 } });
    demo.script('codex', 'demo');
    v = await s.refresh('codex');
    expect(v.snapshots.find((x) => x.providerId === 'codex')?.status).toBe('ok');
    expect(demo.count('/wham/usage')).toBe(3);
  });

  it('removes its throwaway credential files on close', async () => {
    const dir = demo.codexHome;
    expect(existsSync(`${dir}/auth.json`)).toBe(true);
    await demo.close();
    expect(existsSync(dir)).toBe(false);
    demo = await startDemoServer();
  });
});
