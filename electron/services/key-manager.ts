// The OpenRouter key's life in the settings window: test, save (only after /key accepts it), remove.
// The key goes to OpenRouter's /key and to the keychain, nowhere else; callers only ever get a masked label.
import type { HttpClient, SecretStore } from '../../core/ports';
import { maskKey, validateOpenRouterKey } from '../../core/providers/openrouter/provider';
import { OPENROUTER_ACCOUNT } from '../../adapters/compose';
import type { KeyCheck } from '../ipc-contract';
import { keyFormatProblem } from '../../core/providers/openrouter/key';
import { serialQueue } from './serial';

export interface KeyManagerDeps {
  http: HttpClient;
  baseUrl: string;
  secrets: SecretStore;
  /** Called after the stored key changed (saved or removed). */
  onChange: () => void;
}

export interface KeyManager {
  test(key: string): Promise<KeyCheck>;
  save(key: string): Promise<KeyCheck>;
  /** Throws when the keychain cannot be reached (the message names no secret). */
  remove(): Promise<void>;
}

export function createKeyManager(deps: KeyManagerDeps): KeyManager {
  // Saves and removals run one at a time, so the last click wins and the poller sees each change once.
  const serial = serialQueue();

  const test = async (key: string): Promise<KeyCheck> => {
    const problem = keyFormatProblem(key);
    if (problem !== null) return { ok: false, error: { kind: 'invalid_format', detail: problem } };
    const r = await validateOpenRouterKey(deps.http, deps.baseUrl, key);
    if (!r.ok) return { ok: false, error: r.error };
    // Our own mask, never the server's label: the settings status shows the same text after a restart.
    return { ok: true, label: maskKey(key) };
  };

  return {
    test,
    save: (key) =>
      serial(async () => {
        const check = await test(key);
        if (!check.ok) return check;
        const stored = await deps.secrets.set(OPENROUTER_ACCOUNT, key);
        if (!stored.ok) return { ok: false, error: stored.error };
        deps.onChange();
        return check;
      }),
    remove: () =>
      serial(async () => {
        const r = await deps.secrets.remove(OPENROUTER_ACCOUNT);
        if (!r.ok) throw new Error(`The key could not be removed: the keychain is unavailable (${r.error.kind}).`);
        if (r.value) deps.onChange();
      }),
  };
}
