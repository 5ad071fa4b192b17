// `quotabar cost --json` side by side with ccusage 20.0.24 in one run (issue 13 §3): on a generated
// ~150 MB Claude Code tree (bench/cost-tree.ts), each run a fresh process, rounds alternating
// ccusage / quotabar cold (cache removed) / quotabar warm (nothing appended); median times and peak
// RSS (/usr/bin/time -f %M); then, as info, runs after a new response was appended to one session (the
// status line's background refresh), checked equal to a cold run. Then tokens row by row, (date, model), on that tree and on the tree of
// every COST.md case (test/support/cost-cases.ts), where only the lines ccusage is known to drop may differ.
// ccusage is installed for the benchmark only, into <tmpdir>/quotabar-ccusage (kept between runs).
// Its npm bin is a Node launcher around a native binary; the binary itself is timed (the faster of the
// two), the launcher once per round as info.
// Run: npx tsx bench/cost-vs-ccusage.bench.ts [targetMiB, default 150] [rounds, default 5]
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CCUSAGE_BUGS, generateCostCases } from '../test/support/cost-cases';
import { generateClaudeTree } from './cost-tree';
import { atMost, exactly, info, median, report, type Figure } from './figures';

const CCUSAGE_VERSION = '20.0.24';
const targetMiB = Math.max(1, Number(process.argv[2] ?? 150));
const rounds = Math.max(1, Number(process.argv[3] ?? 5));
const bin = join(import.meta.dirname, '..', 'bin', 'quotabar.mjs');
const TIME = '/usr/bin/time';

/** The launcher and the native binary of ccusage, installed once into a temp folder. */
function installCcusage(): { launcher: string; native: string } {
  const prefix = join(tmpdir(), 'quotabar-ccusage');
  const launcher = join(prefix, 'node_modules', '.bin', 'ccusage');
  const scope = join(prefix, 'node_modules', '@ccusage');
  const version = () => (existsSync(launcher) ? execFileSync(launcher, ['--version'], { encoding: 'utf8' }).trim() : '');
  if (!version().includes(CCUSAGE_VERSION)) {
    console.log(`installing ccusage@${CCUSAGE_VERSION} into ${prefix}`);
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `ccusage@${CCUSAGE_VERSION}`], { stdio: 'inherit' });
  }
  const pkg = readdirSync(scope).find((d) => d.startsWith(`ccusage-${process.platform}-${process.arch}`));
  const native = pkg ? join(scope, pkg, 'bin', 'ccusage') : launcher;
  return { launcher, native };
}

/** `n` runs, each after one more response (a new message id) was appended to the tree's first session. */
function appendedRuns(tree: string, n: number, run: () => Run): Run[] {
  const project = join(tree, 'projects', readdirSync(join(tree, 'projects')).sort()[0]!);
  const file = join(project, readdirSync(project).filter((f) => f.endsWith('.jsonl')).sort()[0]!);
  const line = readFileSync(file, 'utf8').split('\n').find((l) => l.includes('"type":"assistant"'))!;
  const out: Run[] = [];
  for (let i = 0; i < n; i++) {
    appendFileSync(file, `${line.replace(/"id":"msg_[^"]*"/, `"id":"msg_appended_${i}"`).replace(/"requestId":"[^"]*"/, `"requestId":"req_appended_${i}"`)}\n`);
    out.push(run());
  }
  return out;
}

