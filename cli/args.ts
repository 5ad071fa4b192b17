// Argument parsing for the CLI: a closed set of commands, a one-line error for anything else.
import { labelProblem } from '../core/accounts';
import { DEFAULT_LOCAL_API_PORT, normalizeOrigin } from '../core/local-api';
import type { ProviderId } from '../core/model';
import { cliNamesText, COST_LOGS, descriptorOf, KEY_PROVIDERS, providerByCliName } from '../core/providers/registry';
import { infoCommand } from './help';
import type { CliIo } from './io';

export type Command =
  | { cmd: 'status'; json: boolean; providers: ProviderId[] | null; account: string | null }
  | AccountCommand
  /** `management`: the provider's management key (`--management`), not its ordinary key. */
  | { cmd: 'key-set'; providerId: ProviderId; management?: boolean }
  | { cmd: 'key-remove'; providerId: ProviderId; management?: boolean }
  | HistoryCommand
  | CostCommand
  /** `quotabar serve`: the local usage API until stopped; port 0 picks a free one. */
  | { cmd: 'serve'; port: number; allowOrigin: string | null }
  | { cmd: 'help' }
  | { cmd: 'version' };

/** `--since`: a span back from now (24h, 7d…) or a local calendar day (YYYY-MM-DD). */
export type Since = { kind: 'ago'; ms: number } | { kind: 'day'; year: number; month: number; day: number };

export interface HistoryCommand {
  cmd: 'history';
  providerId: ProviderId | null;
  accountLabel: string | null;
  windowId: string | null;
  since: Since | null;
  format: 'table' | 'json' | 'csv';
}

/** `quotabar cost [--json] [--since D] [--until D] [--source <id>|all]`: local dates as 'YYYY-MM-DD'. */
export interface CostCommand {
  cmd: 'cost';
  json: boolean;
  since: string | null;
  until: string | null;
  /** A provider id, or null for all sources. */
  source: string | null;
}

/** `quotabar account list|add|remove`: the labelled accounts kept in the settings file. */
export type AccountCommand =
  | { cmd: 'account-list'; json: boolean }
  /** `dir` is the folder option's value for providers that sign in with a folder; null for key providers. */
  | { cmd: 'account-add'; providerId: ProviderId; label: string; dir: string | null }
  | { cmd: 'account-remove'; providerId: ProviderId; label: string };

export type Parsed = { ok: true; command: Command } | { ok: false; message: string };

/** The command of argv, or null once the usage error is said in one line on stderr (the caller exits 2). */
export function parseOrSay(argv: string[], io: Pick<CliIo, 'stderr'>): Command | null {
  const parsed = parseArgs(argv);
  if (parsed.ok) return parsed.command;
  io.stderr(`quotabar: ${parsed.message}\n`);
  return null;
}

/** Parses argv (without node and script). `status` is the default command. */
export function parseArgs(argv: string[]): Parsed {
  const args = [...argv];
  const info = infoCommand(args);
  if (info) return { ok: true, command: info };
  const first = args[0] && !args[0].startsWith('-') ? args.shift()! : 'status';
  if (first === 'status') return parseStatus(args);
  if (first === 'history') return parseHistory(args);
  if (first === 'account') return parseAccount(args);
  if (first === 'cost') return parseCost(args);
  if (first === 'serve') return parseServe(args);
  if (first === 'key') {
    const [action, provider, ...rest] = args;
    const names = KEY_PROVIDERS.map((p) => p.cli.name);
    if (action !== 'set' && action !== 'remove') return { ok: false, message: `usage: quotabar key set|remove ${names.join('|')}` };
    if (provider === undefined) return { ok: false, message: `key ${action}: name the provider, one of ${cliNamesText(names.map((n) => `'${n}'`))} (quotabar key ${action} <provider>)` };
    const keyed = KEY_PROVIDERS.find((p) => p === providerByCliName(provider));
    if (!keyed) return { ok: false, message: `key ${action}: only ${cliNamesText(names.map((n) => `'${n}'`))} keys are stored by Quotabar` };
    const management = rest[0] === '--management' && keyed.credentials.managementKey !== undefined;
    if (management) rest.shift();
    if (rest.length) return { ok: false, message: `key ${action}: unexpected argument '${rest[0]}'` };
    return { ok: true, command: { cmd: action === 'set' ? 'key-set' : 'key-remove', providerId: keyed.id, ...(management ? { management } : {}) } };
  }
  return { ok: false, message: `unknown command '${first}' (try: quotabar --help)` };
}

function parseStatus(args: string[]): Parsed {
  let json = false;
  let account: string | null = null;
  const providers: ProviderId[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (a === '--account' || a.startsWith('--account=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!v) return { ok: false, message: '--account needs a label' };
      account = v;
    } else if (a === '--provider' || a.startsWith('--provider=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!v) return { ok: false, message: `--provider needs a value: ${cliNamesText()}` };
      for (const p of v.split(',')) {
        const d = providerByCliName(p);
        if (!d) return { ok: false, message: `unknown provider '${p}' (expected ${cliNamesText()})` };
        providers.push(d.id);
      }
    } else return { ok: false, message: `unknown option '${a}' for status (try: quotabar --help)` };
  }
  return { ok: true, command: { cmd: 'status', json, providers: providers.length ? providers : null, account } };
}

function parseServe(args: string[]): Parsed {
  const c: Extract<Command, { cmd: 'serve' }> = { cmd: 'serve', port: DEFAULT_LOCAL_API_PORT, allowOrigin: null };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (name !== '--port' && name !== '--allow-origin') return { ok: false, message: `unknown option '${a}' for serve (try: quotabar --help)` };
    const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
    if (!v) return { ok: false, message: `${name} needs a value` };
    if (name === '--port') {
      if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) return { ok: false, message: `--port takes a number from 0 to 65535 (0: any free port), not '${v}'` };
      c.port = Number(v);
    } else {
      const origin = normalizeOrigin(v);
      if (!origin) return { ok: false, message: `--allow-origin takes one origin such as http://localhost:3000, not '${v}'` };
      c.allowOrigin = origin;
    }
  }
  return { ok: true, command: c };
}

