// Settings as a JSON file. Saves are atomic (temp file in the same dir, fsync, rename), so a crash
// mid-save leaves the previous file whole; a corrupt file is moved aside, never overwritten.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { err, ok, type Result } from '../core/errors';
import { asObject, parseJson } from '../core/json';
import { normalizeSettings, type Settings } from '../core/settings';

export type SettingsProblem = 'corrupt' | 'unreadable';

export interface LoadedSettings {
  settings: Settings;
  /** Why defaults were used: the file could not be parsed, or could not be read. Null when fine or absent. */
  problem: SettingsProblem | null;
}

/** A save failure: the file system's code (EACCES, ENOSPC, ENOTDIR…). */
export interface SettingsWriteError {
  kind: 'unwritable';
  code: string;
}

export class JsonSettingsStore {
  constructor(readonly path: string) {}

  async load(): Promise<LoadedSettings> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if (codeOf(e) === 'ENOENT') return { settings: normalizeSettings({}), problem: null };
      return { settings: normalizeSettings({}), problem: 'unreadable' };
    }
    // Bad JSON, an empty file and a non-object are all corrupt.
    const parsed = asObject(parseJson(text));
    if (parsed === null) {
      await this.moveAside();
      return { settings: normalizeSettings({}), problem: 'corrupt' };
    }
    return { settings: normalizeSettings(parsed), problem: null };
  }

  async save(settings: Settings): Promise<Result<void, SettingsWriteError>> {
    const dir = dirname(this.path);
    const tmp = join(dir, `.${basename(this.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await mkdir(dir, { recursive: true });
      const handle = await open(tmp, 'wx', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(normalizeSettings(settings), null, 2)}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, this.path);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      return err({ kind: 'unwritable', code: codeOf(e) ?? 'EUNKNOWN' });
    }
    await syncDir(dir);
    return ok(undefined);
  }

  /** Moves the unparseable file to `<name>.corrupt-<n>` (first free n) so the user can recover it. */
  private async moveAside(): Promise<void> {
    for (let n = 1; n < 1000; n++) {
      const target = `${this.path}.corrupt-${n}`;
      try {
        // A hard link fails on an existing target, where rename would silently replace it.
        await link(this.path, target);
        await unlink(this.path);
        return;
      } catch (e) {
        if (codeOf(e) === 'EEXIST') continue;
        // No hard links on this file system: rename onto a name that is free right now.
        await renameIfFree(this.path, target);
        return;
      }
    }
  }
}

async function renameIfFree(from: string, to: string): Promise<void> {
  try {
    await (await open(to, 'r')).close();
    return;
  } catch (e) {
    if (codeOf(e) !== 'ENOENT') return;
  }
  await rename(from, to).catch(() => undefined);
}

// Makes the rename itself durable. Not possible on Windows (directories cannot be opened): skipped.
async function syncDir(dir: string): Promise<void> {
  try {
    const h = await open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // Best effort: the data is already in place.
  }
}

function codeOf(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}
