// `quotabar account list|add|remove`: the labelled accounts beside each provider's implicit one. They
// live in the app's settings file (the same file, the same atomic save); a stored key's account also
// has its own keychain entry (core/accounts keychainNameFor).
import { resolve } from 'node:path';
import { assertNever } from '../core/errors';
import { keychainNameFor, sameAccount, type AccountSetting } from '../core/accounts';
import { parseJson, asObject } from '../core/json';
import { accountName, describeError } from '../core/present';
import { descriptorOf } from '../core/providers/registry';
import { normalizeSettings, type Settings } from '../core/settings';
import { settingsPath } from '../adapters/app-paths';
import type { AppConfig, ComposeDeps } from '../adapters/compose';
import { JsonSettingsStore } from '../adapters/json-settings-store';
import { adapterOf } from '../adapters/providers/registry';
import type { AccountCommand } from './args';
import type { CliIo } from './io';
import { readCheckStore } from './key';

type Loaded = { ok: true; settings: Settings; path: string } | { ok: false };

/** Runs one account command; exit 0 done, 1 failed (one line on stderr). */
export async function runAccount(c: AccountCommand, config: AppConfig, deps: ComposeDeps, io: CliIo): Promise<number> {
  const loaded = await loadSettings(deps, io);
  if (!loaded.ok) return 1;
  switch (c.cmd) {
    case 'account-list':
      io.stdout(c.json ? `${JSON.stringify({ accounts: loaded.settings.accounts.map(accountJson) }, null, 2)}\n` : listText(loaded.settings.accounts));
      return 0;
    case 'account-add':
      return add(c, loaded, config, deps, io);
    case 'account-remove':
      return remove(c, loaded, deps, io);
    default:
      return assertNever(c);
  }
}

/** The settings file as the app reads it; a file that is there but cannot be read or parsed is left alone. */
async function loadSettings(deps: ComposeDeps, io: CliIo): Promise<Loaded> {
  const path = settingsPath(io.env, io.platform, io.homedir);
  const text = await deps.files.readText(path);
  if (!text.ok && text.error.kind === 'not_found') return { ok: true, settings: normalizeSettings({}), path };
  const parsed = text.ok ? asObject(parseJson(text.value)) : null;
  if (parsed === null) {
    io.stderr(`quotabar: the settings file ${path} could not be ${text.ok ? 'parsed' : 'read'}; it was not changed\n`);
    return { ok: false };
  }
  return { ok: true, settings: normalizeSettings(parsed), path };
}

async function save(loaded: { settings: Settings; path: string }, accounts: AccountSetting[], io: CliIo): Promise<boolean> {
  const r = await new JsonSettingsStore(loaded.path).save({ ...loaded.settings, accounts });
  if (!r.ok) io.stderr(`quotabar: the settings file ${loaded.path} could not be written (${r.error.code})\n`);
  return r.ok;
}

/** The keychain entry of a key provider's account; null for providers that sign in with a folder. */
function keychainEntry(a: Pick<AccountSetting, 'providerId' | 'label'>): string | null {
  const base = descriptorOf(a.providerId)?.credentials.keychainAccount;
  return base ? keychainNameFor(base, a.label) : null;
}

function accountJson(a: AccountSetting) {
  return { providerId: a.providerId, label: a.label, enabled: a.enabled, dir: a.dir ?? null, keychainEntry: keychainEntry(a) };
}

function listText(accounts: readonly AccountSetting[]): string {
  if (accounts.length === 0) return 'No accounts besides each provider’s default one. Add one with: quotabar account add <provider> --label L\n';
  const rows = accounts.map((a) => [descriptorOf(a.providerId)?.cli.name ?? a.providerId, a.label, a.enabled ? 'yes' : 'no', a.dir ?? `keychain: ${keychainEntry(a) ?? '—'}`]);
  const head = ['PROVIDER', 'LABEL', 'ENABLED', 'CREDENTIAL'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows].map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}

async function add(c: Extract<AccountCommand, { cmd: 'account-add' }>, loaded: Loaded & { ok: true }, config: AppConfig, deps: ComposeDeps, io: CliIo): Promise<number> {
  const name = accountName(c.providerId, c.label);
  if (loaded.settings.accounts.some((a) => sameAccount(a, c.providerId, c.label))) {
    io.stderr(`quotabar: ${name} already exists (remove it first, or choose another label)\n`);
    return 1;
  }
  let entry: AccountSetting = { providerId: c.providerId, label: c.label, enabled: true };
  const keychainName = keychainEntry(entry);
  let saidKey = '';
  if (keychainName !== null) {
    const stored = await readCheckStore(config, deps, io, adapterOf(c.providerId), keychainName);
    if (typeof stored === 'number') return stored;
    saidKey = `; key ${stored.label} is in the system keychain as '${keychainName}'`;
  } else {
    const dir = resolve(c.dir ?? '');
    const st = await deps.files.stat(dir);
    if (!st.ok) {
      io.stderr(`quotabar: account not added: no folder at ${dir}\n`);
      return 1;
    }
    entry = { ...entry, dir };
    saidKey = `; it signs in from ${dir}`;
  }
  if (!(await save(loaded, [...loaded.settings.accounts, entry], io))) {
    // The account was not recorded: a key stored for it would be an orphan nobody can see.
    if (keychainName !== null) await deps.secrets.remove(keychainName);
    return 1;
  }
  io.stdout(`Added ${name}${saidKey}. A running Quotabar app shows it after its next settings change or restart.\n`);
  return 0;
}

async function remove(c: Extract<AccountCommand, { cmd: 'account-remove' }>, loaded: Loaded & { ok: true }, deps: ComposeDeps, io: CliIo): Promise<number> {
  const found = loaded.settings.accounts.find((a) => sameAccount(a, c.providerId, c.label));
  const name = accountName(c.providerId, found?.label ?? c.label);
  if (!found) {
    io.stderr(`quotabar: there is no ${name} account (see: quotabar account list)\n`);
    return 1;
  }
  // The keychain entry first: if it cannot be removed, the account stays listed so it can be retried.
  const keychainName = keychainEntry(found);
  if (keychainName !== null) {
    const r = await deps.secrets.remove(keychainName);
    if (!r.ok) {
      io.stderr(`quotabar: could not remove the key of ${name}: ${describeError(r.error, c.providerId, { surface: 'cli' }).reason}\n`);
      return 1;
    }
  }
  if (!(await save(loaded, loaded.settings.accounts.filter((a) => a !== found), io))) return 1;
  io.stdout(`Removed ${name}${keychainName !== null ? ` and its keychain entry '${keychainName}'` : ''}.\n`);
  return 0;
}
