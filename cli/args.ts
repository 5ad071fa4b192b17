// Argument parsing for the CLI: a closed set of commands, a one-line error for anything else.
import type { ProviderId } from '../core/model';
import { PROVIDER_IDS } from '../adapters/compose';
import { infoCommand } from './help';

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
  const info = infoCommand(args);
  if (info) return { ok: true, command: info };
  const first = args[0] && !args[0].startsWith('-') ? args.shift()! : 'status';
  if (first === 'status') return parseStatus(args);
  if (first === 'key') {
    const [action, provider, ...rest] = args;
    if (action !== 'set' && action !== 'remove') return { ok: false, message: "usage: quotabar key set|remove openrouter" };
    if (provider !== 'openrouter') return { ok: false, message: `key ${action}: only 'openrouter' keys are stored by Quotabar` };
    if (rest.length) return { ok: false, message: `key ${action}: unexpected argument '${rest[0]}'` };
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
