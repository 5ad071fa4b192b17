import { afterEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../core/errors';
import type { ProviderSnapshot } from '../../core/model';
import type { HistoryError, HistorySample, HistoryStore, RecordOutcome } from '../../core/ports';
import type { Result } from '../../core/errors';
import { historyRecorder } from '../../app/history-recorder';
import { CANARY_KEY, fixture, makeHarness, type Harness } from '../support/app-harness';
import { flush } from '../support/fake-clock';

class RecordingHistory implements HistoryStore {
  readonly written: HistorySample[] = [];
  answer: Result<RecordOutcome, HistoryError> | null = null;
  async record(samples: HistorySample[]) {
    if (this.answer) return this.answer;
    this.written.push(...samples);
    return ok({ written: samples.length, setAsideTo: null });
  }
  async query() {
    return ok(this.written);
  }
  async series() {
    return ok([]);
  }
  close() {}
}

let h: Harness | null = null;
afterEach(async () => {
  await h?.dispose();
  h = null;
});

const snap = (over: Partial<ProviderSnapshot>): ProviderSnapshot => ({
  providerId: 'claude',
  accountLabel: null,
  status: 'ok',
  error: null,
  fetchedAt: 1000,
  attemptedAt: 1000,
  source: 'claude:oauth/usage',
  windows: [{ id: 'session', kind: 'session', label: '5-hour', usedPercent: 42, used: null, limit: null, remaining: null, unit: 'percent', resetsAt: 5000, windowMinutes: 300 }],
  notes: [],
  account: null,
  ...over,
});

describe('history in the app', () => {
  it('records each window of a successful poll once, with its fetch time and source', async () => {
    const history = new RecordingHistory();
    h = await makeHarness({ key: CANARY_KEY, history, script: (http) => http.on('/key', { status: 200, body: fixture('openrouter/key-capped-weekly.json') }) });
    h.services.start();
    await h.clock.advance(0);
    await flush();
    expect(history.written).toHaveLength(1);
    expect(history.written[0]).toMatchObject({ providerId: 'openrouter', windowId: 'key-limit', limit: 20, remaining: 12.37, source: 'openrouter:/key', at: h.clock.now() });
  });

  it('skips stale and failed snapshots and does not write the same fetch twice', async () => {
    const history = new RecordingHistory();
    const { listen } = historyRecorder(history, () => {});
    listen({ snapshots: [snap({}), snap({ providerId: 'codex', status: 'stale' }), snap({ providerId: 'openrouter', status: 'error' })], refreshing: [] });
    listen({ snapshots: [snap({})], refreshing: ['codex'] });
    listen({ snapshots: [snap({ fetchedAt: 2000 })], refreshing: [] });
    await flush();
    expect(history.written.map((s) => [s.providerId, s.at, s.usedPercent])).toEqual([['claude', 1000, 42], ['claude', 2000, 42]]);
  });

  it('says once that history is not being saved while the database stays locked, and never throws', async () => {
    const history = new RecordingHistory();
    history.answer = err({ kind: 'locked' });
    const warnings: string[] = [];
    const { listen } = historyRecorder(history, (m) => warnings.push(m));
    for (let t = 1; t <= 3; t++) expect(() => listen({ snapshots: [snap({ fetchedAt: t })], refreshing: [] })).not.toThrow();
    await flush();
    expect(warnings).toEqual(['history not saved: another process kept the history database locked']);
  });

  it('tells where an unreadable database was moved', async () => {
    const history = new RecordingHistory();
    history.answer = ok({ written: 1, setAsideTo: '/data/history.sqlite.corrupt-2026' });
    const warnings: string[] = [];
    historyRecorder(history, (m) => warnings.push(m)).listen({ snapshots: [snap({})], refreshing: [] });
    await flush();
    expect(warnings).toEqual(['the history database could not be read; it was moved to /data/history.sqlite.corrupt-2026 and a new one was started']);
  });
});
