import { afterAll, afterEach, beforeAll, beforeEach, describe, it, expect, vi } from 'vitest';
import { PROVIDER_IDS } from '../../core/providers/registry';
vi.mock('electron', () => import('../support/electron-fake'));
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { app, resetElectronFake } from '../support/electron-fake';
import { runSmoke, smokeSteps } from '../../electron/smoke';
import { runSteps, smokeReportPath, summarizeMemory, type SmokeReport, type SmokeStep } from '../../app/smoke-report';

// What these tests show: the smoke run's bookkeeping (report, exit code, hard timeout) and that the
// built bundle takes the --smoke path. What they cannot show: any check passing in real Electron;
// the fake has no pages, so that part is only proven by `npm run smoke` on a machine with Electron.

let dir = '';
beforeEach(async () => {
  resetElectronFake();
  (app as unknown as { getAppMetrics(): unknown }).getAppMetrics = () => [
    { type: 'Browser', memory: { workingSetSize: 90_000, peakWorkingSetSize: 100_000 } },
    { type: 'Tab', memory: { workingSetSize: 60_000, peakWorkingSetSize: 70_000 } },
    { type: 'Tab', memory: { workingSetSize: 50_000, peakWorkingSetSize: 55_000 } },
  ];
  dir = await mkdtemp(join(tmpdir(), 'quotabar-smoke-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const step = (name: string, run: SmokeStep['run'], critical = false): SmokeStep => ({ name, run, critical });
const readReport = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as SmokeReport;

/** A hard timer the test fires by hand, so the timeout path needs no waiting. */
function manualTimer() {
  let fire: (() => void) | null = null;
  return { start: (f: () => void) => ((fire = f), () => (fire = null)), fire: () => fire?.() };
}

describe('the smoke run report', () => {
  it('goes to --smoke-report=<path> relative to the working directory, else smoke-report.json there', () => {
    const cwd = resolve('/work/app');
    expect(smokeReportPath(['electron', '.', '--smoke'], cwd)).toBe(join(cwd, 'smoke-report.json'));
    expect(smokeReportPath(['.', '--smoke', '--smoke-report=out/smoke.json'], cwd)).toBe(join(cwd, 'out', 'smoke.json'));
    expect(smokeReportPath([`--smoke-report=${join(dir, 'r.json')}`], cwd)).toBe(join(dir, 'r.json'));
  });

  it('adds up the memory of every process, per process type too', () => {
    expect(summarizeMemory([
      { type: 'Browser', memory: { workingSetSize: 100, peakWorkingSetSize: 150, privateBytes: 80 } },
      { type: 'Tab', memory: { workingSetSize: 40, peakWorkingSetSize: 50, privateBytes: 30 } },
    ])).toEqual({ processes: 2, workingSetKB: 140, peakWorkingSetKB: 200, privateKB: 110, byType: [{ type: 'Browser', workingSetKB: 100 }, { type: 'Tab', workingSetKB: 40 }] });
  });

  it('writes every check and the memory, and exits 0 when all passed', async () => {
    const exit = vi.fn();
    const code = await runSmoke({ argv: [], cwd: dir, exit, log: () => undefined, start: async () => null, steps: [step('tray icon created', async () => 'tray exists')] });
    expect(code).toBe(0);
    expect(exit).toHaveBeenCalledWith(0);
    const report = await readReport(join(dir, 'smoke-report.json'));
    expect(report).toMatchObject({ ok: true, hung: null, checks: [{ name: 'tray icon created', ok: true, detail: 'tray exists' }], memory: { processes: 3, workingSetKB: 200_000 } });
    expect(report.memory?.byType).toEqual([{ type: 'Browser', workingSetKB: 90_000 }, { type: 'Tab', workingSetKB: 110_000 }]);
  });

  it('stops at once when another instance holds the lock, says so in the report and exits 1', async () => {
    const path = join(dir, 'nested', 'report.json');
    const exit = vi.fn();
    const log: string[] = [];
    const code = await runSmoke({ argv: [`--smoke-report=${path}`], cwd: dir, exit, log: (l) => log.push(l), start: async () => null });
    // With the lock held by another instance the run stops at once: a real user-visible failure.
    expect(code).toBe(1);
    expect(exit).toHaveBeenCalledWith(1);
    const report = await readReport(path);
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toEqual({ name: 'app starts on demo data', ok: false, detail: 'another Quotabar instance holds the single-instance lock; quit it and run again' });
    expect(report.checks.slice(1).every((c) => !c.ok && c.detail === 'not run: "app starts on demo data" failed')).toBe(true);
    expect(report.checks.map((c) => c.name)).toEqual(smokeSteps(async () => null).map((s) => s.name));
    expect(report.memory).toMatchObject({ processes: 3, workingSetKB: 200_000, peakWorkingSetKB: 225_000, privateKB: null });
    expect(log.at(-1)).toBe(`smoke FAILED (${report.checks.length} of ${report.checks.length} checks); report in ${path}`);
  });

  it('passes only when every check passed', async () => {
    const passing = await runSteps([step('a', async () => 'fine'), step('b', async () => ({ ok: true, detail: 'also fine' }))], { timeoutMs: 1000 });
    expect(passing).toEqual({ hung: null, checks: [{ name: 'a', ok: true, detail: 'fine' }, { name: 'b', ok: true, detail: 'also fine' }] });

    const r = await runSteps(
      [step('a', async () => ({ ok: false, detail: 'window count 2 → 3' })), step('b', async () => { throw new Error('page gone'); }), step('c', async () => 'ran')],
      { timeoutMs: 1000 },
    );
    // A failed check does not stop the others: the report shows everything that is wrong at once.
    expect(r.checks).toEqual([
      { name: 'a', ok: false, detail: 'window count 2 → 3' },
      { name: 'b', ok: false, detail: 'page gone' },
      { name: 'c', ok: true, detail: 'ran' },
    ]);
  });

  it('on the hard timeout names the step that hung, marks the rest not run and exits 1', async () => {
    const timer = manualTimer();
    const later = vi.fn(async () => 'never');
    let entered = () => undefined as void;
    const inside = new Promise<void>((r) => (entered = r));
    const exit = vi.fn();
    const running = runSmoke({
      argv: [],
      cwd: dir,
      exit,
      log: () => undefined,
      start: async () => null,
      startTimer: timer.start,
      steps: [
        step('tray icon created', async () => 'ok'),
        step('popover page loads from app://', () => (entered(), new Promise<string>(() => undefined))),
        step('after', later),
      ],
    });
    await inside;
    timer.fire();
    expect(await running).toBe(1);
    expect(exit).toHaveBeenCalledWith(1);
    const r = await readReport(join(dir, 'smoke-report.json'));
    expect(r.hung).toBe('popover page loads from app://');
    expect(r.checks).toEqual([
      { name: 'tray icon created', ok: true, detail: 'ok' },
      { name: 'popover page loads from app://', ok: false, detail: 'hung: no answer within 60 s (hard timeout)' },
      { name: 'after', ok: false, detail: 'not run: "popover page loads from app://" hung' },
    ]);
    expect(later).not.toHaveBeenCalled();
  });
});

// The shipped bundle with the fake standing in for Electron: `--smoke` starts the app on demo
// data, gets as far as the fake allows (it cannot load a page), writes the report and exits 1.
const root = fileURLToPath(new URL('../../', import.meta.url));
let bundleDir = '';
beforeAll(async () => {
  bundleDir = await mkdtemp(join(tmpdir(), 'quotabar-smoke-bundle-'));
  const { buildElectron } = (await import(join(root, 'scripts', 'build-electron.mjs'))) as {
    buildElectron(o: { outdir: string }): Promise<{ main: string }>;
  };
  await buildElectron({ outdir: join(bundleDir, 'dist-electron') });
  await build({ entryPoints: [join(root, 'test', 'support', 'electron-fake.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: join(bundleDir, 'electron-fake.cjs'), logLevel: 'warning' });
  await writeFile(
    join(bundleDir, 'drive.cjs'),
    `const Module = require('node:module');
const fake = require('./electron-fake.cjs');
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'electron' ? fake : load.call(this, request, ...rest); };
fake.screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1 }];
fake.app.getAppMetrics = () => [{ type: 'Browser', memory: { workingSetSize: 1000, peakWorkingSetSize: 1200 } }];
fake.app.exit = (code) => process.exit(code);
`,
  );
}, 60_000);
afterAll(() => rm(bundleDir, { recursive: true, force: true }));

describe('the built bundle with --smoke', () => {
  it('runs the checks on demo data, writes the report where asked and exits 1 when a check fails', async () => {
    const report = join(bundleDir, 'out', 'smoke.json');
    const main = join(bundleDir, 'dist-electron', 'main.cjs');
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(process.execPath, ['-r', join(bundleDir, 'drive.cjs'), main, '--smoke', '--smoke-report=out/smoke.json'], {
        cwd: bundleDir,
        env: { PATH: process.env.PATH ?? '', HOME: join(bundleDir, 'home'), NODE_PATH: join(root, 'node_modules') },
        timeout: 30_000,
      }, (err, stdout) => resolve({ code: err ? (err as { code?: number }).code ?? null : 0, stdout }));
    });
    expect(result.code).toBe(1);
    const r = await readReport(report);
    const byName = Object.fromEntries(r.checks.map((c) => [c.name, c]));
    expect(byName['app starts on demo data']).toMatchObject({ ok: true });
    expect(byName['tray icon created']).toMatchObject({ ok: true });
    expect(byName['demo providers polled']).toEqual({ name: 'demo providers polled', ok: true, detail: PROVIDER_IDS.map((id) => `${id}: ok`).join(', ') });
    // The fake's windows never load a page: the run says so and stops, rather than passing.
    expect(byName['popover page loads from app://']?.ok).toBe(false);
    expect(byName['CSP header reached the popover page']).toMatchObject({ ok: false, detail: 'not run: "popover page loads from app://" failed' });
    expect(r).toMatchObject({ ok: false, hung: null, memory: { processes: 1, workingSetKB: 1000 } });
    expect(result.stdout).toContain(`report in ${report}`);
  }, 60_000);
});
