// `npm run bench`: runs every bench/*.bench.ts in its own process (node --expose-gc --import tsx),
// collects the `RESULT {json}` line each prints last, writes bench/results.json and prints a summary.
// A bench that crashes or prints no RESULT is recorded as failed with the tail of its stderr; the
// others still run. Figures come from RESULT's `figures` array (see bench/figures.ts); a bench
// without one has its numeric fields listed as figures without a target.
// Run: npm run bench [-- name-filter …]   e.g. `npm run bench -- parallel memory`
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from './figures';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS) > 0 ? Number(process.env.BENCH_TIMEOUT_MS) : 15 * 60_000;
const TAIL_LINES = 15;

interface BenchRun {
  bench: string;
  ok: boolean;
  seconds: number;
  /** Why it failed: exit status and the tail of stderr; null when it ran. */
  error: string | null;
  figures: Figure[];
}

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runFile(file: string, name: string): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
      // Show progress as it happens, minus the machine-readable line.
      for (const line of b.toString().split('\n')) if (line && !line.startsWith('RESULT ')) console.log(`  [${name}] ${line}`);
    });
    child.stderr.on('data', (b: Buffer) => void (stderr += b.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Numeric fields of a RESULT without `figures`, as figures with no target (units guessed from names). */
function flatten(v: unknown, path: string, out: Figure[]): Figure[] {
  if (typeof v === 'number' && Number.isFinite(v)) {
    const unit = /ms$/i.test(path) ? 'ms' : /bytes/i.test(path) ? 'bytes' : /MB$/.test(path) ? 'MB' : '';
    out.push({ figure: path, value: v, unit, target: null, met: null });
  } else if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) flatten(x, path ? `${path}.${k}` : k, out);
  }
  return out;
}

function isFigure(f: unknown): f is Figure {
  const o = f as Partial<Figure> | null;
  return !!o && typeof o.figure === 'string' && typeof o.value === 'number' && typeof o.unit === 'string';
}

function figuresOf(stdout: string): Figure[] | null {
  const line = stdout.split('\n').reverse().find((l) => l.startsWith('RESULT '));
  if (!line) return null;
  try {
    const result = JSON.parse(line.slice('RESULT '.length)) as { figures?: unknown };
    if (Array.isArray(result.figures)) {
      return result.figures.filter(isFigure).map((f) => ({ ...f, target: f.target ?? null, met: typeof f.met === 'boolean' ? f.met : null }));
    }
    return flatten(result, '', []);
  } catch {
    return null;
  }
}

async function runBench(file: string): Promise<BenchRun> {
  const bench = file.replace(/\.bench\.ts$/, '');
  console.log(`== ${bench}`);
  const t0 = performance.now();
  const exit = await runFile(join(here, file), bench);
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  const figures = figuresOf(exit.stdout);
  if (exit.code === 0 && figures) return { bench, ok: true, seconds, error: null, figures };
  const tail = exit.stderr.trim().split('\n').slice(-TAIL_LINES).join('\n');
  const why = exit.code === null ? `killed after ${TIMEOUT_MS / 1000} s` : exit.code !== 0 ? `exit ${exit.code}` : 'no RESULT line';
  console.log(`  [${bench}] FAILED (${why})${tail ? `\n${tail.replace(/^/gm, `  [${bench}] `)}` : ''}`);
  return { bench, ok: false, seconds, error: `${why}${tail ? `: ${tail}` : ''}`, figures: figures ?? [] };
}

function table(runs: BenchRun[]): string {
  const rows: string[][] = [['BENCH', 'FIGURE', 'VALUE', 'TARGET', 'MET']];
  for (const r of runs) {
    if (!r.ok) rows.push([r.bench, 'FAILED', '—', '—', 'no']);
    for (const f of r.figures) {
      rows.push([r.bench, f.figure, `${f.value} ${f.unit}`.trim(), f.target ?? '—', f.met === null ? '—' : f.met ? 'yes' : 'NO']);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}

interface SavedResults {
  benches: Array<{ bench: string; ok: boolean; seconds: number; error: string | null }>;
  figures: Array<Figure & { bench: string }>;
}

function readPrevious(): SavedResults | null {
  try {
    return JSON.parse(readFileSync(join(here, 'results.json'), 'utf8')) as SavedResults;
  } catch {
    return null;
  }
}

/** Benches whose figures another tool writes into results.json (bench/mutation-score.ts after `npm run mutate`). */
const WRITTEN_ELSEWHERE = new Set(['mutation']);

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
    .sort();
  const runs: BenchRun[] = [];
  for (const f of files) runs.push(await runBench(f));

  // A run replaces only its own benches' entries: a filtered run keeps the others' last figures.
  const previous = readPrevious();
  const ran = new Set(runs.map((r) => r.bench));
  // A full run drops entries of benches that no longer exist, but keeps figures written by other tools.
  const kept = (bench: string) => !ran.has(bench) && (filters.length > 0 || WRITTEN_ELSEWHERE.has(bench));
  const results = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    benches: [
      ...(previous?.benches ?? []).filter((b) => kept(b.bench)),
      ...runs.map(({ bench, ok, seconds, error }) => ({ bench, ok, seconds, error })),
    ].sort((a, b) => a.bench.localeCompare(b.bench)),
    figures: [
      ...(previous?.figures ?? []).filter((f) => kept(f.bench)),
      ...runs.flatMap((r) => r.figures.map((f) => ({ bench: r.bench, ...f }))),
    ].sort((a, b) => a.bench.localeCompare(b.bench)),
  };
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${table(runs)}\n`);
  const failed = runs.filter((r) => !r.ok).length;
  const missed = results.figures.filter((f) => f.met === false).length;
  console.log(`${runs.length} benches, ${failed} failed to run; ${missed} figure(s) missed a target. Written: bench/results.json`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
