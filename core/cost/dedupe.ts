// The rule that decides most numbers: an agent may write one response several times (streaming
// snapshots, resumed sessions, two roots, subagent mirrors). One copy per key is kept (entry.ts
// `replaces`); entries without a key are all kept.
import { replaces, type CostEntry } from './entry';

/** The entries of one log file, with what the ledger groups them by. */
export interface FileEntries {
  source: string;
  /** The project folder, or null when the format has none. */
  project: string | null;
  entries: readonly CostEntry[];
}

/** One kept entry and where it came from. */
export interface KeptEntry {
  source: string;
  project: string | null;
  entry: CostEntry;
}

/**
 * The entries that count, from files given in path order (each file's entries in line order):
 * per key the copy `replaces` prefers, wherever it was read; every keyless entry.
 */
export function dedupe(files: readonly FileEntries[]): KeptEntry[] {
  const out: KeptEntry[] = [];
  const byKey = new Map<string, number>();
  for (const f of files) {
    for (const entry of f.entries) {
      const kept: KeptEntry = { source: f.source, project: f.project, entry };
      if (entry.key === null) {
        out.push(kept);
        continue;
      }
      const at = byKey.get(entry.key);
      if (at === undefined) {
        byKey.set(entry.key, out.length);
        out.push(kept);
      } else if (replaces(entry, out[at]!.entry)) out[at] = kept;
    }
  }
  return out;
}

/**
 * Adds `entry` to one file's list, keeping one copy per key in that file (the same rule, so the
 * file-level winner is the only one that can win overall). `index` maps keys to positions in `list`.
 */
export function addToFile(list: CostEntry[], index: Map<string, number>, entry: CostEntry): void {
  if (entry.key === null) {
    list.push(entry);
    return;
  }
  const at = index.get(entry.key);
  if (at === undefined) {
    index.set(entry.key, list.length);
    list.push(entry);
  } else if (replaces(entry, list[at]!)) list[at] = entry;
}

/** The key → position index of a file's list, to continue adding to it. */
export function indexOf(list: readonly CostEntry[]): Map<string, number> {
  const index = new Map<string, number>();
  list.forEach((e, i) => {
    if (e.key !== null) index.set(e.key, i);
  });
  return index;
}
