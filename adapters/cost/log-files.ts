// Finds the log files of each cost source: its roots (the first candidate folder that exists),
// then every `*.jsonl` below them at any depth, in full-path order.
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { CostLogKind } from '../../core/cost/entry';

export interface LogFile {
  kind: CostLogKind;
  path: string;
  /** The first folder below the root, for formats whose folders name projects. */
  project: string | null;
}

/** The root folders of `kind` that exist, without repeats. */
export function rootsOf(kind: CostLogKind, env: Record<string, string | undefined>, home: string): string[] {
  const out: string[] = [];
  for (const r of kind.roots(env, home, join)) {
    const found = r.candidates.find(isDir);
    if (found && !out.includes(found)) out.push(found);
  }
  return out;
}

/** Every `*.jsonl` file under the roots of each kind, sorted by full path within each kind. */
export function listLogFiles(kinds: readonly CostLogKind[], env: Record<string, string | undefined>, home: string): LogFile[] {
  const out: LogFile[] = [];
  for (const kind of kinds) {
    const files: LogFile[] = [];
    for (const root of rootsOf(kind, env, home)) walk(root, (path) => files.push({ kind, path, project: kind.projectFolders ? projectOf(root, path) : null }));
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    out.push(...files);
  }
  return out;
}

function walk(dir: string, found: (path: string) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    // Concatenated, not path.join: a join per file (hundreds) makes V8 optimize path.join, which
    // costs a warm run several MiB of resident memory. `dir` is already a joined path.
    const path = dir + sep + e.name;
    if (e.isDirectory()) walk(path, found);
    else if (e.name.endsWith('.jsonl') && (e.isFile() || (e.isSymbolicLink() && isFile(path)))) found(path);
  }
}

function projectOf(root: string, path: string): string | null {
  const rest = path.slice(root.length + 1);
  const i = rest.indexOf(sep);
  return i > 0 ? rest.slice(0, i) : null;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
