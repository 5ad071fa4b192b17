// Demo mode keeps settings in memory: saving there must never reach a file, and reads see the save.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { memorySettings } from '../../adapters/settings-persistence';

describe('in-memory settings', () => {
  it('starts from the defaults, or from the settings it was given', async () => {
    expect((await memorySettings().load()).settings).toEqual(DEFAULT_SETTINGS);
    const given = { ...DEFAULT_SETTINGS, startAtLogin: !DEFAULT_SETTINGS.startAtLogin };
    expect((await memorySettings(given).load()).settings).toEqual(given);
  });

  it('reads back what was saved', async () => {
    const store = memorySettings();
    const changed = { ...DEFAULT_SETTINGS, startAtLogin: !DEFAULT_SETTINGS.startAtLogin };
    expect(await store.save(changed)).toEqual({ ok: true, value: undefined });
    expect((await store.load()).settings).toEqual(changed);
  });
});
