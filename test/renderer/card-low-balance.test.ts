// The card's badge for a balance under the low-balance alert line: "Low", never "OK".
import { describe, expect, it } from 'vitest';
import { emptySnapshot, makeWindow, type ProviderSnapshot } from '../../core/model';
import { toCardView } from '../../renderer/view-model/card';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);

function openrouter(remaining: number, over: Partial<ProviderSnapshot> = {}): ProviderSnapshot {
  return {
    ...emptySnapshot('openrouter', 'ok'),
    fetchedAt: NOW,
    attemptedAt: NOW,
    windows: [makeWindow({ id: 'credits', kind: 'credits', label: 'Weekly limit', unit: 'usd', limit: 20, used: 20 - remaining, remaining, resetsAt: null })],
    ...over,
  };
}

const card = (s: ProviderSnapshot, lowBalanceUsd: number) => toCardView(s, { now: NOW, thresholds: [80, 95], lowBalanceUsd, refreshing: false });

describe('the card badge and a low balance', () => {
  it('says Low with $0.80 left and the alert at $2', () => {
    expect(card(openrouter(0.8), 2).badge).toEqual({ tone: 'low', text: 'Low' });
  });

  it('says OK at or above the line, and when the alert is off', () => {
    expect(card(openrouter(2), 2).badge).toEqual({ tone: 'ok', text: 'OK' });
    expect(card(openrouter(0.8), 0).badge).toEqual({ tone: 'ok', text: 'OK' });
  });

  it('keeps Stale and Error over Low: what is wrong with the data comes first', () => {
    expect(card(openrouter(0.8, { status: 'stale' }), 2).badge.tone).toBe('stale');
    expect(card(openrouter(0.8, { status: 'error', error: { kind: 'timeout', afterMs: 10_000 } }), 2).badge.tone).toBe('error');
  });
});
