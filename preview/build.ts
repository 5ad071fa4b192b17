// Builds what the preview serves: the renderer (Vite, the same config as the Electron build) and
// the small page-bridge script (esbuild, one IIFE file).
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const RENDERER_DIR = resolve(ROOT, 'dist-renderer');

/** Runs `vite build` with vite.config.ts; resolves when dist-renderer/ is written. */
export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

/** What the renderer bundle is built from: its pages, what they import, and the build's own config. */
export const RENDERER_SOURCES = ['renderer', 'core', 'app', 'vite.config.ts', 'tsconfig.json', 'package.json'].map((p) => resolve(ROOT, p));

/** The newest modification time under `path` (directories count too: a deleted file changes its folder). */
function newestMtime(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * True when `output` is missing or older than any file under `sources`: then the preview must build.
 * Comparing times (a few ms) instead of always building saves ~2 s on every start.
 */
export function isBuildStale(output: string, sources: readonly string[]): boolean {
  const built = statSync(output, { throwIfNoEntry: false });
  if (!built) return true;
  return sources.some((s) => newestMtime(s) > built.mtimeMs);
}

/** The built popover page: written last-ish by Vite, so its time stands for the whole build. */
export const RENDERER_OUTPUT = resolve(RENDERER_DIR, 'popover.html');

let bridgeScript: Promise<string> | null = null;

/** preview/page-bridge.ts bundled for the browser; built once per process. */
export function buildPageBridge(): Promise<string> {
  bridgeScript ??= import('esbuild').then(async ({ build }) => {
    const out = await build({
      entryPoints: [resolve(ROOT, 'preview/page-bridge.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'chrome120',
      minify: true,
      logLevel: 'warning',
    });
    return out.outputFiles[0]!.text;
  });
  return bridgeScript;
}
