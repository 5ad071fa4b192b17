// OpenRouter's team view through its adapter over real HTTP: the management key (env, then keychain)
// goes only to GET /keys on the configured origin, pages are followed by offset, and a refusal of the
// management key is a note beside the user's own meter, never the loss of it.
import { describe, expect, it } from 'vitest';
import { buildProvider, resolveConfig } from '../../../adapters/compose';
import { MemorySecretStore } from '../../../adapters/memory-secret-store';
import { SystemClock } from '../../../adapters/system-clock';
import { describeNote } from '../../../core/present';
import { fixture } from '../../core/providers/load-fixture';
import { httpClientFixture } from '../../support/http-client-fixture';
import type { LoopbackHandler, LoopbackRequest } from '../../support/loopback-server';
import { MemoryFiles } from '../../support/memory-files';

const OWN_KEY = `sk-or-v1-${'a'.repeat(64)}`;
const MANAGEMENT_ENV = `sk-or-v1-${'b'.repeat(64)}`;
const MANAGEMENT_STORED = `sk-or-v1-${'c'.repeat(64)}`;
const { serve, client } = httpClientFixture();

function keyRow(i: number) {
  const hash = `h${String(i).padStart(5, '0')}`;
  return { hash, name: `Key ${i}`, label: `sk-or-v1-${hash.slice(0, 3)}…${String(i).padStart(3, '0')}`, disabled: false, limit: null, usage: i };
}

/** /key answers for the user's own key; /keys by `keys(req)`. */
function routes(keys: (req: LoopbackRequest) => ReturnType<LoopbackHandler>): LoopbackHandler {
  return (req) => {
    const path = req.path.split('?')[0]!;
    if (path.endsWith('/keys')) return keys(req);
    if (path.endsWith('/key')) return { status: 200, body: fixture('openrouter', 'key-capped-weekly') };
    return { status: 404, body: { error: { code: 404, message: 'not found' } } };
  };
}

async function openRouterAgainst(handler: LoopbackHandler, opts: { env?: Record<string, string>; stored?: Record<string, string> } = {}) {
  const server = await serve(handler);
  const config = resolveConfig({ QUOTABAR_OPENROUTER_URL: server.url, ...opts.env }, 'linux', '/home/me');
  const deps = {
    secrets: new MemorySecretStore({ initial: opts.stored ?? {} }),
    files: new MemoryFiles(),
    clock: new SystemClock(),
    httpFor: (base: string) => client([new URL(base).origin], { defaultTimeoutMs: 5_000 }),
  };
  const provider = buildProvider('openrouter', config, deps);
  return { server, fetch: () => provider.sources[0]!.fetch() };
}

const teamIds = (ws: { id: string }[]) => ws.filter((w) => w.id.startsWith('team:')).map((w) => w.id);

