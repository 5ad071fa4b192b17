// Where settings live: the JSON file (adapters/json-settings-store) or, in demo mode, memory only,
// so trying the demo never changes a user's real settings.
import type { Result } from '../core/errors';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { JsonSettingsStore } from './json-settings-store';

export interface SettingsPersistence {
  load(): Promise<{ settings: Settings }>;
  save(s: Settings): Promise<Result<void, { kind: 'unwritable'; code: string }>>;
}

export function fileSettings(path: string): SettingsPersistence {
  return new JsonSettingsStore(path);
}

export function memorySettings(initial: Settings = DEFAULT_SETTINGS): SettingsPersistence {
  let current = initial;
  return {
    load: async () => ({ settings: current }),
    save: async (s) => {
      current = s;
      return { ok: true, value: undefined };
    },
  };
}
