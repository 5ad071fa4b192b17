// What a poll adds to the usage history: one sample per window of each provider that answered,
// once per fetch, and nothing from stale or failed cards (they repeat old numbers).
import { describe, expect, it } from 'vitest';
import { recordedUpTo, samplesFromSnapshots } from '../../core/history';
import { emptySnapshot, makeWindow, type ProviderSnapshot } from '../../core/model';

const T0 = Date.UTC(2026, 8, 20, 12, 0, 0);
const snap = (providerId: string, fetchedAt: number | null, status: ProviderSnapshot['status'] = 'ok'): ProviderSnapshot => ({
  ...emptySnapshot(providerId, status),
  fetchedAt,
  source: `${providerId}:/usage`,
  windows: [
    makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent: 40, used: 40, limit: 100, remaining: 60, resetsAt: T0 + 3_600_000 }),
    makeWindow({ id: 'weekly', kind: 'weekly', label: 'Weekly', usedPercent: 10 }),
  ],
});

describe('history samples from a poll', () => {
  it('records every window of a card that answered, stamped with its fetch time and source', () => {
    expect(samplesFromSnapshots([snap('codex', T0)])).toEqual([
      { at: T0, providerId: 'codex', accountLabel: null, windowId: 'session', usedPercent: 40, used: 40, limit: 100, remaining: 60, resetsAt: T0 + 3_600_000, source: 'codex:/usage' },
      { at: T0, providerId: 'codex', accountLabel: null, windowId: 'weekly', usedPercent: 10, used: null, limit: null, remaining: null, resetsAt: null, source: 'codex:/usage' },
    ]);
  });

  it('records nothing from stale or failed cards, or one never fetched', () => {
    expect(samplesFromSnapshots([snap('codex', T0, 'stale'), snap('claude', T0, 'error'), snap('openrouter', null)])).toEqual([]);
  });

  it('records a fetch once, however often the poller shows it again, and records a newer one', () => {
    const after = new Map([['codex', T0]]);
    expect(samplesFromSnapshots([snap('codex', T0)], after)).toEqual([]);
    expect(samplesFromSnapshots([snap('codex', T0 - 1)], after)).toEqual([]);
    expect(samplesFromSnapshots([snap('codex', T0 + 1)], after)).toHaveLength(2);
    expect(samplesFromSnapshots([snap('claude', T0)], after)).toHaveLength(2);
  });
});

describe('what has been recorded', () => {
  it('moves forward to the latest fetch of each card that answered, and never back', () => {
    const before = new Map([['codex', T0 + 5], ['claude', T0]]);
    const next = recordedUpTo([snap('codex', T0), snap('claude', T0 + 9), snap('openrouter', T0 + 1, 'stale'), snap('x', null)], before);
    expect(Object.fromEntries(next)).toEqual({ codex: T0 + 5, claude: T0 + 9 });
    expect(Object.fromEntries(before)).toEqual({ codex: T0 + 5, claude: T0 });
    expect(Object.fromEntries(recordedUpTo([snap('codex', T0)], new Map()))).toEqual({ codex: T0 });
  });
});

describe('history samples of several accounts of one provider', () => {
  const acc = (providerId: string, label: string | null, fetchedAt: number): ProviderSnapshot => ({ ...snap(providerId, fetchedAt), accountLabel: label });

  it('stamps each sample with its account label (null for the implicit account)', () => {
    for (const id of ['openrouter', 'codex', 'claude']) {
      const labels = samplesFromSnapshots([acc(id, null, T0), acc(id, 'work', T0), acc(id, 'home', T0)]).map((s) => s.accountLabel);
      expect(labels).toEqual([null, null, 'work', 'work', 'home', 'home']);
    }
  });

  it('remembers what was recorded per account: a new fetch of one account does not hide the other’s', () => {
    const first = [acc('codex', 'work', T0), acc('codex', 'home', T0)];
    const done = recordedUpTo(first, new Map());
    const later = [acc('codex', 'work', T0), acc('codex', 'home', T0 + 5)];
    expect(samplesFromSnapshots(later, done).map((s) => s.accountLabel)).toEqual(['home', 'home']);
  });
});
