// The History window's store: a slow answer for a range no longer chosen is dropped, and an export
// says what happened in words that are true in both shells.
import { describe, expect, it } from 'vitest';
import type { HistoryPage, QuotabarBridge } from '../../app/contract';
import { exportHistory, exportNote, initialHistory, loadHistory, pageArrived, useHistory } from '../../renderer/state/history';

const page = (range: HistoryPage['range']): HistoryPage => ({ range, now: 0, demo: false, windows: [], problem: null });

describe('history store', () => {
  it('shows a page only for the range still chosen', () => {
    const chose7d = { ...initialHistory, range: '7d' as const };
    expect(pageArrived(chose7d, page('24h'))).toBe(chose7d);
    expect(pageArrived(chose7d, page('7d'))).toMatchObject({ page: page('7d'), loading: false });
  });

  it('names the file and the number of readings, or passes on why there is none', () => {
    expect(exportNote({ ok: true, fileName: 'quotabar-history-7d-2026-09-20.csv', text: '', samples: 1 }, 'csv')).toEqual({
      kind: 'saved',
      text: 'quotabar-history-7d-2026-09-20.csv: 1 reading as CSV.',
    });
    expect(exportNote({ ok: false, problem: 'History is not kept in this session.' }, 'json')).toEqual({ kind: 'failed', text: 'History is not kept in this session.' });
  });

  it('asks for the chosen range, and hands an export to the save function with its type', async () => {
    const asked: unknown[] = [];
    const bridge = {
      on: () => () => {},
      invoke: async (channel: string, req: unknown) => {
        asked.push([channel, req]);
        return channel === 'history:query' ? page('30d') : { ok: true, fileName: 'f.json', text: '{"samples":[]}\n', samples: 0 };
      },
    } as unknown as QuotabarBridge;
    await loadHistory(bridge, '30d');
    expect(useHistory.getState()).toMatchObject({ range: '30d', page: page('30d'), loading: false });
    const saved: string[][] = [];
    await exportHistory(bridge, 'json', (name, text, mime) => void saved.push([name, text, mime]));
    expect(saved).toEqual([['f.json', '{"samples":[]}\n', 'application/json']]);
    expect(asked).toEqual([
      ['history:query', { providerId: null, accountLabel: null, windowId: null, range: '30d' }],
      ['history:export', { providerId: null, accountLabel: null, windowId: null, range: '30d', format: 'json' }],
    ]);
    expect(useHistory.getState().note).toEqual({ kind: 'saved', text: 'f.json: 0 readings as JSON.' });
  });

  it('says the call failed when the bridge drops, and saves nothing', async () => {
    const bridge = { on: () => () => {}, invoke: async () => Promise.reject(new Error('socket closed')) } as unknown as QuotabarBridge;
    let saves = 0;
    await exportHistory(bridge, 'csv', () => void saves++);
    expect(saves).toBe(0);
    expect(useHistory.getState().note?.kind).toBe('failed');
  });
});
