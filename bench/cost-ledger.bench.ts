// Measures `quotabar cost --json` on a generated ~150 MB Claude Code tree: a cold run (empty cache),
// a warm run (nothing appended) and peak RSS, each a fresh `node bin/quotabar.mjs` process.
// Run: npx tsx bench/cost-ledger.bench.ts [targetMiB, default 150]   (last line: `RESULT {json}`)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateClaudeTree } from './cost-tree';

const targetMiB = Math.max(1, Number(process.argv[2] ?? 150));
const bin = join(import.meta.dirname, '..', 'bin', 'quotabar.cjs'); // the package's bin

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'quotabar-bench-cost-'));
  try {
    const tree = await generateClaudeTree(join(dir, 'claude'), targetMiB);
    console.log(`generated ${tree.files} files, ${(tree.bytes / 1048576).toFixed(1)} MiB`);
    const env = { ...process.env, CLAUDE_CONFIG_DIR: join(dir, 'claude'), CODEX_HOME: join(dir, 'codex'), QUOTABAR_CACHE_DIR: join(dir, 'cache'), TZ: 'UTC' };
    execFileSync('node', [bin, '--version'], { env }); // builds the bundle if stale; warms the page cache of node itself
    const run = (label: string) => {
      const t0 = performance.now();
      const r = spawnSync('/usr/bin/time', ['-f', '%M', 'node', bin, 'cost', '--json'], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
      const ms = performance.now() - t0;
      const rssKiB = Number(r.stderr.trim().split('\n').pop());
      console.log(`${label.padEnd(6)} ${ms.toFixed(0).padStart(6)} ms  ${(rssKiB / 1024).toFixed(1)} MiB RSS`);
      return { ms: Math.round(ms), rssMiB: Math.round(rssKiB / 102.4) / 10, out: r.stdout };
    };
    await rm(join(dir, 'cache'), { recursive: true, force: true });
    const cold = run('cold');
    const warm = run('warm');
    if (cold.out !== warm.out) throw new Error('cold and warm runs printed different results');
    const cold2 = (await rm(join(dir, 'cache'), { recursive: true, force: true }), run('cold'));
    const warm2 = run('warm');
    console.log(`RESULT ${JSON.stringify({ files: tree.files, treeBytes: tree.bytes, coldMs: Math.min(cold.ms, cold2.ms), warmMs: Math.min(warm.ms, warm2.ms), peakRssMiB: Math.max(cold.rssMiB, warm.rssMiB, cold2.rssMiB, warm2.rssMiB) })}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
