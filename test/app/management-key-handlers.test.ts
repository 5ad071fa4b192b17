// The management key through the invoke handlers, as Settings calls them: `slot: 'management'` on
// key:test/save/remove, the settings view's masked status, and the team view appearing and going.
import { afterEach, describe, expect, it } from 'vitest';
import type { InvokeHandlers } from '../../app/contract';
import { createInvokeHandlers, type WindowActions } from '../../app/handlers';
import { TEAM_WINDOW_PREFIX } from '../../core/providers/openrouter/team';
import { KEY_PROVIDERS } from '../../core/providers/registry';
import { CANARY_KEY, fixture, makeHarness, type Harness } from '../support/app-harness';

const MANAGEMENT = `sk-or-v1-${'7e57'.repeat(16)}`;
const ENV_MANAGEMENT = `sk-or-v1-${'e0e0'.repeat(16)}`;

let h: Harness | null = null;
afterEach(async () => {
  await h?.dispose();
  h = null;
});

const noWindows: WindowActions = {
  openSettings: () => undefined,
  openHistory: () => undefined,
  openCost: () => undefined,
  hidePopover: () => undefined,
  fitPopover: () => undefined,
  openExternal: () => undefined,
  quit: () => undefined,
};

async function setup(env: NodeJS.ProcessEnv = {}): Promise<InvokeHandlers> {
  h = await makeHarness({
    key: CANARY_KEY,
    env,
    script: (http) =>
      http
        .on('/keys', (req) =>
          [MANAGEMENT, ENV_MANAGEMENT].some((k) => req.headers?.Authorization === `Bearer ${k}`)
            ? { status: 200, body: fixture('openrouter/keys-list.json') }
            : { status: 403, body: fixture('openrouter/error-403-management-key.json') },
        )
        .on('/key', { status: 200, body: fixture('openrouter/key-capped-weekly.json') }),
  });
  return createInvokeHandlers(h.services, noWindows);
}

const teamWindows = () => h!.services.view().snapshots.find((s) => s.providerId === 'openrouter' && !s.accountLabel)?.windows.filter((w) => w.id.startsWith(TEAM_WINDOW_PREFIX)) ?? [];

describe('the management key over the invoke handlers', () => {
  it('is saved only after /keys lists keys with it, shows as a masked label, and the team view comes and goes', async () => {
    const handlers = await setup();
    h!.services.start();
    await h!.clock.advance(0);
    expect(teamWindows()).toEqual([]);
    const pushed: unknown[] = [];
    h!.services.onSettings((v) => pushed.push(v));
    h!.services.onView((v) => pushed.push(v));

    // The ordinary key is not a management key: refused, nothing stored.
    const refused = await handlers['key:save']({ providerId: 'openrouter', key: CANARY_KEY, slot: 'management' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden', reason: 'management_key_required' } });
    expect(await h!.secrets.get('openrouter-management')).toEqual({ ok: true, value: null });

    const saved = await handlers['key:save']({ providerId: 'openrouter', key: MANAGEMENT, slot: 'management' });
    expect(saved).toMatchObject({ ok: true, label: expect.stringMatching(/^sk-or-v1-…/), keys: expect.any(Number) });
    expect(await h!.secrets.get('openrouter-management')).toEqual({ ok: true, value: MANAGEMENT });
    // The ordinary key stays as it was.
    expect(await h!.secrets.get('openrouter')).toEqual({ ok: true, value: CANARY_KEY });
    const view = await handlers['settings:get'](null);
    expect(view.managementKeys).toEqual([{ providerId: 'openrouter', origin: 'keychain', label: saved.ok ? saved.label : null, error: null }]);
    // The provider was rebuilt with it and polled: the team keys are there without a manual refresh.
    await h!.clock.advance(0);
    expect(teamWindows().length).toBeGreaterThan(0);

    await handlers['key:remove']({ providerId: 'openrouter', slot: 'management' });
    expect(await h!.secrets.get('openrouter-management')).toEqual({ ok: true, value: null });
    expect(await h!.secrets.get('openrouter')).toEqual({ ok: true, value: CANARY_KEY });
    expect((await handlers['settings:get'](null)).managementKeys).toEqual([{ providerId: 'openrouter', origin: null, label: null, error: null }]);
    await h!.clock.advance(0);
    expect(teamWindows()).toEqual([]);

    // Nothing the renderer was answered or sent holds either key.
    const everything = JSON.stringify([refused, saved, view, pushed]);
    expect(everything).not.toContain(MANAGEMENT.slice(9, 40));
    expect(everything).not.toContain(CANARY_KEY.slice(9, 30));
  });

  it('refuses the management slot for a key provider that takes none, sending and storing nothing', async () => {
    const handlers = await setup();
    const before = h!.http.requests.length;
    for (const p of KEY_PROVIDERS.filter((d) => !d.credentials.managementKey)) {
      const call = handlers['key:save'] as (req: unknown) => Promise<unknown>;
      await expect(call({ providerId: p.id, key: MANAGEMENT, slot: 'management' })).rejects.toThrow(/invalid payload for key:save: management keys can only be stored for/);
      await expect((handlers['key:remove'] as (req: unknown) => Promise<unknown>)({ providerId: p.id, slot: 'management' })).rejects.toThrow(/invalid payload/);
    }
    expect(h!.http.requests.length).toBe(before);
  });

  it('says OPENROUTER_MANAGEMENT_KEY is set (masked), which wins over a stored one', async () => {
    const handlers = await setup({ OPENROUTER_MANAGEMENT_KEY: ENV_MANAGEMENT });
    await h!.secrets.set('openrouter-management', MANAGEMENT);
    const view = await handlers['settings:get'](null);
    expect(view.managementKeys).toEqual([{ providerId: 'openrouter', origin: 'env', label: expect.stringMatching(/^sk-or-v1-…/), error: null }]);
    expect(JSON.stringify(view)).not.toContain(ENV_MANAGEMENT.slice(9, 40));
  });
});
