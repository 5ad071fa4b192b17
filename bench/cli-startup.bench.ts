// CLI start-up: wall time of `node bin/quotabar.cjs status --json` (the package's bin) with nothing configured, as a ratio
// to `node -e 0` timed in the same round. Target ≤ 2: the prebuilt bundle plus lazy loading keep a
// status check close to node's own start-up (through tsx, the bin before the bundle, it was ~5×).
// Nothing configured: an empty HOME, CODEX_HOME and CLAUDE_CONFIG_DIR, no OPENROUTER_API_KEY or
// QUOTABAR_* variables, and a D-Bus address that points nowhere, so the keychain fails at once
// instead of waiting on a session bus. Timed in two environments, because node's own start-up
// depends on it: the caller's (e.g. NODE_EXTRA_CA_CERTS makes every node start read a CA bundle,
// which makes the ratio look better) and a bare one (PATH and the variables above only).
// `quotabar statusline` (stdin piped) is timed too, with the same target: once as a new machine runs it
// (no cost summary yet, so it starts one background refresh a minute) and once with a fresh
// cost-today.json, its steady state, printing today's cost (decision 0019).
// Run: npx tsx bench/cli-startup.bench.ts [rounds, default 15]   (last line: `RESULT {json}`)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { costDater } from '../adapters/cost/zone';
import { PROVIDER_IDS } from '../core/providers/registry';
import { bare } from './bare-env';
import { atMost, info, median, report, type Figure } from './figures';

const ROUNDS = Math.max(1, Number(process.argv[2] ?? 15));
const TSX_ROUNDS = 5;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const bin = 'bin/quotabar.cjs';
const COMMANDS = {
  node: ['-e', '0'],
  version: [bin, '--version'],
  help: [bin, '--help'],
  status: [bin, 'status', '--json'],
  statusline: [bin, 'statusline'],
  // The same, with a fresh cost-today.json in the cache (decision 0019): the line ends with today's cost.
  statuslineToday: [bin, 'statusline'],
};
// What Claude Code pipes to `quotabar statusline` after each message (PROVIDERS-2 §7b), resets an hour ahead.
const STATUSLINE_STDIN = JSON.stringify({
  model: { id: 'claude-opus-4-5', display_name: 'Opus 4.5' },
  cost: { total_cost_usd: 1.23 },
  rate_limits: {
    five_hour: { used_percentage: 42.5, resets_at: Math.floor(Date.now() / 1000) + 3600 },
    seven_day: { used_percentage: 18, resets_at: Math.floor(Date.now() / 1000) + 86400 },
  },
});
type Name = keyof typeof COMMANDS;

/** The variables that say "nothing configured", on top of `base`; provider settings of the caller are dropped. */
function unconfigured(home: string, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(base).filter(([k]) => k !== 'OPENROUTER_API_KEY' && !k.startsWith('QUOTABAR_')));
  const codexHome = join(home, 'codex');
  const claudeDir = join(home, 'claude');
  mkdirSync(codexHome, { recursive: true });
  mkdirSync(claudeDir, { recursive: true });
  return { ...env, HOME: home, USERPROFILE: home, CODEX_HOME: codexHome, CLAUDE_CONFIG_DIR: claudeDir, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'no-bus')}` };
}

/** A cost summary of today, computed just now, where the status line reads it; returns the cache folder. */
function freshSummary(home: string): string {
  const cache = join(home, 'statusline-cache');
  mkdirSync(cache, { recursive: true });
  const today = costDater({ env: {} })(Date.now());
  writeFileSync(join(cache, 'cost-today.json'), JSON.stringify({ version: 1, date: today, computedAt: Date.now(), sources: { claude: { costUsd: 4.12, pricedCostUsd: 4.12, totalTokens: 51_000 } } }));
  return cache;
}

/** Runs one command to completion; wall time in ms. Throws when it fails, so errors are never timed. */
function timed(args: string[], env: NodeJS.ProcessEnv, name: Name | null = null): { ms: number; stdout: string } {
  // statusline records its reading in a data folder of its own: `status` must still find nothing configured.
  const statusline = args[1] === 'statusline';
  const base = statusline ? { ...env, QUOTABAR_DATA_DIR: join(String(env.HOME), 'statusline-data') } : env;
  const runEnv = name === 'statuslineToday' ? { ...base, QUOTABAR_CACHE_DIR: freshSummary(String(env.HOME)) } : base;
  const t0 = performance.now();
  const r = spawnSync(node, args, { cwd: root, env: runEnv, encoding: 'utf8', ...(statusline ? { input: STATUSLINE_STDIN } : {}) });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  if (name === 'statuslineToday' && !r.stdout.includes('· today $4.12')) throw new Error(`statusline did not show today's cost: ${r.stdout}`);
  return { ms, stdout: r.stdout };
}

/** The run must be the one we claim to time: every registered provider, none of them configured. */
function checkNothingConfigured(stdout: string): void {
  const providers = (JSON.parse(stdout) as { providers: Array<{ providerId: string; status: string; error: { kind: string } | null }> }).providers;
  const states = providers.map((p) => `${p.providerId}:${p.error?.kind ?? p.status}`);
  // A key provider finds no keychain (the bus points nowhere) or no key; the others find no files.
  const unconfigured = states.every((s) => /^[a-z0-9-]+:(unconfigured|keychain_unavailable)$/.test(s));
  if (!unconfigured || providers.map((p) => p.providerId).join() !== PROVIDER_IDS.join()) {
    throw new Error(`status --json did not show an unconfigured machine: ${states.join(', ')}`);
  }
}

