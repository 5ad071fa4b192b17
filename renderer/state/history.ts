// The History window's store: the chosen range, the page main answered for it, and the last export's
// outcome. Transitions are plain functions of the state so they are tested without React.
import { create } from 'zustand';
import type { HistoryExport, HistoryPage, HistoryRange, QuotabarBridge } from '../../app/contract';
import { callFailure } from '../bridge';

export type ExportNote = { kind: 'saved'; text: string } | { kind: 'failed'; text: string } | null;

export interface HistoryState {
  range: HistoryRange;
  page: HistoryPage | null;
  loading: boolean;
  failure: string | null;
  note: ExportNote;
}

export const initialHistory: HistoryState = { range: '24h', page: null, loading: true, failure: null, note: null };

/** The window shows every provider, account and window; the contract could narrow to one. */
const EVERY_WINDOW = { providerId: null, accountLabel: null, windowId: null };

export const useHistory = create<HistoryState>(() => initialHistory);

/** A page arrived: it is shown only if it answers the range still chosen (a slow answer must not win). */
export function pageArrived(s: HistoryState, page: HistoryPage): HistoryState {
  return page.range === s.range ? { ...s, page, loading: false, failure: null } : s;
}

/** What an export's answer tells the user. */
export function exportNote(r: HistoryExport, format: 'csv' | 'json'): ExportNote {
  if (!r.ok) return { kind: 'failed', text: r.problem };
  return { kind: 'saved', text: `${r.fileName}: ${r.samples} ${r.samples === 1 ? 'reading' : 'readings'} as ${format.toUpperCase()}.` };
}

/** Chooses a range and asks main for its page. */
export async function loadHistory(bridge: QuotabarBridge, range: HistoryRange = useHistory.getState().range): Promise<void> {
  useHistory.setState({ range, loading: true, note: null });
  try {
    const page = await bridge.invoke('history:query', { ...EVERY_WINDOW, range });
    useHistory.setState((s) => pageArrived(s, page));
  } catch (e) {
    useHistory.setState({ loading: false, failure: callFailure(e) });
  }
}

/**
 * Asks main for the range's readings as a file and hands it to `save` (a download link in both shells:
 * Chromium and Electron both offer to save a downloaded blob).
 */
export async function exportHistory(bridge: QuotabarBridge, format: 'csv' | 'json', save: (fileName: string, text: string, mime: string) => void): Promise<void> {
  try {
    const r = await bridge.invoke('history:export', { ...EVERY_WINDOW, range: useHistory.getState().range, format });
    if (r.ok) save(r.fileName, r.text, format === 'csv' ? 'text/csv' : 'application/json');
    useHistory.setState({ note: exportNote(r, format) });
  } catch (e) {
    useHistory.setState({ note: { kind: 'failed', text: callFailure(e) } });
  }
}
