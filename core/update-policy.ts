// When Quotabar may update itself, how often it looks, and what reaches the log. Pure: the shell
// (electron/updater.ts) gathers the facts about this install and runs electron-updater.

/** Time between update checks after the one at start. */
export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface InstallFacts {
  /** `app.isPackaged`: false for `electron .` and `npm start`. */
  isPackaged: boolean;
  platform: string;
  /** Contents of `<resources>/package-type` (electron-builder writes it for deb, rpm, pacman…), or null. */
  packageType: string | null;
  /** `$APPIMAGE` when running from an AppImage (set by the AppImage runtime), or null. */
  appImage: string | null;
}

/** Why this install never updates itself, whatever the setting says. */
export type InstallBlock = 'dev' | 'package-manager' | 'not-appimage' | 'unsupported-platform';

/** The reason this install cannot update itself, or null when electron-updater can replace it. */
export function installBlock(f: InstallFacts): InstallBlock | null {
  if (!f.isPackaged) return 'dev';
  const type = f.packageType?.trim() ?? '';
  // A system package belongs to the package manager: replacing its files behind dpkg/rpm's back would break it.
  if (type !== '') return 'package-manager';
  if (f.platform === 'darwin' || f.platform === 'win32') return null;
  if (f.platform === 'linux') return f.appImage ? null : 'not-appimage';
  return 'unsupported-platform';
}

export type UpdateDecision = { check: true } | { check: false; reason: InstallBlock | 'setting-off' };

/** Whether to run update checks now: the install must allow it and the user's setting must be on. */
export function decideUpdates(f: InstallFacts, settings: { autoUpdate: boolean }): UpdateDecision {
  const block = installBlock(f);
  if (block) return { check: false, reason: block };
  return settings.autoUpdate ? { check: true } : { check: false, reason: 'setting-off' };
}

/** The log line for a decision: says what happens and why, so "why did it not update?" has an answer. */
export function decisionLine(d: UpdateDecision, packageType: string | null = null): string {
  if (d.check) return `automatic updates on: checking GitHub Releases now and every ${UPDATE_CHECK_INTERVAL_MS / 3_600_000} h`;
  switch (d.reason) {
    case 'dev':
      return 'automatic updates off: this is a development run (not a packaged app)';
    case 'package-manager':
      return `automatic updates off: installed as a ${packageType?.trim() || 'system'} package, which is updated by installing the new package, not by Quotabar`;
    case 'not-appimage':
      return 'automatic updates off: on Linux only the AppImage can replace itself';
    case 'unsupported-platform':
      return 'automatic updates off: this platform has no update format';
    case 'setting-off':
      return 'automatic updates off: turned off in Settings';
    default: {
      const never: never = d.reason;
      return never;
    }
  }
}

/** Buttons of the "update ready" question, in order; index 1 is also what Escape/closing answers. */
export const RESTART_BUTTONS = ['Restart now', 'Later'] as const;

export type RestartChoice = 'restart' | 'later';

/** Maps the dialog's answer to a choice; anything but "Restart now" means later (install on quit). */
export function restartChoice(response: number): RestartChoice {
  return response === 0 ? 'restart' : 'later';
}

// Tokens that could ride along in an updater error (a GH_TOKEN for private feeds, an auth header, a signed URL).
const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:gh[pousr]_|github_pat_)[A-Za-z0-9_]+/g, '[redacted]'],
  [/\b(bearer|token|basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [/\b(authorization|x-amz-[a-z-]+|signature|sig|token|access_token)=[^&\s"']+/gi, '$1=[redacted]'],
  [/("?(?:authorization|cookie|set-cookie)"?\s*:\s*)"?[^",}\n]+/gi, '$1[redacted]'],
];

/** An updater error or message as one short log line, with anything secret-shaped removed. */
export function updateLogLine(e: unknown): string {
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : 'unknown error';
  let line = (raw.split('\n')[0] ?? '').replace(/\s+/g, ' ').trim();
  for (const [pattern, replacement] of SECRET_PATTERNS) line = line.replace(pattern, replacement);
  return line.slice(0, 200) || 'unknown error';
}
