// When a refresh fails after values came from the fallback source (e.g. Codex's local logs), the card
// goes stale; it must no longer say its values came from local logs just now, which is not true.
import { describe, expect, it } from 'vitest';
import { describeNote } from '../../core/present';
import { applyFailure, applySuccess, initialState } from '../../core/resilience';
import { MINUTE } from '../../core/time';
import { data } from '../support/fake-provider';

const policy = { intervalMs: 2 * MINUTE };
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

function fromLogs() {
  const d = data(40);
  return applySuccess(initialState('codex'), { ...d, notes: [{ code: 'free_tier' }] }, { kind: 'transport', code: 'ECONNREFUSED' }, NOW, policy);
}

const words = (notes: Parameters<typeof describeNote>[0][]) => notes.map((n) => describeNote(n)).filter(Boolean);

describe('notes on a stale card', () => {
  it('says the values came from local logs while they do', () => {
    const state = fromLogs();
    expect(state.snapshot.status).toBe('ok');
    expect(words(state.snapshot.notes)).toContain('Showing the last values seen in local logs: the usage service could not be reached.');
  });

  it('drops the local-logs note once a refresh fails, and keeps the provider’s own notes and windows', () => {
    const state = applyFailure(fromLogs(), { kind: 'transport', code: 'ECONNREFUSED' }, NOW + 2 * MINUTE, policy);
    expect(state.snapshot.status).toBe('stale');
    expect(state.snapshot.notes.map((n) => n.code)).toEqual(['free_tier']);
    expect(state.snapshot.windows.map((w) => w.usedPercent)).toEqual([40]);
  });

  it('drops it while throttled, too', () => {
    const state = applyFailure(fromLogs(), { kind: 'rate_limited', retryAfterMs: null, spendCap: false }, NOW + 2 * MINUTE, policy);
    expect(state.snapshot.status).toBe('stale');
    expect(words(state.snapshot.notes).join(' ')).not.toMatch(/local logs/);
  });
});
