// Bundles the main process (electron/entry.ts → dist-electron/main.cjs) and the preload script
// (electron/preload.ts → dist-electron/preload.cjs) with esbuild. Electron itself and the native
// modules (the keyring, libsql) stay external: Electron provides the one, the others are unpacked from the asar.
// Usage: node scripts/build-electron.mjs [--outdir dir] [--minify]
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds both bundles into `outdir` (default dist-electron/); resolves to the files written. */
export async function buildElectron({ outdir = join(root, 'dist-electron'), minify = false } = {}) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify,
    logLevel: 'warning',
    outExtension: { '.js': '.cjs' },
    outdir,
  };
  await build({ ...common, entryPoints: { main: 'electron/entry.ts' }, external: ['electron', '@napi-rs/keyring', 'libsql'] });
  // The cost ledger's worker thread (app/cost-worker.ts): a file of its own, started by the main process.
  await build({ ...common, entryPoints: { 'cost-worker': 'app/cost-worker.ts' } });
  // A sandboxed preload may require only 'electron' (and a few built-ins): everything else is inlined.
  await build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, external: ['electron'] });
  return { main: join(outdir, 'main.cjs'), preload: join(outdir, 'preload.cjs'), costWorker: join(outdir, 'cost-worker.cjs') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const i = process.argv.indexOf('--outdir');
  const outdir = i > 0 ? resolve(process.argv[i + 1]) : undefined;
  const files = await buildElectron({ outdir, minify: process.argv.includes('--minify') });
  console.log(`built ${files.main} and ${files.preload}`);
}
