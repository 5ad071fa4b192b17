import { readFile } from 'node:fs/promises';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonSettingsStore } from '../../adapters/json-settings-store';
import { keychainNameFor, labelProblem, normalizeAccounts } from '../../core/accounts';
import { normalizeSettings } from '../../core/settings';

const V1 = join(__dirname, '..', 'fixtures', 'settings', 'v1-settings.json');

describe('settings written before accounts existed', () => {
  it('keep every old value and read as no extra accounts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotabar-v1-'));
    try {
      const path = join(dir, 'settings.json');
      await copyFile(V1, path);
      const old = JSON.parse(await readFile(V1, 'utf8')) as Record<string, unknown>;
      const store = new JsonSettingsStore(path);
      const loaded = await store.load();
      expect(loaded.problem).toBeNull();
      for (const [k, v] of Object.entries(old)) expect(loaded.settings[k as keyof typeof loaded.settings]).toEqual(v);
      expect(loaded.settings.accounts).toEqual([]);
      // Saved again by the new app, nothing old is lost and the file now has the list.
      await store.save(loaded.settings);
      const resaved = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
      // (and the later fields at their defaults: pace alerts off).
      // The old file chose 5 minutes: that stays a fixed interval rather than becoming adaptive.
      expect(resaved).toEqual({ ...old, pollingMode: 'fixed', accounts: [], predictiveAlerts: [], predictiveMarginMin: 30, trayPin: null, shareLocalApi: false, localApiPort: 6736, localApiOrigin: '', credentialOptIn: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the account list', () => {
  const two = [
    { providerId: 'openrouter', label: 'team', enabled: true },
    { providerId: 'openrouter', label: 'side', enabled: false },
    { providerId: 'codex', label: 'work', enabled: true, dir: '/w/codex' },
    { providerId: 'codex', label: 'home', enabled: true, dir: '/h/codex' },
    { providerId: 'claude', label: 'work', enabled: true, dir: '/w/claude' },
    { providerId: 'claude', label: 'home', enabled: true, dir: '/h/claude' },
  ];

  it('keeps two accounts of each provider in the order given', () => {
    expect(normalizeSettings({ accounts: two }).accounts).toEqual(two);
  });

  it('drops a repeated label of one provider (case-insensitively) but allows it for another provider', () => {
    const r = normalizeAccounts([...two, { providerId: 'codex', label: 'WORK', enabled: true, dir: '/x' }]);
    expect(r?.filter((a) => a.providerId === 'codex').map((a) => a.label)).toEqual(['work', 'home']);
    expect(r?.filter((a) => a.label === 'work').map((a) => a.providerId)).toEqual(['codex', 'claude']);
  });

  it('drops entries without a usable label or provider, and keeps the rest', () => {
    const r = normalizeAccounts([{ providerId: 'codex', label: '' }, { providerId: 'Codex!', label: 'a' }, { label: 'x' }, 'junk', two[2]]);
    expect(r).toEqual([two[2]]);
  });

  it('keeps the current list when the field is not a list', () => {
    const base = normalizeSettings({ accounts: two });
    expect(normalizeSettings({ accounts: 'oops' }, base).accounts).toEqual(two);
  });

  it('refuses labels that would be confusing in a keychain entry or on a card', () => {
    expect(labelProblem('work')).toBeNull();
    expect(labelProblem('Team 2.b_c-d')).toBeNull();
    expect(labelProblem(' work')).not.toBeNull();
    expect(labelProblem('a:b')).not.toBeNull();
    expect(labelProblem('x'.repeat(41))).not.toBeNull();
  });

  it('names the implicit key entry as before and a labelled one after it', () => {
    expect(keychainNameFor('openrouter', null)).toBe('openrouter');
    expect(keychainNameFor('openrouter', 'team')).toBe('openrouter:team');
  });
});
