// The smoke run's bookkeeping, apart from Electron: named steps run in order under one hard
// timeout, each recorded as {name, ok, detail}, and the JSON report they end in. Tested with the fake.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface SmokeCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** Memory of every process of the app (app.getAppMetrics()), in kilobytes as Electron reports it. */
export interface SmokeMemory {
  processes: number;
  workingSetKB: number;
  peakWorkingSetKB: number;
  /** Windows only (Electron reports privateBytes nowhere else); null elsewhere. */
  privateKB: number | null;
  byType: Array<{ type: string; workingSetKB: number }>;
}

export interface SmokeReport {
  ok: boolean;
  /** The step that never finished before the hard timeout, or null. */
  hung: string | null;
  electron: string | null;
  platform: string;
  durationMs: number;
  checks: SmokeCheck[];
  memory: SmokeMemory | null;
}

/** One step: resolves to the detail to report, or throws (or returns ok: false) to fail. */
export interface SmokeStep {
  name: string;
  run(): Promise<string | { ok: boolean; detail: string }>;
  /** When this step fails, the steps after it cannot mean anything: they are reported as not run. */
  critical?: boolean;
}

export interface RunStepsOptions {
  timeoutMs: number;
  /** Starts the hard timer; returns its cancel. Tests pass a timer they fire themselves. */
  startTimer?: (fire: () => void, ms: number) => () => void;
}

const realTimer = (fire: () => void, ms: number) => {
  const t = setTimeout(fire, ms);
  return () => clearTimeout(t);
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs `steps` in order; on the hard timeout the running step is failed as hung and the rest as not run. */
export async function runSteps(steps: SmokeStep[], opts: RunStepsOptions): Promise<{ checks: SmokeCheck[]; hung: string | null }> {
  const checks: SmokeCheck[] = [];
  let current: string | null = null;
  let timedOut = false;
  let cancel = () => undefined as void;
  const hang = new Promise<'timeout'>((resolveHang) => {
    cancel = (opts.startTimer ?? realTimer)(() => resolveHang('timeout'), opts.timeoutMs);
  });
  const sequence = (async () => {
    for (const [i, step] of steps.entries()) {
      if (timedOut) return;
      current = step.name;
      let check: SmokeCheck;
      try {
        const r = await step.run();
        check = typeof r === 'string' ? { name: step.name, ok: true, detail: r } : { name: step.name, ...r };
      } catch (e) {
        check = { name: step.name, ok: false, detail: message(e) };
      }
      if (timedOut) return;
      checks.push(check);
      if (!check.ok && step.critical) {
        for (const rest of steps.slice(i + 1)) checks.push(notRun(rest, `"${step.name}" failed`));
        break;
      }
    }
    current = null;
  })();
  const outcome = await Promise.race([sequence.then(() => 'done' as const), hang]);
  cancel();
  if (outcome === 'done') return { checks, hung: null };
  timedOut = true;
  const hung = current ?? '(between steps)';
  checks.push({ name: hung, ok: false, detail: `hung: no answer within ${Math.round(opts.timeoutMs / 1000)} s (hard timeout)` });
  const done = new Set(checks.map((c) => c.name));
  for (const rest of steps) if (!done.has(rest.name)) checks.push(notRun(rest, `"${hung}" hung`));
  return { checks, hung };
}

function notRun(step: SmokeStep, why: string): SmokeCheck {
  return { name: step.name, ok: false, detail: `not run: ${why}` };
}

/** Where the report goes: `--smoke-report=<path>` (relative to `cwd`), else smoke-report.json in `cwd`. */
export function smokeReportPath(argv: readonly string[], cwd: string): string {
  const flag = argv.find((a) => a.startsWith('--smoke-report='));
  const given = flag?.slice('--smoke-report='.length).trim();
  return resolve(cwd, given ? given : 'smoke-report.json');
}

/** What `app.getAppMetrics()` returns, reduced to the fields the report adds up. */
export interface ProcessMetricLike {
  type: string;
  memory: { workingSetSize: number; peakWorkingSetSize: number; privateBytes?: number };
}

export function summarizeMemory(metrics: readonly ProcessMetricLike[]): SmokeMemory {
  const sum = (f: (m: ProcessMetricLike) => number) => metrics.reduce((n, m) => n + f(m), 0);
  const types = new Map<string, number>();
  for (const m of metrics) types.set(m.type, (types.get(m.type) ?? 0) + m.memory.workingSetSize);
  const hasPrivate = metrics.some((m) => typeof m.memory.privateBytes === 'number');
  return {
    processes: metrics.length,
    workingSetKB: sum((m) => m.memory.workingSetSize),
    peakWorkingSetKB: sum((m) => m.memory.peakWorkingSetSize),
    privateKB: hasPrivate ? sum((m) => m.memory.privateBytes ?? 0) : null,
    byType: [...types].map(([type, workingSetKB]) => ({ type, workingSetKB })),
  };
}

/** Writes the report (creating its folder) and returns the exit code: 0 only when every check passed. */
export function writeSmokeReport(path: string, report: Omit<SmokeReport, 'ok'>): { code: 0 | 1; report: SmokeReport } {
  const ok = report.hung === null && report.checks.length > 0 && report.checks.every((c) => c.ok);
  const full: SmokeReport = { ok, ...report };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(full, null, 2)}\n`);
  return { code: ok ? 0 : 1, report: full };
}

/** The lines printed to the terminal: one per check, then the verdict. */
export function reportLines(report: SmokeReport, path: string): string[] {
  const lines = report.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
  if (report.memory) lines.push(`memory: ${report.memory.processes} processes, ${Math.round(report.memory.workingSetKB / 1024)} MB working set`);
  const failed = report.checks.filter((c) => !c.ok).length;
  lines.push(report.ok ? `smoke passed; report in ${path}` : `smoke FAILED (${failed} of ${report.checks.length} checks); report in ${path}`);
  return lines;
}
