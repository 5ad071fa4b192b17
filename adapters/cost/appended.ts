// The warm run's second fast path: when log files only grew (the session being written), read their
// new lines and add them to the source's stored groups, without loading any earlier entry. Safe only
// when no new line can change an earlier answer, so it gives up (and the full run decides) when a
// new entry's dedupe key was seen before (by a 32-bit hash: a collision only costs the full run), a
// file shrank, was replaced or vanished, or ended in an unfinished line last time. The groups hold
// integer token sums, and are priced in key order, so this answer equals a full run's.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { dedupe, type FileEntries, type KeptEntry } from '../../core/cost/dedupe';
import type { CostLogKind } from '../../core/cost/entry';
import { addToGroups, assembleGroups, type Group, type LedgerDay } from '../../core/cost/ledger';
import { planPricer, type PricePlans } from '../../core/cost/price-plan';
import { scanFile, type FileRecord } from './scan-file';
import type { FileId, ListedFile } from './summary';

const VERSION = 2;
const FILE = 'cost-groups-v1.bin';

/** Where the last run left one file: what a scan needs to go on from there. */
interface FileState extends FileId {
  offset: number;
  headLen: number;
  headHash: number;
  state: unknown;
  /** Its last line had no newline yet (and was counted): the next change needs the full run. */
  tail: boolean;
}

/** One source's groups and what they were built from. */
export interface SourceGroups {
  key: string;
  files: FileState[];
  /** Sorted hashes of every dedupe key counted. */
  hashes: Uint32Array;
  groups: PackedGroups;
}

/** Groups as a few arrays (v8 reads and writes those far faster than thousands of small objects). */
interface PackedGroups {
  source: string;
  keys: string[];
  /** Interned strings; `refs` holds per group the index of date, row, project, model, priceProvider, band (-1: null). */
  strings: string[];
  refs: Int32Array;
  /** Per group: fast (0/1), count, then the six UsageSums fields. */
  nums: Float64Array;
}

const REFS = 6;
const NUMS = 8;

function pack(source: string, groups: readonly Group[]): PackedGroups {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (v: string | null): number => {
    if (v === null) return -1;
    let i = index.get(v);
    if (i === undefined) {
      i = strings.length;
      strings.push(v);
      index.set(v, i);
    }
    return i;
  };
  const refs = new Int32Array(groups.length * REFS);
  const nums = new Float64Array(groups.length * NUMS);
  groups.forEach((g, i) => {
    refs.set([ref(g.date), ref(g.row), ref(g.project), ref(g.model), ref(g.priceProvider), ref(g.band)], i * REFS);
    const s = g.sums;
    nums.set([g.fast ? 1 : 0, g.count, s.input, s.output, s.cacheCreation, s.cacheRead, s.cacheCreation1h, s.webSearches], i * NUMS);
  });
  return { source, keys: groups.map((g) => g.key), strings, refs, nums };
}

function unpack(p: PackedGroups): Group[] {
  const str = (i: number): string | null => (i < 0 ? null : p.strings[i]!);
  return p.keys.map((key, i) => {
    const r = i * REFS;
    const n = i * NUMS;
    const v = p.nums;
    return {
      key,
      source: p.source,
      date: str(p.refs[r]!)!,
      row: str(p.refs[r + 1]!)!,
      project: str(p.refs[r + 2]!),
      model: str(p.refs[r + 3]!),
      priceProvider: str(p.refs[r + 4]!)!,
      band: str(p.refs[r + 5]!),
      fast: v[n] === 1,
      count: v[n + 1]!,
      sums: { input: v[n + 2]!, output: v[n + 3]!, cacheCreation: v[n + 4]!, cacheRead: v[n + 5]!, cacheCreation1h: v[n + 6]!, webSearches: v[n + 7]! },
    };
  });
}

export interface GroupStore {
  sources: Map<string, SourceGroups>;
  plans: PricePlans;
}

export function loadGroups(dir: string): GroupStore | null {
  try {
    const s = deserialize(readFileSync(join(dir, FILE))) as { v: number; sources: Record<string, SourceGroups>; plans: Array<[string, never]> };
    if (s?.v !== VERSION) return null;
    return { sources: new Map(Object.entries(s.sources)), plans: new Map(s.plans) };
  } catch {
    return null;
  }
}

export function saveGroups(dir: string, store: GroupStore): void {
  const path = join(dir, FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, serialize({ v: VERSION, sources: Object.fromEntries(store.sources), plans: [...store.plans] }));
    renameSync(tmp, path);
  } catch {
    // A later run is then a full one.
  }
}

