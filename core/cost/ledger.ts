// The ledger: kept entries grouped into local days × source × model (and × project), priced by
// band. Pure: dates come from a dater, prices from a Pricer.
import type { KeptEntry } from './dedupe';
import { costOf, type Pricer, type UsageSums } from './pricing';

/** Token and dollar totals. `costUsd` is null when any part of it has no known price. */
export interface CostTotals {
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
  totalTokens: number;
  costUsd: number | null;
  /** The dollars of the parts that do have a price (equals costUsd when nothing is unknown). */
  pricedCostUsd: number;
}

export interface ModelRow extends CostTotals {
  /** As the log names it, `-fast` appended for fast mode. */
  model: string;
}

export interface ProjectRow extends CostTotals {
  project: string;
}

/** One local date of one source. Entries without a model count here but have no model row. */
export interface LedgerDay extends CostTotals {
  date: string;
  source: string;
  models: ModelRow[];
  projects: ProjectRow[];
  /** Models of this day with tokens but no price. */
  unknownModels: string[];
}

export interface Ledger {
  /** Sorted by date, then source. */
  days: LedgerDay[];
  totals: CostTotals;
  /** Models with tokens but no price, each named once, sorted. */
  unknownModels: string[];
  /** Project folder → the folder the agent ran in (`~` for home), where its logs say; only when asked for (adapters/cost/ledger.ts). */
  projectPaths?: Record<string, string>;
}

/** A model name for messages the agent made up itself (no request was billed): counted, $0, no row. */
export const SYNTHETIC = '<synthetic>';

/** Name under which tokens without a model are listed when they cannot be priced. */
export const NO_MODEL = '(no model name)';

export const emptyTotals = (): CostTotals => ({
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationTokens: 0,
  cacheReadTokens: 0,
  totalTokens: 0,
  costUsd: 0,
  pricedCostUsd: 0,
});

/** Adds `b` into `a`; a null cost makes the sum null. */
export function addTotals(a: CostTotals, b: CostTotals): void {
  a.inputTokens += b.inputTokens;
  a.outputTokens += b.outputTokens;
  a.cacheCreationTokens += b.cacheCreationTokens;
  a.cacheReadTokens += b.cacheReadTokens;
  a.totalTokens += b.totalTokens;
  a.costUsd = a.costUsd === null || b.costUsd === null ? null : a.costUsd + b.costUsd;
  a.pricedCostUsd += b.pricedCostUsd;
}

/** Requests of one (date, source, row, project, price band): their token sums, priced together. */
export interface Group {
  key: string;
  date: string;
  source: string;
  row: string;
  project: string | null;
  model: string | null;
  fast: boolean;
  priceProvider: string;
  band: string | null;
  count: number;
  sums: UsageSums;
}

export interface LedgerInput {
  kept: readonly KeptEntry[];
  /** epoch ms → local 'YYYY-MM-DD' (local-date.ts). */
  dateOf: (at: number) => string;
  pricer: Pricer;
  /** The price table's provider hint per source. */
  priceProviderOf: (source: string) => string;
}

/** Groups, prices and totals the kept entries. */
export function buildLedger(input: LedgerInput): Ledger {
  const groups = new Map<string, Group>();
  addToGroups(groups, input);
  return assembleGroups(groups.values(), input.pricer);
}

