// Cost from the agents' logs: the popover's per-source line (asked when the popover opens and after
// new readings; main rescans at most once a minute) and the Cost window's page and exports.
import { create } from 'zustand';
import type { CostPage, CostSummaryView, QuotabarBridge } from '../../app/contract';
import { callFailure } from '../bridge';
import type { ExportNote } from './history';
import { onNewReading } from './view';

interface CostState {
  summary: CostSummaryView | null;
  page: CostPage | null;
  failure: string | null;
  note: ExportNote;
}

export const useCost = create<CostState>(() => ({ summary: null, page: null, failure: null, note: null }));

export async function loadCostSummary(bridge: QuotabarBridge): Promise<void> {
  try {
    useCost.setState({ summary: await bridge.invoke('cost:summary', null) });
  } catch {
    // The cards stand without their cost line; the next reading asks again.
  }
}

/** Loads the summary now and after every new reading; returns the unsubscribe function. */
export function followCostSummary(bridge: QuotabarBridge): () => void {
  return onNewReading(() => void loadCostSummary(bridge));
}

export async function loadCostPage(bridge: QuotabarBridge): Promise<void> {
  try {
    useCost.setState({ page: await bridge.invoke('cost:page', null), failure: null });
  } catch (e) {
    useCost.setState({ failure: callFailure(e) });
  }
}

/** Asks main for the 30 days as a file and hands it to `save`, as the History window does. */
export async function exportCost(bridge: QuotabarBridge, format: 'csv' | 'json', save: (fileName: string, text: string, mime: string) => void): Promise<void> {
  try {
    const r = await bridge.invoke('cost:export', { format });
    if (r.ok) save(r.fileName, r.text, format === 'csv' ? 'text/csv' : 'application/json');
    useCost.setState({ note: r.ok ? { kind: 'saved', text: `${r.fileName} as ${format.toUpperCase()}.` } : { kind: 'failed', text: r.problem } });
  } catch (e) {
    useCost.setState({ note: { kind: 'failed', text: callFailure(e) } });
  }
}
