// What the History window shows and exports: stored samples for a range, grouped per window with
// their minimum, maximum and average, and the same samples in the CLI's CSV/JSON formats (one home:
// core/history-format.ts, so an export equals `quotabar history --csv` / `--json` for that filter).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountKey } from '../core/accounts';
import type { Clock, HistoryError, HistoryFilter, HistorySample, HistoryStore, Scheduler } from '../core/ports';
import { DAY, HOUR } from '../core/time';
import { historyCsv, historyJson } from '../core/history-format';
import { historyPath, SqliteHistoryStore } from '../adapters/history/sqlite-history-store';
import { historyProblem } from './history-recorder';
import type { HistoryExport, HistoryPage, HistoryRange, HistoryWindowView } from './contract';

export const HISTORY_RANGES: readonly HistoryRange[] = ['24h', '7d', '30d', 'all'] as const;

const RANGE_MS: Record<Exclude<HistoryRange, 'all'>, number> = { '24h': 24 * HOUR, '7d': 7 * DAY, '30d': 30 * DAY };

/** A chart wider than this many points shows nothing more on a 700 px canvas; longer series are thinned. */
export const MAX_CHART_POINTS = 720;

export interface HistoryRequest {
  providerId?: string | null;
  accountLabel?: string | null;
  windowId?: string | null;
  range: HistoryRange;
}

/** The store filter for a request at `now`: the range's lower bound plus whichever fields were given. */
export function filterOf(req: HistoryRequest, now: number): HistoryFilter {
  return {
    ...(req.providerId ? { providerId: req.providerId } : {}),
    ...(req.accountLabel ? { accountLabel: req.accountLabel } : {}),
    ...(req.windowId ? { windowId: req.windowId } : {}),
    ...(req.range !== 'all' ? { since: now - RANGE_MS[req.range] } : {}),
  };
}

/** Where the History window's words about the store come from (demo or not, a window's label). */
export interface HistoryContext {
  store: HistoryStore | null;
  now: number;
  demo: boolean;
  /** The window's label as the popover shows it ("5-hour"), when a current snapshot names it. */
  labelOf(providerId: string, accountLabel: string | null, windowId: string): string | null;
}

/** The page for a request: one entry per window with readings in range, each with its statistics. */
export async function historyPage(ctx: HistoryContext, req: HistoryRequest): Promise<HistoryPage> {
  const base = { range: req.range, now: ctx.now, demo: ctx.demo };
  if (!ctx.store) return { ...base, windows: [], problem: 'History is not kept in this session.' };
  const r = await ctx.store.query(filterOf(req, ctx.now));
  if (!r.ok) return { ...base, windows: [], problem: unreadable(r.error) };
  return { ...base, windows: groupWindows(r.value, ctx.labelOf), problem: null };
}

/** The samples of a request as a file: CSV or JSON exactly as `quotabar history` prints them. */
export async function historyExport(ctx: HistoryContext, req: HistoryRequest & { format: 'csv' | 'json' }): Promise<HistoryExport> {
  if (!ctx.store) return { ok: false, problem: 'History is not kept in this session.' };
  const r = await ctx.store.query(filterOf(req, ctx.now));
  if (!r.ok) return { ok: false, problem: unreadable(r.error) };
  const day = new Date(ctx.now).toISOString().slice(0, 10);
  return {
    ok: true,
    fileName: `quotabar-history-${req.range}-${day}.${req.format}`,
    text: req.format === 'csv' ? historyCsv(r.value) : historyJson(r.value),
    samples: r.value.length,
  };
}

const unreadable = (e: HistoryError): string => `History could not be read: ${historyProblem(e, 'read').replace(/^history not read: /, '')}.`;

/** Samples (oldest first) grouped per provider account and window, in first-seen order. */
export function groupWindows(
  samples: readonly HistorySample[],
  labelOf: HistoryContext['labelOf'] = () => null,
): HistoryWindowView[] {
  const groups = new Map<string, HistorySample[]>();
  for (const s of samples) {
    const key = `${accountKey(s.providerId, s.accountLabel)}\u0000${s.windowId}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()].map((g) => {
    const first = g[0]!;
    const points = g.filter((s) => s.usedPercent !== null).map((s) => ({ at: s.at, usedPercent: s.usedPercent! }));
    const values = points.map((p) => p.usedPercent);
    return {
      providerId: first.providerId,
      accountLabel: first.accountLabel,
      windowId: first.windowId,
      label: labelOf(first.providerId, first.accountLabel, first.windowId),
      samples: g.length,
      min: values.length ? Math.min(...values) : null,
      max: values.length ? Math.max(...values) : null,
      average: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
      points: thin(points, MAX_CHART_POINTS),
    };
  });
}

/** At most `max` points: each slice keeps its highest reading (a peak must not vanish from the chart). */
export function thin<P extends { at: number; usedPercent: number }>(points: readonly P[], max: number): P[] {
  if (points.length <= max) return [...points];
  const out: P[] = [];
  const size = points.length / max;
  for (let i = 0; i < max; i++) {
    const slice = points.slice(Math.floor(i * size), Math.floor((i + 1) * size));
    if (slice.length) out.push(slice.reduce((a, b) => (b.usedPercent > a.usedPercent ? b : a)));
  }
  return out;
}

/**
 * Demo mode's history: a SQLite file in a fresh temporary folder that only the demo's own polls fill
 * (nothing invented), removed again by `dispose`. The user's real history is never touched.
 */
export function demoHistory(clock: Clock & Scheduler): { store: HistoryStore; dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'quotabar-demo-history-'));
  const store = new SqliteHistoryStore({ path: historyPath(dir), clock, scheduler: clock });
  const remove = () => rmSync(dir, { recursive: true, force: true });
  // A quit that does not wait for the last write (the shell exits first) still leaves no folder behind.
  process.once('exit', remove);
  return {
    store,
    dir,
    dispose() {
      store.close();
      remove();
      process.off('exit', remove);
    },
  };
}
