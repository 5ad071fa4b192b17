// Anthropic's terms (PROVIDERS-2 §7e): with the OAuth opt-in off (the default), Claude makes no request
// and never reads Claude Code's sign-in. Proved on a real loopback server that counts requests and a
// real credentials file whose every read is seen; the same run with QUOTABAR_CLAUDE_OAUTH=1 shows the
// test can see both.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { NodeFileSource } from '../../adapters/node-file-source';
import { main, type CliIo } from '../../cli/main';
import type { FileSource } from '../../core/ports';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';

const FIX = join(__dirname, '..', 'fixtures');
let servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** A FileSource that notes every path it is asked about, whatever the call. */
function watchedFiles(): { files: FileSource; touched: string[] } {
  const real = new NodeFileSource();
  const touched: string[] = [];
  const files: FileSource = {
    join: (...p) => real.join(...p),
    readText: (p) => (touched.push(p), real.readText(p)),
    list: (p) => (touched.push(p), real.list(p)),
    stat: (p) => (touched.push(p), real.stat(p)),
    readRange: (p, s, e) => (touched.push(p), real.readRange(p, s, e)),
  };
  return { files, touched };
}

async function claudeStatus(extra: Record<string, string>, reading: string | null = null) {
  const server = await startLoopbackServer(() => ({ body: JSON.parse(readFileSync(join(FIX, 'claude', 'usage-max-plan.json'), 'utf8')) }));
  servers.push(server);
  const home = mkdtempSync(join(tmpdir(), 'quotabar-oauth-off-'));
  const claudeDir = join(home, '.claude');
  mkdirSync(claudeDir);
  const credentials = join(claudeDir, '.credentials.json');
  writeFileSync(credentials, readFileSync(join(FIX, 'claude', 'credentials-max.json'), 'utf8').replace('1790001234567', '4102444800000'));
  const env = { HOME: home, CLAUDE_CONFIG_DIR: claudeDir, QUOTABAR_CLAUDE_URL: server.url, QUOTABAR_DATA_DIR: join(home, 'data'), ...extra };
  const { files, touched } = watchedFiles();
  let out = '';
  const io: CliIo = {
    stdout: (s) => void (out += s),
    stderr: () => undefined,
    readStdin: async () => '',
    readAllStdin: async () => reading ?? '',
    env,
    homedir: home,
    platform: 'linux',
    deps: { secrets: new MemorySecretStore(), files },
  };
  if (reading !== null) expect(await main(['statusline'], io)).toBe(0);
  out = '';
  const code = await main(['status', '--json', '--provider', 'claude'], io);
  const claude = (JSON.parse(out) as { providers: Array<{ status: string; source: string | null; windows: Array<{ id: string; usedPercent: number }> }> }).providers[0]!;
  return { code, claude, requests: server.requests.length, credentialsRead: touched.some((p) => p.startsWith(claudeDir)) };
}

describe('Claude with the OAuth opt-in off', () => {
  it('makes no request and reads no token; with no status-line reading it is simply not set up', async () => {
    const r = await claudeStatus({});
    expect(r.requests).toBe(0);
    expect(r.credentialsRead).toBe(false);
    expect(r.claude.status).toBe('unconfigured');
  });

  it('shows the status line’s reading, still without a request or a token read', async () => {
    const reading = JSON.stringify({
      model: { display_name: 'Sonnet 4.5' },
      rate_limits: { five_hour: { used_percentage: 61, resets_at: Math.floor(Date.now() / 1000) + 3600 } },
    });
    const r = await claudeStatus({ QUOTABAR_CLAUDE_OAUTH: '0' }, reading);
    expect(r.requests).toBe(0);
    expect(r.credentialsRead).toBe(false);
    expect(r.claude.source).toBe('claude:statusline');
    expect(r.claude.windows.map((w) => [w.id, w.usedPercent])).toEqual([['session', 61]]);
  });

  it('(control) with QUOTABAR_CLAUDE_OAUTH=1 the same test sees the request and the read', async () => {
    const r = await claudeStatus({ QUOTABAR_CLAUDE_OAUTH: '1' });
    expect(r.requests).toBe(1);
    expect(r.credentialsRead).toBe(true);
    expect(r.claude.source).toBe('claude:oauth/usage');
  });
});
