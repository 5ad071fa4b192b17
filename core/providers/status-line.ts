// A coding tool that hands its own usage figures to a user-configured status-line command on stdin
// (issue 11 §2). The provider's folder supplies these pure pieces; `quotabar statusline` (cli/) and
// the reading store (adapters/) run them without naming the provider.
import { assertNever } from '../errors';
import type { JsonObject } from '../json';
import type { FetchData } from '../model';

/** What one run of the status-line command prints and records. */
export interface StatusLineReadout {
  /** One compact line for the tool to show; plain words when stdin held nothing usable. */
  line: string;
  /** The reading to store (JSON text), or null when stdin held no figures (the last reading is kept). */
  record: string | null;
  /** True when stdin was the tool's status JSON (with or without figures): the line may carry more. */
  understood: boolean;
}

/** Installing our command into the tool's settings object, or why nothing changes. */
export type StatusLineInstall =
  | { kind: 'installed'; settings: JsonObject; previous: unknown }
  | { kind: 'already' };

/** Removing our command from the tool's settings object, or why nothing changes. */
export type StatusLineUninstall =
  | { kind: 'removed'; settings: JsonObject }
  | { kind: 'not_installed' }
  /** Someone replaced our command since: theirs is left alone. */
  | { kind: 'not_ours'; command: string | null };

/** The pure half of a status-line integration. None of these throw. */
export interface StatusLineHook {
  /** The settings file in the tool's folder (the descriptor's `credentials.dir`) that names the command. */
  readonly settingsFile: string;
  /** The tool's name as users know it, e.g. in "Use … status line". */
  readonly toolName: string;
  /** What to print and record for the text piped to us; `now` is the observation time. */
  readout(stdin: string, now: number): StatusLineReadout;
  /** The snapshot data of a recorded reading as of `now`; null when the text is not a reading. */
  fromRecord(text: string, now: number): Omit<FetchData, 'source'> | null;
  /** Sets our `command` as the status line, keeping every other setting; `previous` is what it replaced. */
  install(settings: JsonObject, command: string): StatusLineInstall;
  /** Puts `previous` (as install returned it; undefined: none) back in place of our command. */
  uninstall(settings: JsonObject, previous: unknown): StatusLineUninstall;
  /** The shell command of a previous status line that ours should run after itself, or null. */
  chainedCommand(previous: unknown): string | null;
}

/** What installing or removing the status line did to the tool's settings file. */
export type StatusLineFileOutcome =
  | { kind: 'installed'; file: string; backup: string | null; chained: string | null }
  | { kind: 'already'; file: string }
  | { kind: 'removed'; file: string; backup: string; restored: string | null }
  | { kind: 'not_installed'; file: string }
  | { kind: 'not_ours'; file: string; command: string | null }
  | { kind: 'invalid_json'; file: string }
  /** `env` is the variable that points at another folder. */
  | { kind: 'no_folder'; folder: string; env: string | null }
  | { kind: 'io_error'; file: string; code: string };

/** True when the settings file now is as the user asked (changed, or already so: after uninstall, Quotabar's line is not set). */
export function statusLineOutcomeOk(o: StatusLineFileOutcome): boolean {
  return o.kind === 'installed' || o.kind === 'already' || o.kind === 'removed' || o.kind === 'not_installed' || o.kind === 'not_ours';
}

/** One or two sentences for the CLI and Settings; `tool` is the hook's toolName. */
export function statusLineOutcomeText(o: StatusLineFileOutcome, tool: string): string {
  switch (o.kind) {
    case 'installed': {
      const chained = o.chained ? ` Your previous status line (${o.chained}) still runs, after ours.` : '';
      const backup = o.backup ? ` The file as it was is saved in ${o.backup}.` : '';
      return `${tool} now runs \`quotabar statusline\` after each message (${o.file}).${chained}${backup} ${tool} sessions started from now on show it.`;
    }
    case 'already':
      return `${tool} already runs \`quotabar statusline\` (${o.file}); nothing changed.`;
    case 'removed':
      return `${o.restored ? `Your previous status line (${o.restored}) is back` : 'The status line is removed'} in ${o.file}. The file as it was is saved in ${o.backup}.`;
    case 'not_installed':
      return `${o.file} has no Quotabar status line; nothing changed.`;
    case 'not_ours':
      return `The status line in ${o.file} is not Quotabar's${o.command ? ` (${o.command})` : ''}; it was left as it is.`;
    case 'invalid_json':
      return `${o.file} is not valid JSON, so Quotabar did not touch it. Fix the file (or move it away) and try again.`;
    case 'no_folder':
      return `${o.folder} does not exist: run ${tool} once first${o.env ? `, or set ${o.env} to the folder it uses` : ''}.`;
    case 'io_error':
      return `Could not update ${o.file} (${o.code}); nothing was changed.`;
    default:
      return assertNever(o);
  }
}

/** What the tool's settings file runs now, as Settings shows it. */
export type StatusLineState =
  | { kind: 'ours'; file: string; chained: string | null }
  | { kind: 'none'; file: string }
  /** Another status line; `command` is its shell command when it is one (install then runs it after ours). */
  | { kind: 'other'; file: string; command: string | null };

/** The state in a sentence for Settings; a file that cannot be read is worded as install would report it. */
export function statusLineStateText(s: StatusLineState | Extract<StatusLineFileOutcome, { kind: 'invalid_json' | 'no_folder' | 'io_error' }>, tool: string): string {
  switch (s.kind) {
    case 'ours':
      return `Installed in ${s.file}${s.chained ? `; your previous command \`${s.chained}\` runs after ours` : ''}.`;
    case 'none':
      return `Not installed: ${s.file} sets no status line.`;
    case 'other':
      return s.command
        ? `Not installed: ${s.file} runs another status line (\`${s.command}\`). Install keeps it and runs it after ours.`
        : `Not installed: ${s.file} sets another kind of status line. Install replaces it; Uninstall puts it back.`;
    case 'invalid_json':
    case 'no_folder':
    case 'io_error':
      return statusLineOutcomeText(s, tool);
    default:
      return assertNever(s);
  }
}