interface Run {
  ms: number;
  rssMiB: number;
  out: string;
}

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): Run {
  const t0 = performance.now();
  const r = spawnSync(TIME, ['-f', '%M', cmd, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const rssKiB = Number(r.stderr.trim().split('\n').pop());
  return { ms, rssMiB: rssKiB / 1024, out: r.stdout };
}

type Tokens = [input: number, output: number, cacheCreation: number, cacheRead: number];
interface Rows {
  models: Map<string, Tokens>;
  days: Map<string, Tokens>;
  cost: number;
}

interface CcusageOut {
  daily: { date: string; inputTokens: number; outputTokens: number; cacheCreationTokens: number; cacheReadTokens: number; modelBreakdowns: { modelName: string; inputTokens: number; outputTokens: number; cacheCreationTokens: number; cacheReadTokens: number }[] }[];
  totals: { totalCost: number };
}
interface QuotabarRow {
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
}
interface QuotabarOut {
  days: (QuotabarRow & { date: string; source: string; costUsd: number | null; models: (QuotabarRow & { model: string })[] })[];
  totals: { costUsd: number | null };
}

const tok = (r: QuotabarRow): Tokens => [r.inputTokens, r.outputTokens, r.cacheCreationTokens, r.cacheReadTokens];

function ccusageRows(json: string): Rows {
  const o = JSON.parse(json) as CcusageOut;
  const rows: Rows = { models: new Map(), days: new Map(), cost: o.totals.totalCost };
  for (const d of o.daily) {
    rows.days.set(d.date, tok(d));
    for (const m of d.modelBreakdowns) rows.models.set(`${d.date} ${m.modelName}`, tok(m));
  }
  return rows;
}

function quotabarRows(json: string): Rows & { unpriced: number } {
  const o = JSON.parse(json) as QuotabarOut;
  const rows = { models: new Map<string, Tokens>(), days: new Map<string, Tokens>(), cost: 0, unpriced: 0 };
  for (const d of o.days.filter((x) => x.source === 'claude')) {
    rows.days.set(d.date, tok(d));
    rows.cost += d.costUsd ?? 0;
    if (d.costUsd === null) rows.unpriced++;
    for (const m of d.models) rows.models.set(`${d.date} ${m.model}`, tok(m));
  }
  return rows;
}

/** Keys whose tokens differ (or exist on one side only), with a printable line for each. */
function differences(a: Map<string, Tokens>, b: Map<string, Tokens>): string[] {
  const out: string[] = [];
  for (const k of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(k);
    const y = b.get(k);
    if (!x || !y || x.some((v, i) => v !== y[i])) out.push(`${k}: ccusage ${x ? x.join('/') : '—'} vs quotabar ${y ? y.join('/') : '—'} (in/out/cacheCreate/cacheRead)`);
  }
  return out;
}

const FIELDS = ['inputTokens', 'outputTokens', 'cacheCreationTokens', 'cacheReadTokens'] as const;

/** How many rows differ in each token field (a row missing on one side counts in none). */
function byField(a: Map<string, Tokens>, b: Map<string, Tokens>): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(FIELDS.map((f) => [f, 0]));
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y) FIELDS.forEach((f, i) => void (x[i] !== y[i] && out[f]!++));
  }
  return out;
}

function printDiffs(label: string, diffs: string[]): void {
  console.log(`${label}: ${diffs.length} differing`);
  for (const d of diffs.slice(0, 8)) console.log(`  ${d}`);
}

