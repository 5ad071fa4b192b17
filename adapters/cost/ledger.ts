// The cost ledger for the CLI and the app: tokens and dollars per local day, source and model, from
// the agents' own logs (shared/COST.md), read incrementally through a cache.
//
// API (plain data in, plain data out, so it runs as well inside a worker thread):
//   const { ledger } = await loadLedger({ env: process.env, homedir: os.homedir(), platform: process.platform });
//   summarize(ledger, todayLocalDate, sourceId)  → { today, last30Days }   (core/cost/view.ts, pure)
//   filterLedger(ledger, { since, until, sources })                        (core/cost/view.ts, pure)
// A Ledger holds days sorted by date then source; each day has totals, `models` rows (fast mode as
// `<model>-fast`), `projects` rows and the day's `unknownModels`. `costUsd` is null where any part has
// no known price; `pricedCostUsd` is what the known parts cost. Dates are local to `timeZone`.
import { statSync, type Stats } from 'node:fs';
import { dedupe, type FileEntries, type KeptEntry } from '../../core/cost/dedupe';
import type { CostLogKind } from '../../core/cost/entry';
import { addToGroups, assembleGroups, SYNTHETIC, withTotals, type Group, type Ledger, type LedgerDay } from '../../core/cost/ledger';
import { planKey, planPricer, type PricePlans } from '../../core/cost/price-plan';
import { localDater, type OffsetAt } from '../../core/cost/local-date';
import type { Pricer } from '../../core/cost/pricing';
import { COST_LOGS } from '../../core/providers/registry';
import { todaySummary } from '../../core/cost/today';
import { appendedRun, loadGroups, saveGroups, sourceGroups, type GroupStore } from './appended';
import { costCacheDir, loadCache, PRICE_TABLE, saveCache } from './cache';
import { costZone, runtimeOffset } from './zone';
import { writeTodaySummary } from './today-file';
import { listLogFiles, type LogFile } from './log-files';
import { projectPaths } from './project-paths';
import { seededPlan } from './price-seed';
import { scanFile, type FileRecord } from './scan-file';
import { lastDays, loadSummary, putSummary, saveSummary, summaryDays, type ListedFile, type Summary } from './summary';

export { filterLedger, summarize, type CostSummary, type LedgerFilter } from '../../core/cost/view';
export type { CostTotals, Ledger, LedgerDay, ModelRow, ProjectRow } from '../../core/cost/ledger';

export interface LoadLedgerOptions {
  env: Record<string, string | undefined>;
  homedir: string;
  platform: string;
  /** IANA zone for local dates; default `env.TZ`, else the runtime's zone. */
  timeZone?: string;
  /** Source ids to read (provider ids); default all that keep logs. */
  sources?: readonly string[] | null;
  /** False: neither read nor write the cache (tests of a cold run). Default true. */
  useCache?: boolean;
  /** Prices; default plans from the bundled genai-prices table, kept in the cache (the table is loaded only for new models). */
  pricer?: Pricer;
  /** Called when the summary does not answer and the logs are read (a caller may tune the runtime for it). */
  onFullRun?: () => void;
  /** The time "today" is taken at for the status line's summary (default the system clock). */
  now?: number;
  /** Also name the projects by the folders their logs were written in (the Cost window): `ledger.projectPaths`. */
  projectPaths?: boolean;
}

export interface LedgerStats {
  /** How the answer was had: the summary alone, appended lines added to it, or every entry (cache.ts). */
  run: 'summary' | 'appended' | 'full';
  files: number;
  /** Files read (wholly or their appended part) this run. */
  filesRead: number;
  bytesRead: number;
}