interface Timings {
  times: Record<Name, number[]>;
  /** status / node -e 0 within each round, so a busy moment slows the baseline and the CLI alike. */
  ratios: number[];
  /** statusline (stdin piped, reading recorded) / node -e 0 within each round. */
  statuslineRatios: number[];
  /** statusline with a fresh cost summary (today's cost shown) / node -e 0 within each round. */
  todayRatios: number[];
}

function figuresFor(label: string, t: Timings): Figure[] {
  return [
    atMost(`status --json / node -e 0, ${label} (median of rounds)`, median(t.ratios), '×', 2),
    info(`node -e 0, ${label} (median)`, median(t.times.node), 'ms'),
    info(`quotabar --version, ${label} (median)`, median(t.times.version), 'ms'),
    info(`quotabar --help, ${label} (median)`, median(t.times.help), 'ms'),
    info(`quotabar status --json, ${label} (median)`, median(t.times.status), 'ms'),
    atMost(`statusline / node -e 0, ${label} (median of rounds)`, median(t.statuslineRatios), '×', 2),
    info(`quotabar statusline (stdin piped, reading recorded), ${label} (median)`, median(t.times.statusline), 'ms'),
    atMost(`statusline with today's cost / node -e 0, ${label} (median of rounds)`, median(t.todayRatios), '×', 2),
    info(`quotabar statusline with today's cost (fresh cost-today.json), ${label} (median)`, median(t.times.statuslineToday), 'ms'),
  ];
}

function main(): void {
  const build = spawnSync(node, ['scripts/build-cli.mjs'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:cli failed: ${build.stderr}`);
  console.log(build.stdout.trim());
  const home = mkdtempSync(join(tmpdir(), 'quotabar-cli-bench-'));
  const envs = { "caller's environment": unconfigured(home, process.env), 'bare environment': unconfigured(home, bare()) };
  const results = new Map<string, Timings>();
  const bundle = join(root, 'dist-cli', 'quotabar.cjs');
  try {
    for (const env of Object.values(envs)) {
      checkNothingConfigured(timed(COMMANDS.status, env).stdout);
      // One untimed pass warms the file cache.
      for (const [name, args] of Object.entries(COMMANDS)) timed(args, env, name as Name);
    }
    const builtAt = statSync(bundle).mtimeMs;
    for (const label of Object.keys(envs)) results.set(label, { times: { node: [], version: [], help: [], status: [], statusline: [], statuslineToday: [] }, ratios: [], statuslineRatios: [], todayRatios: [] });
    for (let i = 0; i < ROUNDS; i++) {
      for (const [label, env] of Object.entries(envs)) {
        const t = results.get(label)!;
        for (const [name, args] of Object.entries(COMMANDS)) t.times[name as Name].push(timed(args, env, name as Name).ms);
        t.ratios.push(t.times.status[i]! / t.times.node[i]!);
        t.statuslineRatios.push(t.times.statusline[i]! / t.times.node[i]!);
        t.todayRatios.push(t.times.statuslineToday[i]! / t.times.node[i]!);
        const ms = (n: Name) => t.times[n][i]!.toFixed(1);
        console.log(`round ${String(i + 1).padStart(2)}, ${label}: node -e 0 ${ms('node')} ms, --version ${ms('version')} ms, --help ${ms('help')} ms, status --json ${ms('status')} ms, statusline ${ms('statusline')} ms, with today's cost ${ms('statuslineToday')} ms`);
      }
    }
    // bin/quotabar.mjs rebuilds when a source changes under it (someone editing while this runs).
    const rebuilt = statSync(bundle).mtimeMs !== builtAt;
    if (rebuilt) console.log('note: a CLI source changed during the run, so some timed runs included a rebuild');
    // Before the bundle: the same command through tsx, as bin/quotabar.mjs ran it until now.
    const callers = envs["caller's environment"];
    const viaTsx = ['--import', 'tsx', '--input-type=module', '-e', "const { main } = await import('./cli/main.ts'); process.exitCode = await main(['status', '--json']);"];
    checkNothingConfigured(timed(viaTsx, callers).stdout);
    const tsx: number[] = [];
    for (let i = 0; i < TSX_ROUNDS; i++) tsx.push(timed(viaTsx, callers).ms);
    const base = median(results.get("caller's environment")!.times.node);
    report(
      [
        ...[...results].flatMap(([label, t]) => figuresFor(label, t)),
        info(`status --json through tsx (the bin before the bundle), caller's environment (median of ${TSX_ROUNDS})`, median(tsx), 'ms'),
        info("status --json through tsx / node -e 0, caller's environment", median(tsx) / base, '×'),
      ],
      { rounds: ROUNDS, rebuiltDuringRun: rebuilt, callerEnvHasNodeExtraCaCerts: Boolean(process.env.NODE_EXTRA_CA_CERTS) },
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

try {
  main();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
}
