// What a card, the CLI and a failed key check say for each error: the reason, then what to do.
// Words depend on the provider, on whether Quotabar retries by itself, and on where they are read.
import { describe, expect, it } from 'vitest';
import type { ProviderError } from '../../core/errors';
import { describeError, providerName, type ErrorContext } from '../../core/present';

const once: ErrorContext = { retrying: false };
const cli: ErrorContext = { surface: 'cli' };
const words = (e: ProviderError, id = '', ctx: ErrorContext = {}) => describeError(e, id, ctx);

describe('sign-in problems', () => {
  it('name the fix for each provider and hint', () => {
    expect(words({ kind: 'unauthorized', status: 401, hint: 'codex_login' }, 'codex')).toEqual({
      reason: 'The sign-in was rejected or has expired.',
      action: 'Run `codex login` in a terminal, then refresh.',
    });
    const claude = 'Sign in again with Claude Code (run `claude`, then /login), then refresh.';
    expect(words({ kind: 'unauthorized', status: 401, hint: 'claude_login' }, 'claude').action).toBe(claude);
    expect(words({ kind: 'unauthorized', status: null, hint: 'missing_scope' }, 'claude')).toEqual({
      reason: 'The sign-in lacks the user:profile permission needed to read usage.',
      action: claude,
    });
    expect(words({ kind: 'unauthorized', status: null, hint: 'token_expired' }, 'claude')).toEqual({ reason: 'The sign-in has expired.', action: claude });
  });

  it('send an OpenRouter user to Settings in the app and to the key command in the terminal', () => {
    const e: ProviderError = { kind: 'unauthorized', status: 401, hint: null };
    expect(words(e, 'openrouter')).toEqual({ reason: 'The key was rejected (invalid or disabled).', action: 'Check the key in Settings, or replace it.' });
    expect(words(e, 'openrouter', cli).action).toBe('Check the key at openrouter.ai/keys, then store a working one with `quotabar key set openrouter`.');
  });
});

describe('refusals and limits', () => {
  it('say why the account was refused', () => {
    const f = (reason: 'validation' | 'violation' | 'forbidden' | 'management_key_required') => words({ kind: 'forbidden', status: 403, reason, url: null });
    expect(f('validation')).toEqual({ reason: 'The account needs to be verified.', action: 'Open the verification page.' });
    expect(f('violation')).toEqual({ reason: 'The provider has suspended this account.', action: null });
    expect(f('management_key_required')).toEqual({ reason: 'This endpoint needs a management key.', action: null });
    expect(f('forbidden')).toEqual({ reason: 'Access was refused by the provider.', action: 'Check the account or key permissions.' });
  });

  it('say when Quotabar retries a throttled check, or when to try again by hand', () => {
    const e: ProviderError = { kind: 'rate_limited', retryAfterMs: 60_000, retryInMs: 120_000 };
    expect(words(e)).toEqual({ reason: 'The provider is throttling usage checks.', action: 'Quotabar will retry in 2 min.' });
    expect(words(e, '', once).action).toBe('Try again in 2 min.');
    expect(words({ kind: 'rate_limited', retryAfterMs: 60_000 }, '', once).action).toBe('Try again in 1 min.');
    expect(words({ kind: 'rate_limited', retryAfterMs: null }).action).toBe('Quotabar will retry later.');
    expect(words({ kind: 'rate_limited', retryAfterMs: null }, '', once).action).toBe('Try again later.');
    expect(words({ kind: 'rate_limited', retryAfterMs: null, spendCap: true })).toEqual({ reason: 'The monthly spend limit has been reached.', action: 'Raise the limit in the console.' });
  });

  it('say an exhausted balance needs credits', () => {
    expect(words({ kind: 'credits_exhausted', message: null })).toEqual({ reason: 'The credit balance is exhausted.', action: 'Buy credits or raise the limit.' });
  });
});