/** Reads every log of the chosen sources (only appended bytes when cached) and builds the ledger. */
export async function loadLedger(opts: LoadLedgerOptions): Promise<{ ledger: Ledger; stats: LedgerStats }> {
  // The logs are read as of now: the summary says so even when the scan takes a while.
  const now = opts.now ?? Date.now();
  const kinds = COST_LOGS.filter((k) => !opts.sources || opts.sources.includes(k.source));
  const useCache = opts.useCache !== false;
  const cacheDir = costCacheDir(opts.env, opts.platform, opts.homedir);
  const files = listLogFiles(kinds, opts.env, opts.homedir);
  const listed = files.map((f): ListedFile => ({ path: f.path, project: f.project, st: statOrNull(f.path) }));
  const zone = costZone(opts);
  // The summary holds priced days: only for the bundled prices, under the zone they were dated in.
  const summaryKey = `${PRICE_TABLE}\u0000${zoneKey(zone)}`;
  const finish = (ledger: Ledger, stats: LedgerStats, dateOf = localDater(zone)) => {
    if (opts.projectPaths) ledger.projectPaths = projectPaths(files, opts.homedir);
    // Every source read, with the cache in use (not the demo's throwaway logs): the status line's figure.
    if (useCache && kinds.length === COST_LOGS.length) writeTodaySummary(cacheDir, todaySummary(ledger, dateOf(now), kinds.map((k) => k.source), now));
    return { ledger, stats };
  };
  const summary: Summary | null = useCache && !opts.pricer ? loadSummary(cacheDir) : null;
  const bySource = (source: string) => listed.filter((_, i) => files[i]!.kind.source === source);
  if (summary) {
    const parts = kinds.map((k) => summaryDays(summary, k.source, summaryKey, bySource(k.source)));
    if (parts.every((p) => p !== null)) return finish(merged(parts as LedgerDay[][]), { run: 'summary', files: files.length, filesRead: 0, bytesRead: 0 });
    const appended = await appendedRuns(kinds, parts, bySource, summary, summaryKey, cacheDir, localDater(zone));
    if (appended) return finish(appended.ledger, { run: 'appended', files: files.length, filesRead: appended.filesRead, bytesRead: appended.bytesRead });
  }
  opts.onFullRun?.();
  const cache = useCache ? loadCache(cacheDir) : { records: new Map<string, FileRecord>(), plans: new Map() as PricePlans };
  const cached = cache.records;
  const stats: LedgerStats = { run: 'full', files: files.length, filesRead: 0, bytesRead: 0 };
  const records: FileRecord[] = [];
  const tails = new Set<string>();
  const perFile: FileEntries[] = [];
  files.forEach((f, i) => {
    const r = readOne(f, listed[i]!.st, cached.get(f.path) ?? null, stats);
    if (!r) return;
    records.push(r.record);
    if (r.tail) tails.add(f.path);
    perFile.push({ source: f.kind.source, project: f.project, entries: r.tail ? [...r.record.entries, r.tail] : r.record.entries });
  });
  const kept = dedupe(perFile);
  const byId = new Map(kinds.map((k) => [k.source, k] as const));
  const priceProviderOf = (s: string): string => byId.get(s)?.priceProvider ?? '';
  const newPlans = opts.pricer ? false : await addPlans(cache.plans, kept, priceProviderOf);
  const gone = records.length !== countOf(cached, kinds);
  if (useCache && (stats.filesRead > 0 || gone || newPlans)) saveCache(cacheDir, mergeUnread(cached, records, kinds), cache.plans);
  const pricer = opts.pricer ?? planPricer(cache.plans);
  const dateOf = localDater(zone);
  const groups = new Map<string, Group>();
  addToGroups(groups, { kept, dateOf, pricer, priceProviderOf });
  const ledger = assembleGroups(groups.values(), pricer);
  if (summary) {
    const store: GroupStore = loadGroups(cacheDir) ?? { sources: new Map(), plans: cache.plans };
    store.plans = cache.plans;
    const byPath = new Map(records.map((r) => [r.path, r] as const));
    for (const k of kinds) {
      putSummary(summary, k.source, summaryKey, bySource(k.source), ledger.days.filter((d) => d.source === k.source));
      const own = (x: { source: string }) => x.source === k.source;
      const g = sourceGroups(k.source, summaryKey, bySource(k.source), byPath, tails, kept.filter(own), [...groups.values()].filter(own));
      if (g) store.sources.set(k.source, g);
      else store.sources.delete(k.source);
    }
    saveSummary(cacheDir, summary);
    saveGroups(cacheDir, store);
  }
  return finish(ledger, stats, dateOf);
}

