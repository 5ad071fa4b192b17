// What the CLI and the app show from a ledger: a date/source window of it, and the popover's
// "today · 30 days" figures. Pure.
import { addDays } from './local-date';
import { addTotals, emptyTotals, withTotals, type CostTotals, type Ledger } from './ledger';

export interface LedgerFilter {
  /** Inclusive local dates 'YYYY-MM-DD'; null = unbounded. */
  since: string | null;
  until: string | null;
  /** Source ids to keep; null = all. */
  sources: readonly string[] | null;
}

/** The days inside the filter, with totals and unknown models recomputed for them. */
export function filterLedger(ledger: Ledger, f: LedgerFilter): Ledger {
  const days = ledger.days.filter(
    (d) => (f.since === null || d.date >= f.since) && (f.until === null || d.date <= f.until) && (f.sources === null || f.sources.includes(d.source)),
  );
  return withTotals(days);
}

/** Today's and the last 30 days' totals (today included) for one source, or all when null. */
export interface CostSummary {
  today: CostTotals;
  last30Days: CostTotals;
}

/** The popover line's figures: `today` is the local date 'YYYY-MM-DD' the caller's clock and zone give. */
export function summarize(ledger: Ledger, today: string, source: string | null = null): CostSummary {
  const from = addDays(today, -29);
  const out: CostSummary = { today: emptyTotals(), last30Days: emptyTotals() };
  for (const d of ledger.days) {
    if (source !== null && d.source !== source) continue;
    if (d.date === today) addTotals(out.today, d);
    if (d.date >= from && d.date <= today) addTotals(out.last30Days, d);
  }
  return out;
}
