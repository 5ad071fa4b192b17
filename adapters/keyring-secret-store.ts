// SecretStore on the OS keychain via @napi-rs/keyring (macOS Keychain, Windows Credential Manager,
// Secret Service on Linux). Every failure becomes keychain_unavailable with a hint the user can act on.
import type { AsyncEntry, LinuxStore } from '@napi-rs/keyring';
import { err, ok, type ProviderError, type Result } from '../core/errors';
import type { SecretStore } from '../core/ports';
import { formatDeadline } from '../core/present';
import { startDeadline } from './deadline';

export interface KeyringSecretStoreOptions {
  /** Keychain service name (default 'quotabar'). */
  service?: string;
  /** Linux only: require this store instead of the default Secret Service → kernel keyring fallback. */
  store?: LinuxStore;
  /** Give up on a keychain that does not answer (e.g. an unlock prompt nobody sees). Default 30 s. */
  timeoutMs?: number;
}

export class KeyringSecretStore implements SecretStore {
  private readonly service: string;
  private readonly store: LinuxStore | undefined;
  private readonly timeoutMs: number;

  constructor(opts: KeyringSecretStoreOptions = {}) {
    this.service = opts.service ?? 'quotabar';
    this.store = opts.store;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  get(account: string): Promise<Result<string | null>> {
    return this.call(account, null, (e, signal) => e.getPassword(signal));
  }

  set(account: string, secret: string): Promise<Result<void>> {
    // The native promise resolves null, not undefined: normalise to the port's void.
    return this.call(account, secret, async (e, signal) => {
      await e.setPassword(secret, signal);
    });
  }

  remove(account: string): Promise<Result<boolean>> {
    return this.call(account, null, (e, signal) => e.deletePassword(signal));
  }

  private async call<T>(
    account: string,
    secret: string | null,
    op: (entry: AsyncEntry, signal: AbortSignal) => Promise<T>,
  ): Promise<Result<T>> {
    const deadline = startDeadline(this.timeoutMs);
    try {
      // Loaded on first use: a broken native module becomes "keychain unavailable", not a crash at launch.
      const { AsyncEntry } = await loadKeyring();
      const entry = new AsyncEntry(this.service, account, this.store ? { linux: { store: this.store } } : undefined);
      return ok(await op(entry, deadline.signal));
    } catch (e) {
      if (deadline.expired()) {
        return err(unavailable(timedOut(this.timeoutMs)));
      }
      return err(unavailable(describe(e, secret)));
    } finally {
      deadline.clear();
    }
  }
}

let keyring: Promise<typeof import('@napi-rs/keyring')> | null = null;
function loadKeyring(): Promise<typeof import('@napi-rs/keyring')> {
  keyring ??= import('@napi-rs/keyring');
  return keyring;
}

/** The words for a keychain that did not answer in time (a timeout under a second is not "0 s"). */
function timedOut(timeoutMs: number): string {
  return `the keychain did not answer within ${formatDeadline(timeoutMs)} (is it waiting to be unlocked?)`;
}

function unavailable(detail: string): ProviderError {
  return { kind: 'keychain_unavailable', detail };
}

/** A hint first, then the platform's own words (with the secret scrubbed, should it ever echo it). */
export function describe(e: unknown, secret: string | null = null): string {
  let raw = e instanceof Error ? e.message : String(e);
  if (secret) raw = raw.split(secret).join('[redacted]');
  raw = raw.replace(/\s+/g, ' ').trim().slice(0, 300);
  const hint = hintFor(raw);
  return hint ? `${hint} (${raw})` : `keychain error: ${raw}`;
}

function hintFor(msg: string): string | null {
  const m = msg.toLowerCase();
  if (m.includes('dbus') || m.includes('d-bus') || m.includes('org.freedesktop.secrets')) {
    return 'no Secret Service on the session D-Bus: start gnome-keyring or KWallet, or set the key in an environment variable';
  }
  if (m.includes('locked') || m.includes('dismissed') || m.includes('prompt')) {
    return 'the keyring is locked: unlock it and try again';
  }
  if (m.includes('platform storage') || m.includes('accessdenied') || m.includes('access denied')) {
    return 'the system keychain refused access: no usable keyring for this session';
  }
  if (m.includes('ambiguous')) return 'more than one keychain entry matches: remove the duplicates with your keychain tool';
  return null;
}
