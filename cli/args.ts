// Argument parsing for the CLI: a closed set of commands, a one-line error for anything else.
import type { ProviderId } from '../core/model';
import { cliNamesText, KEY_PROVIDERS, providerByCliName } from '../core/providers/registry';
import { infoCommand } from './help';

export type Command =
  | { cmd: 'status'; json: boolean; providers: ProviderId[] | null }
  | { cmd: 'key-set'; providerId: ProviderId }
  | { cmd: 'key-remove'; providerId: ProviderId }
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
    const names = KEY_PROVIDERS.map((p) => p.cli.name);
    if (action !== 'set' && action !== 'remove') return { ok: false, message: `usage: quotabar key set|remove ${names.join('|')}` };
    const keyed = KEY_PROVIDERS.find((p) => p === providerByCliName(provider ?? ''));
    if (!keyed) return { ok: false, message: `key ${action}: only ${cliNamesText(names.map((n) => `'${n}'`))} keys are stored by Quotabar` };
    if (rest.length) return { ok: false, message: `key ${action}: unexpected argument '${rest[0]}'` };
    return { ok: true, command: { cmd: action === 'set' ? 'key-set' : 'key-remove', providerId: keyed.id } };
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
      if (!v) return { ok: false, message: `--provider needs a value: ${cliNamesText()}` };
      for (const p of v.split(',')) {
        const d = providerByCliName(p);
        if (!d) return { ok: false, message: `unknown provider '${p}' (expected ${cliNamesText()})` };
        providers.push(d.id);
      }
    } else return { ok: false, message: `unknown option '${a}' for status (try: quotabar --help)` };
  }
  return { ok: true, command: { cmd: 'status', json, providers: providers.length ? providers : null } };
}
