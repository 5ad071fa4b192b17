// Readable names for the Cost window's projects: the folder the agent ran in, read from the start of
// the project folder's logs (the format's `projectPath`), with the home folder written as `~`. A
// project whose logs do not say keeps its folder's name.
import { closeSync, openSync, readSync } from 'node:fs';
import type { LogFile } from './log-files';

// The first lines of a session: an agent writes the folder with its first message.
const HEAD = 64 * 1024;
// Logs of one project tried before giving up on it (a session may open with lines that lack it).
const TRIES = 3;

/** Project folder name → readable path, for the files' projects whose logs name one. */
export function projectPaths(files: readonly LogFile[], home: string): Record<string, string> {
  const out: Record<string, string> = {};
  const tried = new Map<string, number>();
  const buf = Buffer.allocUnsafe(HEAD);
  for (const f of files) {
    const read = f.kind.projectPath;
    if (f.project === null || !read || Object.hasOwn(out, f.project)) continue;
    const n = tried.get(f.project) ?? 0;
    if (n >= TRIES) continue;
    tried.set(f.project, n + 1);
    const path = read(head(f.path, buf));
    if (path !== null) out[f.project] = withTilde(path, home);
  }
  return out;
}

function head(path: string, buf: Buffer): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return '';
  }
  try {
    return buf.toString('utf8', 0, readSync(fd, buf, 0, buf.length, 0));
  } catch {
    return '';
  } finally {
    closeSync(fd);
  }
}

/** `path` with a leading home folder written as `~` (either slash after it, as the agent wrote it). */
export function withTilde(path: string, home: string): string {
  const h = home.replace(/[\\/]+$/, '');
  if (h === '' || !path.startsWith(h)) return path;
  const rest = path.slice(h.length);
  return rest === '' ? '~' : rest[0] === '/' || rest[0] === '\\' ? `~${rest}` : path;
}
