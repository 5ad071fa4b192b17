// Which provider's sign-in words a refused request gets: the one its hint names (a `<id>_login`
// hint), else the provider's own, else the stored-key words; and the variable named when the
// keychain cannot be used.
import { describe, expect, it } from 'vitest';
import { describeError } from '../../core/present';

const refused = (hint: 'claude_login' | 'codex_login' | 'check_key' | null, providerId: string) =>
  describeError({ kind: 'unauthorized', status: 401, hint }, providerId);

describe('a refused sign-in', () => {
  it('points at the provider a `<id>_login` hint names, whatever provider reported it', () => {
    expect(refused('claude_login', 'codex').action).toBe('Sign in again with Claude Code (run `claude`, then /login), then refresh.');
    expect(refused('codex_login', 'claude').action).toBe('Run `codex login` in a terminal, then refresh.');
  });

  it('uses the reporting provider’s words for other hints', () => {
    expect(refused('check_key', 'openrouter')).toEqual({ reason: 'The key was rejected (invalid or disabled).', action: 'Check the key in Settings, or replace it.' });
    expect(refused(null, 'codex').action).toBe('Run `codex login` in a terminal, then refresh.');
  });

  it('falls back to plain words naming no other provider for a provider Quotabar does not know', () => {
    expect(refused(null, 'someday')).toEqual({ reason: 'The sign-in was rejected or has expired.', action: 'Check the key or sign-in, then try again.' });
  });
});

describe('an unavailable keychain', () => {
  it('names the provider’s own key variable, and none for a provider without one or unknown to Quotabar', () => {
    const action = (id: string) => describeError({ kind: 'keychain_unavailable', detail: 'x' }, id).action;
    expect(action('openrouter')).toBe('Unlock or start your keyring (e.g. gnome-keyring), or set OPENROUTER_API_KEY.');
    expect(action('claude')).toBe('Unlock or start your keyring (e.g. gnome-keyring).');
    expect(action('someday')).toBe('Unlock or start your keyring (e.g. gnome-keyring).');
  });
});
