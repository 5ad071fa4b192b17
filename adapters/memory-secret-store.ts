// SecretStore in memory: demo mode and tests. Can pretend the keychain is unreachable.
import { err, ok, type Result } from '../core/errors';
import type { SecretStore } from '../core/ports';

export interface MemorySecretStoreOptions {
  /** Secrets present from the start, by account. */
  initial?: Record<string, string>;
  /** When set, every call fails with keychain_unavailable and this detail. */
  unavailable?: string | null;
}

export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();
  private unavailable: string | null;

  constructor(opts: MemorySecretStoreOptions = {}) {
    for (const [k, v] of Object.entries(opts.initial ?? {})) this.secrets.set(k, v);
    this.unavailable = opts.unavailable ?? null;
  }

  /** Makes the store fail (a detail) or work again (null), as a locked or restored keychain would. */
  setUnavailable(detail: string | null): void {
    this.unavailable = detail;
  }

  async get(account: string): Promise<Result<string | null>> {
    if (this.unavailable !== null) return this.down();
    return ok(this.secrets.get(account) ?? null);
  }

  async set(account: string, secret: string): Promise<Result<void>> {
    if (this.unavailable !== null) return this.down();
    this.secrets.set(account, secret);
    return ok(undefined);
  }

  async remove(account: string): Promise<Result<boolean>> {
    if (this.unavailable !== null) return this.down();
    return ok(this.secrets.delete(account));
  }

  private down() {
    return err({ kind: 'keychain_unavailable' as const, detail: this.unavailable ?? '' });
  }
}
