// The readable table of `quotabar status`: one row per window, problems and notes under each provider.
import type { ProviderSnapshot } from '../core/model';
import { lowBalanceOf } from '../core/alerts';
import { labelledAccountRemedy } from '../core/accounts';
import {
  describeError,
  describeNote,
  formatDuration,
  lowBalanceLine,
  paceText,
  planLabel,
  planOf,
  accountName,
  runwayText,
  windowAmounts,
  windowFigure,
} from '../core/present';
import { paceOf, type RecentReadings } from '../core/pace';
import { runwayOf } from '../core/runway';

const HEAD = ['PROVIDER', 'WINDOW', 'USED', 'AMOUNT', 'RESETS IN', 'STATUS', 'SOURCE'];

/**
 * Renders snapshots as an aligned plain-text table followed by per-provider messages. A balance
 * below `lowBalanceUsd` (the app's alert line; 0 is off) reads `low`, not `ok`.
 */
export function renderTable(snaps: ProviderSnapshot[], now: number, lowBalanceUsd = 0, recent: RecentReadings = () => []): string {
  // A string is a note printed under the row before it, outside the columns.
  const rows: Array<string[] | string> = [];
  const messages: string[] = [];
  for (const s of snaps) {
    const plan = planOf(s);
    const name = accountName(s.providerId, s.accountLabel) + (plan ? ` (${planLabel(plan)})` : '');
    const low = lowBalanceOf(s, lowBalanceUsd);
    const status = s.status === 'unconfigured' ? 'not set up' : s.status === 'ok' && low ? 'low' : s.status;
    const source = s.source ?? '—';
    if (s.windows.length === 0) rows.push([name, '—', '—', '—', '—', status, source]);
    for (const [i, w] of s.windows.entries()) {
      const resets = w.resetsAt === null ? '—' : w.resetsAt <= now ? 'now' : formatDuration(w.resetsAt - now);
      rows.push([i === 0 ? name : '', w.label, windowFigure(w), windowAmounts(w) ?? '', resets, i === 0 ? status : '', i === 0 ? source : '']);
      const pace = paceOf(w, now, recent(s, w));
      if (pace) rows.push(`pace: ${paceText(pace, now)}`);
    }
    const runway = runwayOf(s);
    if (runway !== null) rows.push(`runway: ${runwayText(runway)}`);
    const lowLine = lowBalanceLine(s, lowBalanceUsd);
    if (lowLine) messages.push(lowLine);
    if (s.error) {
      const words = { ...describeError(s.error, s.providerId, { surface: 'cli' }) };
      // A labelled account's missing or refused credential is fixed with `quotabar account`, not the default's words.
      const remedy = s.accountLabel === null ? null : labelledAccountRemedy(s.providerId, s.accountLabel, s.error.kind);
      if (remedy !== null) words.action = remedy;
      const when = s.status === 'stale' || (s.status === 'error' && s.windows.length) ? ' (showing last-known values)' : '';
      messages.push(`${accountName(s.providerId, s.accountLabel)}: ${words.reason}${when}${words.action ? ` ${words.action}` : ''}`);
    }
    for (const n of s.notes) {
      const text = describeNote(n, now);
      if (text) messages.push(`${accountName(s.providerId, s.accountLabel)}: ${text}`);
    }
  }
  const cells = rows.filter((r): r is string[] => typeof r !== 'string');
  const widths = HEAD.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c]!.length)));
  // Notes start under the WINDOW column.
  const line = (r: string[] | string) =>
    typeof r === 'string' ? ' '.repeat(widths[0]! + 2) + r : r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  return [line(HEAD), ...rows.map(line), ...(messages.length ? ['', ...messages] : [])].join('\n') + '\n';
}
