// The labelled accounts' life in the settings window: add (after its provider accepts the key), test,
// enable or disable, relabel, reorder, remove. Same rules as `quotabar account` (cli/account.ts): a key
// provider's account keeps its key in keychain entry `<account>:<label>`, a sign-in provider's account
// names a folder. Removing an account removes its keychain entry and its settings row, nothing else.
import { isAbsolute } from 'node:path';
import { keychainNameFor, labelProblem, MAX_ACCOUNTS, sameAccount, type AccountSetting } from '../core/accounts';
import type { ProviderError } from '../core/errors';
import type { FileSource, HttpClient, Scheduler, SecretStore } from '../core/ports';
import { runChain } from '../core/provider';
import { accountName, demoKeyRejected, describeError } from '../core/present';
import { descriptorOf } from '../core/providers/registry';
import { buildAccount, type AppConfig, type ComposeDeps } from '../adapters/compose';
import { adapterOf } from '../adapters/providers/registry';
import type { AccountResult } from './contract';

export interface AccountManagerDeps {
  config: AppConfig;
  compose: ComposeDeps;
  secrets: SecretStore;
  files: FileSource;
  scheduler: Scheduler;
  httpFor: (baseUrl: string) => HttpClient;
  /** Demo mode: the secret store is memory, so words say "for this session" rather than "keychain". */
  demo: boolean;
  /** The account list as the settings file has it now (the CLI may have changed it). */
  current(): Promise<AccountSetting[]>;
  /** Saves the new list and applies it (the poller follows); throws when the file cannot be written. */
  save(accounts: AccountSetting[]): Promise<void>;
}

export interface AccountCandidate {
  providerId: string;
  label: string;
  key?: string | null;
  dir?: string | null;
}

const fail = (message: string): AccountResult => ({ ok: false, message });

