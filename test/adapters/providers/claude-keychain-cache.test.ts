// How often Quotabar reads Claude Code's macOS keychain item (each read may raise an access prompt),
// and which store a broken login is blamed on. The keychain is a scripted reader; files are real.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cacheKeychainRead,
  CLAUDE_KEYCHAIN_SERVICE,
  createClaudeCredentialLookup,
  describeClaudeCredentials,
  KEYCHAIN_CACHE_MS,
  type ClaudeCredentialReaderDeps,
} from '../../../adapters/providers/claude';
import { NodeFileSource } from '../../../adapters/node-file-source';
import { fixtureText } from '../../core/providers/load-fixture';

const files = new NodeFileSource();
let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quotabar-claude-kc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NO_EXPIRY = JSON.stringify({ claudeAiOauth: { accessToken: 'sk-ant-oat01-no-expiry', scopes: ['user:profile'] } });
const EXPIRES_AT = 1790001234567; // credentials-max

function counted(answer: () => Promise<string | null>) {
  let calls = 0;
  return {
    read: () => {
      calls++;
      return answer();
    },
    calls: () => calls,
  };
}

describe('the keychain cache', () => {
  it('keeps a login without an expiry for 30 minutes, and reads again at exactly 30 minutes', async () => {
    const kc = counted(async () => NO_EXPIRY);
    let now = 1_000_000;
    const read = cacheKeychainRead(kc.read, () => now);
    expect(await read()).toBe(NO_EXPIRY);
    now += KEYCHAIN_CACHE_MS - 1;
    expect(await read()).toBe(NO_EXPIRY);
    expect(kc.calls()).toBe(1);
    now += 1;
    await read();
    expect(kc.calls()).toBe(2);
  });

  it('reads again from one minute before the login expires', async () => {
    const kc = counted(async () => fixtureText('claude', 'credentials-max'));
    let now = EXPIRES_AT - 60_000 - 1;
    const read = cacheKeychainRead(kc.read, () => now);
    await read();
    await read();
    expect(kc.calls()).toBe(1);
    now += 1;
    await read();
    expect(kc.calls()).toBe(2);
  });

  it('answers null, not a throw or undefined, when the reader fails, and asks again next time', async () => {
    const kc = counted(() => Promise.reject(new Error('User interaction is not allowed.')));
    const read = cacheKeychainRead(kc.read, () => 0);
    expect(await read()).toBeNull();
    expect(await read()).toBeNull();
    expect(kc.calls()).toBe(2);
  });

  it('does not cache an item that is not a login', async () => {
    const kc = counted(async () => '{"claudeAiOauth": garbled');
    const read = cacheKeychainRead(kc.read, () => 0);
    await read();
    await read();
    expect(kc.calls()).toBe(2);
  });
});

describe('which store a broken login is blamed on', () => {
  const deps = (keychain: string | null, platform = 'darwin'): ClaudeCredentialReaderDeps => ({
    files,
    configDir: dir,
    platform,
    readMacKeychain: async () => keychain,
  });

  it('the keychain, when there is no file and its item is garbled', async () => {
    const d = deps('{"claudeAiOauth": garbled');
    expect(await createClaudeCredentialLookup(d)()).toMatchObject({ ok: false, error: { kind: 'credentials_invalid' } });
    expect(await describeClaudeCredentials(d)).toMatchObject({ configured: false, origin: 'macos-keychain', label: CLAUDE_KEYCHAIN_SERVICE });
  });

  it('the file, when both the file and the keychain item are garbled', async () => {
    await writeFile(join(dir, '.credentials.json'), 'garbage');
    expect(await describeClaudeCredentials(deps('also garbage'))).toMatchObject({ origin: 'file', label: join(dir, '.credentials.json') });
  });

  it('neither, when the file holds only another tool’s sign-in and there is no keychain', async () => {
    await writeFile(join(dir, '.credentials.json'), fixtureText('claude', 'credentials-mcp-only'));
    const d = deps(null, 'linux');
    expect(await createClaudeCredentialLookup(d)()).toEqual({ ok: true, value: null });
    expect(await describeClaudeCredentials(d)).toEqual({ configured: false, origin: null, label: null, error: null });
  });
});