function parseHistory(args: string[]): Parsed {
  const c: HistoryCommand = { cmd: 'history', providerId: null, accountLabel: null, windowId: null, since: null, format: 'table' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json' || a === '--csv') {
      const f = a === '--json' ? 'json' : 'csv';
      if (c.format !== 'table' && c.format !== f) return { ok: false, message: 'history: choose one of --json and --csv' };
      c.format = f;
      continue;
    }
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (!['--provider', '--account', '--window', '--since'].includes(name)) return { ok: false, message: `unknown option '${a}' for history (try: quotabar --help)` };
    const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
    if (!v) return { ok: false, message: `${name} needs a value` };
    if (name === '--provider') {
      const d = providerByCliName(v);
      if (!d) return { ok: false, message: `unknown provider '${v}' (expected ${cliNamesText()})` };
      c.providerId = d.id;
    } else if (name === '--account') c.accountLabel = v;
    else if (name === '--window') c.windowId = v;
    else {
      const since = parseSince(v);
      if (!since) return { ok: false, message: `--since takes 24h, 7d, 30d or a date as YYYY-MM-DD, not '${v}'` };
      c.since = since;
    }
  }
  return { ok: true, command: c };
}

/** The `--source` values of `quotabar cost`: each provider with local logs, then `all`. */
export const costSourceNames = (): string[] => [...COST_LOGS.map((k) => descriptorOf(k.source)?.cli.name ?? k.source), 'all'];

function parseCost(args: string[]): Parsed {
  const c: CostCommand = { cmd: 'cost', json: false, since: null, until: null, source: null };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') {
      c.json = true;
      continue;
    }
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (!['--since', '--until', '--source'].includes(name)) return { ok: false, message: `unknown option '${a}' for cost (try: quotabar --help)` };
    const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
    if (!v) return { ok: false, message: `${name} needs a value` };
    if (name === '--source') {
      if (v === 'all') c.source = null;
      else {
        const d = providerByCliName(v);
        if (!d || !COST_LOGS.some((k) => k.source === d.id)) return { ok: false, message: `--source takes ${cliNamesText(costSourceNames())}, not '${v}'` };
        c.source = d.id;
      }
    } else {
      const day = parseSince(v);
      if (!day || day.kind !== 'day') return { ok: false, message: `${name} takes a date as YYYY-MM-DD, not '${v}'` };
      c[name === '--since' ? 'since' : 'until'] = v;
    }
  }
  return { ok: true, command: c };
}

function parseSince(v: string): Since | null {
  const span = /^(\d{1,5})([hd])$/.exec(v);
  if (span) return Number(span[1]) > 0 ? { kind: 'ago', ms: Number(span[1]) * (span[2] === 'h' ? 3_600_000 : 86_400_000) } : null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!day) return null;
  const [year, month, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
  // Rejects 2026-02-30 and the like: the date must round-trip.
  const probe = new Date(Date.UTC(year, month - 1, d));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== d) return null;
  return { kind: 'day', year, month, day: d };
}

const ACCOUNT_USAGE = 'usage: quotabar account list [--json] | add <provider> --label L [folder option] | remove <provider> <label>';

function parseAccount(args: string[]): Parsed {
  const [action, ...rest] = args;
  if (action === 'list') {
    const bad = rest.find((a) => a !== '--json');
    return bad ? { ok: false, message: `unknown option '${bad}' for account list` } : { ok: true, command: { cmd: 'account-list', json: rest.includes('--json') } };
  }
  if (action !== 'add' && action !== 'remove') return { ok: false, message: ACCOUNT_USAGE };
  const [provider, ...opts] = rest;
  const d = providerByCliName(provider ?? '');
  if (!d) return { ok: false, message: `account ${action}: unknown provider '${provider ?? ''}' (expected ${cliNamesText()})` };
  if (action === 'remove') {
    const [label, extra] = opts;
    if (!label || label.startsWith('-')) return { ok: false, message: `usage: quotabar account remove ${d.cli.name} <label>` };
    if (extra !== undefined) return { ok: false, message: `account remove: unexpected argument '${extra}'` };
    return { ok: true, command: { cmd: 'account-remove', providerId: d.id, label } };
  }
  const dirOption = d.cli.accountDirOption ?? null;
  const usage = `usage: quotabar account add ${d.cli.name} --label L${dirOption ? ` ${dirOption} DIR` : ''}`;
  const values: Record<string, string> = {};
  for (let i = 0; i < opts.length; i++) {
    const a = opts[i]!;
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (name !== '--label' && name !== dirOption) return { ok: false, message: `account add: unknown option '${a}' (${usage})` };
    const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : opts[++i];
    if (!v) return { ok: false, message: `${name} needs a value` };
    values[name] = v;
  }
  const label = values['--label'];
  if (!label) return { ok: false, message: usage };
  const problem = labelProblem(label);
  if (problem) return { ok: false, message: `account add: ${problem}` };
  const dir = dirOption ? values[dirOption] : null;
  if (dirOption && !dir) return { ok: false, message: usage };
  return { ok: true, command: { cmd: 'account-add', providerId: d.id, label, dir: dir ?? null } };
}
