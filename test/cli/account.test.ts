// `quotabar account …` and `status --account` as a user meets them: two accounts of each provider
// added, listed, polled as separate entries of `status --json`, and removed, all in the app's own
// settings file and keychain entries.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { main, type CliIo } from '../../cli/main';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';

const FIX = join(__dirname, '..', 'fixtures');
const fixture = (p: string) => readFileSync(join(FIX, p), 'utf8');
const KEY = { work: 'sk-or-v1-work0123456789abcdef0123456789abcdef0123456789abcdef0123', home: 'sk-or-v1-home0123456789abcdef0123456789abcdef0123456789abcdef0123' };

let servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

const tempDir = () => mkdtempSync(join(tmpdir(), 'quotabar-cli-account-'));

/** One user's machine: a config folder, a keychain, and every provider answering on loopback. */
async function machine() {
  const server = await startLoopbackServer((req) => {
    const auth = String(req.headers.authorization ?? '');
    if (req.path.endsWith('/key')) return auth.includes('sk-or-v1-') && !auth.includes('revoked') ? { body: JSON.parse(fixture('openrouter/key-capped-weekly.json')) } : { status: 401, body: { error: { code: 401, message: 'No auth credentials found' } } };
    if (req.path.endsWith('/wham/usage')) return { body: JSON.parse(fixture('codex/usage-plus-both-windows.json')) };
    if (req.path.endsWith('/api/oauth/usage')) return { body: JSON.parse(fixture('claude/usage-max-plan.json')) };
    return { status: 404, body: {} };
  });
  servers.push(server);
  const config = tempDir();
  const secrets = new MemorySecretStore();
  const env = {
    XDG_CONFIG_HOME: config,
    QUOTABAR_DATA_DIR: tempDir(),
    CODEX_HOME: join(tempDir(), 'none'),
    CLAUDE_CONFIG_DIR: join(tempDir(), 'none'),
    QUOTABAR_OPENROUTER_URL: `${server.url}/api/v1`,
    QUOTABAR_CODEX_URL: `${server.url}/backend-api`,
    QUOTABAR_CLAUDE_URL: server.url,
    QUOTABAR_CLAUDE_OAUTH: '1',
  };
  const settingsFile = join(config, 'quotabar', 'settings.json');
  const run = async (argv: string[], stdin: string | null = '') => {
    const o = { out: '', err: '', code: -1 };
    const io: CliIo = {
      stdout: (s) => void (o.out += s),
      stderr: (s) => void (o.err += s),
      readStdin: async () => stdin,
      env,
      homedir: tempDir(),
      platform: 'linux',
      deps: { secrets },
    };
    o.code = await main(argv, io);
    return o;
  };
  return { server, secrets, run, settingsFile };
}

function signIn(kind: 'codex' | 'claude', who: string): string {
  const dir = tempDir();
  if (kind === 'codex') writeFileSync(join(dir, 'auth.json'), fixture('codex/auth-chatgpt.json').replace('test-access-token-chatgpt', `codex-${who}`));
  // The recorded login expires in 2026; this run uses the real clock, so it is moved to 2100.
  else writeFileSync(join(dir, '.credentials.json'), fixture('claude/credentials-max.json').replace('sk-ant-oat01-test-access-token-max', `claude-${who}`).replace('1790001234567', '4102444800000'));
  return dir;
}

