// Both tools' JSON as token rows by (date, model) and by date, and how two sets of rows differ: what
// bench/cost-vs-ccusage.bench.ts compares on the benchmark tree and on the tree of every COST.md case.

export type Tokens = [input: number, output: number, cacheCreation: number, cacheRead: number];
export interface Rows {
  models: Map<string, Tokens>;
  days: Map<string, Tokens>;
  cost: number;
}

interface CcusageOut {
  daily: { date: string; inputTokens: number; outputTokens: number; cacheCreationTokens: number; cacheReadTokens: number; modelBreakdowns: { modelName: string; inputTokens: number; outputTokens: number; cacheCreationTokens: number; cacheReadTokens: number }[] }[];
  totals: { totalCost: number };
}
interface QuotabarRow {
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
}
interface QuotabarOut {
  days: (QuotabarRow & { date: string; source: string; costUsd: number | null; models: (QuotabarRow & { model: string })[] })[];
  totals: { costUsd: number | null };
}

const tok = (r: QuotabarRow): Tokens => [r.inputTokens, r.outputTokens, r.cacheCreationTokens, r.cacheReadTokens];

export function ccusageRows(json: string): Rows {
  const o = JSON.parse(json) as CcusageOut;
  const rows: Rows = { models: new Map(), days: new Map(), cost: o.totals.totalCost };
  for (const d of o.daily) {
    rows.days.set(d.date, tok(d));
    for (const m of d.modelBreakdowns) rows.models.set(`${d.date} ${m.modelName}`, tok(m));
  }
  return rows;
}

export function quotabarRows(json: string): Rows & { unpriced: number } {
  const o = JSON.parse(json) as QuotabarOut;
  const rows = { models: new Map<string, Tokens>(), days: new Map<string, Tokens>(), cost: 0, unpriced: 0 };
  for (const d of o.days.filter((x) => x.source === 'claude')) {
    rows.days.set(d.date, tok(d));
    rows.cost += d.costUsd ?? 0;
    if (d.costUsd === null) rows.unpriced++;
    for (const m of d.models) rows.models.set(`${d.date} ${m.model}`, tok(m));
  }
  return rows;
}

/** Keys whose tokens differ (or exist on one side only), with a printable line for each. */
export function differences(a: Map<string, Tokens>, b: Map<string, Tokens>): string[] {
  const out: string[] = [];
  for (const k of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(k);
    const y = b.get(k);
    if (!x || !y || x.some((v, i) => v !== y[i])) out.push(`${k}: ccusage ${x ? x.join('/') : '—'} vs quotabar ${y ? y.join('/') : '—'} (in/out/cacheCreate/cacheRead)`);
  }
  return out;
}

const FIELDS = ['inputTokens', 'outputTokens', 'cacheCreationTokens', 'cacheReadTokens'] as const;

/** How many rows differ in each token field (a row missing on one side counts in none). */
export function byField(a: Map<string, Tokens>, b: Map<string, Tokens>): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(FIELDS.map((f) => [f, 0]));
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y) FIELDS.forEach((f, i) => void (x[i] !== y[i] && out[f]!++));
  }
  return out;
}

export function printDiffs(label: string, diffs: string[]): void {
  console.log(`${label}: ${diffs.length} differing`);
  for (const d of diffs.slice(0, 8)) console.log(`  ${d}`);
}
