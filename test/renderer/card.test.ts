import { describe, it, expect } from 'vitest';
import { emptySnapshot, makeWindow, type ProviderSnapshot } from '../../core/model';
import { maskKey } from '../../core/providers/openrouter/key';
import { popoverMode, statusBadge, toCardView } from '../../renderer/view-model/card';
import { credentialView, keyLabels } from '../../renderer/view-model/credentials';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);
const MIN = 60_000;
const ctx = { now: NOW, thresholds: [80, 95], lowBalanceUsd: 2 };

function codex(over: Partial<ProviderSnapshot> = {}): ProviderSnapshot {
  return {
    ...emptySnapshot('codex', 'ok'),
    fetchedAt: NOW - 2 * MIN,
    attemptedAt: NOW - 2 * MIN,
    source: 'codex:wham/usage',
    windows: [
      makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent: 37, resetsAt: NOW + 90 * MIN }),
      makeWindow({ id: 'weekly', kind: 'weekly', label: 'Weekly', usedPercent: 12, resetsAt: NOW + 4 * 24 * 60 * MIN }),
    ],
    notes: [{ code: 'plan', plan: 'plus' }],
    account: { label: 'dev@example.com', plan: 'plus' },
    ...over,
  };
}

describe('status badge', () => {
  it('says OK for fresh data', () => {
    expect(statusBadge(codex())).toEqual({ tone: 'ok', text: 'OK' });
  });

  it('marks stale data and says how old it is', () => {
    const card = toCardView(codex({ status: 'stale', fetchedAt: NOW - 7 * MIN }), { ...ctx, refreshing: false });
    expect(card.badge).toEqual({ tone: 'stale', text: 'Stale' });
    expect(card.updated).toBe('updated 7 min ago');
  });

  it('marks errors and providers that are not set up', () => {
    expect(statusBadge(codex({ status: 'error' })).tone).toBe('error');
    expect(statusBadge({ ...emptySnapshot('openrouter'), attemptedAt: NOW })).toEqual({ tone: 'unconfigured', text: 'Not set up' });
  });
});

describe('a provider card', () => {
  it('leaves the provider\'s own name out of the plan on the account line, keeping a plan that is only that name', () => {
    const named = (plan: string) => toCardView(codex({ notes: [{ code: 'plan', plan }], account: { label: 'dev@example.com', plan } }), { ...ctx, refreshing: false }).account;
    expect(named('Codex Enterprise Seat')).toBe('Enterprise Seat · dev@example.com');
    expect(named('codex business')).toBe('Business · dev@example.com');
    expect(named('Codex')).toBe('Codex · dev@example.com');
    expect(named('Codexplus')).toBe('Codexplus · dev@example.com');
  });

  it('names the provider, its plan and account, and every window', () => {
    const card = toCardView(codex(), { ...ctx, refreshing: false });
    expect(card.name).toBe('Codex');
    expect(card.account).toBe('Plus · dev@example.com');
    expect(card.windows.map((w) => `${w.label}: ${w.display.headline}, ${w.countdown}`)).toEqual([
      '5-hour: 37 % used, resets in 1 h 30 min',
      'Weekly: 12 % used, resets in 4 d',
    ]);
    expect(card.updated).toBe('updated 2 min ago');
    expect(card.problem).toBeNull();
  });

  it('keeps last-known windows visible when the provider is in error, with the reason and what to do', () => {
    const card = toCardView(
      codex({ status: 'error', error: { kind: 'unauthorized', status: 401, hint: 'codex_login' } }),
      { ...ctx, refreshing: false },
    );
    expect(card.windows).toHaveLength(2);
    expect(card.problem?.reason).toBe('The sign-in was rejected or has expired.');
    expect(card.problem?.action).toContain('codex login');
  });

  it('explains a stale provider’s last error too', () => {
    const card = toCardView(
      codex({ status: 'stale', error: { kind: 'upstream', status: 503 } }),
      { ...ctx, refreshing: false },
    );
    expect(card.problem?.reason).toBe('The provider answered with an error (HTTP 503).');
    expect(card.windows).toHaveLength(2);
  });

  it('offers the verification page for a forbidden-validation error', () => {
    const card = toCardView(
      codex({ status: 'error', error: { kind: 'forbidden', status: 403, reason: 'validation', url: 'https://accounts.example.com/verify' } }),
      { ...ctx, refreshing: false },
    );
    expect(card.problem?.link).toEqual({ url: 'https://accounts.example.com/verify', label: 'Verify account' });
  });

  it('tells how to set up a provider that is not configured and shows no windows', () => {
    const s = { ...emptySnapshot('openrouter'), attemptedAt: NOW, error: { kind: 'unconfigured' as const, what: 'openrouter key' } };
    const card = toCardView(s, { ...ctx, refreshing: false });
    expect(card.windows).toEqual([]);
    expect(card.problem?.action).toContain('Add an OpenRouter key in Settings');
    expect(card.updated).toBe('never updated');
  });

  it('lists notes in words but keeps the plan for the header', () => {
    const card = toCardView(
      codex({ notes: [{ code: 'plan', plan: 'pro' }, { code: 'unlimited_credits' }, { code: 'no_spending_limit' }] }),
      { ...ctx, refreshing: false },
    );
    expect(card.notes).toEqual(['Unlimited credits.', 'No spending limit on this key: showing spend instead.']);
  });

  it('says how long ago a log observation was made, as of now', () => {
    const card = toCardView(codex({ notes: [{ code: 'unlimited_credits' }, { code: 'observed_at', at: NOW - 3 * 60 * MIN }] }), {
      ...ctx,
      refreshing: false,
    });
    expect(card.notes).toEqual(['Unlimited credits.', 'Last observed 3 h ago.']);
  });
});

