// CLI start-up: wall time of `node bin/quotabar.mjs status --json` with nothing configured, as a ratio
// to `node -e 0` timed in the same round. Target ≤ 2: the prebuilt bundle plus lazy imports keep
// a status check close to node's own start-up (through tsx, the bin before the bundle, it was ~5×).
// Nothing configured: an empty HOME, CODEX_HOME and CLAUDE_CONFIG_DIR, no OPENROUTER_API_KEY, and a
// D-Bus address that points nowhere, so the keychain fails fast instead of waiting on a session bus.
// Run: npx tsx bench/cli-startup.bench.ts [rounds, default 15]   (last line: `RESULT {json}`)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { atMost, info, median, report } from './figures';

const ROUNDS = Math.max(1, Number(process.argv[2] ?? 15));
const TSX_ROUNDS = 5;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;

function emptyEnv(home: string): NodeJS.ProcessEnv {
  const codexHome = join(home, 'codex');
  const claudeDir = join(home, 'claude');
  mkdirSync(codexHome);
  mkdirSync(claudeDir);
  // Only what node needs to run: no provider keys or URL overrides leak in from the caller's shell.
  const keep = ['PATH', 'SystemRoot', 'TEMP', 'TMP', 'TMPDIR'];
  const env: NodeJS.ProcessEnv = Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k]]));
  return { ...env, HOME: home, USERPROFILE: home, CODEX_HOME: codexHome, CLAUDE_CONFIG_DIR: claudeDir, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'no-bus')}` };
}

/** Runs one command to completion; wall time in ms. Throws when it fails, so errors are never timed. */
function timed(args: string[], env: NodeJS.ProcessEnv): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(node, args, { cwd: root, env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

/** The run must be the one we claim to time: three providers, none of them configured. */
function checkNothingConfigured(stdout: string): void {
  const providers = (JSON.parse(stdout) as { providers: Array<{ providerId: string; status: string; error: { kind: string } | null }> }).providers;
  const states = providers.map((p) => `${p.providerId}:${p.error?.kind ?? p.status}`);
  const expected = /^openrouter:(unconfigured|keychain_unavailable),codex:unconfigured,claude:unconfigured$/;
  if (!expected.test(states.join(','))) throw new Error(`status --json did not show an unconfigured machine: ${states.join(', ')}`);
}

function main(): void {
  const build = spawnSync(node, ['scripts/build-cli.mjs'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:cli failed: ${build.stderr}`);
  console.log(build.stdout.trim());
  const home = mkdtempSync(join(tmpdir(), 'quotabar-cli-bench-'));
  const env = emptyEnv(home);
  const bin = 'bin/quotabar.mjs';
  const commands = {
    node: ['-e', '0'],
    version: [bin, '--version'],
    help: [bin, '--help'],
    status: [bin, 'status', '--json'],
  };
  const times: Record<keyof typeof commands, number[]> = { node: [], version: [], help: [], status: [] };
  const ratios: number[] = [];
  try {
    checkNothingConfigured(timed(commands.status, env).stdout);
    // One untimed round warms the file cache; then each round times all four back to back, so
    // a busy moment on the machine slows the baseline and the CLI alike.
    for (const args of Object.values(commands)) timed(args, env);
    const builtAt = statSync(join(root, 'dist-cli', 'quotabar.mjs')).mtimeMs;
    for (let i = 0; i < ROUNDS; i++) {
      for (const [name, args] of Object.entries(commands)) times[name as keyof typeof commands].push(timed(args, env).ms);
      ratios.push(times.status[i]! / times.node[i]!);
      console.log(
        `round ${String(i + 1).padStart(2)}: node -e 0 ${times.node[i]!.toFixed(1)} ms, --version ${times.version[i]!.toFixed(1)} ms, ` +
          `--help ${times.help[i]!.toFixed(1)} ms, status --json ${times.status[i]!.toFixed(1)} ms`,
      );
    }
    // bin/quotabar.mjs rebuilds when a source changes under it (someone editing while this runs).
    const rebuilt = statSync(join(root, 'dist-cli', 'quotabar.mjs')).mtimeMs !== builtAt;
    if (rebuilt) console.log('note: a CLI source changed during the run, so some timed runs included a rebuild');
    // Before the bundle: the same command through tsx, as bin/quotabar.mjs ran it until now.
    const viaTsx = ['--import', 'tsx', '--input-type=module', '-e', "const { main } = await import('./cli/main.ts'); process.exitCode = await main(['status', '--json']);"];
    checkNothingConfigured(timed(viaTsx, env).stdout);
    const tsx: number[] = [];
    for (let i = 0; i < TSX_ROUNDS; i++) tsx.push(timed(viaTsx, env).ms);
    const base = median(times.node);
    report(
      [
        atMost('status --json / node -e 0 (median of rounds)', median(ratios), '×', 2),
        info('node -e 0 (median)', base, 'ms'),
        info('quotabar --version (median)', median(times.version), 'ms'),
        info('quotabar --help (median)', median(times.help), 'ms'),
        info('quotabar status --json, nothing configured (median)', median(times.status), 'ms'),
        info(`status --json through tsx, the bin before the bundle (median of ${TSX_ROUNDS})`, median(tsx), 'ms'),
        info('status --json through tsx / node -e 0', median(tsx) / base, '×'),
      ],
      { rounds: ROUNDS, rebuiltDuringRun: rebuilt },
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
