// `quotabar key set|remove <provider>` for every provider whose key Quotabar stores, checked against
// the demo server: a provider added to the registry is covered here without a new test.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { main, type CliIo } from '../../cli/main';
import { infoText } from '../../cli/help';
import { KEY_PROVIDERS } from '../../core/providers/registry';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { demoEnv, demoKeys } from '../../demo/env';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(async () => {
  await demo?.close();
});

function io(secrets: MemorySecretStore, stdin: string | null, homedir = mkdtempSync(join(tmpdir(), 'quotabar-cli-keys-'))): CliIo & { out: string; err: string; prompts: string[] } {
  const o = {
    out: '',
    err: '',
    prompts: [] as string[],
    stdout: (s: string) => void (o.out += s),
    stderr: (s: string) => void (o.err += s),
    readStdin: async (prompt: string) => (o.prompts.push(prompt), stdin),
    env: demoEnv({}, demo) as Record<string, string>,
    homedir,
    platform: 'linux',
    deps: { secrets },
  };
  return o;
}

describe.each(KEY_PROVIDERS.map((p) => [p.displayName, p] as const))('quotabar key set|remove for %s', (name, p) => {
  const account = p.credentials.keychainAccount!;

  it('is listed in --help', () => {
    expect(infoText('help')).toContain(`quotabar key set ${p.cli.name} `);
    expect(infoText('help')).toContain(`quotabar key remove ${p.cli.name} `);
  });

  it('stores a key its server accepts under its own keychain account, prompting with its name', async () => {
    const key = demoKeys(demo)[p.id];
    expect(key, `the demo server has no ${name} key`).toBeDefined();
    const secrets = new MemorySecretStore();
    const o = io(secrets, `${key}\n`);
    expect(await main(['key', 'set', p.cli.name], o)).toBe(0);
    expect(o.prompts).toEqual([`Paste your ${name} key (it will not be shown) and press Enter: `]);
    expect(o.out).toMatch(new RegExp(`^Saved ${name} key \\S+ in the system keychain\\.\\n$`));
    expect(o.out).not.toContain(key!);
    expect(await secrets.get(account)).toEqual({ ok: true, value: key });
    // No other provider's entry was touched.
    for (const other of KEY_PROVIDERS.filter((x) => x !== p)) expect(await secrets.get(other.credentials.keychainAccount!)).toEqual({ ok: true, value: null });
  });

  it('adds a labelled account with its key read from stdin, kept as keychain entry <account>:<label>', async () => {
    const key = demoKeys(demo)[p.id]!;
    const secrets = new MemorySecretStore();
    const o = io(secrets, `${key}\n`);
    expect(await main(['account', 'add', p.cli.name, '--label', 'work'], o)).toBe(0);
    expect(o.out).toContain(`keychain as '${account}:work'`);
    expect(await secrets.get(`${account}:work`)).toEqual({ ok: true, value: key });
    expect(await secrets.get(account)).toEqual({ ok: true, value: null });
    const list = io(secrets, null, o.homedir);
    expect(await main(['account', 'list', '--json'], list)).toBe(0);
    expect(JSON.parse(list.out).accounts).toEqual([{ providerId: p.id, label: 'work', enabled: true, dir: null, keychainEntry: `${account}:work` }]);
    const removed = io(secrets, null, o.homedir);
    expect(await main(['account', 'remove', p.cli.name, 'work'], removed)).toBe(0);
    expect(await secrets.get(`${account}:work`)).toEqual({ ok: true, value: null });
  });

  it('removes only its own stored key', async () => {
    const secrets = new MemorySecretStore({ initial: Object.fromEntries(KEY_PROVIDERS.map((x) => [x.credentials.keychainAccount!, `${x.id}-stored`])) });
    const o = io(secrets, null);
    expect(await main(['key', 'remove', p.cli.name], o)).toBe(0);
    expect(o.out).toBe(`Removed the stored ${name} key.\n`);
    expect(await secrets.get(account)).toEqual({ ok: true, value: null });
    for (const other of KEY_PROVIDERS.filter((x) => x !== p)) expect(await secrets.get(other.credentials.keychainAccount!)).toEqual({ ok: true, value: `${other.id}-stored` });
  });
});