/** The stored form of a source after a full run: its files' scan positions, key hashes and groups. */
export function sourceGroups(source: string, key: string, files: readonly ListedFile[], records: ReadonlyMap<string, FileRecord>, tails: ReadonlySet<string>, kept: readonly KeptEntry[], groups: Group[]): SourceGroups | null {
  const states: FileState[] = [];
  for (const f of files) {
    const r = records.get(f.path);
    if (!r || !f.st) return null;
    states.push(stateOf(f, r, tails.has(f.path)));
  }
  return { key, files: states, hashes: hashesOf(kept), groups: pack(source, groups) };
}

export interface AppendedRun {
  days: LedgerDay[];
  filesRead: number;
  bytesRead: number;
}

/**
 * The days of `kind`'s source after reading only what was appended to its `files` (path order), or
 * null when that cannot be done safely. Updates `stored` (and `plans`, through `addPlans`) in place.
 * `lastDays`, the days the stored groups gave last time (summary.ts lastDays), spares pricing every
 * day again: only the dates that got new entries are assembled.
 */
export async function appendedRun(
  kind: CostLogKind,
  files: readonly ListedFile[],
  stored: SourceGroups,
  plans: PricePlans,
  dateOf: (at: number) => string,
  addPlans: (kept: readonly KeptEntry[]) => Promise<unknown>,
  lastDays: readonly LedgerDay[] | null = null,
): Promise<AppendedRun | null> {
  const byPath = new Map(stored.files.map((s) => [s.path, s] as const));
  if (stored.files.some((s) => !files.some((f) => f.path === s.path))) return null; // a file went away
  const next: FileState[] = [];
  const read: FileEntries[] = [];
  let filesRead = 0;
  let bytesRead = 0;
  for (const f of files) {
    const s = byPath.get(f.path) ?? null;
    const st = f.st;
    if (!st) return null;
    if (s && s.dev === st.dev && s.ino === st.ino && s.size === st.size && s.mtimeMs === st.mtimeMs && s.project === f.project) {
      next.push(s);
      continue;
    }
    if (s && (s.tail || s.project !== f.project || s.dev !== st.dev || s.ino !== st.ino || st.size < s.size)) return null;
    const prev: FileRecord | null = s ? { path: s.path, source: kind.source, project: s.project, size: s.size, mtimeMs: s.mtimeMs, ino: s.ino, offset: s.offset, headLen: s.headLen, headHash: s.headHash, state: s.state, entries: [] } : null;
    const r = scanFile(kind, f.path, f.project, st, prev);
    if (prev && !r.continued) return null; // replaced in place
    filesRead++;
    bytesRead += r.bytesRead;
    next.push(stateOf(f, r.record, r.tail !== null));
    read.push({ source: kind.source, project: f.project, entries: r.tail ? [...r.record.entries, r.tail] : r.record.entries });
  }
  const kept = dedupe(read);
  for (const { entry } of kept) if (entry.key !== null && has(stored.hashes, hashOf(entry.key))) return null;
  await addPlans(kept);
  const groups = new Map(unpack(stored.groups).map((g) => [g.key, g] as const));
  const pricer = planPricer(plans);
  addToGroups(groups, { kept, dateOf, pricer, priceProviderOf: () => kind.priceProvider });
  stored.files = next;
  stored.hashes = merge(stored.hashes, hashesOf(kept));
  const all = [...groups.values()];
  stored.groups = pack(kind.source, all);
  if (!lastDays) return { days: assembleGroups(all, pricer).days, filesRead, bytesRead };
  // A day's figures come from its own groups alone (assembleGroups), so the other days are as they were.
  const touched = new Set(kept.map(({ entry }) => dateOf(entry.at)));
  const fresh = assembleGroups(
    all.filter((g) => touched.has(g.date)),
    pricer,
  ).days;
  const days = [...lastDays.filter((d) => !touched.has(d.date)), ...fresh].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { days, filesRead, bytesRead };
}

function stateOf(f: ListedFile, r: FileRecord, tail: boolean): FileState {
  const st = f.st!;
  return { path: f.path, project: f.project, dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, offset: r.offset, headLen: r.headLen, headHash: r.headHash, state: r.state, tail };
}

/** FNV-1a of a key's UTF-16 code units. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function hashesOf(kept: readonly KeptEntry[]): Uint32Array {
  const out: number[] = [];
  for (const { entry } of kept) if (entry.key !== null) out.push(hashOf(entry.key));
  return Uint32Array.from(out).sort();
}

function has(sorted: Uint32Array, h: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === h) return true;
    if (v < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function merge(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out.sort();
}