/** The ledger from what was appended since the last run (appended.ts), or null when a full run is needed. */
async function appendedRuns(
  kinds: readonly CostLogKind[],
  parts: ReadonlyArray<LedgerDay[] | null>,
  bySource: (source: string) => ListedFile[],
  summary: Summary,
  key: string,
  cacheDir: string,
  dateOf: (at: number) => string,
): Promise<{ ledger: Ledger; filesRead: number; bytesRead: number } | null> {
  const store = loadGroups(cacheDir);
  if (!store) return null;
  const days: LedgerDay[][] = [];
  let filesRead = 0;
  let bytesRead = 0;
  for (const [i, k] of kinds.entries()) {
    const unchanged = parts[i];
    const stored = store.sources.get(k.source);
    if (unchanged) days.push(unchanged);
    else {
      if (!stored || stored.key !== key) return null;
      const last = lastDays(summary, k.source, key, stored.files);
      const r = await appendedRun(k, bySource(k.source), stored, store.plans, dateOf, (kept) => addPlans(store.plans, kept, () => k.priceProvider), last);
      if (!r) return null;
      filesRead += r.filesRead;
      bytesRead += r.bytesRead;
      days.push(r.days);
      putSummary(summary, k.source, key, bySource(k.source), r.days);
    }
  }
  saveSummary(cacheDir, summary);
  saveGroups(cacheDir, store);
  return { ledger: merged(days), filesRead, bytesRead };
}

/** One ledger of the sources' days, ordered as buildLedger orders them. */
function merged(parts: LedgerDay[][]): Ledger {
  const days = parts.length === 1 ? parts[0]! : parts.flat().sort((a, b) => cmp(a.date, b.date) || cmp(a.source, b.source));
  return withTotals(days);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function readOne(f: LogFile, st: Stats | null, prev: FileRecord | null, stats: LedgerStats): ReturnType<typeof scanFile> | null {
  if (!st) return null;
  // Unchanged and fully read: nothing to open.
  if (prev && prev.ino === st.ino && prev.size === st.size && prev.mtimeMs === st.mtimeMs && prev.offset === st.size && prev.project === f.project) {
    return { record: prev, tail: null, bytesRead: 0, continued: true };
  }
  const r = scanFile(f.kind, f.path, f.project, st, prev && prev.project === f.project ? prev : null);
  stats.filesRead++;
  stats.bytesRead += r.bytesRead;
  return r;
}

// Records of sources not read this run stay in the cache for the next run that reads them.
function mergeUnread(cached: Map<string, FileRecord>, read: FileRecord[], kinds: readonly CostLogKind[]): FileRecord[] {
  const readSources = new Set(kinds.map((k) => k.source));
  return [...read, ...[...cached.values()].filter((r) => !readSources.has(r.source))];
}

// Plans for the models not seen before: from the seed (price-seed.ts), else from the price table,
// which is loaded only then.
async function addPlans(plans: PricePlans, kept: readonly KeptEntry[], providerOf: (s: string) => string): Promise<boolean> {
  const missing = new Map<string, [string, string]>();
  let seededAny = false;
  const seen = new Map<string, Set<string>>(); // models looked at, per source
  for (const { source, entry } of kept) {
    if (entry.model === null || entry.model === SYNTHETIC || entry.fast) continue;
    let models = seen.get(source);
    if (!models) seen.set(source, (models = new Set()));
    if (models.has(entry.model)) continue;
    models.add(entry.model);
    const provider = providerOf(source);
    const k = planKey(provider, entry.model);
    if (plans.has(k) || missing.has(k)) continue;
    const seeded = seededPlan(PRICE_TABLE, provider, entry.model);
    if (seeded === undefined) missing.set(k, [provider, entry.model]);
    else {
      plans.set(k, seeded);
      seededAny = true;
    }
  }
  if (missing.size === 0) return seededAny;
  const { genaiPlan } = await import('./genai-pricer');
  for (const [k, [provider, model]] of missing) plans.set(k, genaiPlan(provider, model));
  return true;
}

function countOf(cached: Map<string, FileRecord>, kinds: readonly CostLogKind[]): number {
  let n = 0;
  for (const r of cached.values()) if (kinds.some((k) => k.source === r.source)) n++;
  return n;
}

// What decides the dates a summary's days were built with: the zone's name, or for the runtime's
// own zone (whose name only Intl knows, ~8 MiB and 50+ ms to ask) TZ and the zone's offsets at
// instants spread over decades, which a change of the system's zone alters.
function zoneKey(zone: string | undefined | OffsetAt): string {
  if (typeof zone === 'string') return `zone:${zone}`;
  const offsets: number[] = [];
  for (let y = 1990; y <= 2040; y += 2) offsets.push(runtimeOffset(Date.UTC(y, 0, 15)), runtimeOffset(Date.UTC(y, 6, 15)));
  return `${zone ? 'runtime' : 'default'}:${process.env['TZ'] ?? ''}:${offsets.join(',')}`;
}

