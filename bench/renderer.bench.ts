// Renderer figures: gzipped size of what the popover page loads, and the time from navigation to
// the first painted provider card in Chromium (performance mark set by the renderer), demo data.
//   npx tsx bench/renderer.bench.ts [--runs 15]
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startDemoServer } from '../demo/server';
import { buildRenderer, RENDERER_DIR } from '../preview/build';
import { startPreviewHost } from '../preview/host';
import { FIRST_CARD_MARK } from '../renderer/perf-marks';
import { launchChromium } from '../test/e2e/support/harness';
import { atMost, info, type Figure } from './figures';

const TARGET_JS_GZIP_KB = 150;
const TARGET_FIRST_CARD_MS = 100;

/** Every script and stylesheet popover.html pulls in, with its gzipped size (zlib level 9). */
async function popoverAssets(): Promise<{ js: number; css: number; files: Array<{ file: string; raw: number; gzip: number }> }> {
  const html = await readFile(join(RENDERER_DIR, 'popover.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files = await Promise.all(
    [...new Set(refs)].map(async (file) => {
      const bytes = await readFile(join(RENDERER_DIR, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    }),
  );
  const sum = (ext: string) => files.filter((f) => f.file.endsWith(ext)).reduce((n, f) => n + f.gzip, 0);
  return { js: sum('.js'), css: sum('.css'), files };
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

function stats(times: number[]): { median: number; p95: number; min: number } {
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, p95: NaN, min: NaN };
  const round = (n: number) => Number(n.toFixed(1));
  return { median: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), min: round(sorted[0]!) };
}

/**
 * Navigates and waits for the renderer's first-card mark; its startTime counts from navigation start.
 * Null (reported, not fatal) when no card appears within 30 s, as on a badly overloaded machine.
 */
async function firstCardMs(page: Page, url: string): Promise<number | null> {
  try {
    await page.goto(url);
    const handle = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime ?? false, FIRST_CARD_MARK, {
      timeout: 30_000,
      polling: 10,
    });
    return (await handle.jsonValue()) as number;
  } catch (e) {
    const cards = await page.locator('article.card').count().catch(() => -1);
    console.log(`  a run failed (${e instanceof Error ? e.name : 'error'}; cards on the page: ${cards})`);
    return null;
  }
}

async function main(): Promise<void> {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;

  await buildRenderer();
  const size = await popoverAssets();
  for (const f of size.files) console.log(`  ${f.file.padEnd(40)} ${(f.raw / 1024).toFixed(1).padStart(7)} KB  gzip ${(f.gzip / 1024).toFixed(1).padStart(6)} KB`);
  console.log(`popover JS  gzip: ${(size.js / 1024).toFixed(1)} KB (target ≤ ${TARGET_JS_GZIP_KB} KB)`);
  console.log(`popover CSS gzip: ${(size.css / 1024).toFixed(1)} KB`);

  const demo = await startDemoServer();
  const host = await startPreviewHost({ demo, build: 'never', log: () => undefined });
  await host.services.refresh(null);
  const browser = await launchChromium();
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    // Cold: a new tab each time (a fresh renderer process). One unmeasured run warms Chromium itself.
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
      const ms = await firstCardMs(await context.newPage(), host.popoverUrl);
      if (i > 0 && ms !== null) cold.push(ms);
      await context.close();
    }
    // Warm: navigating again in the same tab, as a popover window that is reloaded.
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    for (let i = 0; i <= runs; i++) {
      const ms = await firstCardMs(page, `${host.popoverUrl.replace('#', `?run=${i}#`)}`);
      if (i > 0 && ms !== null) warm.push(ms);
    }
    await context.close();
  } finally {
    await browser.close();
    await host.close();
    await demo.close();
  }
  const c = stats(cold);
  const w = stats(warm);
  console.log(`first painted card, new tab      (${cold.length} runs): median ${c.median} ms, p95 ${c.p95} ms, min ${c.min} ms`);
  console.log(`first painted card, same tab     (${warm.length} runs): median ${w.median} ms, p95 ${w.p95} ms, min ${w.min} ms`);
  console.log(`target: median ≤ ${TARGET_FIRST_CARD_MS} ms; machine load average now ${loadavg()[0]!.toFixed(2)} on ${cpus().length} CPUs`);

  // Figures in the shared format, so run-all and results.json carry each target and verdict.
  const figures: Figure[] = [
    atMost('popover JS, gzipped', size.js / 1024, 'KB', TARGET_JS_GZIP_KB),
    info('popover CSS, gzipped', size.css / 1024, 'KB'),
    atMost('first painted card, same tab (median)', w.median, 'ms', TARGET_FIRST_CARD_MS),
    info('first painted card, same tab (p95)', w.p95, 'ms'),
    atMost('first painted card, new tab (median)', c.median, 'ms', TARGET_FIRST_CARD_MS),
    info('first painted card, new tab (p95)', c.p95, 'ms'),
  ];
  console.log(`RESULT ${JSON.stringify({ figures, runs, loadAverage: Number(loadavg()[0]!.toFixed(2)), cpus: cpus().length })}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
