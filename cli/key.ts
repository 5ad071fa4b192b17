// `quotabar key set|remove <provider>`: the key is read from stdin, checked with the provider, then kept in the keychain.
import type { ProviderError } from '../core/errors';
import { describeError } from '../core/present';
import { providerHttp, type AppConfig, type ComposeDeps } from '../adapters/compose';
import type { ProviderAdapter } from '../adapters/providers/adapter';
import { adapterOf } from '../adapters/providers/registry';
import type { CliIo } from './io';

/** The key provider the command names, with the parts a stored key needs (the parser accepts only key providers). */
function keyed(providerId: string): { a: ProviderAdapter; account: string } {
  const a = adapterOf(providerId);
  const account = a.descriptor.credentials.keychainAccount;
  if (!account || !a.validateKey || !a.maskKey) throw new Error(`${a.descriptor.id} has no stored key`);
  return { a, account };
}

/**
 * Reads, validates and stores the key. Exit 1 when nothing was entered (Ctrl+C or an
 * empty answer: "cancelled"), the key has the wrong shape (refused before any request), or it was
 * rejected or could not be stored.
 */
export async function setKey(config: AppConfig, deps: ComposeDeps, io: CliIo, providerId: string): Promise<number> {
  const { a, account } = keyed(providerId);
  const stored = await readCheckStore(config, deps, io, a, account);
  if (typeof stored === 'number') return stored;
  const d = a.descriptor;
  io.stdout(`Saved ${d.displayName} key ${stored.label} in the system keychain.\n`);
  if (config.credentials[d.id]?.envKey) io.stdout(`Note: ${d.credentials.envKey} is set and takes precedence over the stored key.\n`);
  return 0;
}

/**
 * Reads a key from stdin, refuses a wrong shape before any request, asks the provider, then stores it
 * under `keychainName`. The key's safe label on success, else the exit code (1) after one line on stderr.
 */
export async function readCheckStore(
  config: AppConfig,
  deps: ComposeDeps,
  io: CliIo,
  a: ProviderAdapter,
  keychainName: string,
): Promise<{ label: string } | number> {
  const key = (await io.readStdin(`Paste your ${a.descriptor.displayName} key (it will not be shown) and press Enter: `))?.trim() ?? '';
  if (key === '') {
    io.stderr('quotabar: cancelled\n');
    return 1;
  }
  const d = a.descriptor;
  // The same shape check as Settings (one home): a key of the wrong kind never leaves the machine.
  const problem = d.keyFormatProblem?.(key) ?? null;
  if (problem !== null) {
    io.stderr(`quotabar: key not saved: ${problem}\n`);
    return 1;
  }
  const url = config.urls[d.id] ?? d.defaultBaseUrl;
  const check = await a.validateKey!(providerHttp(config, deps, url), url, key);
  if (!check.ok) {
    io.stderr(`quotabar: key not saved: ${sentence(check.error, d.id)}\n`);
    return 1;
  }
  const stored = await deps.secrets.set(keychainName, key);
  if (!stored.ok) {
    io.stderr(`quotabar: key is valid but could not be stored: ${sentence(stored.error, d.id)}\n`);
    return 1;
  }
  return { label: check.value.label ?? a.maskKey!(key) };
}

/**
 * `key set <provider> --management`: reads the management key, refuses a wrong shape before any request,
 * checks that it lists the account's keys, then stores it under the descriptor's management entry.
 */
export async function setManagementKey(config: AppConfig, deps: ComposeDeps, io: CliIo, providerId: string): Promise<number> {
  const a = adapterOf(providerId);
  const d = a.descriptor;
  const entry = d.credentials.managementKey;
  if (!entry || !a.managementKey || !a.maskKey) throw new Error(`${d.id} has no management key`);
  const key = (await io.readStdin(`Paste your ${d.displayName} management key (it will not be shown) and press Enter: `))?.trim() ?? '';
  if (key === '') {
    io.stderr('quotabar: cancelled\n');
    return 1;
  }
  const problem = a.managementKey.formatProblem(key);
  if (problem !== null) {
    io.stderr(`quotabar: management key not saved: ${problem}\n`);
    return 1;
  }
  const url = config.urls[d.id] ?? d.defaultBaseUrl;
  const check = await a.managementKey.validate(providerHttp(config, deps, url), url, key);
  if (!check.ok) {
    io.stderr(`quotabar: management key not saved: ${managementSentence(check.error, d.id)}\n`);
    return 1;
  }
  const stored = await deps.secrets.set(entry.keychainAccount, key);
  if (!stored.ok) {
    io.stderr(`quotabar: management key is valid but could not be stored: ${sentence(stored.error, d.id)}\n`);
    return 1;
  }
  io.stdout(`Saved ${d.displayName} management key ${a.maskKey(key)} in the system keychain; it lists ${check.value.keys} key${check.value.keys === 1 ? '' : 's'}.\n`);
  if (config.credentials[d.id]?.managementKey) io.stdout(`Note: ${entry.envKey} is set and takes precedence over the stored key.\n`);
  return 0;
}

function managementSentence(e: ProviderError, providerId: string): string {
  if (e.kind === 'forbidden' && e.reason === 'management_key_required') {
    return 'the provider refused it: it is not a management key, or it is invalid or disabled. A management key is created in the provider\'s account settings.';
  }
  return sentence(e, providerId);
}

/** Deletes the stored key (or management key). Removing a key that is not there is not an error. */
export async function removeKey(deps: ComposeDeps, io: CliIo, providerId: string, management = false): Promise<number> {
  const { a, account } = keyed(providerId);
  const name = management ? `${a.descriptor.displayName} management` : a.descriptor.displayName;
  const entry = management ? a.descriptor.credentials.managementKey?.keychainAccount : account;
  if (!entry) throw new Error(`${a.descriptor.id} has no management key`);
  const r = await deps.secrets.remove(entry);
  if (!r.ok) {
    io.stderr(`quotabar: could not remove the key: ${describeError(r.error, a.descriptor.id, { surface: 'cli' }).reason}\n`);
    return 1;
  }
  io.stdout(r.value ? `Removed the stored ${name} key.\n` : `No ${name} key was stored.\n`);
  return 0;
}

/** An error's reason and remedy as one line: a one-off check, so never "Quotabar will retry". */
function sentence(e: ProviderError, providerId: string): string {
  const w = describeError(e, providerId, { retrying: false, surface: 'cli' });
  return w.action ? `${w.reason} ${w.action}` : w.reason;
}