/** Adds the kept entries to `groups` (by group key): token sums are integers, so any order gives the same sums. */
export function addToGroups(groups: Map<string, Group>, { kept, dateOf, pricer, priceProviderOf }: LedgerInput): void {
  for (const { source, project, entry: e } of kept) {
    const date = dateOf(e.at);
    const row = e.model === null || e.model === SYNTHETIC ? '' : e.fast ? `${e.model}-fast` : e.model;
    const priceProvider = priceProviderOf(source);
    const band = row === '' ? null : pricer.band(priceProvider, e.model!, e.fast, e);
    const key = `${date}\u0000${source}\u0000${row}\u0000${project ?? ''}\u0000${band ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, date, source, row, project, model: e.model, fast: e.fast, priceProvider, band, count: 0, sums: zeroSums() };
      groups.set(key, g);
    }
    g.count++;
    const s = g.sums;
    s.input += e.input;
    s.output += e.output;
    s.cacheCreation += e.cacheCreation;
    s.cacheRead += e.cacheRead;
    s.cacheCreation1h += e.cacheCreation1h;
    s.webSearches += e.webSearches;
  }
}

/** The ledger of these groups, priced; taken in key order, so the dollars' sums do not depend on how the groups were gathered. */
export function assembleGroups(all: Iterable<Group>, pricer: Pricer): Ledger {
  const groups = [...all].sort((a, b) => cmp(a.key, b.key));
  // Days by source then date, each with its rows by name: no key string is built per group, and
  // every row has one fixed shape (a spread with a computed key made slow dictionary objects).
  const days = new Map<string, Map<string, DayRows>>();
  const out: LedgerDay[] = [];
  for (const g of groups) {
    const t = totalsOf(g, pricer);
    let bySource = days.get(g.source);
    if (!bySource) days.set(g.source, (bySource = new Map()));
    let d = bySource.get(g.date);
    if (!d) {
      d = { day: { date: g.date, source: g.source, ...emptyTotals(), models: [], projects: [], unknownModels: [] }, models: new Map(), projects: new Map() };
      bySource.set(g.date, d);
      out.push(d.day);
    }
    const day = d.day;
    if (t.costUsd === null && !day.unknownModels.includes(g.row || NO_MODEL)) day.unknownModels.push(g.row || NO_MODEL);
    addTotals(day, t);
    if (g.row !== '') {
      let r = d.models.get(g.row);
      if (!r) d.models.set(g.row, (r = { model: g.row, ...emptyTotals() })), day.models.push(r);
      addTotals(r, t);
    }
    if (g.project !== null) {
      let r = d.projects.get(g.project);
      if (!r) d.projects.set(g.project, (r = { project: g.project, ...emptyTotals() })), day.projects.push(r);
      addTotals(r, t);
    }
  }
  const sorted = out.sort((a, b) => cmp(a.date, b.date) || cmp(a.source, b.source));
  for (const d of sorted) {
    d.models.sort((a, b) => cmp(a.model, b.model));
    d.projects.sort((a, b) => cmp(a.project, b.project));
  }
  return withTotals(sorted);
}

interface DayRows {
  day: LedgerDay;
  models: Map<string, ModelRow>;
  projects: Map<string, ProjectRow>;
}

/** A ledger of these days: their totals and unknown models. */
export function withTotals(days: LedgerDay[]): Ledger {
  const totals = emptyTotals();
  const unknown = new Set<string>();
  for (const d of days) {
    addTotals(totals, d);
    for (const m of d.unknownModels) unknown.add(m);
  }
  return { days, totals, unknownModels: [...unknown].sort(cmp) };
}

function totalsOf(g: Group, pricer: Pricer): CostTotals {
  const s = g.sums;
  const tokens = s.input + s.output + s.cacheCreation + s.cacheRead;
  let cost: number | null = (tokens === 0 && s.webSearches === 0) || g.model === SYNTHETIC ? 0 : null;
  const rates = cost === null && g.model !== null && g.band !== null ? pricer.rates(g.priceProvider, g.model, g.band) : null;
  if (rates) cost = costOf(rates, s, g.count);
  return {
    inputTokens: s.input,
    outputTokens: s.output,
    cacheCreationTokens: s.cacheCreation,
    cacheReadTokens: s.cacheRead,
    totalTokens: tokens,
    costUsd: cost,
    pricedCostUsd: cost ?? 0,
  };
}

const zeroSums = (): UsageSums => ({ input: 0, output: 0, cacheCreation: 0, cacheRead: 0, cacheCreation1h: 0, webSearches: 0 });
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