async function main(): Promise<void> {
  if (!existsSync(TIME)) throw new Error(`${TIME} is missing (Debian package "time"): it measures peak RSS`);
  const loadAverageAtStart = loadavg();
  const cc = installCcusage();
  const dir = await mkdtemp(join(tmpdir(), 'quotabar-bench-vs-ccusage-'));
  try {
    const tree = await generateClaudeTree(join(dir, 'claude'), targetMiB);
    console.log(`generated ${tree.files} files, ${(tree.bytes / 1048576).toFixed(1)} MiB; ccusage ${CCUSAGE_VERSION} (${cc.native === cc.launcher ? 'launcher' : 'native binary'})`);
    await mkdir(join(dir, 'codex'), { recursive: true });
    const cache = join(dir, 'cache');
    const env = { ...process.env, CLAUDE_CONFIG_DIR: join(dir, 'claude'), CODEX_HOME: join(dir, 'codex'), QUOTABAR_CACHE_DIR: cache, TZ: 'UTC' };
    const ccArgs = ['claude', 'daily', '--json', '--offline', '--timezone', 'UTC'];
    const qbArgs = [bin, 'cost', '--json', '--source', 'claude'];
    execFileSync('node', [bin, '--version'], { env }); // builds the bundle if stale
    timed(cc.native, ccArgs, env); // both read the tree from the page cache from here on
    const runs = { cc: [] as Run[], launcher: [] as Run[], cold: [] as Run[], warm: [] as Run[] };
    for (let i = 0; i < rounds; i++) {
      runs.cc.push(timed(cc.native, ccArgs, env));
      await rm(cache, { recursive: true, force: true });
      runs.cold.push(timed('node', qbArgs, env));
      runs.warm.push(timed('node', qbArgs, env));
      runs.launcher.push(timed(cc.launcher, ccArgs, env));
      const line = (r: Run) => `${r.ms.toFixed(0).padStart(5)} ms ${r.rssMiB.toFixed(0).padStart(4)} MiB`;
      console.log(`round ${i + 1}: ccusage ${line(runs.cc[i]!)} | quotabar cold ${line(runs.cold[i]!)} | warm ${line(runs.warm[i]!)}`);
    }
    if (runs.cold.some((r) => r.out !== runs.warm[0]!.out)) throw new Error('quotabar cold and warm runs printed different results');
    const appended = appendedRuns(join(dir, 'claude'), rounds, () => timed('node', qbArgs, env));
    await rm(cache, { recursive: true, force: true });
    if (timed('node', qbArgs, env).out !== appended.at(-1)!.out) throw new Error('quotabar after appends and a cold run printed different results');
    const ms = (rs: Run[]) => median(rs.map((r) => r.ms));
    const rss = (rs: Run[]) => Math.max(...rs.map((r) => r.rssMiB));

    const big = { cc: ccusageRows(runs.cc[0]!.out), qb: quotabarRows(runs.cold[0]!.out) };
    const bigRows = differences(big.cc.models, big.qb.models);
    const bigDays = differences(big.cc.days, big.qb.days);
    printDiffs('benchmark tree (date, model) rows', bigRows);
    printDiffs('benchmark tree day totals', bigDays);
    const fieldDiffs = byField(big.cc.models, big.qb.models);
    if (bigRows.length) console.log(`  differing rows by field: ${JSON.stringify(fieldDiffs)}`);

    // The cases tree: ccusage's rows plus the lines it is known to drop must equal Quotabar's rows.
    const { claudeConfigDir } = await generateCostCases(join(dir, 'cases'));
    const caseEnv = { ...env, CLAUDE_CONFIG_DIR: claudeConfigDir, QUOTABAR_CACHE_DIR: join(dir, 'cases-cache') };
    const cases = { cc: ccusageRows(timed(cc.native, ccArgs, caseEnv).out), qb: quotabarRows(timed('node', qbArgs, caseEnv).out) };
    const rawDiffs = differences(cases.cc.models, cases.qb.models);
    printDiffs('cases tree, raw (expected: the rows holding the known ccusage bugs)', rawDiffs);
    const add = (m: Map<string, Tokens>, k: string, t: Tokens) => {
      const was = m.get(k) ?? [0, 0, 0, 0];
      m.set(k, was.map((v, i) => v + t[i]!) as Tokens);
    };
    let bugsCounted = 0;
    for (const b of CCUSAGE_BUGS) {
      console.log(`  expected difference: ${b.date} ${b.model} +${b.input} in +${b.output} out — ccusage: ${b.why}`);
      add(cases.cc.models, `${b.date} ${b.model}`, [b.input, b.output, 0, 0]);
      add(cases.cc.days, b.date, [b.input, b.output, 0, 0]);
      const q = cases.qb.models.get(`${b.date} ${b.model}`);
      const c = cases.cc.models.get(`${b.date} ${b.model}`);
      if (q && c && q[0] === c[0] && q[1] === c[1]) bugsCounted++;
    }
    const caseRows = differences(cases.cc.models, cases.qb.models);
    const caseDays = differences(cases.cc.days, cases.qb.days);
    printDiffs('cases tree rows, known ccusage bugs added back', caseRows);
    printDiffs('cases tree day totals, known ccusage bugs added back', caseDays);

    const figures: Figure[] = [
      atMost('cold time ratio quotabar/ccusage', ms(runs.cold) / ms(runs.cc), '×', 1.0),
      atMost('warm time ratio quotabar/ccusage', ms(runs.warm) / ms(runs.cc), '×', 0.3),
      atMost('peak RSS ratio quotabar/ccusage', Math.max(rss(runs.cold), rss(runs.warm)) / rss(runs.cc), '×', 1.0),
      exactly('mismatching token rows, benchmark tree', bigRows.length + bigDays.length, 'rows', 0),
      exactly('mismatching token rows, cases tree (known ccusage bugs excluded)', caseRows.length + caseDays.length, 'rows', 0),
      exactly('known ccusage-bug lines counted by quotabar', bugsCounted, 'lines', CCUSAGE_BUGS.length),
      info('ccusage time (native binary, median)', ms(runs.cc), 'ms'),
      info('ccusage time (npm launcher, median)', ms(runs.launcher), 'ms'),
      info('quotabar cold time (median)', ms(runs.cold), 'ms'),
      info('quotabar warm time (median)', ms(runs.warm), 'ms'),
      info('quotabar time after one response was appended (median)', ms(appended), 'ms'),
      info('quotabar peak RSS after one response was appended', rss(appended), 'MiB'),
      info('ccusage peak RSS', rss(runs.cc), 'MiB'),
      info('quotabar cold peak RSS', rss(runs.cold), 'MiB'),
      info('quotabar warm peak RSS', rss(runs.warm), 'MiB'),
      info('(date, model) rows compared, benchmark tree', new Set([...big.cc.models.keys(), ...big.qb.models.keys()]).size, 'rows'),
      info('ccusage total cost, benchmark tree', big.cc.cost, 'USD'),
      info('quotabar total cost (priced days), benchmark tree', big.qb.cost, 'USD'),
      info('tree size', tree.bytes / 1048576, 'MiB'),
      info('tree files', tree.files, 'files'),
    ];
    report(figures, { ccusageVersion: CCUSAGE_VERSION, rounds, loadAverageAtStart, differingRowsByField: fieldDiffs, firstDifferences: bigRows.slice(0, 3), loadAverage: loadavg() });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
