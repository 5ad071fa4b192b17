// Argument parsing for the CLI: a closed set of commands, a one-line error for anything else.
import type { ProviderId } from '../core/model';
import { PROVIDER_IDS } from '../adapters/compose';

export type Command =
  | { cmd: 'status'; json: boolean; providers: ProviderId[] | null }
  | { cmd: 'key-set'; providerId: 'openrouter' }
  | { cmd: 'key-remove'; providerId: 'openrouter' }
  | { cmd: 'help' }
  | { cmd: 'version' };

export type Parsed = { ok: true; command: Command } | { ok: false; message: string };

/** Parses argv (without node and script). `status` is the default command. */
export function parseArgs(argv: string[]): Parsed {
  const args = [...argv];
  if (args.includes('--help') || args.includes('-h') || args[0] === 'help') return { ok: true, command: { cmd: 'help' } };
  if (args.includes('--version') || args.includes('-v')) return { ok: true, command: { cmd: 'version' } };
  const first = args[0] && !args[0].startsWith('-') ? args.shift()! : 'status';
  if (first === 'status') return parseStatus(args);
  if (first === 'key') {
    const [action, provider, ...rest] = args;
    if (action !== 'set' && action !== 'remove') return { ok: false, message: "usage: quotabar key set|remove openrouter" };
    if (provider !== 'openrouter') return { ok: false, message: `quotabar key ${action}: only 'openrouter' keys are stored by Quotabar` };
    if (rest.length) return { ok: false, message: `quotabar key ${action}: unexpected argument '${rest[0]}'` };
    return { ok: true, command: { cmd: action === 'set' ? 'key-set' : 'key-remove', providerId: 'openrouter' } };
  }
  return { ok: false, message: `unknown command '${first}' (try: quotabar --help)` };
}

function parseStatus(args: string[]): Parsed {
  let json = false;
  const providers: ProviderId[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (a === '--provider' || a.startsWith('--provider=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!v) return { ok: false, message: '--provider needs a value: openrouter, codex or claude' };
      for (const p of v.split(',')) {
        if (!PROVIDER_IDS.includes(p)) return { ok: false, message: `unknown provider '${p}' (expected openrouter, codex or claude)` };
        providers.push(p);
      }
    } else return { ok: false, message: `unknown option '${a}' for status (try: quotabar --help)` };
  }
  return { ok: true, command: { cmd: 'status', json, providers: providers.length ? providers : null } };
}

export const HELP = `quotabar — how much AI quota and credit is left

Usage:
  quotabar status [--json] [--provider openrouter|codex|claude]
  quotabar key set openrouter      read a key (prompted without echo, or piped), check it with OpenRouter, store it in the keychain
  quotabar key remove openrouter   delete the stored key

Environment:
  OPENROUTER_API_KEY        used instead of the keychain when set
  CODEX_HOME                where Codex keeps auth.json and session logs (default ~/.codex)
  CLAUDE_CONFIG_DIR         where Claude Code keeps .credentials.json (default ~/.claude)
  QUOTABAR_OPENROUTER_URL, QUOTABAR_CODEX_URL, QUOTABAR_CLAUDE_URL   base URLs (proxies, tests)
`;
