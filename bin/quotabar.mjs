#!/usr/bin/env node
// Runs the prebuilt CLI bundle in dist-cli/ (built by `npm ci` through `prepare`, by `npm run build`
// and by `npm run build:cli`). No tsx at run time: plain bundled JavaScript starts about as fast as
// node itself. A bundle that is missing, or older than a source it was built from, is rebuilt here
// with esbuild first (a few hundred ms, once): a checkout, its tests included, never runs stale code.
// Without esbuild (a production-only install) there is nothing to build with, so it says what to run.
import { EsbuildMissing, buildCli, bundleState } from '../scripts/build-cli.mjs';

const state = bundleState();
if (state !== 'fresh') {
  try {
    // Only errors: warnings belong to `npm run build:cli`, not to every run after an edit.
    await buildCli({ logLevel: 'error' });
  } catch (e) {
    if (!(e instanceof EsbuildMissing)) {
      process.stderr.write('quotabar: the CLI could not be built from its sources (esbuild errors above); fix them, or run `npm run build:cli` to see them again\n');
      process.exit(1);
    }
    if (state === 'missing') {
      process.stderr.write('quotabar: the CLI is not built (dist-cli/ is missing) and esbuild is not installed: run `npm ci`, or `npm run build:cli` where esbuild is installed\n');
      process.exit(1);
    }
    process.stderr.write('quotabar: warning: dist-cli/ is older than the CLI sources and esbuild is not installed to rebuild it; running the old build (run `npm run build:cli`)\n');
  }
}
const { main } = await import(new URL('../dist-cli/quotabar.mjs', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