describe('popover mode', () => {
  it('is connecting until the first view arrives', () => {
    expect(popoverMode(null, ctx)).toEqual({ mode: 'connecting' });
  });

  it('leads to Settings when nothing is configured', () => {
    const checked = (id: string) => ({ ...emptySnapshot(id), attemptedAt: NOW, error: { kind: 'unconfigured' as const, what: id } });
    const view = { snapshots: [checked('openrouter'), checked('codex')], refreshing: [] };
    expect(popoverMode(view, ctx)).toEqual({ mode: 'empty' });
    expect(popoverMode({ snapshots: [], refreshing: [] }, ctx)).toEqual({ mode: 'empty' });
  });

  it('keeps loading rather than claiming nothing is set up before the first poll ends', () => {
    const view = { snapshots: [emptySnapshot('openrouter'), emptySnapshot('codex')], refreshing: ['openrouter', 'codex'] };
    expect(popoverMode(view, ctx)).toEqual({ mode: 'connecting' });
  });

  it('shows a provider still being checked as such, not as "not set up"', () => {
    const card = toCardView(emptySnapshot('claude'), { ...ctx, refreshing: true });
    expect(card.badge).toEqual({ tone: 'pending', text: 'Checking…' });
    expect(card.problem).toBeNull();
  });

  it('puts configured providers first and marks the ones being refreshed', () => {
    const view = { snapshots: [emptySnapshot('openrouter'), codex()], refreshing: ['codex'] };
    const mode = popoverMode(view, ctx);
    if (mode.mode !== 'cards') throw new Error(`expected cards, got ${mode.mode}`);
    expect(mode.cards.map((c) => [c.name, c.refreshing])).toEqual([
      ['Codex', true],
      ['OpenRouter', false],
    ]);
    expect(mode.anyRefreshing).toBe(true);
  });
});

describe('the key label on a card', () => {
  it('is the same mask Settings shows (maskKey), not the provider\'s own longer label', () => {
    const key = `sk-or-v1-964${'0'.repeat(50)}46c`;
    const credentials = [
      { providerId: 'openrouter', configured: true, origin: 'keychain' as const, label: maskKey(key), error: null },
      { providerId: 'codex', configured: true, origin: 'file' as const, label: '/home/me/.codex/auth.json', error: null },
    ];
    const snap = { ...emptySnapshot('openrouter', 'ok'), account: { label: 'sk-or-v1-964…46c', plan: null } };
    const card = toCardView(snap, { now: 0, thresholds: [80], lowBalanceUsd: 0, refreshing: false, keyLabels: keyLabels(credentials) });
    expect(card.account).toBe('sk-or-v1-…46c');
    expect(credentialView(credentials[0]!).text).toBe('Saved in the system keychain (sk-or-v1-…46c)');
    // A file path is where a sign-in lives, not an account label: Codex keeps its own.
    expect(keyLabels(credentials)).toEqual({ openrouter: 'sk-or-v1-…46c' });
  });
});
