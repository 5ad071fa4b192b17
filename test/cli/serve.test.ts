// `quotabar serve` as a user runs it: one line with the URL, the contract's answers from the same
// poller as the app, never the key; a taken port is one line and exit 1; SIGTERM stops it with 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { LimitsEnvelope } from '../../app/local-api/schema';
import { parseArgs } from '../../cli/args';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';

const root = join(__dirname, '..', '..');
const KEY = 'sk-or-v1-canary-serve-0123456789abcdef';
const CAPPED_KEY = {
  data: { label: 'sk-or-v1-7c2…e41', limit: 20, limit_remaining: 12.37, limit_reset: 'weekly', usage: 41.02, usage_weekly: 7.63 },
};

let children: ChildProcess[] = [];
let servers: LoopbackServer[] = [];
let blockers: Server[] = [];
afterEach(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await Promise.all(servers.map((s) => s.close()));
  await Promise.all(blockers.map((b) => new Promise((r) => b.close(r))));
  children = [];
  servers = [];
  blockers = [];
});

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'quotabar-serve-'));
  return {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    QUOTABAR_DATA_DIR: join(home, 'data'),
    CODEX_HOME: join(home, 'none'),
    CLAUDE_CONFIG_DIR: join(home, 'none'),
    ...extra,
  };
}

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
}

function serve(args: string[], e: NodeJS.ProcessEnv): Run {
  const child = spawn('node', ['bin/quotabar.mjs', 'serve', ...args], { cwd: root, env: e });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, out: () => out, err: () => err, exit };
}

async function firstLine(r: Run): Promise<string> {
  while (!r.out().includes('\n')) {
    if (r.child.exitCode !== null) throw new Error(`serve exited: ${r.err()}`);
    await new Promise((res) => r.child.stdout!.once('data', res));
  }
  return r.out().split('\n')[0]!;
}

describe('quotabar serve', () => {
  it('serves the contract from the same poller, with the key nowhere in what it answers or prints', async () => {
    const provider = await startLoopbackServer(() => ({ body: CAPPED_KEY }));
    servers.push(provider);
    const r = serve(['--port', '0'], env({ OPENROUTER_API_KEY: KEY, QUOTABAR_OPENROUTER_URL: `${provider.url}/api/v1` }));
    const line = await firstLine(r);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/v1\/limits)/.exec(line)?.[1];
    expect(url).toBeDefined();
    // The first poll is under way when the line is printed; wait for its figures.
    let body: v.InferOutput<typeof LimitsEnvelope> | null = null;
    while (!body?.providers.openrouter) {
      const res = await fetch(`${url}/openrouter`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).not.toContain('canary');
      const parsed = v.safeParse(LimitsEnvelope, JSON.parse(text));
      expect(parsed.issues ?? []).toEqual([]);
      body = parsed.output as v.InferOutput<typeof LimitsEnvelope>;
      if (!body.providers.openrouter) await new Promise((res2) => setTimeout(res2, 50));
    }
    expect(body.providers.openrouter!.resources.keyLimit).toMatchObject({ kind: 'consumption', unit: 'usd', limit: 20, remaining: 12.37 });
    expect((await fetch(url!, { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
    expect(r.out() + r.err()).not.toContain('canary');
  });

  it('exits 1 with one line when the port is taken', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    const port = await new Promise<number>((res) => blocker.listen(0, '127.0.0.1', () => res((blocker.address() as { port: number }).port)));
    const r = serve(['--port', String(port)], env({}));
    expect(await r.exit).toBe(1);
    expect(r.err()).toBe(`quotabar: port ${port} is in use by another program.\n`);
    expect(r.out()).toBe('');
  });

  it('reads --port and --allow-origin, and refuses what they cannot be', () => {
    expect(parseArgs(['serve'])).toEqual({ ok: true, command: { cmd: 'serve', port: 6736, allowOrigin: null } });
    expect(parseArgs(['serve', '--port=7000', '--allow-origin', 'HTTP://LocalHost:3000/'])).toEqual({
      ok: true,
      command: { cmd: 'serve', port: 7000, allowOrigin: 'http://localhost:3000' },
    });
    for (const bad of [['--port', '70000'], ['--port', 'x'], ['--allow-origin', '*'], ['--allow-origin', 'http://a.example/path'], ['--host', '0.0.0.0']]) {
      expect(parseArgs(['serve', ...bad]).ok, bad.join(' ')).toBe(false);
    }
  });
});
