// `quotabar key set openrouter` as a user meets it: wrong-shaped keys refused before any request,
// words that name CLI commands (not a Settings window), and a prompt that cancels quietly.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { main, type CliIo } from '../../cli/main';
import { KEY_PROVIDERS, listText } from '../../core/providers/registry';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';

const root = join(__dirname, '..', '..');
const tempDir = () => mkdtempSync(join(tmpdir(), 'quotabar-cli-key-'));

let servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function server(status = 401): Promise<LoopbackServer> {
  const s = await startLoopbackServer(() => ({ status, body: { error: { code: status, message: 'No auth credentials found' } } }));
  servers.push(s);
  return s;
}

function io(env: Record<string, string>, stdin: string | null): CliIo & { out: string; err: string } {
  const o = {
    out: '',
    err: '',
    stdout: (s: string) => void (o.out += s),
    stderr: (s: string) => void (o.err += s),
    readStdin: async () => stdin,
    env,
    homedir: tempDir(),
    platform: 'linux',
    deps: { secrets: new MemorySecretStore() },
  };
  return o;
}

/** Runs bin/quotabar.mjs; `drive` gets the child once it is running and may write to it. */
function spawnCli(args: string[], env: Record<string, string>, drive: (child: ReturnType<typeof spawn>, output: () => string) => void) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(args[0]!, args.slice(1), { cwd: root, env: { ...process.env, HOME: tempDir(), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    drive(child, () => stdout + stderr);
  });
}

describe('quotabar key set openrouter: the key format', () => {
  for (const [what, key] of [
    ['an Anthropic key', 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789'],
    ['a plain word', 'bad'],
  ] as const) {
    it(`refuses ${what} with one line and exit 1, sending nothing to OpenRouter`, async () => {
      const s = await server(200);
      const o = io({ QUOTABAR_OPENROUTER_URL: s.url }, `${key}\n`);
      expect(await main(['key', 'set', 'openrouter'], o)).toBe(1);
      expect(s.requests).toHaveLength(0);
      expect(o.err).toBe('quotabar: key not saved: OpenRouter keys start with "sk-or-".\n');
      expect(await o.deps!.secrets!.get('openrouter')).toEqual({ ok: true, value: null });
    });
  }

  it('refuses a wrong-shaped key piped to the real command before any request', async () => {
    const s = await server(200);
    const r = await spawnCli(['node', 'bin/quotabar.mjs', 'key', 'set', 'openrouter'], { QUOTABAR_OPENROUTER_URL: s.url }, (child) =>
      child.stdin!.end('sk-ant-api03-canary-not-openrouter\n'),
    );
    expect(r.code).toBe(1);
    expect(s.requests).toHaveLength(0);
    expect(r.stderr.trim().split('\n')).toEqual(['quotabar: key not saved: OpenRouter keys start with "sk-or-".']);
    expect(r.stdout + r.stderr).not.toContain('canary');
  });
});

describe('quotabar key set openrouter: words for a terminal', () => {
  it('says what to run when OpenRouter rejects the key, not to look in Settings', async () => {
    const s = await server(401);
    const o = io({ QUOTABAR_OPENROUTER_URL: s.url }, 'sk-or-v1-rejected-key\n');
    expect(await main(['key', 'set', 'openrouter'], o)).toBe(1);
    expect(s.requests).toHaveLength(1);
    expect(o.err.trim().split('\n')).toHaveLength(1);
    expect(o.err).toContain('`quotabar key set openrouter`');
    expect(o.err).not.toContain('Settings');
  });

  it('never promises a retry for a one-off check that nothing retries', async () => {
    const s = await server(503);
    const o = io({ QUOTABAR_OPENROUTER_URL: s.url }, 'sk-or-v1-some-key\n');
    expect(await main(['key', 'set', 'openrouter'], o)).toBe(1);
    expect(o.err).toContain('HTTP 503');
    expect(o.err).toContain('Try again in a moment.');
    expect(o.err).not.toContain('will retry');
  });

  it('prints the quotabar: prefix once on a usage error', async () => {
    const o = io({}, null);
    expect(await main(['key', 'set', 'gemini'], o)).toBe(2);
    expect(o.err).toBe(`quotabar: key set: only ${listText(KEY_PROVIDERS.map((p) => `'${p.cli.name}'`))} keys are stored by Quotabar\n`);
    const extra = io({}, null);
    expect(await main(['key', 'remove', 'openrouter', 'now'], extra)).toBe(2);
    expect(extra.err).toBe("quotabar: key remove: unexpected argument 'now'\n");
  });

  it('names every key provider when the provider is left out', async () => {
    for (const action of ['set', 'remove']) {
      const o = io({}, null);
      expect(await main(['key', action], o)).toBe(2);
      const names = KEY_PROVIDERS.map((p) => `'${p.cli.name}'`);
      expect(o.err).toBe(`quotabar: key ${action}: name the provider, one of ${listText(names)} (quotabar key ${action} <provider>)\n`);
      for (const p of KEY_PROVIDERS) expect(o.err).toContain(`'${p.cli.name}'`);
    }
  });
});

describe('quotabar key set openrouter: cancelling', () => {
  it('cancels quietly on an empty answer or on Ctrl+C (null), exit 1, one line', async () => {
    for (const answer of ['\n', '', null]) {
      const s = await server(200);
      const o = io({ QUOTABAR_OPENROUTER_URL: s.url }, answer);
      expect(await main(['key', 'set', 'openrouter'], o)).toBe(1);
      expect(o.err).toBe('quotabar: cancelled\n');
      expect(o.out).toBe('');
      expect(s.requests).toHaveLength(0);
    }
  });

  it('cancels on empty piped input from the real command', async () => {
    const r = await spawnCli(['node', 'bin/quotabar.mjs', 'key', 'set', 'openrouter'], {}, (child) => child.stdin!.end(''));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('quotabar: cancelled\n');
  });

  // `script` runs the command in a pseudo-terminal: the prompt and its raw-mode Ctrl+C are the real ones.
  for (const [what, keys] of [
    ['Enter on an empty prompt', '\r'],
    ['Ctrl+C at the prompt', '\x03'],
  ] as const) {
    it(`cancels at a terminal on ${what}`, async () => {
      const s = await server(200);
      let sent = false;
      const r = await spawnCli(
        ['script', '-qec', 'node bin/quotabar.mjs key set openrouter', '/dev/null'],
        { QUOTABAR_OPENROUTER_URL: s.url },
        (child, output) => {
          child.stdout!.on('data', () => {
            if (!sent && output().includes('and press Enter:')) {
              sent = true;
              child.stdin!.write(keys);
            }
          });
        },
      );
      expect(sent).toBe(true);
      expect(r.stdout).toContain('quotabar: cancelled');
      expect(r.stdout).not.toMatch(/usage|no key on standard input/);
      expect(r.code).toBe(1);
      expect(s.requests).toHaveLength(0);
    });
  }
});