describe('quotabar account add, list and status with two accounts of each provider', () => {
  it('keeps every setting of an old settings file and adds the accounts to it', async () => {
    const m = await machine();
    mkdirSync(join(m.settingsFile, '..'), { recursive: true });
    copyFileSync(join(FIX, 'settings', 'v1-settings.json'), m.settingsFile);
    const old = JSON.parse(readFileSync(m.settingsFile, 'utf8')) as Record<string, unknown>;
    expect(await m.run(['account', 'add', 'codex', '--label', 'work', '--home', signIn('codex', 'work')])).toMatchObject({ code: 0, err: '' });
    const now = JSON.parse(readFileSync(m.settingsFile, 'utf8')) as Record<string, unknown>;
    // Every old value survives; settings added since v1 appear with their defaults.
    expect(now).toMatchObject(old);
    expect({ ...now, accounts: undefined }).toEqual({ ...old, pollingMode: 'fixed', predictiveAlerts: [], predictiveMarginMin: 30, trayPin: null, shareLocalApi: false, localApiPort: 6736, localApiOrigin: '', credentialOptIn: [], accounts: undefined });
    expect(now.accounts).toHaveLength(1);
  });

  it('openrouter: each key is checked, kept in its own keychain entry, and polled as its own entry', async () => {
    const m = await machine();
    for (const who of ['work', 'home'] as const) {
      const r = await m.run(['account', 'add', 'openrouter', '--label', who], KEY[who]);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.out).toContain(`Added OpenRouter (${who})`);
    }
    expect(await m.secrets.get('openrouter:work')).toEqual({ ok: true, value: KEY.work });
    expect(await m.secrets.get('openrouter:home')).toEqual({ ok: true, value: KEY.home });
    expect(await m.secrets.get('openrouter')).toEqual({ ok: true, value: null });

    const list = JSON.parse((await m.run(['account', 'list', '--json'])).out) as { accounts: unknown[] };
    expect(list.accounts).toEqual([
      { providerId: 'openrouter', label: 'work', enabled: true, dir: null, keychainEntry: 'openrouter:work' },
      { providerId: 'openrouter', label: 'home', enabled: true, dir: null, keychainEntry: 'openrouter:home' },
    ]);

    const status = JSON.parse((await m.run(['status', '--json', '--provider', 'openrouter'])).out) as { providers: Array<Record<string, unknown>> };
    expect(status.providers.map((p) => [p.providerId, p.accountLabel, p.status])).toEqual([
      ['openrouter', null, 'unconfigured'],
      ['openrouter', 'work', 'ok'],
      ['openrouter', 'home', 'ok'],
    ]);
    const sent = m.server.requests.filter((r) => r.path.endsWith('/key')).map((r) => String(r.headers.authorization));
    expect(sent.filter((a) => a.includes('work')).length).toBeGreaterThanOrEqual(2); // the check, then the poll
    expect(sent.filter((a) => a.includes('home')).length).toBeGreaterThanOrEqual(2);

    const one = JSON.parse((await m.run(['status', '--json', '--account', 'home'])).out) as { providers: Array<Record<string, unknown>> };
    expect(one.providers.map((p) => [p.providerId, p.accountLabel])).toEqual([['openrouter', 'home']]);
  });

  for (const kind of ['codex', 'claude'] as const) {
    it(`${kind}: each account signs in from its own folder and is its own entry of status --json`, async () => {
      const m = await machine();
      const option = kind === 'codex' ? '--home' : '--config-dir';
      for (const who of ['work', 'home']) {
        expect(await m.run(['account', 'add', kind, '--label', who, option, signIn(kind, who)])).toMatchObject({ code: 0, err: '' });
      }
      const status = JSON.parse((await m.run(['status', '--json', '--provider', kind])).out) as { providers: Array<Record<string, unknown>> };
      expect(status.providers.map((p) => [p.accountLabel, p.status])).toEqual([[null, 'unconfigured'], ['work', 'ok'], ['home', 'ok']]);
      const tokens = m.server.requests.map((r) => String(r.headers.authorization));
      expect(tokens).toContain(`Bearer ${kind}-work`);
      expect(tokens).toContain(`Bearer ${kind}-home`);

      const table = await m.run(['status', '--provider', kind, '--account', 'work']);
      expect(table.code).toBe(0);
      expect(table.out).toContain(`${kind === 'codex' ? 'Codex' : 'Claude'} (work)`);
      expect(table.out).not.toContain('(home)');
    });
  }
});

