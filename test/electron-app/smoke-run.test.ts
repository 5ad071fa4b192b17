import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary, ROOT, sandboxWorks, suiteTitle } from './support/binary';

// `electron . --smoke` on the built app (globalSetup built it): the same run as `npm run smoke`,
// so the suite's CI step covers it too. Its report must list every check as passed.
const binary = electronBinary();
let dir = '';

describe.skipIf(!binary.ok)(suiteTitle(binary), () => {
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'quotabar-smoke-run-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('passes the smoke run: every check ok, memory recorded, exit 0', async () => {
    if (!binary.ok) return;
    const report = join(dir, 'smoke-report.json');
    const env: NodeJS.ProcessEnv = { ...process.env, ...(process.platform === 'linux' ? { HOME: dir, XDG_CONFIG_HOME: join(dir, '.config') } : {}) };
    delete env.ELECTRON_RUN_AS_NODE;
    delete env.QUOTABAR_DEMO_ENDPOINTS;
    const args = ['.', '--smoke', `--smoke-report=${report}`, ...(sandboxWorks(binary.path) ? [] : ['--no-sandbox'])];
    const out: string[] = [];
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(binary.path, args, { cwd: ROOT, env });
      child.stdout.on('data', (d: Buffer) => out.push(d.toString()));
      child.stderr.on('data', (d: Buffer) => out.push(d.toString()));
      child.on('close', resolve);
    });
    const r = JSON.parse(await readFile(report, 'utf8')) as { ok: boolean; checks: Array<{ name: string; ok: boolean; detail: string }>; memory: { workingSetKB: number } | null };
    expect(r.checks.filter((c) => !c.ok), out.join('')).toEqual([]);
    expect(r.checks.length).toBeGreaterThanOrEqual(14);
    expect(r.memory?.workingSetKB).toBeGreaterThan(0);
    expect(code).toBe(0);
  }, 90_000);
});
