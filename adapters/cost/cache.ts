// The incremental cache of the cost ledger: per file, what scan-file.ts read (offset, head hash,
// parser state) and its entries, columnar and written with v8's serializer so a warm run loads it
// in milliseconds. A cache that cannot be read is simply a cold run.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, posix, win32 } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CostEntry } from '../../core/cost/entry';
import type { PricePlan, PricePlans } from '../../core/cost/price-plan';
import type { FileRecord } from './scan-file';

// Bump when the entry fields, a parser's rules or the head hash change: old caches are then ignored.
const VERSION = 4;
// The price table the cached plans were read from: plans are re-read when it changes.
export const PRICE_TABLE = '@pydantic/genai-prices 0.1.8';
const FILE = 'cost-ledger-v1.bin';
const W = 8;

/** `QUOTABAR_CACHE_DIR`, else `$XDG_CACHE_HOME/quotabar`, else the platform's cache folder. */
export function costCacheDir(env: Record<string, string | undefined>, platform: string, home: string): string {
  const own = env['QUOTABAR_CACHE_DIR']?.trim();
  if (own) return own;
  const xdg = env['XDG_CACHE_HOME']?.trim();
  if (xdg && posix.isAbsolute(xdg)) return posix.join(xdg, 'quotabar');
  if (platform === 'win32') return win32.join(env['LOCALAPPDATA']?.trim() || win32.join(home, 'AppData', 'Local'), 'Quotabar', 'Cache');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Caches', 'Quotabar');
  return posix.join(home, '.cache', 'quotabar');
}

// All files' entries in one set of columns (one typed array each: v8 writes every typed array through
// a JavaScript callback, so 780 small ones cost more than the data); each file names its row range.
interface Stored {
  v: number;
  prices: string;
  plans: Array<[string, PricePlan | null]>;
  files: Array<Omit<FileRecord, 'entries'> & { from: number; count: number }>;
  nums: Float64Array;
  models: string[];
  mi: Int32Array;
  /** The dedupe keys joined by NUL (one string is written far faster than 20k), or an array if a key holds NUL. */
  keys: string | string[];
}

export interface CostCache {
  /** The records of the last run by path. */
  records: Map<string, FileRecord>;
  plans: PricePlans;
}

/** What the last run left; empty when there is no usable cache. */
export function loadCache(dir: string): CostCache {
  const out = new Map<string, FileRecord>();
  const plans: PricePlans = new Map();
  let stored: Stored;
  try {
    stored = deserialize(readFileSync(join(dir, FILE))) as Stored;
  } catch {
    return { records: out, plans };
  }
  if (!stored || stored.v !== VERSION || !Array.isArray(stored.files)) return { records: out, plans };
  if (stored.prices === PRICE_TABLE && Array.isArray(stored.plans)) for (const [k, p] of stored.plans) plans.set(k, p);
  try {
    readRecords(stored, out);
  } catch {
    return { records: new Map(), plans }; // damaged: a cold run
  }
  return { records: out, plans };
}

function readRecords(stored: Stored, out: Map<string, FileRecord>): void {
  const { nums, models, mi } = stored;
  const keys = typeof stored.keys === 'string' ? stored.keys.split('\u0000') : stored.keys;
  for (const { from, count, ...rest } of stored.files) {
    const entries: CostEntry[] = new Array(count);
    for (let j = 0; j < count; j++) {
      const i = from + j;
      const o = i * W;
      const m = mi[i]!;
      entries[j] = {
        at: nums[o]!,
        input: nums[o + 1]!,
        output: nums[o + 2]!,
        cacheCreation: nums[o + 3]!,
        cacheRead: nums[o + 4]!,
        cacheCreation1h: nums[o + 5]!,
        webSearches: nums[o + 6]!,
        fast: (nums[o + 7]! & 1) !== 0,
        sidechain: (nums[o + 7]! & 2) !== 0,
        model: m < 0 ? null : models[m]!,
        key: keys[i] === '' ? null : keys[i]!,
      };
    }
    out.set(rest.path, { ...rest, entries });
  }
}

/** Writes the records (atomically: a concurrent reader sees the old cache or the new one). */
export function saveCache(dir: string, records: readonly FileRecord[], plans: PricePlans): void {
  const total = records.reduce((n, r) => n + r.entries.length, 0);
  const nums = new Float64Array(total * W);
  const models: string[] = [];
  const modelIdx = new Map<string, number>();
  const mi = new Int32Array(total);
  const keys: string[] = new Array(total);
  let i = 0;
  const files = records.map(({ entries, ...rest }) => {
    const from = i;
    for (const e of entries) {
      const o = i * W;
      nums[o] = e.at;
      nums[o + 1] = e.input;
      nums[o + 2] = e.output;
      nums[o + 3] = e.cacheCreation;
      nums[o + 4] = e.cacheRead;
      nums[o + 5] = e.cacheCreation1h;
      nums[o + 6] = e.webSearches;
      nums[o + 7] = (e.fast ? 1 : 0) | (e.sidechain ? 2 : 0);
      if (e.model === null) mi[i] = -1;
      else {
        let m = modelIdx.get(e.model);
        if (m === undefined) {
          m = models.length;
          models.push(e.model);
          modelIdx.set(e.model, m);
        }
        mi[i] = m;
      }
      keys[i] = e.key ?? '';
      i++;
    }
    return { ...rest, from, count: entries.length };
  });
  const path = join(dir, FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    const joined = keys.some((k) => k.includes('\u0000')) ? keys : keys.join('\u0000');
    writeFileSync(tmp, serialize({ v: VERSION, prices: PRICE_TABLE, plans: [...plans], files, nums, models, mi, keys: joined } satisfies Stored));
    renameSync(tmp, path);
  } catch {
    // A cache that cannot be written only makes the next run slower.
  }
}