describe('server and network failures', () => {
  it('give the HTTP status, or say the service is overloaded', () => {
    expect(words({ kind: 'upstream', status: 503 })).toEqual({ reason: 'The provider answered with an error (HTTP 503).', action: 'Quotabar will retry shortly.' });
    expect(words({ kind: 'upstream', status: 529, overloaded: true }, '', once)).toEqual({ reason: 'The provider is overloaded right now.', action: 'Try again in a moment.' });
  });

  it('say what could not be reached and why, in words rather than codes', () => {
    const t = (code: string, id = 'codex') => words({ kind: 'transport', code }, id).reason;
    expect(t('ENOTFOUND')).toBe('Could not reach Codex: its address could not be looked up (offline, or DNS is not answering).');
    expect(t('EAI_AGAIN', 'claude')).toBe('Could not reach Claude: its address could not be looked up (offline, or DNS is not answering).');
    expect(t('ECONNREFUSED')).toBe('Could not reach Codex: the connection was refused.');
    expect(t('ECONNRESET')).toBe('Lost the connection to Codex before it answered.');
    expect(t('EPIPE')).toBe('Lost the connection to Codex before it answered.');
    expect(t('ETIMEDOUT')).toBe('Could not reach Codex: connecting took too long.');
    expect(t('UND_ERR_CONNECT_TIMEOUT')).toBe('Could not reach Codex: connecting took too long.');
    expect(t('ENETUNREACH')).toBe('Could not reach Codex: the network is unreachable.');
    expect(t('EHOSTUNREACH')).toBe('Could not reach Codex: the network is unreachable.');
    expect(t('blocked_origin')).toBe('Could not reach Codex: its address is not one Quotabar may use.');
    expect(t('invalid_url')).toBe('Could not reach Codex: its address is not one Quotabar may use.');
    expect(t('ERR_TLS_CERT_ALTNAME_INVALID')).toBe('Could not reach Codex: its certificate could not be verified.');
    expect(t('self_signed_cert', '')).toBe('Could not reach the provider: its certificate could not be verified.');
    expect(t('EWHAT')).toBe('Could not reach Codex (network error EWHAT).');
  });

  it('say the certificate could not be verified for every verification code, not only those naming a CERT', () => {
    const t = (code: string) => words({ kind: 'transport', code }, 'claude').reason;
    for (const code of [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'CERT_HAS_EXPIRED',
      'CERT_NOT_YET_VALID',
      'CRL_HAS_EXPIRED',
      'INVALID_CA',
      'HOSTNAME_MISMATCH',
      'ERR_TLS_CERT_ALTNAME_INVALID',
    ]) {
      expect(t(code), code).toBe('Could not reach Claude: its certificate could not be verified.');
    }
  });

  it('say a secure connection could not be set up for a TLS failure that is not about the certificate', () => {
    const t = (code: string) => words({ kind: 'transport', code }, 'claude').reason;
    expect(t('ERR_SSL_WRONG_VERSION_NUMBER')).toBe('Could not reach Claude: a secure connection could not be set up.');
    expect(t('ERR_TLS_HANDSHAKE_TIMEOUT')).toBe('Could not reach Claude: a secure connection could not be set up.');
    // Codes that merely contain the letters are neither.
    expect(t('EINVALID_CAT')).toBe('Could not reach Claude (network error EINVALID_CAT).');
  });

  it('name the host when the error carries one, and nothing blank', () => {
    const e = (host: string) => ({ kind: 'transport', code: 'ECONNREFUSED', host }) as unknown as ProviderError;
    expect(words(e('api.example.test'), 'codex').reason).toBe('Could not reach api.example.test: the connection was refused.');
    expect(words(e(''), 'codex').reason).toBe('Could not reach Codex: the connection was refused.');
  });

  it('ask to check the network, retrying by itself or not', () => {
    expect(words({ kind: 'transport', code: 'ECONNRESET' }).action).toBe('Check the network; Quotabar will retry.');
    expect(words({ kind: 'transport', code: 'ECONNRESET' }, '', once).action).toBe('Check the network, then try again.');
  });

  it('give a timeout in whole seconds, and say an unreadable answer may need an update', () => {
    expect(words({ kind: 'timeout', afterMs: 15_400 })).toEqual({ reason: 'The provider did not answer within 15 s.', action: 'Quotabar will retry.' });
    expect(words({ kind: 'timeout', afterMs: 400 }).reason).toBe('The provider did not answer within 400 ms.');
    expect(words({ kind: 'timeout', afterMs: 2_500 }).reason).toBe('The provider did not answer within 2.5 s.');
    expect(words({ kind: 'malformed', detail: 'x' })).toEqual({ reason: 'The provider sent a response Quotabar could not read.', action: 'Quotabar will retry; update Quotabar if this persists.' });
    expect(words({ kind: 'malformed', detail: 'x' }, '', once).action).toBe('Try again; update Quotabar if this persists.');
  });
});

describe('missing or unreadable setup', () => {
  it('say how to set up each provider, in the app and in the terminal', () => {
    const none: ProviderError = { kind: 'unconfigured', what: 'x' };
    expect(words(none, 'openrouter')).toEqual({ reason: 'Not set up.', action: 'Add an OpenRouter key in Settings or set OPENROUTER_API_KEY.' });
    expect(words(none, 'openrouter', cli).action).toBe('Run `quotabar key set openrouter` or set OPENROUTER_API_KEY.');
    expect(words(none, 'codex').action).toBe('Sign in with `codex login`.');
    expect(words(none, 'claude').action).toBe('Run `quotabar statusline install`, then use Claude Code: its status line reports the 5-hour and weekly figures.');
    expect(words(none, 'other').action).toBeNull();
    expect(words({ kind: 'credentials_invalid', detail: 'auth.json is unreadable (EACCES)' }, 'codex')).toEqual({
      reason: 'The saved credentials could not be read (auth.json is unreadable (EACCES)).',
      action: 'Sign in with `codex login`.',
    });
  });

  it('say the keychain is unavailable and how to get around it', () => {
    expect(words({ kind: 'keychain_unavailable', detail: 'x' }, 'openrouter')).toEqual({
      reason: 'The system keychain is not available.',
      action: 'Unlock or start your keyring (e.g. gnome-keyring), or set OPENROUTER_API_KEY.',
    });
  });

  it('name providers by their display names, and an unknown one by its id', () => {
    expect(['openrouter', 'codex', 'claude', 'x'].map(providerName)).toEqual(['OpenRouter', 'Codex', 'Claude', 'x']);
  });
});
