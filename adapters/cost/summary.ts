// The warm run's fast path: per source, the finished ledger days beside the identity (device,
// inode, size, mtime) of every log file they were built from. When no file of a source was added,
// removed or touched since, its days are the answer: the per-request entries (cache.ts) are not
// even loaded. Anything else, or a different zone or price table, falls back to the full run,
// which rewrites this file. A summary that cannot be read is simply a miss.
import { mkdirSync, readFileSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { LedgerDay } from '../../core/cost/ledger';

// Bump when LedgerDay or the way it is computed changes.
const VERSION = 1;
const FILE = 'cost-summary-v1.bin';
const ID = 4;

/** One source's log files as listed, with their stats (null: vanished between listing and stat). */
export interface ListedFile {
  path: string;
  project: string | null;
  st: Stats | null;
}

interface SourceSummary {
  /** The zone and price-table key the days were dated and priced under. */
  key: string;
  paths: string[];
  projects: Array<string | null>;
  /** dev, ino, size, mtimeMs per file. */
  ids: Float64Array;
  days: LedgerDay[];
}

interface Stored {
  v: number;
  sources: Record<string, SourceSummary>;
}

export type Summary = Map<string, SourceSummary>;

export function loadSummary(dir: string): Summary {
  const out: Summary = new Map();
  try {
    const s = deserialize(readFileSync(join(dir, FILE))) as Stored;
    if (s && s.v === VERSION && s.sources && typeof s.sources === 'object') for (const [k, v] of Object.entries(s.sources)) out.set(k, v);
  } catch {
    // No summary: the full run.
  }
  return out;
}

/** The days of `source` when every file is the one they were built from, under the same key; else null. */
export function summaryDays(summary: Summary, source: string, key: string, files: readonly ListedFile[]): LedgerDay[] | null {
  const s = summary.get(source);
  if (!s || s.key !== key || s.paths.length !== files.length) return null;
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    const st = f.st;
    const o = i * ID;
    if (!st || f.path !== s.paths[i] || f.project !== s.projects[i]) return null;
    if (st.dev !== s.ids[o] || st.ino !== s.ids[o + 1] || st.size !== s.ids[o + 2] || st.mtimeMs !== s.ids[o + 3]) return null;
  }
  return s.days;
}

/** One file as a summary identifies it. */
export interface FileId {
  path: string;
  project: string | null;
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** The days last recorded for `source` under `key` when they were built from exactly `files` (path order); else null. */
export function lastDays(summary: Summary, source: string, key: string, files: readonly FileId[]): LedgerDay[] | null {
  const s = summary.get(source);
  if (!s || s.key !== key || s.paths.length !== files.length) return null;
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    const o = i * ID;
    if (f.path !== s.paths[i] || f.project !== s.projects[i]) return null;
    if (f.dev !== s.ids[o] || f.ino !== s.ids[o + 1] || f.size !== s.ids[o + 2] || f.mtimeMs !== s.ids[o + 3]) return null;
  }
  return s.days;
}

/** Records `days` as the answer for `source`'s `files` (their stats taken before they were read). */
export function putSummary(summary: Summary, source: string, key: string, files: readonly ListedFile[], days: LedgerDay[]): void {
  if (files.some((f) => f.st === null)) {
    summary.delete(source);
    return;
  }
  const ids = new Float64Array(files.length * ID);
  files.forEach((f, i) => ids.set([f.st!.dev, f.st!.ino, f.st!.size, f.st!.mtimeMs], i * ID));
  summary.set(source, { key, paths: files.map((f) => f.path), projects: files.map((f) => f.project), ids, days });
}

/** Writes the summary atomically; a failure only makes the next run slower. */
export function saveSummary(dir: string, summary: Summary): void {
  const path = join(dir, FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, serialize({ v: VERSION, sources: Object.fromEntries(summary) } satisfies Stored));
    renameSync(tmp, path);
  } catch {
    // As with the entry cache.
  }
}
