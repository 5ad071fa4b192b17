// `quotabar status --provider gemini` against the loopback demo server (QUOTABAR_GEMINI_URL), with
// Gemini CLI's sign-in found through GEMINI_CLI_HOME: the quota buckets, an expired sign-in (no
// request) and an ineligible account, as a user reads them.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { main, type CliIo } from '../../cli/main';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { fixture } from '../core/providers/load-fixture';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(async () => {
  await demo?.close();
});

const tempDir = () => mkdtempSync(join(tmpdir(), 'quotabar-cli-gemini-'));

function io(env: Record<string, string>): CliIo & { out: string; err: string } {
  const o = {
    out: '',
    err: '',
    stdout: (s: string) => void (o.out += s),
    stderr: (s: string) => void (o.err += s),
    readStdin: async () => '',
    env,
    homedir: tempDir(),
    platform: 'linux',
    deps: { secrets: new MemorySecretStore() },
  };
  return o;
}

describe('quotabar status --provider gemini', () => {
  it('prints each model’s bucket as used % with its reset, the tier as the plan and the Google account (as a subprocess)', async () => {
    const before = demo.requests.length;
    const { stdout, stderr } = await run('node', ['bin/quotabar.mjs', 'status', '--provider', 'gemini', '--json'], {
      cwd: root,
      env: { ...process.env, HOME: tempDir(), GEMINI_CLI_HOME: demo.geminiHome, QUOTABAR_GEMINI_URL: demo.urls.gemini },
    });
    const out = JSON.parse(stdout);
    expect(out.providers).toHaveLength(1);
    const g = out.providers[0];
    expect(g).toMatchObject({ providerId: 'gemini', status: 'ok', source: 'gemini:retrieveUserQuota', account: { label: 'demo@quotabar.dev', plan: 'Gemini Code Assist Standard' } });
    expect(g.windows.map((w: { id: string; usedPercent: number; kind: string }) => [w.id, w.usedPercent, w.kind])).toEqual([
      ['gemini-2.5-pro', 38, 'daily'],
      ['gemini-2.5-flash', 9, 'daily'],
      ['gemini-2.5-flash-lite', 3, 'daily'],
    ]);
    expect(g.windows[0].resetsAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(demo.requests.slice(before).map((r) => [r.method, r.path])).toEqual([
      ['POST', '/gemini/v1internal:loadCodeAssist'],
      ['POST', '/gemini/v1internal:retrieveUserQuota'],
    ]);
    expect(stdout + stderr).not.toContain('ya29');
  });

  it('says to run gemini, and sends nothing, when the sign-in has expired', async () => {
    const home = tempDir();
    mkdirSync(join(home, '.gemini'));
    writeFileSync(join(home, '.gemini', 'oauth_creds.json'), JSON.stringify({ access_token: 'ya29.expired', expiry_date: Date.now() - 60_000 }));
    const before = demo.requests.length;
    const o = io({ GEMINI_CLI_HOME: home, QUOTABAR_GEMINI_URL: demo.urls.gemini });
    expect(await main(['status', '--provider', 'gemini'], o)).toBe(0);
    expect(o.out).toContain('Gemini: The sign-in has expired. Run `gemini` in a terminal so it renews its sign-in, then run this again.');
    expect(demo.requests.length).toBe(before);
  });

  it('says a retired or ineligible sign-in is not served, with what works instead', async () => {
    demo.script('/gemini/v1internal:loadCodeAssist', { status: 200, body: fixture('gemini', 'load-code-assist-ineligible') });
    try {
      const o = io({ GEMINI_CLI_HOME: demo.geminiHome, QUOTABAR_GEMINI_URL: demo.urls.gemini });
      expect(await main(['status', '--provider', 'gemini', '--json'], o)).toBe(0);
      expect(JSON.parse(o.out).providers[0]).toMatchObject({ status: 'error', error: { kind: 'forbidden', reason: 'ineligible' } });
      const table = io({ GEMINI_CLI_HOME: demo.geminiHome, QUOTABAR_GEMINI_URL: demo.urls.gemini });
      await main(['status', '--provider', 'gemini'], table);
      expect(table.out).toContain('stopped accepting on 2026-06-18');
      expect(table.out).toContain('Gemini Code Assist Standard or Enterprise account');
    } finally {
      demo.script('/gemini/v1internal:loadCodeAssist', 'demo');
    }
  });
});
