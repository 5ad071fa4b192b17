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

/** What tells one version of a file from another: a Stats, or a FileId. */
type Identity = Pick<Stats, 'dev' | 'ino' | 'size' | 'mtimeMs'>;

/** The days of `source` when every listed file is the one they were built from, under the same key; else null. */
export function summaryDays(summary: Summary, source: string, key: string, files: readonly ListedFile[]): LedgerDay[] | null {
  return daysBuiltFrom(summary, source, key, files, (f) => f.st);
}

/** One file as a summary identifies it. */
export interface FileId extends Identity {
  path: string;
  project: string | null;
}

/** The days last recorded for `source` under `key` when they were built from exactly `files` (path order); else null. */
export function lastDays(summary: Summary, source: string, key: string, files: readonly FileId[]): LedgerDay[] | null {
  return daysBuiltFrom(summary, source, key, files, (f) => f);
}

function daysBuiltFrom<F extends { path: string; project: string | null }>(summary: Summary, source: string, key: string, files: readonly F[], identity: (f: F) => Identity | null): LedgerDay[] | null {
  const s = summary.get(source);
  if (!s || s.key !== key || s.paths.length !== files.length) return null;
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    const id = identity(f);
    const o = i * ID;
    if (!id || f.path !== s.paths[i] || f.project !== s.projects[i]) return null;
    if (id.dev !== s.ids[o] || id.ino !== s.ids[o + 1] || id.size !== s.ids[o + 2] || id.mtimeMs !== s.ids[o + 3]) return null;
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
