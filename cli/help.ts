// `--help` and `--version`: answered before anything else is loaded, so they stay instant.
// This file must import nothing at run time beyond package.json (start-up cost: bench/cli-startup.bench.ts).
import { version } from '../package.json';

/** The version printed by `quotabar --version`: package.json's, inlined into the bundle when it is built. */
export const VERSION: string = version;

/** `--help`/`-h`/`help` or `--version`/`-v` anywhere on the line wins over every other argument; null when neither. */
export function infoCommand(argv: string[]): { cmd: 'help' } | { cmd: 'version' } | null {
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { cmd: 'help' };
  if (argv.includes('--version') || argv.includes('-v')) return { cmd: 'version' };
  return null;
}

/** What `--help` or `--version` prints. */
export function infoText(cmd: 'help' | 'version'): string {
  return cmd === 'help' ? HELP : `quotabar ${VERSION}\n`;
}

export const HELP = `quotabar — how much AI quota and credit is left

Usage:
  quotabar status [--json] [--provider openrouter|codex|claude]
  quotabar history [--provider P] [--account L] [--window ID] [--since 24h|7d|30d|YYYY-MM-DD] [--json | --csv]
                                   samples recorded by each status and each poll of the app (kept 30 days, then hourly)
  quotabar key set openrouter      read a key (prompted without echo, or piped), check it with OpenRouter, store it in the keychain
  quotabar key remove openrouter   delete the stored key

Environment:
  OPENROUTER_API_KEY        used instead of the keychain when set
  CODEX_HOME                where Codex keeps auth.json and session logs (default ~/.codex)
  CLAUDE_CONFIG_DIR         where Claude Code keeps .credentials.json (default ~/.claude)
  QUOTABAR_OPENROUTER_URL, QUOTABAR_CODEX_URL, QUOTABAR_CLAUDE_URL   base URLs (proxies, tests)
  QUOTABAR_DATA_DIR         where the history database is kept (default: the platform's data folder)
`;
