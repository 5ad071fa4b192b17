// `quotabar statusline install|uninstall` and Settings' status-line button run exactly this: where the
// coding tool's folder is, the command written into its settings (this install's CLI by absolute
// paths), and the edit itself (status-line-settings-file.ts). Both front ends share it so the button
// does what the command does.
import { toolDir, type Env } from './app-paths';
import { statusLineAdapter } from './providers/registry';
import {
  installStatusLineFile,
  statusLineFileState,
  uninstallStatusLineFile,
  type StatusLineFileState,
  type StatusLineTarget,
} from './status-line-settings-file';
import { normalFolder } from './status-line-store';
import type { StatusLineFileOutcome } from '../core/providers/status-line';

/** The provider whose tool runs our status line, and that tool's folder for this run. */
export interface StatusLinePlace {
  providerId: string;
  toolName: string;
  target: StatusLineTarget;
  /** True when the folder was named (`--config-dir`, or the tool's variable was set): the command then names it too. */
  pinned: boolean;
}

/** The place for `env` (the tool's folder variable, else `~/<its folder>`) or an explicitly named folder. */
export function statusLinePlace(env: Env, homedir: string, dir: string | null = null): StatusLinePlace {
  const a = statusLineAdapter();
  const dirSpec = a.descriptor.credentials.dir;
  const folder = normalFolder(dir ?? toolDir(env, homedir, dirSpec));
  return {
    providerId: a.descriptor.id,
    toolName: a.statusLine.toolName,
    target: { hook: a.statusLine, folder, folderEnv: dirSpec.env },
    pinned: dir !== null || Boolean(env[dirSpec.env]?.trim()),
  };
}

/**
 * The command written into the tool's settings: `self` (node and the CLI's script, absolute, so it
 * works without `quotabar` on PATH) and `statusline`, with `--config-dir` when the folder was named,
 * so the reading is filed under the folder whose settings ran it.
 */
export function statusLineCommand(self: readonly string[], place: StatusLinePlace): string {
  return [...self.map(shellQuote), 'statusline', ...(place.pinned ? ['--config-dir', shellQuote(place.target.folder)] : [])].join(' ');
}

/** Installs (with `self`, the CLI's command line) or uninstalls our status line. */
export function changeStatusLine(place: StatusLinePlace, action: 'install' | 'uninstall', self: readonly string[]): Promise<StatusLineFileOutcome> {
  return action === 'install' ? installStatusLineFile(place.target, statusLineCommand(self, place)) : uninstallStatusLineFile(place.target);
}

/** What the tool's settings file says now: ours (and what it chains), another command, none, or why it cannot be read. */
export function statusLineState(place: StatusLinePlace): Promise<StatusLineFileState> {
  return statusLineFileState(place.target);
}

/** POSIX single quotes (the tool runs the command with sh, or Git Bash on Windows). */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
