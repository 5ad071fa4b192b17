// Claude Code's `statusLine` setting (PROVIDERS-2 §7a): putting our command in place, taking it out,
// and the command it replaced, which ours runs after itself (chained with the same stdin).
import { asNumber, asObject, asText, type JsonObject } from '../../json';
import type { StatusLineHook, StatusLineInstall, StatusLineUninstall } from '../status-line';
import { hasFigures, parseRecord, parseStatusLineInput, recordText, statusLineData, statusLineText } from './statusline';

// `quotabar statusline`, `/path/bin/quotabar.mjs' statusline`, `quotabar.cmd statusline`…
const OURS = /quotabar(?:\.[cm]?js|\.cmd|\.exe)?['"]?\s+statusline(?:\s|$)/i;

/** True when a `statusLine` setting runs `quotabar statusline`. */
export function isOurStatusLine(v: unknown): boolean {
  const command = asText(asObject(v)?.command);
  return command !== null && OURS.test(command);
}

/** Our command as the status line; the previous one's padding is kept so the line does not move. */
export function installStatusLine(settings: JsonObject, command: string): StatusLineInstall {
  const current = settings.statusLine;
  if (isOurStatusLine(current)) return { kind: 'already' };
  const padding = asNumber(asObject(current)?.padding);
  const statusLine = { type: 'command', command, padding: padding !== null && padding >= 0 ? padding : 0 };
  // Spreading keeps the key's place (and every other key) when a status line was already set.
  return { kind: 'installed', settings: { ...settings, statusLine }, previous: current };
}

/** The setting as it was before install (`previous` undefined: there was none). */
export function uninstallStatusLine(settings: JsonObject, previous: unknown): StatusLineUninstall {
  const current = settings.statusLine;
  if (!isOurStatusLine(current)) {
    return current === undefined ? { kind: 'not_installed' } : { kind: 'not_ours', command: asText(asObject(current)?.command) };
  }
  if (previous === undefined) {
    const { statusLine: _ours, ...rest } = settings;
    return { kind: 'removed', settings: rest };
  }
  return { kind: 'removed', settings: { ...settings, statusLine: previous } };
}

/** The previous status line's shell command, when it was a command (and not ours). */
export function chainedStatusLineCommand(previous: unknown): string | null {
  const o = asObject(previous);
  if (!o || (o.type !== undefined && o.type !== 'command') || isOurStatusLine(o)) return null;
  return asText(o.command);
}

/** The status-line integration, as the descriptor offers it to the CLI and the adapters. */
export const claudeStatusLine: StatusLineHook = {
  settingsFile: 'settings.json',
  toolName: 'Claude Code',
  readout(stdin, now) {
    const reading = parseStatusLineInput(stdin, now);
    return { line: statusLineText(reading, now), record: reading && hasFigures(reading) ? recordText(reading) : null, understood: reading !== null };
  },
  fromRecord(text, now) {
    const reading = parseRecord(text);
    return reading ? statusLineData(reading, now) : null;
  },
  install: installStatusLine,
  uninstall: uninstallStatusLine,
  chainedCommand: chainedStatusLineCommand,
};
