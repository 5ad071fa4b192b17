import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createClaudeCredentialLookup,
  describeClaudeCredentials,
  readMacKeychainClaude,
  type ClaudeCredentialReaderDeps,
} from '../../../adapters/providers/claude';
import { NodeFileSource } from '../../../adapters/node-file-source';
import { fixtureText } from '../../core/providers/load-fixture';

const files = new NodeFileSource();
let dir = '';
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quotabar-claude-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deps(over: Partial<ClaudeCredentialReaderDeps> = {}): ClaudeCredentialReaderDeps {
  return { files, configDir: dir, platform: 'linux', ...over };
}
const writeCredentials = (name: string) => writeFile(join(dir, '.credentials.json'), fixtureText('claude', name));
const keychainWith = (text: string | null) => {
  let calls = 0;
  const read = async () => {
    calls++;
    return text;
  };
  return { read, calls: () => calls };
};

describe('the Claude credential lookup', () => {
  it('reads <configDir>/.credentials.json and says where it found it', async () => {
    await writeCredentials('credentials-max');
    const r = await createClaudeCredentialLookup(deps())();
    expect(r).toMatchObject({ ok: true, value: { accessToken: 'sk-ant-oat01-test-access-token-max', subscriptionType: 'max' } });
    expect(await describeClaudeCredentials(deps())).toEqual({
      configured: true,
      origin: 'file',
      label: join(dir, '.credentials.json'),
      error: null,
    });
  });

  it('finds nothing (not an error) when the file is missing off macOS, and never asks the keychain there', async () => {
    const keychain = keychainWith(hex(fixtureText('claude', 'credentials-max')));
    expect(await createClaudeCredentialLookup(deps({ readMacKeychain: keychain.read }))()).toEqual({ ok: true, value: null });
    expect(keychain.calls()).toBe(0);
    expect(await describeClaudeCredentials(deps())).toEqual({ configured: false, origin: null, label: null, error: null });
  });

  it('on macOS reads the hex-encoded keychain item when there is no file', async () => {
    const keychain = keychainWith(`${hex(fixtureText('claude', 'credentials-max'))}\n`);
    const d = deps({ platform: 'darwin', readMacKeychain: keychain.read });
    expect(await createClaudeCredentialLookup(d)()).toMatchObject({ ok: true, value: { accessToken: 'sk-ant-oat01-test-access-token-max' } });
    expect(await describeClaudeCredentials(d)).toEqual({ configured: true, origin: 'macos-keychain', label: 'Claude Code-credentials', error: null });
  });

  it('prefers the file over the keychain and does not touch the keychain when the file has a login', async () => {
    await writeCredentials('credentials-expired');
    const keychain = keychainWith(fixtureText('claude', 'credentials-max'));
    const r = await createClaudeCredentialLookup(deps({ platform: 'darwin', readMacKeychain: keychain.read }))();
    expect(r).toMatchObject({ ok: true, value: { accessToken: 'sk-ant-oat01-test-access-token-old' } });
    expect(keychain.calls()).toBe(0);
  });

  it('asks the macOS keychain again only every 30 minutes, or when the login is about to expire', async () => {
    const expiresAt = 1790001234567;
    const keychain = keychainWith(fixtureText('claude', 'credentials-max'));
    let now = expiresAt - 3 * 3_600_000;
    const lookup = createClaudeCredentialLookup(deps({ platform: 'darwin', readMacKeychain: keychain.read, now: () => now }));
    for (let i = 0; i < 5; i++) expect((await lookup()).ok).toBe(true);
    expect(keychain.calls()).toBe(1);
    now += 31 * 60_000;
    await lookup();
    expect(keychain.calls()).toBe(2);
    now = expiresAt - 30_000; // inside the last minute of the token's life
    await lookup();
    await lookup();
    expect(keychain.calls()).toBe(4);
  });

  it('never caches a keychain item that holds no login', async () => {
    const keychain = keychainWith(fixtureText('claude', 'credentials-mcp-only'));
    const lookup = createClaudeCredentialLookup(deps({ platform: 'darwin', readMacKeychain: keychain.read, now: () => 0 }));
    await lookup();
    await lookup();
    expect(keychain.calls()).toBe(2);
  });

  it('looks in the keychain when the file holds only mcpOAuth', async () => {
    await writeCredentials('credentials-mcp-only');
    const keychain = keychainWith(fixtureText('claude', 'credentials-max'));
    const r = await createClaudeCredentialLookup(deps({ platform: 'darwin', readMacKeychain: keychain.read }))();
    expect(r).toMatchObject({ ok: true, value: { subscriptionType: 'max' } });
  });

  it('treats a keychain item holding only mcpOAuth as not signed in', async () => {
    const keychain = keychainWith(hex(fixtureText('claude', 'credentials-mcp-only')));
    const d = deps({ platform: 'darwin', readMacKeychain: keychain.read });
    expect(await createClaudeCredentialLookup(d)()).toEqual({ ok: true, value: null });
    expect(await describeClaudeCredentials(d)).toMatchObject({ configured: false, origin: null });
  });

  it('reports a garbled file as invalid credentials, naming the file but not its contents', async () => {
    await writeFile(join(dir, '.credentials.json'), '{"claudeAiOauth": sk-ant-oat01-half-written');
    const r = await createClaudeCredentialLookup(deps())();
    expect(r).toEqual({ ok: false, error: { kind: 'credentials_invalid', detail: 'Claude credentials are not valid JSON' } });
    const where = await describeClaudeCredentials(deps());
    expect(where).toMatchObject({ configured: false, origin: 'file', label: join(dir, '.credentials.json'), error: { kind: 'credentials_invalid' } });
    expect(JSON.stringify(where)).not.toContain('sk-ant');
  });

  it('still uses a good keychain item on macOS when the file is garbled', async () => {
    await writeFile(join(dir, '.credentials.json'), 'garbage');
    const keychain = keychainWith(fixtureText('claude', 'credentials-max'));
    expect(await createClaudeCredentialLookup(deps({ platform: 'darwin', readMacKeychain: keychain.read }))()).toMatchObject({ ok: true });
  });

  it('reports a file it cannot read with the system code', async () => {
    await mkdir(join(dir, '.credentials.json'));
    expect(await createClaudeCredentialLookup(deps())()).toEqual({
      ok: false,
      error: { kind: 'credentials_invalid', detail: `cannot read ${join(dir, '.credentials.json')} (EISDIR)` },
    });
  });

  it('treats a keychain reader that fails as an absent item', async () => {
    const d = deps({ platform: 'darwin', readMacKeychain: () => Promise.reject(new Error('denied')) });
    expect(await createClaudeCredentialLookup(d)()).toEqual({ ok: true, value: null });
  });

  it('never writes to Claude Code\'s config dir', async () => {
    await writeCredentials('credentials-expired');
    const before = await readFile(join(dir, '.credentials.json'), 'utf8');
    await createClaudeCredentialLookup(deps())();
    await describeClaudeCredentials(deps());
    expect(await readdir(dir)).toEqual(['.credentials.json']);
    expect(await readFile(join(dir, '.credentials.json'), 'utf8')).toBe(before);
  });
});

describe('readMacKeychainClaude', () => {
  it.skipIf(process.platform === 'darwin')('resolves null, not a throw, where the security tool does not exist', async () => {
    expect(await readMacKeychainClaude(2000)).toBeNull();
  });
});
