// The cost ledger as text: the JSON that `quotabar cost --json` prints (and the Cost window exports),
// its CSV twin, and the short money and token forms the table, popover and status line use. Pure.
import type { CostTotals, Ledger } from './ledger';

const money = (v: number | null): number | null => (v === null ? null : Math.round(v * 1e6) / 1e6);

function fields(t: CostTotals) {
  return {
    inputTokens: t.inputTokens,
    outputTokens: t.outputTokens,
    cacheCreationTokens: t.cacheCreationTokens,
    cacheReadTokens: t.cacheReadTokens,
    totalTokens: t.totalTokens,
    costUsd: money(t.costUsd),
  };
}

/** `{"days":[{date, source, …totals, models:[{model, …totals}]}], "totals":{…}}`, one day per (date, source). */
export function costJson(l: Ledger): string {
  const days = l.days.map((d) => ({ date: d.date, source: d.source, ...fields(d), models: d.models.map((m) => ({ model: m.model, ...fields(m) })) }));
  return `${JSON.stringify({ days, totals: fields(l.totals) }, null, 2)}\n`;
}

const CSV_HEAD = ['date', 'source', 'model', 'inputTokens', 'outputTokens', 'cacheCreationTokens', 'cacheReadTokens', 'totalTokens', 'costUsd'];
const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV with the JSON's fields: one row per (date, source, model); an empty cost is unknown. */
export function costCsv(l: Ledger): string {
  const rows = [CSV_HEAD.join(',')];
  for (const d of l.days) {
    for (const m of d.models) {
      const f = fields(m);
      rows.push([d.date, d.source, m.model, f.inputTokens, f.outputTokens, f.cacheCreationTokens, f.cacheReadTokens, f.totalTokens, f.costUsd].map(cell).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** 950, 12.3K, 4.56M, 1.20B: at most 7 characters. */
export function compact(n: number): string {
  if (n < 1000) return String(n);
  for (const [div, unit] of [[1e9, 'B'], [1e6, 'M'], [1e3, 'K']] as const) {
    if (n >= div) {
      const v = n / div;
      return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)}${unit}`;
    }
  }
  return String(n);
}

/** "$12.34"; "?" when unknown; "$12.34+?" when part of it is unknown. */
export function costText(t: Pick<CostTotals, 'costUsd' | 'pricedCostUsd'>): string {
  const usd = (v: number) => (v > 0 && v < 0.005 ? '<$0.01' : `$${v >= 10_000 ? Math.round(v).toString() : v.toFixed(2)}`);
  if (t.costUsd !== null) return usd(t.costUsd);
  return t.pricedCostUsd > 0 ? `${usd(t.pricedCostUsd)}+?` : '?';
}

/** Dollars for a short line: "$4.12", "$212" from $100 up, "$0.40+?" when part has no price, "?" when none has. */
export function shortUsd(t: Pick<CostTotals, 'costUsd' | 'pricedCostUsd'>): string {
  const usd = (v: number) => (v >= 100 ? `$${Math.round(v).toLocaleString('en-US')}` : `$${v.toFixed(2)}`);
  if (t.costUsd !== null) return usd(t.costUsd);
  return t.pricedCostUsd > 0 ? `${usd(t.pricedCostUsd)}+?` : '?';
}

/** The popover's and the status line's words: "Today $4.12 · 30 days $212". */
export function costLine(today: Pick<CostTotals, 'costUsd' | 'pricedCostUsd'>, last30Days: Pick<CostTotals, 'costUsd' | 'pricedCostUsd'>): string {
  return `Today ${shortUsd(today)} · 30 days ${shortUsd(last30Days)}`;
}