export function createAccountManager(d: AccountManagerDeps) {
  const keychainOf = (providerId: string, label: string): string | null => {
    const base = descriptorOf(providerId)?.credentials.keychainAccount;
    return base ? keychainNameFor(base, label) : null;
  };
  const where = (entry: string) => (d.demo ? 'kept for this session only (demo mode)' : `kept in the system keychain as '${entry}'`);
  const words = (e: ProviderError, providerId: string) => {
    const w = describeError(e, providerId, { retrying: false });
    return [w.reason, w.action].filter(Boolean).join(' ');
  };

  /** The candidate key's format, then one request to its provider; the masked key when it works. */
  const checkKey = async (providerId: string, key: string): Promise<{ ok: true; masked: string } | { ok: false; message: string }> => {
    const adapter = adapterOf(providerId);
    const problem = adapter.descriptor.keyFormatProblem?.(key) ?? null;
    if (problem !== null) return { ok: false, message: `That key cannot be right: ${problem}.` };
    if (!adapter.validateKey || !adapter.maskKey) return { ok: false, message: `${adapter.descriptor.displayName} has no stored key.` };
    const url = d.config.urls[providerId] ?? adapter.descriptor.defaultBaseUrl;
    const r = await adapter.validateKey(d.httpFor(url), url, key);
    if (r.ok) return { ok: true, masked: adapter.maskKey(key) };
    // In demo mode the key went to the local demo server: "<provider> rejected it" would not be true.
    if (d.demo && (r.error.kind === 'unauthorized' || r.error.kind === 'forbidden')) {
      return { ok: false, message: demoKeyRejected(adapter.descriptor.displayName) };
    }
    return { ok: false, message: words(r.error, providerId) };
  };

  /** A folder account's sources, run once: what its card would show now. */
  const checkFolder = async (a: AccountSetting): Promise<AccountResult> => {
    const r = await runChain(buildAccount(a, d.config, d.compose), d.scheduler, d.config.timeoutMs);
    return r.ok ? { ok: true, message: `${accountName(a.providerId, a.label)} works: its usage was read.` } : fail(words(r.error, a.providerId));
  };

  const folderProblem = async (dir: string | null | undefined): Promise<string | null> => {
    if (!dir || !isAbsolute(dir)) return 'Give the folder’s full path.';
    // Listing, not stat: it succeeds only for a folder (a file there is refused too).
    const listed = await d.files.list(dir);
    return listed.ok ? null : `There is no folder at ${dir}.`;
  };

  /** Label rules, then a key's format or a folder's presence: everything that needs no request. */
  const precheck = async (c: AccountCandidate, list: readonly AccountSetting[]): Promise<string | null> => {
    if (!descriptorOf(c.providerId)) return 'Unknown provider.';
    const lp = labelProblem(c.label);
    if (lp) return `That label cannot be used: ${lp}.`;
    if (list.some((a) => sameAccount(a, c.providerId, c.label))) return `${accountName(c.providerId, c.label)} already exists: choose another label.`;
    if (list.length >= MAX_ACCOUNTS) return `At most ${MAX_ACCOUNTS} accounts can be added.`;
    return keychainOf(c.providerId, c.label) === null ? folderProblem(c.dir) : null;
  };

  const find = async (providerId: string, label: string) => {
    const list = await d.current();
    return { list, found: list.find((a) => sameAccount(a, providerId, label)) ?? null };
  };
  const missing = (providerId: string, label: string) => fail(`There is no ${accountName(providerId, label)} account any more.`);

  return {
    async add(c: AccountCandidate): Promise<AccountResult> {
      const list = await d.current();
      const problem = await precheck(c, list);
      if (problem) return fail(problem);
      const entry = keychainOf(c.providerId, c.label);
      const row: AccountSetting = { providerId: c.providerId, label: c.label, enabled: true, ...(entry === null ? { dir: c.dir! } : {}) };
      let said = `; it signs in from ${c.dir}`;
      if (entry !== null) {
        const check = await checkKey(c.providerId, c.key ?? '');
        if (!check.ok) return fail(`Not added: ${check.message}`);
        const stored = await d.secrets.set(entry, c.key!);
        if (!stored.ok) return fail(`Not added: ${words(stored.error, c.providerId)}`);
        said = `; key ${check.masked} is ${where(entry)}`;
      }
      try {
        await d.save([...(await d.current()), row]);
      } catch {
        // The account was not recorded: a key stored for it would be an orphan nobody can see.
        if (entry !== null) await d.secrets.remove(entry);
        return fail('Not added: the settings file could not be written.');
      }
      return { ok: true, message: `Added ${accountName(c.providerId, c.label)}${said}.` };
    },

    /** A candidate (key or folder given) or a stored account (by label); nothing is stored. */
    async test(c: AccountCandidate): Promise<AccountResult> {
      if (keychainOf(c.providerId, c.label) !== null) {
        let key = c.key ?? null;
        if (key === null) {
          const stored = await d.secrets.get(keychainOf(c.providerId, c.label)!);
          if (!stored.ok) return fail(words(stored.error, c.providerId));
          if (stored.value === null) return fail(`${accountName(c.providerId, c.label)} has no stored key. Remove it and add it again with a key.`);
          key = stored.value;
        }
        const check = await checkKey(c.providerId, key);
        return check.ok ? { ok: true, message: `Key ${check.masked} works.` } : fail(check.message);
      }
      const dir = c.dir ?? (await find(c.providerId, c.label)).found?.dir;
      const problem = await folderProblem(dir);
      if (problem) return fail(problem);
      return checkFolder({ providerId: c.providerId, label: c.label, enabled: true, dir: dir! });
    },

    async update(req: { providerId: string; label: string; enabled?: boolean | null; newLabel?: string | null }): Promise<AccountResult> {
      const { list, found } = await find(req.providerId, req.label);
      if (!found) return missing(req.providerId, req.label);
      let next: AccountSetting = { ...found, ...(typeof req.enabled === 'boolean' ? { enabled: req.enabled } : {}) };
      const relabel = req.newLabel != null && req.newLabel !== found.label;
      if (relabel) {
        const newLabel = req.newLabel!;
        const others = list.filter((a) => a !== found);
        const problem = labelProblem(newLabel) ?? (others.some((a) => sameAccount(a, found.providerId, newLabel)) ? `${accountName(found.providerId, newLabel)} already exists` : null);
        if (problem) return fail(`Not renamed: ${problem}.`);
        const moved = await moveKey(found, newLabel);
        if (moved) return fail(`Not renamed: ${moved}`);
        next = { ...next, label: newLabel };
      }
      try {
        await d.save(list.map((a) => (a === found ? next : a)));
      } catch {
        if (relabel) await moveKey(next, found.label);
        return fail('Not changed: the settings file could not be written.');
      }
      const name = accountName(next.providerId, next.label);
      return { ok: true, message: relabel ? `Renamed to ${name}.` : `${name} ${next.enabled ? 'is enabled' : 'is disabled: it is no longer polled'}.` };
    },

    /** One place up or down among the same provider's accounts (the display order is per provider). */
    async move(req: { providerId: string; label: string; direction: 'up' | 'down' }): Promise<AccountResult> {
      const { list, found } = await find(req.providerId, req.label);
      if (!found) return missing(req.providerId, req.label);
      const mine = list.map((a, i) => ({ a, i })).filter((x) => x.a.providerId === found.providerId);
      const at = mine.findIndex((x) => x.a === found);
      const other = mine[req.direction === 'up' ? at - 1 : at + 1];
      if (!other) return { ok: true, message: `${accountName(found.providerId, found.label)} is already ${req.direction === 'up' ? 'first' : 'last'}.` };
      const next = [...list];
      next[mine[at]!.i] = other.a;
      next[other.i] = found;
      try {
        await d.save(next);
      } catch {
        return fail('Not moved: the settings file could not be written.');
      }
      return { ok: true, message: `Moved ${accountName(found.providerId, found.label)} ${req.direction}.` };
    },

    async remove(req: { providerId: string; label: string }): Promise<AccountResult> {
      const { list, found } = await find(req.providerId, req.label);
      if (!found) return missing(req.providerId, req.label);
      // The keychain entry first: if it cannot be removed, the account stays listed so it can be retried.
      const entry = keychainOf(found.providerId, found.label);
      if (entry !== null) {
        const r = await d.secrets.remove(entry);
        if (!r.ok) return fail(`Not removed: ${words(r.error, found.providerId)}`);
      }
      try {
        await d.save(list.filter((a) => a !== found));
      } catch {
        return fail('Not removed: the settings file could not be written.');
      }
      const gone = entry === null ? '' : d.demo ? ' and its key' : ` and its keychain entry '${entry}'`;
      return { ok: true, message: `Removed ${accountName(found.providerId, found.label)}${gone}.` };
    },
  };

  /** A key provider's relabel moves its key: read the old entry, write the new one, delete the old. Null when done. */
  async function moveKey(a: AccountSetting, newLabel: string): Promise<string | null> {
    const from = keychainOf(a.providerId, a.label);
    if (from === null) return null;
    const to = keychainOf(a.providerId, newLabel)!;
    const read = await d.secrets.get(from);
    if (!read.ok) return words(read.error, a.providerId);
    if (read.value === null) return 'its key is missing: remove the account and add it again.';
    const written = await d.secrets.set(to, read.value);
    if (!written.ok) return words(written.error, a.providerId);
    await d.secrets.remove(from);
    return null;
  }
}

export type AccountManager = ReturnType<typeof createAccountManager>;
