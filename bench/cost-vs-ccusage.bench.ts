// `quotabar cost --json` side by side with ccusage 20.0.24 in one run (issue 13 §3): on a generated
// ~150 MB Claude Code tree (bench/cost-tree.ts), each run a fresh process, rounds alternating
// ccusage / quotabar cold (cache removed) / quotabar warm (nothing appended); median times and peak
// RSS (/usr/bin/time -f %M). Each round runs in the caller's environment and in a bare one
// (bench/bare-env.ts: NODE_EXTRA_CA_CERTS alone costs every node start ~40 ms), each with the targets.
// Then, as info, runs after a new response was appended to one session (the status line's background
// refresh), checked equal to a cold run. Then tokens row by row, (date, model), on that tree and on the
// tree of every COST.md case (test/support/cost-cases.ts), where only the lines ccusage is known to drop may differ.
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
import { bare } from './bare-env';
import { byField, ccusageRows, differences, printDiffs, quotabarRows, type Tokens } from './cost-rows';
import { atMost, exactly, info, median, report, type Figure } from './figures';

const CCUSAGE_VERSION = '20.0.24';
const targetMiB = Math.max(1, Number(process.argv[2] ?? 150));
const rounds = Math.max(1, Number(process.argv[3] ?? 5));
const bin = join(import.meta.dirname, '..', 'bin', 'quotabar.cjs'); // the package's bin
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
function appendedRuns(tree: string, n: number, tag: string, run: () => Run): Run[] {
  const project = join(tree, 'projects', readdirSync(join(tree, 'projects')).sort()[0]!);
  const file = join(project, readdirSync(project).filter((f) => f.endsWith('.jsonl')).sort()[0]!);
  const line = readFileSync(file, 'utf8').split('\n').find((l) => l.includes('"type":"assistant"'))!;
  const out: Run[] = [];
  for (let i = 0; i < n; i++) {
    appendFileSync(file, `${line.replace(/"id":"msg_[^"]*"/, `"id":"msg_appended_${tag}_${i}"`).replace(/"requestId":"[^"]*"/, `"requestId":"req_appended_${tag}_${i}"`)}\n`);
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
    const own = { CLAUDE_CONFIG_DIR: join(dir, 'claude'), CODEX_HOME: join(dir, 'codex'), QUOTABAR_CACHE_DIR: cache, TZ: 'UTC' };
    // Node's start-up depends on the environment (bench/bare-env.ts), so both tools are timed in two.
    const envs = { "caller's environment": { ...process.env, ...own }, 'bare environment': { ...bare(), HOME: dir, ...own } };
    const env = envs["caller's environment"];
    const ccArgs = ['claude', 'daily', '--json', '--offline', '--timezone', 'UTC'];
    const qbArgs = [bin, 'cost', '--json', '--source', 'claude'];
    execFileSync('node', [bin, '--version'], { env }); // builds the bundle if stale
    timed(cc.native, ccArgs, env); // both read the tree from the page cache from here on
    const runs = Object.fromEntries(Object.keys(envs).map((label) => [label, { cc: [] as Run[], launcher: [] as Run[], cold: [] as Run[], warm: [] as Run[], appended: [] as Run[] }]));
    for (let i = 0; i < rounds; i++) {
      for (const [label, e] of Object.entries(envs)) {
        const r = runs[label]!;
        r.cc.push(timed(cc.native, ccArgs, e));
        await rm(cache, { recursive: true, force: true });
        r.cold.push(timed('node', qbArgs, e));
        r.warm.push(timed('node', qbArgs, e));
        r.launcher.push(timed(cc.launcher, ccArgs, e));
        const line = (x: Run) => `${x.ms.toFixed(0).padStart(5)} ms ${x.rssMiB.toFixed(0).padStart(4)} MiB`;
        console.log(`round ${i + 1}, ${label}: ccusage ${line(r.cc[i]!)} | quotabar cold ${line(r.cold[i]!)} | warm ${line(r.warm[i]!)}`);
      }
    }
    const all = Object.values(runs);
    if (all.some((r) => r.cold.some((x) => x.out !== all[0]!.warm[0]!.out) || r.warm.some((x) => x.out !== all[0]!.warm[0]!.out))) {
      throw new Error('quotabar cold and warm runs printed different results');
    }
    // New ids in each environment: a copy of a counted response would rightly take the full run.
    Object.entries(envs).forEach(([label, e], k) => void (runs[label]!.appended = appendedRuns(join(dir, 'claude'), rounds, String(k), () => timed('node', qbArgs, e))));
    await rm(cache, { recursive: true, force: true });
    if (timed('node', qbArgs, env).out !== all.at(-1)!.appended.at(-1)!.out) throw new Error('quotabar after appends and a cold run printed different results');
    const ms = (rs: Run[]) => median(rs.map((r) => r.ms));
    const rss = (rs: Run[]) => Math.max(...rs.map((r) => r.rssMiB));
    const first = runs["caller's environment"]!;

    const big = { cc: ccusageRows(first.cc[0]!.out), qb: quotabarRows(first.cold[0]!.out) };
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
      ...Object.entries(runs).flatMap(([label, r]) => [
        atMost(`cold time ratio quotabar/ccusage, ${label}`, ms(r.cold) / ms(r.cc), '×', 1.0),
        atMost(`warm time ratio quotabar/ccusage, ${label}`, ms(r.warm) / ms(r.cc), '×', 0.3),
        atMost(`cold peak RSS ratio quotabar/ccusage, ${label}`, rss(r.cold) / rss(r.cc), '×', 1.0),
        atMost(`warm peak RSS ratio quotabar/ccusage, ${label}`, rss(r.warm) / rss(r.cc), '×', 1.0),
      ]),
      exactly('mismatching token rows, benchmark tree', bigRows.length + bigDays.length, 'rows', 0),
      exactly('mismatching token rows, cases tree (known ccusage bugs excluded)', caseRows.length + caseDays.length, 'rows', 0),
      exactly('known ccusage-bug lines counted by quotabar', bugsCounted, 'lines', CCUSAGE_BUGS.length),
      ...Object.entries(runs).flatMap(([label, r]) => [
        info(`ccusage time (native binary, median), ${label}`, ms(r.cc), 'ms'),
        info(`ccusage time (npm launcher, median), ${label}`, ms(r.launcher), 'ms'),
        info(`quotabar cold time (median), ${label}`, ms(r.cold), 'ms'),
        info(`quotabar warm time (median), ${label}`, ms(r.warm), 'ms'),
        info(`quotabar time after one response was appended (median), ${label}`, ms(r.appended), 'ms'),
        info(`ccusage peak RSS, ${label}`, rss(r.cc), 'MiB'),
        info(`quotabar cold peak RSS, ${label}`, rss(r.cold), 'MiB'),
        info(`quotabar warm peak RSS, ${label}`, rss(r.warm), 'MiB'),
        info(`quotabar peak RSS after one response was appended, ${label}`, rss(r.appended), 'MiB'),
      ]),
      info('(date, model) rows compared, benchmark tree', new Set([...big.cc.models.keys(), ...big.qb.models.keys()]).size, 'rows'),
      info('ccusage total cost, benchmark tree', big.cc.cost, 'USD'),
      info('quotabar total cost (priced days), benchmark tree', big.qb.cost, 'USD'),
      info('tree size', tree.bytes / 1048576, 'MiB'),
      info('tree files', tree.files, 'files'),
    ];
    report(figures, { ccusageVersion: CCUSAGE_VERSION, rounds, loadAverageAtStart, callerEnvHasNodeExtraCaCerts: Boolean(process.env.NODE_EXTRA_CA_CERTS), differingRowsByField: fieldDiffs, firstDifferences: bigRows.slice(0, 3), loadAverage: loadavg() });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
