// `quotabar statusline install|uninstall` and Settings' button: edits the coding tool's settings file
// through the provider's pure hook. A file that is not valid JSON is never touched; each change first
// copies the file as it was to `<file>.quotabar-backup`, then writes the new one atomically. The
// status line ours replaced is kept beside it (PREVIOUS_FILE) so ours can chain it and uninstall can
// put it back exactly.
import { copyFile, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { asObject, parseJson, type JsonObject } from '../core/json';
import type { StatusLineFileOutcome, StatusLineHook, StatusLineState } from '../core/providers/status-line';
import { writeAtomic } from './status-line-store';

/** Beside the settings file: `{"previous": <the replaced statusLine>}` (no key: there was none). */
export const PREVIOUS_FILE = 'quotabar-statusline-previous.json';
export const BACKUP_SUFFIX = '.quotabar-backup';

export interface StatusLineTarget {
  hook: StatusLineHook;
  /** The tool's folder (the descriptor's `credentials.dir`). */
  folder: string;
  /** The variable that names another folder, for the message when this one is missing. */
  folderEnv: string | null;
}

/** Sets `command` as the tool's status line (idempotent). */
export async function installStatusLineFile(t: StatusLineTarget, command: string): Promise<StatusLineFileOutcome> {
  const loaded = await load(t);
  if ('kind' in loaded) return loaded;
  const r = t.hook.install(loaded.settings ?? {}, command);
  if (r.kind === 'already') return { kind: 'already', file: loaded.file };
  try {
    const backup = loaded.text !== null ? await backUp(loaded.file) : null;
    await writeAtomic(join(t.folder, PREVIOUS_FILE), `${JSON.stringify(r.previous === undefined ? {} : { previous: r.previous }, null, 2)}\n`);
    await writeAtomic(loaded.file, `${JSON.stringify(r.settings, null, 2)}\n`);
    return { kind: 'installed', file: loaded.file, backup, chained: t.hook.chainedCommand(r.previous) };
  } catch (e) {
    return { kind: 'io_error', file: loaded.file, code: codeOf(e) };
  }
}

/** Puts back the status line ours replaced (or removes ours when there was none). */
export async function uninstallStatusLineFile(t: StatusLineTarget): Promise<StatusLineFileOutcome> {
  const loaded = await load(t);
  if ('kind' in loaded) return loaded;
  if (loaded.settings === null) return { kind: 'not_installed', file: loaded.file };
  const previous = await readPrevious(t.folder);
  const r = t.hook.uninstall(loaded.settings, previous);
  if (r.kind === 'not_installed') return { kind: 'not_installed', file: loaded.file };
  if (r.kind === 'not_ours') return { kind: 'not_ours', file: loaded.file, command: r.command };
  try {
    const backup = await backUp(loaded.file);
    await writeAtomic(loaded.file, `${JSON.stringify(r.settings, null, 2)}\n`);
    await rm(join(t.folder, PREVIOUS_FILE), { force: true });
    return { kind: 'removed', file: loaded.file, backup, restored: t.hook.chainedCommand(previous) };
  } catch (e) {
    return { kind: 'io_error', file: loaded.file, code: codeOf(e) };
  }
}

/** The previous status line's command that ours runs after itself, or null. */
export async function chainedCommand(hook: StatusLineHook, folder: string): Promise<string | null> {
  return hook.chainedCommand(await readPrevious(folder));
}

/** What the tool's settings file runs now (its file kinds as install reports them when it cannot be read). */
export type StatusLineFileState = StatusLineState | Extract<StatusLineFileOutcome, { kind: 'invalid_json' | 'no_folder' | 'io_error' }>;

/** Whether the tool's settings file runs our status line now, and the one ours chains (or another command, or none). */
export async function statusLineFileState(t: StatusLineTarget): Promise<StatusLineFileState> {
  const loaded = await load(t);
  if ('kind' in loaded) return loaded as StatusLineFileState;
  const current = loaded.settings?.statusLine;
  if (loaded.settings !== null && t.hook.install(loaded.settings, '').kind === 'already') {
    return { kind: 'ours', file: loaded.file, chained: await chainedCommand(t.hook, t.folder) };
  }
  if (current === undefined) return { kind: 'none', file: loaded.file };
  return { kind: 'other', file: loaded.file, command: t.hook.chainedCommand(current) };
}

type Loaded = { file: string; text: string | null; settings: JsonObject | null };

async function load(t: StatusLineTarget): Promise<Loaded | StatusLineFileOutcome> {
  const file = join(t.folder, t.hook.settingsFile);
  const folder = await stat(t.folder).catch(() => null);
  if (!folder?.isDirectory()) return { kind: 'no_folder', folder: t.folder, env: t.folderEnv };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return codeOf(e) === 'ENOENT' ? { file, text: null, settings: null } : { kind: 'io_error', file, code: codeOf(e) };
  }
  // An empty file is what some editors leave; anything else must be a JSON object.
  if (text.trim() === '') return { file, text, settings: {} };
  const settings = asObject(parseJson(text));
  return settings ? { file, text, settings } : { kind: 'invalid_json', file };
}

async function readPrevious(folder: string): Promise<unknown> {
  const text = await readFile(join(folder, PREVIOUS_FILE), 'utf8').catch(() => null);
  return text === null ? undefined : asObject(parseJson(text))?.previous;
}

async function backUp(file: string): Promise<string> {
  const backup = `${file}${BACKUP_SUFFIX}`;
  await copyFile(file, backup);
  return backup;
}

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