describe('quotabar account remove', () => {
  it('deletes the account’s keychain entry and its settings row, and nothing else', async () => {
    const m = await machine();
    await m.secrets.set('openrouter', 'sk-or-v1-implicit');
    for (const who of ['work', 'home'] as const) await m.run(['account', 'add', 'openrouter', '--label', who], KEY[who]);
    await m.run(['account', 'add', 'codex', '--label', 'work', '--home', signIn('codex', 'work')]);
    const r = await m.run(['account', 'remove', 'openrouter', 'work']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe("Removed OpenRouter (work) and its keychain entry 'openrouter:work'.\n");
    expect(await m.secrets.get('openrouter:work')).toEqual({ ok: true, value: null });
    expect(await m.secrets.get('openrouter:home')).toEqual({ ok: true, value: KEY.home });
    expect(await m.secrets.get('openrouter')).toEqual({ ok: true, value: 'sk-or-v1-implicit' });
    const left = (JSON.parse(readFileSync(m.settingsFile, 'utf8')) as { accounts: Array<{ providerId: string; label: string }> }).accounts;
    expect(left.map((a) => `${a.providerId}/${a.label}`)).toEqual(['openrouter/home', 'codex/work']);
  });

  it('fails with one line for an account that does not exist', async () => {
    const m = await machine();
    const r = await m.run(['account', 'remove', 'claude', 'nope']);
    expect(r.code).toBe(1);
    expect(r.err).toBe("quotabar: there is no Claude (nope) account (see: quotabar account list)\n");
  });
});

describe('quotabar account: mistakes', () => {
  for (const [argv, why] of [
    [['account'], 'no action'],
    [['account', 'add', 'codex', '--label', 'work'], 'no folder'],
    [['account', 'add', 'claude', '--label', 'work', '--home', '/tmp'], 'the other provider’s folder option'],
    [['account', 'add', 'openrouter', '--label', 'a:b'], 'a label that cannot name a keychain entry'],
    [['account', 'add', 'openrouter'], 'no label'],
    [['account', 'add', 'gemini', '--label', 'x'], 'an unknown provider'],
    [['account', 'remove', 'codex'], 'no label to remove'],
    [['account', 'list', '--csv'], 'an unknown option'],
    [['status', '--account'], 'no label for --account'],
  ] as const) {
    it(`exit 2 with one line for ${why}`, async () => {
      const m = await machine();
      const r = await m.run([...argv]);
      expect(r.code).toBe(2);
      expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.out).toBe('');
    });
  }

  it('exit 1 for a label the provider already has (case-insensitively), keeping the first', async () => {
    const m = await machine();
    await m.run(['account', 'add', 'codex', '--label', 'work', '--home', signIn('codex', 'a')]);
    const r = await m.run(['account', 'add', 'codex', '--label', 'Work', '--home', signIn('codex', 'b')]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('quotabar: Codex (Work) already exists (remove it first, or choose another label)\n');
  });

  it('exit 1 for a key of the wrong shape, before any request and without storing anything', async () => {
    const m = await machine();
    const r = await m.run(['account', 'add', 'openrouter', '--label', 'work'], 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^quotabar: key not saved: .+\n$/);
    expect(m.server.requests).toHaveLength(0);
    expect(await m.secrets.get('openrouter:work')).toEqual({ ok: true, value: null });
    expect(JSON.parse((await m.run(['account', 'list', '--json'])).out)).toEqual({ accounts: [] });
  });

  it('exit 1 for a key the provider refuses, storing nothing', async () => {
    const m = await machine();
    const r = await m.run(['account', 'add', 'openrouter', '--label', 'work'], 'sk-or-v1-revoked0123456789abcdef0123456789abcdef0123456789abcdef01');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^quotabar: key not saved: [^\n]+\n$/);
    expect(m.server.requests).toHaveLength(1);
    expect(await m.secrets.get('openrouter:work')).toEqual({ ok: true, value: null });
    expect(JSON.parse((await m.run(['account', 'list', '--json'])).out)).toEqual({ accounts: [] });
  });

  it('tells how to replace a labelled account’s key that the provider refuses, in status', async () => {
    const m = await machine();
    expect((await m.run(['account', 'add', 'openrouter', '--label', 'work'], KEY.work)).code).toBe(0);
    await m.secrets.set('openrouter:work', 'sk-or-v1-revoked-since');
    const r = await m.run(['status', '--account', 'work']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('OpenRouter (work): ');
    expect(r.out).toContain('`quotabar account remove openrouter work`, then `quotabar account add openrouter --label work`.');
    expect(r.out).not.toContain('key set');
  });

  it('exit 1 when the key prompt is cancelled, storing nothing', async () => {
    const m = await machine();
    const r = await m.run(['account', 'add', 'openrouter', '--label', 'work'], null);
    expect(r).toMatchObject({ code: 1, err: 'quotabar: cancelled\n' });
    expect(JSON.parse((await m.run(['account', 'list', '--json'])).out)).toEqual({ accounts: [] });
  });

  it('exit 1 for a folder that does not exist', async () => {
    const m = await machine();
    const r = await m.run(['account', 'add', 'claude', '--label', 'work', '--config-dir', '/no/such/folder']);
    expect(r).toMatchObject({ code: 1, err: 'quotabar: account not added: no folder at /no/such/folder\n' });
  });

  it('exit 1 for --account that matches no enabled account', async () => {
    const m = await machine();
    const r = await m.run(['status', '--account', 'ghost']);
    expect(r).toMatchObject({ code: 1, err: "quotabar: no enabled account labelled 'ghost' (see: quotabar account list)\n" });
  });

  it('exit 1, leaving the file alone, when the settings file is not JSON', async () => {
    const m = await machine();
    mkdirSync(join(m.settingsFile, '..'), { recursive: true });
    writeFileSync(m.settingsFile, '{ not json');
    const r = await m.run(['account', 'add', 'codex', '--label', 'work', '--home', signIn('codex', 'work')]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`quotabar: the settings file ${m.settingsFile} could not be parsed; it was not changed\n`);
    expect(readFileSync(m.settingsFile, 'utf8')).toBe('{ not json');
  });
});
