// The cost summary file (docs/decisions/0019): today's totals per source, written whenever the
// ledger is computed, so the status line can show today's cost without reading a single log. Pure:
// building, reading back and wording the summary; the file itself is adapters/cost/today-file.ts.
import { asNumber, asObject, asText, parseJson } from '../json';
import { compact, shortUsd } from './format';
import type { Ledger } from './ledger';
import { summarize } from './view';

/** One source's figures for the summary's date. `costUsd` null: part of it has no known price. */
export interface TodayFigures {
  costUsd: number | null;
  pricedCostUsd: number;
  totalTokens: number;
}

/** What `cost-today.json` holds (version 1). */
export interface TodaySummary {
  /** The local date 'YYYY-MM-DD' the figures are for. */
  date: string;
  /** When the ledger behind it was computed (epoch ms). */
  computedAt: number;
  /** Per source id (the provider whose tool wrote the logs). */
  sources: Record<string, TodayFigures>;
}

/** After this long the status line asks for a fresh summary (in the background). */
export const TODAY_SUMMARY_MAX_AGE_MS = 60_000;

/** The summary of `ledger` for the local date `today`, every listed source included (0 when it had no use). */
export function todaySummary(ledger: Ledger, today: string, sourceIds: readonly string[], computedAt: number): TodaySummary {
  const sources: Record<string, TodayFigures> = {};
  for (const id of sourceIds) {
    const t = summarize(ledger, today, id).today;
    sources[id] = { costUsd: t.costUsd, pricedCostUsd: t.pricedCostUsd, totalTokens: t.totalTokens };
  }
  return { date: today, computedAt, sources };
}

/** The file's text: one JSON object with a version, the ISO time beside the epoch for people reading it. */
export function todaySummaryText(s: TodaySummary): string {
  return `${JSON.stringify({ version: 1, date: s.date, computedAt: s.computedAt, computedAtIso: new Date(s.computedAt).toISOString(), sources: s.sources })}\n`;
}

/** The summary read back; null when the text is not one (a torn or foreign file counts as none). */
export function parseTodaySummary(text: string): TodaySummary | null {
  const o = asObject(parseJson(text));
  const date = asText(o?.date);
  const computedAt = asNumber(o?.computedAt);
  const raw = asObject(o?.sources);
  if (!o || o.version !== 1 || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || computedAt === null || !raw) return null;
  const sources: Record<string, TodayFigures> = {};
  for (const [id, v] of Object.entries(raw)) {
    const f = asObject(v);
    const priced = asNumber(f?.pricedCostUsd);
    const tokens = asNumber(f?.totalTokens);
    if (!f || priced === null || tokens === null) continue;
    sources[id] = { costUsd: f.costUsd === null ? null : asNumber(f.costUsd), pricedCostUsd: priced, totalTokens: tokens };
  }
  return { date, computedAt, sources };
}

/**
 * The status line's cost words for `source` on the local date `today`: "today $4.12", "today $0.40+?"
 * when part has no price, "today 1.20M tokens" when none has; '' when the summary is of another day,
 * lacks the source, or shows no use yet (a summary written before today's first message must not say $0).
 */
export function todayCostText(s: TodaySummary | null, today: string, source: string): string {
  const f = s && s.date === today ? s.sources[source] : undefined;
  if (!f || f.totalTokens <= 0) return '';
  if (f.costUsd === null && f.pricedCostUsd <= 0) return `today ${compact(f.totalTokens)} tokens`;
  return `today ${shortUsd(f)}`;
}

/** True when the summary should be recomputed: missing, of another day, or older than `maxAgeMs`. */
export function todaySummaryStale(s: TodaySummary | null, today: string, now: number, maxAgeMs = TODAY_SUMMARY_MAX_AGE_MS): boolean {
  return s === null || s.date !== today || now - s.computedAt > maxAgeMs || s.computedAt > now + maxAgeMs;
}
