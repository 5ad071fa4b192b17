// What the popover's cost line and the Cost window show, from the ledger: per source today's and the
// last 30 days' totals; the 30 days by day, by model and by project; and the exports, which are
// exactly `quotabar cost --json` (and its CSV twin) for those days. Plain data, so it crosses IPC.
import { addTotals, emptyTotals, type CostTotals, type Ledger } from '../core/cost/ledger';
import { addDays } from '../core/cost/local-date';
import { costCsv, costJson } from '../core/cost/format';
import { filterLedger, summarize } from '../core/cost/view';
import { COST_LOGS } from '../core/providers/registry';
import type { LedgerOutcome } from './cost-runner';

/** Days the popover's second figure and the Cost window cover (today included). */
export const COST_DAYS = 30;

export interface CostSourceSummary {
  /** The id of the provider whose tool wrote these logs. */
  source: string;
  today: CostTotals;
  last30Days: CostTotals;
}

export interface CostSummaryView {
  /** The local date the figures end on. */
  today: string;
  sources: CostSourceSummary[];
  /** Why there are no figures (the logs could not be read); null normally. */
  problem: string | null;
}

export interface CostDayView {
  date: string;
  /** Per source id present that day. */
  bySource: Record<string, CostTotals>;
  total: CostTotals;
}

export interface CostRow extends CostTotals {
  /** A model or project name. */
  name: string;
  source: string;
}

export interface CostPage {
  from: string;
  today: string;
  /** Every date of the range, oldest first, empty days included (the chart has no gaps). */
  days: CostDayView[];
  models: CostRow[];
  projects: CostRow[];
  totals: CostTotals;
  unknownModels: string[];
  problem: string | null;
}

export type CostExport = { ok: true; fileName: string; text: string } | { ok: false; problem: string };

const sources = () => COST_LOGS.map((k) => k.source);

export function costSummaryView(r: LedgerOutcome, today: string): CostSummaryView {
  if (!r.ok) return { today, sources: [], problem: r.problem };
  return { today, sources: sources().map((source) => ({ source, ...summarize(r.ledger, today, source) })), problem: null };
}

/** The last COST_DAYS days up to `today`. */
export function lastDays(ledger: Ledger, today: string): Ledger {
  return filterLedger(ledger, { since: addDays(today, 1 - COST_DAYS), until: today, sources: null });
}

export function costPage(r: LedgerOutcome, today: string): CostPage {
  const from = addDays(today, 1 - COST_DAYS);
  const empty = { from, today, days: [], models: [], projects: [], totals: emptyTotals(), unknownModels: [] };
  if (!r.ok) return { ...empty, problem: r.problem };
  const l = lastDays(r.ledger, today);
  const days: CostDayView[] = Array.from({ length: COST_DAYS }, (_, i) => ({ date: addDays(from, i), bySource: {}, total: emptyTotals() }));
  const byDate = new Map(days.map((d) => [d.date, d]));
  const models = new Map<string, CostRow>();
  const projects = new Map<string, CostRow>();
  const into = (m: Map<string, CostRow>, name: string, source: string, t: CostTotals) => {
    const key = `${source}\u0000${name}`;
    const row = m.get(key) ?? { name, source, ...emptyTotals() };
    addTotals(row, t);
    m.set(key, row);
  };
  for (const d of l.days) {
    const day = byDate.get(d.date);
    if (!day) continue;
    const t = (day.bySource[d.source] ??= emptyTotals());
    addTotals(t, d);
    addTotals(day.total, d);
    for (const m of d.models) into(models, m.model, d.source, m);
    for (const p of d.projects) into(projects, r.ledger.projectPaths?.[p.project] ?? p.project, d.source, p);
  }
  const byCost = (a: CostRow, b: CostRow) => (b.costUsd ?? b.pricedCostUsd) - (a.costUsd ?? a.pricedCostUsd) || b.totalTokens - a.totalTokens;
  return { ...empty, days, models: [...models.values()].sort(byCost), projects: [...projects.values()].sort(byCost), totals: l.totals, unknownModels: l.unknownModels, problem: null };
}

/** The range's ledger as a file, exactly as `quotabar cost --json --since <from> --until <today>` prints it (or CSV). */
export function costExport(r: LedgerOutcome, today: string, format: 'csv' | 'json'): CostExport {
  if (!r.ok) return { ok: false, problem: r.problem };
  const l = lastDays(r.ledger, today);
  return { ok: true, fileName: `quotabar-cost-${addDays(today, 1 - COST_DAYS)}-to-${today}.${format}`, text: format === 'csv' ? costCsv(l) : costJson(l) };
}
