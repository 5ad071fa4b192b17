// Settings' status-line button: whether the coding tool's settings run `quotabar statusline` (and the
// command ours chains), and Install / Uninstall through exactly what `quotabar statusline install |
// uninstall` runs (adapters/status-line-install.ts). The command written is this install's CLI; where
// there is none to point at (the packaged app ships no CLI) the button says so instead of acting.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../adapters/app-paths';
import { changeStatusLine, statusLinePlace, statusLineState, type StatusLinePlace } from '../adapters/status-line-install';
import { statusLineOutcomeOk, statusLineOutcomeText, statusLineStateText } from '../core/providers/status-line';

/** What Settings shows about the status line. */
export interface StatusLineView {
  providerId: string;
  /** The tool's name as users know it. */
  toolName: string;
  /** True when the tool's settings run our status line now: the button uninstalls. */
  installed: boolean;
  /** The settings file, or null when its folder is missing. */
  file: string | null;
  /** The command ours runs after itself (installed), or the one install would keep running (not installed). */
  chained: string | null;
  /** The state in one sentence. */
  text: string;
  /** Why the button cannot install here; null when it can. */
  unavailable: string | null;
}

/** What pressing the button did, in words, and the state after it. */
export interface StatusLineResult {
  ok: boolean;
  message: string;
  view: StatusLineView;
}

export interface StatusLineService {
  view(): Promise<StatusLineView>;
  change(action: 'install' | 'uninstall'): Promise<StatusLineResult>;
}

/** The command line of a checkout's CLI (`node` and its bin/quotabar.cjs, the package's bin), or null when either is missing. */
export function checkoutCli(root: string, node: string | null | undefined): string[] | null {
  const bin = join(root, 'bin', 'quotabar.cjs');
  return node && existsSync(node) && existsSync(bin) ? [node, bin] : null;
}

export function createStatusLineService(o: { env: Env; homedir: string; cli: readonly string[] | null }): StatusLineService {
  // The folder can be created or its variable's target change while the app runs: found on each call.
  const place = (): StatusLinePlace => statusLinePlace(o.env, o.homedir);
  const view = async (): Promise<StatusLineView> => {
    const p = place();
    const s = await statusLineState(p);
    const installed = s.kind === 'ours';
    const cannot = `This copy of Quotabar has no command-line tool for ${p.toolName} to run: run \`quotabar statusline install\` where the CLI is installed.`;
    return {
      providerId: p.providerId,
      toolName: p.toolName,
      installed,
      file: s.kind === 'no_folder' ? null : s.file,
      chained: s.kind === 'ours' ? s.chained : s.kind === 'other' ? s.command : null,
      text: statusLineStateText(s, p.toolName),
      unavailable: installed || o.cli !== null ? null : cannot,
    };
  };
  return {
    view,
    async change(action) {
      const p = place();
      if (action === 'install' && o.cli === null) {
        const v = await view();
        return { ok: false, message: v.unavailable ?? v.text, view: v };
      }
      const outcome = await changeStatusLine(p, action, o.cli ?? []);
      return { ok: statusLineOutcomeOk(outcome), message: statusLineOutcomeText(outcome, p.toolName), view: await view() };
    },
  };
}
