// Several accounts of one provider in the popover and the tray: one card and one menu row each,
// named by the account's label, in the provider's place.
import { describe, expect, it } from 'vitest';
import { emptySnapshot, makeWindow, type ProviderSnapshot } from '../../core/model';
import { popoverMode } from '../../renderer/view-model/card';
import { menuRows, trayModel } from '../../app/tray-model';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);
const ctx = { now: NOW, thresholds: [80, 95], lowBalanceUsd: 2 };

function snap(providerId: string, accountLabel: string | null, usedPercent: number): ProviderSnapshot {
  return {
    ...emptySnapshot(providerId, 'ok', accountLabel),
    fetchedAt: NOW - 60_000,
    attemptedAt: NOW - 60_000,
    windows: [makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent, resetsAt: NOW + 3_600_000 })],
  };
}

// Two labelled accounts of each provider beside its implicit one, in the order the poller emits them.
const view = {
  snapshots: ['openrouter', 'codex', 'claude'].flatMap((id) => [snap(id, null, 10), snap(id, 'work', 50), snap(id, 'home', 97)]),
  refreshing: [],
};

describe('cards of several accounts', () => {
  it('are one per account, named by label, grouped under their provider', () => {
    const mode = popoverMode(view, ctx);
    if (mode.mode !== 'cards') throw new Error(`expected cards, got ${mode.mode}`);
    expect(mode.cards.map((c) => c.name)).toEqual([
      'OpenRouter', 'OpenRouter · work', 'OpenRouter · home',
      'Codex', 'Codex · work', 'Codex · home',
      'Claude', 'Claude · work', 'Claude · home',
    ]);
    expect(new Set(mode.cards.map((c) => c.key)).size).toBe(9);
  });

  it('show the implicit account’s stored key label only on the implicit OpenRouter card', () => {
    const mode = popoverMode(view, { ...ctx, keyLabels: { openrouter: 'sk-or-v1-…abc' } });
    if (mode.mode !== 'cards') throw new Error('expected cards');
    expect(mode.cards.filter((c) => c.providerId === 'openrouter').map((c) => c.account)).toEqual(['sk-or-v1-…abc', null, null]);
  });

  it('say what is missing for a labelled account without its provider’s default setup words', () => {
    const missing = { ...emptySnapshot('codex', 'unconfigured', 'work'), attemptedAt: NOW, error: { kind: 'unconfigured' as const, what: 'codex' } };
    const mode = popoverMode({ snapshots: [snap('codex', null, 10), missing], refreshing: [] }, ctx);
    if (mode.mode !== 'cards') throw new Error('expected cards');
    expect(mode.cards[1]?.problem?.reason).toBe('No key or sign-in was found for this account.');
    expect(mode.cards[1]?.problem?.action).toBe(
      'Sign in with Codex with CODEX_HOME set to this account\'s folder (the folder is shown by `quotabar account list`), then refresh.',
    );
    // The implicit account keeps its provider's own words.
    const implicit = popoverMode({ snapshots: [snap('openrouter', null, 10), { ...missing, accountLabel: null }], refreshing: [] }, ctx);
    if (implicit.mode !== 'cards') throw new Error('expected cards');
    expect(implicit.cards[1]?.problem?.action).not.toContain('quotabar account');
  });

  it('tell how to replace a refused key of a labelled account with the account commands', () => {
    const refused = { ...emptySnapshot('openrouter', 'error', 'work'), attemptedAt: NOW, error: { kind: 'unauthorized' as const, status: 401, hint: null } };
    const mode = popoverMode({ snapshots: [snap('codex', null, 10), refused], refreshing: [] }, ctx);
    if (mode.mode !== 'cards') throw new Error('expected cards');
    expect(mode.cards[1]?.problem?.action).toBe('Store a working key for it: `quotabar account remove openrouter work`, then `quotabar account add openrouter --label work`.');
  });
});

describe('the tray with several accounts', () => {
  it('names the account in each menu row', () => {
    const rows = menuRows(view, NOW);
    expect(rows).toHaveLength(9);
    expect(rows[4]).toMatch(/^Codex \(work\) 5-hour 50 % used/);
    expect(rows[8]).toMatch(/^Claude \(home\) 5-hour 97 % used/);
  });

  it('names the account holding the tightest window in the tooltip', () => {
    expect(trayModel(view, [80, 95], NOW).tooltip.split('\n')[0]).toMatch(/^OpenRouter \(home\) 5-hour: 97 % used/);
  });
});
