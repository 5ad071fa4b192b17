// The tray tooltip says when a balance is under the low-balance alert line (the card says "Low").
import { describe, expect, it } from 'vitest';
import { emptySnapshot, makeWindow, type PollerView } from '../../core/model';
import { trayModel } from '../../app/tray-model';

const now = Date.UTC(2026, 8, 20, 12);
const view = (remaining: number, status: 'ok' | 'stale' = 'ok'): PollerView => ({
  snapshots: [
    {
      ...emptySnapshot('openrouter', status),
      fetchedAt: now,
      attemptedAt: now,
      windows: [makeWindow({ id: 'credits', kind: 'credits', label: 'Credits', unit: 'usd', limit: 20, used: 20 - remaining, remaining })],
    },
  ],
  refreshing: [],
});

describe('tray tooltip and a low balance', () => {
  it('names the low balance and the line with $0.80 left and the alert at $2', () => {
    expect(trayModel(view(0.8), [80, 95], now, 2).tooltip).toContain('OpenRouter credit is low: $0.80 left (alert below $2.00)');
  });

  it('says nothing about it above the line or with the alert off', () => {
    expect(trayModel(view(5), [80, 95], now, 2).tooltip).not.toContain('low');
    expect(trayModel(view(0.8), [80, 95], now, 0).tooltip).not.toContain('low');
  });
});
