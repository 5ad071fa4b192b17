// Errors are values: a closed union of kinds. Only the UI and CLI turn them into words (core/present.ts).
import type { KnownProviderId } from './providers/registry';

/**
 * Why a 403 happened (see core/http-errors.ts). `ineligible`: the provider no longer serves this
 * account or client at all (e.g. a retired sign-in), which no retry or new sign-in of the same kind fixes.
 */
export type ForbiddenReason = 'validation' | 'violation' | 'forbidden' | 'management_key_required' | 'ineligible';

/** What the user can do about an auth error; the front end phrases it. `<id>_login`: sign in again
 * with that provider's own tool (its descriptor's words say how). */
export type AuthHint = `${KnownProviderId}_login` | 'check_key' | 'missing_scope' | 'token_expired';

export type ProviderError =
  | { kind: 'unauthorized'; status: number | null; hint: AuthHint | null }
  | { kind: 'forbidden'; status: number; reason: ForbiddenReason; url: string | null }
  /** `retryAfterMs`: what the server asked; `retryInMs`: when Quotabar will really ask again (set by resilience). */
  | { kind: 'rate_limited'; retryAfterMs: number | null; retryInMs?: number; spendCap?: boolean }
  | { kind: 'upstream'; status: number; overloaded?: boolean }
  | { kind: 'transport'; code: string }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'malformed'; detail: string }
  | { kind: 'unconfigured'; what: string }
  | { kind: 'credentials_invalid'; detail: string }
  | { kind: 'keychain_unavailable'; detail: string }
  | { kind: 'credits_exhausted'; message: string | null };

export type ErrorKind = ProviderError['kind'];

/** Result of a fallible operation: errors are returned, never thrown. */
export type Result<T, E = ProviderError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** Exhaustiveness guard for switches over closed unions. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}

/** True for failures that are likely to pass on their own (worth a retry with backoff). */
export function isTransient(e: ProviderError): boolean {
  switch (e.kind) {
    case 'rate_limited':
      return !e.spendCap;
    case 'upstream':
    case 'transport':
    case 'timeout':
      return true;
    case 'unauthorized':
    case 'forbidden':
    case 'malformed':
    case 'unconfigured':
    case 'credentials_invalid':
    case 'keychain_unavailable':
    case 'credits_exhausted':
      return false;
    default:
      return assertNever(e);
  }
}
