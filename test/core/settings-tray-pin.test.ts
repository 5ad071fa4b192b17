import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings, normalizeTrayPin } from '../../core/settings';
import * as v from 'valibot';
import { SettingsPatch } from '../../app/schemas';

const V1 = join(__dirname, '..', 'fixtures', 'settings', 'v1-settings.json');
const pin = { providerId: 'codex', accountLabel: 'work', windowId: 'weekly' };

describe('the tray pin setting', () => {
  it('reads as "tightest window" from a file written before it existed', async () => {
    const old = JSON.parse(await readFile(V1, 'utf8')) as Record<string, unknown>;
    const s = normalizeSettings(old);
    expect(s.trayPin).toBeNull();
    expect(s.thresholds).toEqual(old.thresholds);
  });

  it('survives a save and a load', () => {
    const saved = JSON.parse(JSON.stringify({ ...DEFAULT_SETTINGS, trayPin: pin })) as unknown;
    expect(normalizeSettings(saved).trayPin).toEqual(pin);
    expect(normalizeSettings({ trayPin: { providerId: 'claude', windowId: 'session' } }).trayPin).toEqual({ providerId: 'claude', accountLabel: null, windowId: 'session' });
  });

  it('keeps the current pin when the file holds a garbled one, and unpins on null', () => {
    const base = { ...DEFAULT_SETTINGS, trayPin: pin };
    for (const bad of ['codex', 7, [], { providerId: 'Codex!', windowId: 'weekly' }, { providerId: 'codex' }, { providerId: 'codex', windowId: 'w', accountLabel: 3 }]) {
      expect(normalizeTrayPin(bad)).toBeNull();
      expect(normalizeSettings({ trayPin: bad }, base).trayPin).toEqual(pin);
    }
    expect(normalizeSettings({ trayPin: null }, base).trayPin).toBeNull();
    expect(normalizeSettings({}, base).trayPin).toEqual(pin);
  });

  it('is accepted from the settings window as a pin or null, and a garbled one is dropped from the patch', () => {
    expect(v.parse(SettingsPatch, { trayPin: pin })).toEqual({ trayPin: pin });
    expect(v.parse(SettingsPatch, { trayPin: null })).toEqual({ trayPin: null });
    expect(v.parse(SettingsPatch, { trayPin: { providerId: 'codex' } })).toEqual({});
  });
});