describe('the OpenRouter team view over real HTTP', () => {
  it('lists every key with OPENROUTER_MANAGEMENT_KEY, sending that key only to /keys and the own key only to /key', async () => {
    const { server, fetch } = await openRouterAgainst(routes(() => ({ status: 200, body: fixture('openrouter', 'keys-list') })), {
      env: { OPENROUTER_API_KEY: OWN_KEY, OPENROUTER_MANAGEMENT_KEY: MANAGEMENT_ENV },
      stored: { 'openrouter-management': MANAGEMENT_STORED },
    });
    const r = await fetch();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The user's own meter stays first; the team's keys follow, one window each, a repeated key once.
    expect(r.value.windows[0]!.id).toBe('key-limit');
    expect(teamIds(r.value.windows)).toEqual(['team:f01d3a', 'team:b7d210', 'team:c40e88', 'team:d9b5a2', 'team:e11aa0', 'team:a0a0a0']);
    const ana = r.value.windows.find((w) => w.id === 'team:b7d210')!;
    expect(ana).toMatchObject({ label: 'Ana (laptop)', limit: 10, remaining: 7.2, teamKey: { name: 'Ana (laptop)', label: 'sk-or-v1-b7d…9f0', disabled: false } });
    expect(ana.used).toBeCloseTo(2.8, 6);
    expect(r.value.windows.find((w) => w.id === 'team:d9b5a2')!.teamKey!.disabled).toBe(true);

    const byPath = (p: string) => server.requests.filter((q) => q.path.split('?')[0]!.endsWith(p));
    expect(byPath('/keys').map((q) => q.headers.authorization)).toEqual([`Bearer ${MANAGEMENT_ENV}`]);
    expect(byPath('/keys')[0]!.path).toMatch(/\/keys\?include_disabled=true&offset=0$/);
    expect(byPath('/key').map((q) => q.headers.authorization)).toEqual([`Bearer ${OWN_KEY}`]);
    // The stored management key is not used while the variable is set.
    expect(JSON.stringify(server.requests)).not.toContain(MANAGEMENT_STORED);
  });

  it('uses the keychain entry openrouter-management when the variable is unset', async () => {
    const { server, fetch } = await openRouterAgainst(routes(() => ({ status: 200, body: fixture('openrouter', 'keys-list') })), {
      stored: { openrouter: OWN_KEY, 'openrouter-management': MANAGEMENT_STORED },
    });
    const r = await fetch();
    expect(r.ok && teamIds(r.value.windows)).toHaveLength(6);
    expect(server.requests.filter((q) => q.path.includes('/keys?')).map((q) => q.headers.authorization)).toEqual([`Bearer ${MANAGEMENT_STORED}`]);
  });

  it('asks /keys nothing without a management key', async () => {
    const { server, fetch } = await openRouterAgainst(routes(() => ({ status: 200, body: fixture('openrouter', 'keys-list') })), { stored: { openrouter: OWN_KEY } });
    const r = await fetch();
    expect(r.ok && teamIds(r.value.windows)).toEqual([]);
    expect(server.count('/keys')).toBe(0);
  });

  it('follows full pages by offset until a short one: 100 + 100 + 7 keys in three requests', async () => {
    const sizes = [100, 100, 7];
    const { server, fetch } = await openRouterAgainst(
      routes((req) => {
        const offset = Number(new URL(req.path, 'http://x').searchParams.get('offset'));
        const page = offset / 100;
        return { status: 200, body: { data: Array.from({ length: sizes[page] ?? 0 }, (_, i) => keyRow(offset + i)) } };
      }),
      { env: { OPENROUTER_API_KEY: OWN_KEY, OPENROUTER_MANAGEMENT_KEY: MANAGEMENT_ENV } },
    );
    const r = await fetch();
    expect(r.ok && teamIds(r.value.windows)).toHaveLength(207);
    expect(server.requests.filter((q) => q.path.includes('/keys?')).map((q) => new URL(q.path, 'http://x').searchParams.get('offset'))).toEqual(['0', '100', '200']);
  });

  it('stops after ten pages when every page comes back full (a list that never ends)', async () => {
    const { server, fetch } = await openRouterAgainst(
      routes((req) => {
        const offset = Number(new URL(req.path, 'http://x').searchParams.get('offset'));
        return { status: 200, body: { data: Array.from({ length: 100 }, (_, i) => keyRow(offset + i)) } };
      }),
      { env: { OPENROUTER_API_KEY: OWN_KEY, OPENROUTER_MANAGEMENT_KEY: MANAGEMENT_ENV } },
    );
    const r = await fetch();
    expect(r.ok && teamIds(r.value.windows)).toHaveLength(1000);
    expect(server.count('/keys')).toBe(10);
  });

  it('keeps the own meter and says why when OpenRouter refuses the management key', async () => {
    const { fetch } = await openRouterAgainst(routes(() => ({ status: 403, body: fixture('openrouter', 'error-403-management-key') })), {
      env: { OPENROUTER_API_KEY: OWN_KEY, OPENROUTER_MANAGEMENT_KEY: MANAGEMENT_ENV },
    });
    const r = await fetch();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.windows.map((w) => w.id)).toEqual(['key-limit']);
    const note = r.value.notes.find((n) => n.code === 'team_keys_error')!;
    expect(note).toBeDefined();
    expect(describeNote(note, null)).toMatch(/^Team keys not shown: .*management key/);
  });

  it('refuses a management key of the wrong shape without sending it anywhere', async () => {
    const { server, fetch } = await openRouterAgainst(routes(() => ({ status: 200, body: fixture('openrouter', 'keys-list') })), {
      env: { OPENROUTER_API_KEY: OWN_KEY, OPENROUTER_MANAGEMENT_KEY: 'not-a-key' },
    });
    const r = await fetch();
    expect(r.ok && r.value.notes.some((n) => n.code === 'team_keys_error')).toBe(true);
    expect(server.count('/keys')).toBe(0);
    expect(JSON.stringify(server.requests)).not.toContain('not-a-key');
  });

  it('shows the team alone when only a management key is set up', async () => {
    const { server, fetch } = await openRouterAgainst(routes(() => ({ status: 200, body: fixture('openrouter', 'keys-list') })), {
      env: { OPENROUTER_MANAGEMENT_KEY: MANAGEMENT_ENV },
    });
    const r = await fetch();
    expect(r.ok && r.value.source).toBe('openrouter:/keys');
    expect(r.ok && r.value.windows.every((w) => w.id.startsWith('team:'))).toBe(true);
    expect(server.count('/key')).toBe(0);
  });
});
