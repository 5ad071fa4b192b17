// Accounts managed from the settings window, through the same handlers both shells call: what ends up
// in the keychain, in the settings file and in the poller's cards.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createInvokeHandlers, type WindowActions } from '../../app/handlers';
import type { AccountResult } from '../../app/contract';
import { CANARY_KEY, fixture, fixtureText, makeHarness, type Harness } from '../support/app-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.dispose();
  h = null;
});

const WORK_KEY = CANARY_KEY.replace('canary', 'work00');
const HOME_KEY = CANARY_KEY.replace('canary', 'home00');
const capped = { status: 200, body: fixture('openrouter/key-capped-weekly.json') };
const unauthorized = { status: 401, body: fixture('openrouter/error-401.json') };
const noWindows: WindowActions = { openSettings() {}, openHistory() {}, openCost() {}, hidePopover() {}, fitPopover() {}, openExternal() {}, quit() {} };

// Payloads as a renderer sends them: optional fields left out (the schema fills them in).
type AccountCalls = Record<'account:add' | 'account:test' | 'account:update' | 'account:move' | 'account:remove', (req: object) => Promise<AccountResult>>;

async function setup(opts: Parameters<typeof makeHarness>[0] = {}): Promise<AccountCalls> {
  h = await makeHarness({ key: CANARY_KEY, script: (http) => http.on('/key', capped), ...opts });
  return createInvokeHandlers(h.services, noWindows) as unknown as AccountCalls;
}
const fileAccounts = async (hh: Harness) => (JSON.parse(await readFile(hh.settingsPath, 'utf8')) as { accounts: unknown[] }).accounts;
const cards = (hh: Harness) => hh.services.view().snapshots.filter((s) => s.providerId === 'openrouter').map((s) => s.accountLabel);
const keyRequests = (hh: Harness, key: string) => hh.http.requests.filter((r) => r.headers?.Authorization === `Bearer ${key}`).length;

