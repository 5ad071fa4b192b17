// What the Settings window says when the keychain fails: a hint the user can act on, then the
// platform's own words on one line. The native module is replaced by a fake that fails on cue.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = { message: '', hang: false, entries: [] as Array<{ service: string; account: string; options: unknown }> };

vi.mock('@napi-rs/keyring', () => ({
  AsyncEntry: class {
    constructor(service: string, account: string, options?: unknown) {
      fake.entries.push({ service, account, options });
    }
    private fail(signal?: AbortSignal): Promise<never> {
      if (!fake.hang) return Promise.reject(new Error(fake.message));
      return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    }
    setPassword(_secret: string, signal?: AbortSignal): Promise<void> {
      return this.fail(signal);
    }
    getPassword(signal?: AbortSignal): Promise<string | null> {
      return this.fail(signal);
    }
    deletePassword(signal?: AbortSignal): Promise<boolean> {
      return this.fail(signal);
    }
  },
}));

import { KeyringSecretStore } from '../../adapters/keyring-secret-store';

beforeEach(() => {
  fake.message = '';
  fake.hang = false;
  fake.entries = [];
});

async function detailFor(message: string): Promise<string> {
  fake.message = message;
  const r = await new KeyringSecretStore().remove('openrouter');
  if (r.ok || r.error.kind !== 'keychain_unavailable') throw new Error(`expected keychain_unavailable, got ${JSON.stringify(r)}`);
  return r.error.detail;
}

describe('keychain failures, in words', () => {
  it('says a locked keyring is locked, whether it was locked, the prompt dismissed or waiting', async () => {
    for (const m of ['Collection is Locked', 'prompt dismissed by user', 'waiting on an unlock Prompt']) {
      expect(await detailFor(m), m).toBe(`the keyring is locked: unlock it and try again (${m})`);
    }
  });

  it('says access was refused for platform storage and access-denied errors', async () => {
    for (const m of ['Platform storage error', 'AccessDenied', 'access denied by policy']) {
      expect(await detailFor(m), m).toMatch(/^the system keychain refused access: no usable keyring for this session \(/);
    }
  });

  it('asks to remove duplicates when more than one entry matches', async () => {
    expect(await detailFor('Ambiguous: 2 credentials match')).toMatch(/^more than one keychain entry matches: remove the duplicates/);
  });

  it('passes anything else on as a keychain error, on one line and at most 300 characters', async () => {
    expect(await detailFor('  weird\n\tfailure  ')).toBe('keychain error: weird failure');
    expect(await detailFor('x'.repeat(400))).toBe(`keychain error: ${'x'.repeat(300)}`);
  });

  it('gives up on a keychain that never answers, and says how long it waited (never "0 s")', async () => {
    fake.hang = true;
    const r = await new KeyringSecretStore({ timeoutMs: 50 }).get('openrouter');
    expect(r).toEqual({
      ok: false,
      error: { kind: 'keychain_unavailable', detail: 'the keychain did not answer within 50 ms (is it waiting to be unlocked?)' },
    });
    const slow = await new KeyringSecretStore({ timeoutMs: 1500 }).set('openrouter', 'k');
    expect(!slow.ok && slow.error.kind === 'keychain_unavailable' && slow.error.detail).toContain('within 1.5 s');
  });
});

describe('after the keychain answers', () => {
  it('leaves no timer behind, so a CLI run exits at once instead of waiting out the 30 s deadline', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      fake.message = 'Collection is Locked';
      await new KeyringSecretStore().get('openrouter');
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('which keychain entry is used', () => {
  it('is the quotabar service by default, another when asked, and a pinned Linux store only when given', async () => {
    fake.message = 'x';
    await new KeyringSecretStore().get('openrouter');
    await new KeyringSecretStore({ service: 'quotabar-test', store: 'secret-service' }).get('openrouter');
    expect(fake.entries).toEqual([
      { service: 'quotabar', account: 'openrouter', options: undefined },
      { service: 'quotabar-test', account: 'openrouter', options: { linux: { store: 'secret-service' } } },
    ]);
  });
});
