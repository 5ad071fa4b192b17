// What `quotabar history` prints and the History window exports: JSON and CSV with one fixed set of
// columns (tests outside this repository read them), or an aligned table for people. Pure: the CLI and the app share it.
import type { HistorySample } from './ports';

/** The columns of both machine formats, in order. */
export const HISTORY_COLUMNS = ['at', 'providerId', 'accountLabel', 'windowId', 'usedPercent', 'used', 'limit', 'remaining', 'resetsAt', 'source'] as const;

type Row = Record<(typeof HISTORY_COLUMNS)[number], string | number | null>;

const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

function rowOf(s: HistorySample): Row {
  return {
    at: iso(s.at),
    providerId: s.providerId,
    accountLabel: s.accountLabel,
    windowId: s.windowId,
    usedPercent: s.usedPercent,
    used: s.used,
    limit: s.limit,
    remaining: s.remaining,
    resetsAt: iso(s.resetsAt),
    source: s.source,
  };
}

/** `{"samples":[…]}` with ISO times and null where a value is absent. */
export function historyJson(samples: readonly HistorySample[]): string {
  return `${JSON.stringify({ samples: samples.map(rowOf) }, null, 2)}\n`;
}

/** RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break; null is empty. */
export function historyCsv(samples: readonly HistorySample[]): string {
  const field = (v: string | number | null): string => {
    if (v === null) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [HISTORY_COLUMNS.join(','), ...samples.map((s) => HISTORY_COLUMNS.map((c) => field(rowOf(s)[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

const HEAD = ['TIME', 'PROVIDER', 'ACCOUNT', 'WINDOW', 'USED %', 'USED', 'LIMIT', 'REMAINING', 'RESETS', 'SOURCE'];

/** One aligned row per sample, times in UTC to the minute; a sentence when there is nothing. */
export function historyTable(samples: readonly HistorySample[]): string {
  if (samples.length === 0) return 'No history recorded for this selection yet. Every `quotabar status` and every app poll that gets an answer adds to it.\n';
  const minute = (t: number | null) => (t === null ? '—' : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')}Z`);
  const num = (n: number | null, digits = 2) => (n === null ? '—' : String(Math.round(n * 10 ** digits) / 10 ** digits));
  const rows = samples.map((s) => [
    minute(s.at),
    s.providerId,
    s.accountLabel ?? '—',
    s.windowId,
    num(s.usedPercent, 1),
    num(s.used),
    num(s.limit),
    num(s.remaining),
    minute(s.resetsAt),
    s.source ?? '—',
  ]);
  const all = [HEAD, ...rows];
  const widths = HEAD.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  return `${all.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n')}\n`;
}
