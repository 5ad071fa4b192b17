// Settings and the popover judge a credential with one function over the same data, so they agree
// on every state: missing, found, expired, invalid (refused) and error (unreadable).
import { openrouter } from '../../core/providers/openrouter/descriptor';
import { describe, expect, it } from 'vitest';
import type { ProviderError } from '../../core/errors';
import { emptySnapshot, makeWindow, type ProviderSnapshot } from '../../core/model';
import type { CredentialStatus } from '../../app/contract';
import { toCardView } from '../../renderer/view-model/card';
import { credentialView, type CredentialState } from '../../renderer/view-model/credentials';
import { initialKeyForm, keyFormStep } from '../../renderer/view-model/key-form';

const NOW = Date.UTC(2026, 8, 20, 12);
const FILE = '/home/me/.claude/.credentials.json';
const found: CredentialStatus = { providerId: 'claude', configured: true, origin: 'file', label: FILE, error: null };

function claude(status: ProviderSnapshot['status'], error: ProviderError | null): ProviderSnapshot {
  const windows = status === 'unconfigured' ? [] : [makeWindow({ id: 'five_hour', kind: 'session', label: '5-hour', usedPercent: 40 })];
  return { ...emptySnapshot('claude', status), attemptedAt: NOW, fetchedAt: status === 'ok' ? NOW : NOW - 60_000, windows, error };
}

const unreadable: ProviderError = { kind: 'credentials_invalid', detail: 'cannot read the file (EACCES)' };

const CASES: { state: CredentialState; c: CredentialStatus; s: ProviderSnapshot }[] = [
  { state: 'missing', c: { providerId: 'claude', configured: false, origin: null, label: null, error: null }, s: claude('unconfigured', null) },
  { state: 'found', c: found, s: claude('ok', null) },
  // The credentials file is there and parses, but the sign-in in it has expired.
  { state: 'expired', c: found, s: claude('error', { kind: 'unauthorized', status: 401, hint: 'token_expired' }) },
  // Recent numbers are kept (stale) while the sign-in is refused: still expired, not found.
  { state: 'expired', c: found, s: claude('stale', { kind: 'unauthorized', status: null, hint: 'token_expired' }) },
  { state: 'invalid', c: found, s: claude('error', { kind: 'unauthorized', status: 401, hint: null }) },
  { state: 'error', c: { providerId: 'claude', configured: false, origin: 'file', label: FILE, error: unreadable }, s: claude('error', unreadable) },
];

const card = (s: ProviderSnapshot) => toCardView(s, { now: NOW, thresholds: [80], lowBalanceUsd: 0, refreshing: false });

describe('a credential in Settings and in the popover', () => {
  for (const { state, c, s } of CASES) {
    it(`agrees on ${state} (${s.status})`, () => {
      const row = credentialView(c, s);
      const cardView = card(s);
      expect(row.state).toBe(state);
      expect(cardView.credential).toBe(state);
      if (state === 'expired' || state === 'invalid' || state === 'error') {
        // The same sentence in both windows.
        expect(row.text).toBe(cardView.problem?.reason);
        expect(row.hint).toBe(cardView.problem?.action);
      }
    });
  }

  it('never shows an expired Claude sign-in as found, with the words and remedy the popover uses', () => {
    const row = credentialView(found, CASES[2]!.s);
    expect(row.state).toBe('expired');
    expect(row.text).toBe('The sign-in has expired.');
    expect(row.text).not.toContain('Found in');
    expect(row.hint).toContain('/login');
  });

  it('keeps a credential found when the provider failed for another reason (the network, a 500)', () => {
    const s = claude('stale', { kind: 'upstream', status: 500, overloaded: false });
    expect(credentialView(found, s).state).toBe('found');
    expect(card(s).credential).toBe('found');
  });
});

describe('demo mode words', () => {
  it('says a stored demo key is kept for this session only, not in the keychain', () => {
    const c: CredentialStatus = { providerId: 'openrouter', configured: true, origin: 'keychain', label: 'sk-or-v1-…e41', error: null };
    expect(credentialView(c, null, { demo: true }).text).toBe('Kept for this session only (sk-or-v1-…e41)');
    expect(credentialView(c, null).text).toBe('Saved in the system keychain (sk-or-v1-…e41)');
  });

  it('says the demo server, not OpenRouter, rejected a key checked in demo mode', () => {
    const typed = keyFormStep(initialKeyForm, { type: 'input', value: 'sk-or-v1-plausible' });
    const busy = keyFormStep(typed, { type: 'submit', action: 'test', provider: openrouter });
    const rejected = { ok: false as const, error: { kind: 'unauthorized' as const, status: 401, hint: null } };
    const demo = keyFormStep(busy, { type: 'result', action: 'test', check: rejected, demo: true, provider: openrouter });
    const real = keyFormStep(busy, { type: 'result', action: 'test', check: rejected, provider: openrouter });
    expect(demo.phase === 'editing' && demo.message?.text).toMatch(/^The demo server rejected this key/);
    expect(demo.phase === 'editing' && demo.message?.text).not.toContain('OpenRouter rejected');
    expect(real.phase === 'editing' && real.message?.text).toBe('OpenRouter rejected this key. Check that it is current and not disabled.');
  });
});