describe('accounts from the settings window', () => {
  it('add an OpenRouter account: the key is checked once, stored as openrouter:<label>, and the row is saved', async () => {
    const call = await setup();
    const r = await call['account:add']({ providerId: 'openrouter', label: 'work', key: WORK_KEY, dir: null });
    expect(r).toEqual({ ok: true, message: "Added OpenRouter (work); key sk-or-v1-…123 is kept in the system keychain as 'openrouter:work'." });
    expect(keyRequests(h!, WORK_KEY)).toBe(1);
    expect(await h!.secrets.get('openrouter:work')).toEqual({ ok: true, value: WORK_KEY });
    expect(await h!.secrets.get('openrouter')).toEqual({ ok: true, value: CANARY_KEY });
    expect(await fileAccounts(h!)).toEqual([{ providerId: 'openrouter', label: 'work', enabled: true }]);
    await h!.clock.advance(0);
    expect(cards(h!)).toEqual([null, 'work']);
  });

  it('refuse a bad label, a repeated label or a key of the wrong format without any request or stored entry', async () => {
    const call = await setup({ settingsFile: { accounts: [{ providerId: 'openrouter', label: 'work', enabled: true }] } });
    const refused = [
      await call['account:add']({ providerId: 'openrouter', label: ' work!', key: WORK_KEY }),
      await call['account:add']({ providerId: 'openrouter', label: 'WORK', key: WORK_KEY }),
      await call['account:add']({ providerId: 'openrouter', label: 'home', key: 'sk-proj-abcdefabcdefabcdefabcdef' }),
    ];
    expect(refused.map((r) => r.ok)).toEqual([false, false, false]);
    expect(refused[0]!.message).toMatch(/^That label cannot be used: a label is 1–40 letters/);
    expect(refused[1]!.message).toBe('OpenRouter (WORK) already exists: choose another label.');
    expect(refused[2]!.message).toMatch(/^Not added: That key cannot be right: /);
    expect(h!.http.requests).toEqual([]);
    expect(await h!.secrets.get('openrouter:home')).toEqual({ ok: true, value: null });
    expect(await fileAccounts(h!)).toEqual([{ providerId: 'openrouter', label: 'work', enabled: true }]);
  });

  it('store nothing when OpenRouter refuses the key', async () => {
    const call = await setup({ script: (http) => http.on('/key', unauthorized) });
    const r = await call['account:add']({ providerId: 'openrouter', label: 'work', key: WORK_KEY });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Not added: /);
    expect(await h!.secrets.get('openrouter:work')).toEqual({ ok: true, value: null });
    expect(await readFile(h!.settingsPath, 'utf8').catch(() => 'none')).toBe('none');
  });

  it('remove an account: its keychain entry and its row go, nothing else changes', async () => {
    const rows = [
      { providerId: 'openrouter', label: 'work', enabled: true },
      { providerId: 'openrouter', label: 'home', enabled: false },
      { providerId: 'codex', label: 'work', enabled: true, dir: '/acc/codex-work' },
    ];
    const call = await setup({ settingsFile: { accounts: rows, refreshIntervalSec: 300 } });
    await h!.secrets.set('openrouter:work', WORK_KEY);
    await h!.secrets.set('openrouter:home', HOME_KEY);
    const r = await call['account:remove']({ providerId: 'openrouter', label: 'work' });
    expect(r).toEqual({ ok: true, message: "Removed OpenRouter (work) and its keychain entry 'openrouter:work'." });
    expect(await h!.secrets.get('openrouter:work')).toEqual({ ok: true, value: null });
    expect(await h!.secrets.get('openrouter:home')).toEqual({ ok: true, value: HOME_KEY });
    expect(await h!.secrets.get('openrouter')).toEqual({ ok: true, value: CANARY_KEY });
    const file = JSON.parse(await readFile(h!.settingsPath, 'utf8')) as { accounts: unknown[]; refreshIntervalSec: number };
    expect(file.accounts).toEqual([rows[1], rows[2]]);
    expect(file.refreshIntervalSec).toBe(300);
  });

  it('move an account up or down among its provider’s accounts, and the cards follow', async () => {
    const rows = [
      { providerId: 'openrouter', label: 'a', enabled: true },
      { providerId: 'codex', label: 'x', enabled: true, dir: '/acc/x' },
      { providerId: 'openrouter', label: 'b', enabled: true },
    ];
    const call = await setup({ settingsFile: { accounts: rows } });
    expect((await call['account:move']({ providerId: 'openrouter', label: 'b', direction: 'up' })).ok).toBe(true);
    expect(await fileAccounts(h!)).toEqual([rows[2], rows[1], rows[0]]);
    await h!.clock.advance(0);
    expect(cards(h!)).toEqual([null, 'b', 'a']);
    expect(await call['account:move']({ providerId: 'openrouter', label: 'b', direction: 'up' })).toEqual({ ok: true, message: 'OpenRouter (b) is already first.' });
  });

  it('disable an account: its card goes and its key is no longer sent; enable brings both back', async () => {
    const call = await setup({ settingsFile: { accounts: [{ providerId: 'openrouter', label: 'work', enabled: true }] } });
    await h!.secrets.set('openrouter:work', WORK_KEY);
    h!.services.start();
    await h!.clock.advance(0);
    expect(keyRequests(h!, WORK_KEY)).toBe(1);
    const off = await call['account:update']({ providerId: 'openrouter', label: 'work', enabled: false });
    expect(off).toEqual({ ok: true, message: 'OpenRouter (work) is disabled: it is no longer polled.' });
    await h!.services.refresh(null);
    expect(cards(h!)).toEqual([null]);
    expect(keyRequests(h!, WORK_KEY)).toBe(1);
    await call['account:update']({ providerId: 'openrouter', label: 'work', enabled: true });
    await h!.services.refresh(null);
    expect(cards(h!)).toEqual([null, 'work']);
    expect(keyRequests(h!, WORK_KEY)).toBeGreaterThan(1);
  });

  it('relabel an OpenRouter account by moving its key to the new entry', async () => {
    const call = await setup({ settingsFile: { accounts: [{ providerId: 'openrouter', label: 'work', enabled: true }] } });
    await h!.secrets.set('openrouter:work', WORK_KEY);
    expect(await call['account:update']({ providerId: 'openrouter', label: 'work', newLabel: 'office' })).toEqual({ ok: true, message: 'Renamed to OpenRouter (office).' });
    expect(await h!.secrets.get('openrouter:office')).toEqual({ ok: true, value: WORK_KEY });
    expect(await h!.secrets.get('openrouter:work')).toEqual({ ok: true, value: null });
    expect(await fileAccounts(h!)).toEqual([{ providerId: 'openrouter', label: 'office', enabled: true }]);
  });

  it('test a stored account’s key without changing anything', async () => {
    const call = await setup({ settingsFile: { accounts: [{ providerId: 'openrouter', label: 'work', enabled: true }] } });
    await h!.secrets.set('openrouter:work', WORK_KEY);
    expect(await call['account:test']({ providerId: 'openrouter', label: 'work' })).toEqual({ ok: true, message: 'Key sk-or-v1-…123 works.' });
    expect(keyRequests(h!, WORK_KEY)).toBe(1);
    expect(await call['account:test']({ providerId: 'openrouter', label: 'gone' })).toMatchObject({ ok: false });
  });

  it('add a Codex account only for a folder that exists, and test its sign-in', async () => {
    const call = await setup();
    expect(await call['account:add']({ providerId: 'codex', label: 'work', dir: '/acc/none' })).toEqual({ ok: false, message: 'There is no folder at /acc/none.' });
    expect(await call['account:add']({ providerId: 'codex', label: 'work', dir: 'relative/dir' })).toEqual({ ok: false, message: 'Give the folder’s full path.' });
    h!.files.write('/acc/codex-work/auth.json', fixtureText('codex/auth-chatgpt.json'));
    const r = await call['account:add']({ providerId: 'codex', label: 'work', dir: '/acc/codex-work' });
    expect(r).toEqual({ ok: true, message: 'Added Codex (work); it signs in from /acc/codex-work.' });
    expect(await fileAccounts(h!)).toEqual([{ providerId: 'codex', label: 'work', enabled: true, dir: '/acc/codex-work' }]);
    const tested = await call['account:test']({ providerId: 'codex', label: 'work' });
    expect(typeof tested.message).toBe('string');
    expect(tested.message).not.toMatch(/eyJ|access_token/);
  });

  it('refuse malformed requests before anything runs', async () => {
    const call = await setup();
    await expect(call['account:move']({ providerId: 'openrouter', label: 'work', direction: 'left' })).rejects.toThrow(/direction must be up or down/);
    await expect(call['account:remove']({ providerId: '../x', label: 'work' })).rejects.toThrow(/unknown provider id/);
  });
});
