// Builds what the preview serves: the renderer (Vite, the same config as the Electron build) and
// the small page-bridge script (esbuild, one IIFE file).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const RENDERER_DIR = resolve(ROOT, 'dist-renderer');

/** Runs `vite build` with vite.config.ts; resolves when dist-renderer/ is written. */
export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

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
