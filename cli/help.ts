// `--help` and `--version`: answered before anything else is loaded, so they stay instant.
// This file must import nothing at run time beyond package.json and the provider descriptors (plain
// data; start-up cost: bench/cli-startup.bench.ts).
import { version } from '../package.json';
import type { ProviderDescriptor } from '../core/providers/descriptor';
import { COST_LOGS, descriptorOf, KEY_PROVIDERS, listText, PROVIDERS } from '../core/providers/registry';
import { DEFAULT_LOCAL_API_PORT } from '../core/local-api';

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

const all: readonly ProviderDescriptor[] = PROVIDERS;

function keyLines(): string {
  return KEY_PROVIDERS.map((p) =>
    [
      `  quotabar key set ${p.cli.name}`.padEnd(35) + `read a key (prompted without echo, or piped), check it with ${p.displayName}, store it in the keychain`,
      `  quotabar key remove ${p.cli.name}`.padEnd(35) + 'delete the stored key',
      ...(p.credentials.managementKey
        ? [
            row(`  quotabar key set ${p.cli.name} --management`, `a management key for the team view (every key of the account); or set ${p.credentials.managementKey.envKey}`),
            row(`  quotabar key remove ${p.cli.name} --management`, 'delete the stored management key'),
          ]
        : []),
    ].join('\n'),
  ).join('\n');
}

/** A command and what it does: side by side, or the words on the next line when the command is long. */
function row(cmd: string, what: string): string {
  return cmd.length > 33 ? `${cmd}\n${' '.repeat(35)}${what}` : cmd.padEnd(35) + what;
}

function accountLines(): string {
  const add = all.map((p) =>
    p.credentials.keychainAccount
      ? row(`  quotabar account add ${p.cli.name} --label L`, `another ${p.displayName} key: read and checked like key set, kept as keychain entry '${p.credentials.keychainAccount}:L'`)
      : p.cli.accountDirOption
        ? row(`  quotabar account add ${p.cli.name} --label L ${p.cli.accountDirOption} DIR`, `another ${p.displayName} sign-in, read from DIR (${p.credentials.dir?.description ?? 'its folder'})`)
        : null,
  );
  return [
    row('  quotabar account list [--json]', 'the accounts added besides each provider’s default one'),
    ...add.filter((l): l is string => l !== null),
    row('  quotabar account remove P L', 'forget account L of provider P (and delete its stored key, if it has one)'),
  ].join('\n');
}

function envLines(): string {
  const lines: string[] = [];
  for (const p of all) {
    const c = p.credentials;
    if (c.envKey) lines.push(`  ${c.envKey}`.padEnd(28) + 'used instead of the keychain when set');
    if (c.dir) lines.push(`  ${c.dir.env}`.padEnd(28) + `${c.dir.description} (default ~${c.dir.defaultName ? `/${c.dir.defaultName}` : ''})`);
  }
  lines.push(`  ${all.map((p) => p.baseUrlEnv).join(', ')}   base URLs (proxies, tests)`);
  return lines.join('\n');
}

const COST_SOURCES = [...COST_LOGS.map((k) => descriptorOf(k.source)?.cli.name ?? k.source), 'all'].join('|');
const COST_TOOLS = listText(COST_LOGS.map((k) => descriptorOf(k.source)?.words.signInWith ?? k.source), 'and');

export const HELP = `quotabar — how much AI quota and credit is left

Usage:
  quotabar status [--json] [--provider ${all.map((p) => p.cli.name).join('|')}] [--account L]
  quotabar history [--provider P] [--account L] [--window ID] [--since 24h|7d|30d|YYYY-MM-DD] [--json | --csv]
                                   samples recorded by each status and each poll of the app (kept 30 days, then hourly)
  quotabar cost [--json] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--source ${COST_SOURCES}]
                                   tokens and dollars per local day (zone: TZ) and model, from ${COST_TOOLS}' local logs
${keyLines()}
${accountLines()}
${row('  quotabar serve [--port N] [--allow-origin O]', `serve usage as openusage.limits.v1 on http://127.0.0.1:${DEFAULT_LOCAL_API_PORT}/v1/limits (loopback only; a web page reads it only from origin O) until Ctrl+C`)}

Environment:
${envLines()}
  QUOTABAR_DATA_DIR         where the history database is kept (default: the platform's data folder)
  QUOTABAR_CACHE_DIR        where \`quotabar cost\` keeps what it has read (default: the platform's cache folder)
`;
