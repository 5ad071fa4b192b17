import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonSettingsStore } from '../../adapters/json-settings-store';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';

let dir = '';
let path = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quotabar-settings-'));
  path = join(dir, 'quotabar', 'settings.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const mine: Settings = { pollingMode: 'fixed', refreshIntervalSec: 300, thresholds: [50, 90], lowBalanceUsd: 5, resetNotice: true, startAtLogin: true, autoUpdate: false, trayOverflowNoticeShown: true, accounts: [{ providerId: 'codex', label: 'work', enabled: true, dir: '/home/me/.codex-work' }], predictiveAlerts: ['claude'], predictiveMarginMin: 45, trayPin: { providerId: 'codex', accountLabel: 'work', windowId: 'weekly' }, shareLocalApi: true, localApiPort: 7000, localApiOrigin: 'http://localhost:3000', credentialOptIn: ['claude'] };

describe('JsonSettingsStore', () => {
  it('gives defaults and no problem on first run, when there is no file yet', async () => {
    expect(await new JsonSettingsStore(path).load()).toEqual({ settings: DEFAULT_SETTINGS, problem: null });
  });

  it('saves and loads the same settings, creating the folder', async () => {
    const store = new JsonSettingsStore(path);
    expect(await store.save(mine)).toEqual({ ok: true, value: undefined });
    expect(await new JsonSettingsStore(path).load()).toEqual({ settings: mine, problem: null });
  });

  it('writes a file only the user can read, with no temp files left behind', async () => {
    await new JsonSettingsStore(path).save(mine);
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'quotabar'))).toEqual(['settings.json']);
  });

  it('keeps valid fields and defaults the bad ones in a hand-edited file', async () => {
    const store = new JsonSettingsStore(path);
    await store.save(mine);
    await writeFile(path, JSON.stringify({ ...mine, refreshIntervalSec: 'often', thresholds: 'x' }));
    expect(await store.load()).toEqual({
      settings: { ...mine, refreshIntervalSec: DEFAULT_SETTINGS.refreshIntervalSec, thresholds: DEFAULT_SETTINGS.thresholds },
      problem: null,
    });
  });

  it('falls back to defaults on a corrupt file and keeps the file aside, untouched', async () => {
    const store = new JsonSettingsStore(path);
    await store.save(mine);
    await writeFile(path, 'not json {');
    expect(await store.load()).toEqual({ settings: DEFAULT_SETTINGS, problem: 'corrupt' });
    expect(await readFile(`${path}.corrupt-1`, 'utf8')).toBe('not json {');
    expect(await readdir(join(dir, 'quotabar'))).toEqual(['settings.json.corrupt-1']);
  });

  it('treats a half-written (truncated) file as corrupt', async () => {
    const store = new JsonSettingsStore(path);
    await store.save(mine);
    const full = await readFile(path, 'utf8');
    await writeFile(path, full.slice(0, Math.floor(full.length / 2)));
    expect(await store.load()).toEqual({ settings: DEFAULT_SETTINGS, problem: 'corrupt' });
  });

  it.each([['an empty file', ''], ['a JSON array', '[1,2]'], ['JSON null', 'null']])(
    'treats %s as corrupt',
    async (_name, text) => {
      const store = new JsonSettingsStore(path);
      await store.save(mine);
      await writeFile(path, text);
      expect((await store.load()).problem).toBe('corrupt');
    },
  );

  it('never overwrites an earlier corrupt copy', async () => {
    const store = new JsonSettingsStore(path);
    await store.save(mine);
    await writeFile(path, 'first bad');
    await store.load();
    await writeFile(path, 'second bad');
    await store.load();
    expect(await readFile(`${path}.corrupt-1`, 'utf8')).toBe('first bad');
    expect(await readFile(`${path}.corrupt-2`, 'utf8')).toBe('second bad');
  });

  it('saves fresh settings after a corrupt file was moved aside', async () => {
    const store = new JsonSettingsStore(path);
    await store.save(mine);
    await writeFile(path, '{{{');
    await store.load();
    await store.save({ ...mine, lowBalanceUsd: 9 });
    expect(await store.load()).toEqual({ settings: { ...mine, lowBalanceUsd: 9 }, problem: null });
  });

  it('reports unreadable (and defaults) when the path is not a readable file', async () => {
    const store = new JsonSettingsStore(dir);
    expect(await store.load()).toEqual({ settings: DEFAULT_SETTINGS, problem: 'unreadable' });
  });

  it('returns an error instead of throwing when the folder cannot be written', async () => {
    await writeFile(join(dir, 'blocker'), 'a file where the folder should be');
    const store = new JsonSettingsStore(join(dir, 'blocker', 'settings.json'));
    const r = await store.save(mine);
    expect(r).toEqual({ ok: false, error: { kind: 'unwritable', code: expect.stringMatching(/^E[A-Z]+$/) } });
    // The system's own code, not a stand-in.
    expect(!r.ok && ['EEXIST', 'ENOTDIR'].includes(r.error.code)).toBe(true);
  });

  it('keeps the previous settings when a save was interrupted before the rename', async () => {
    const store = new JsonSettingsStore(path);
    await store.save(mine);
    // What a crash mid-save leaves: a half-written temp file next to the intact original.
    await writeFile(join(dir, 'quotabar', `.settings.json.999.deadbeef.tmp`), '{"refreshIntervalSec": 6');
    expect(await store.load()).toEqual({ settings: mine, problem: null });
    expect(await store.save({ ...mine, resetNotice: false })).toEqual({ ok: true, value: undefined });
    expect((await store.load()).settings.resetNotice).toBe(false);
  });

  it('stores only normalised values', async () => {
    const store = new JsonSettingsStore(path);
    await store.save({ ...mine, refreshIntervalSec: 1 });
    expect(JSON.parse(await readFile(path, 'utf8')).refreshIntervalSec).toBe(30);
  });
});
