#!/usr/bin/env node
// The `quotabar` command (package.json "bin"): runs the prebuilt CLI bundle dist-cli/quotabar.cjs
// (built by `npm ci` through `prepare`, by `npm run build` and by `npm run build:cli`), or the smaller
// bundle of a command with an entry of its own. No tsx at run time: plain bundled JavaScript starts
// close to node itself. A bundle that is missing, or older than a source it was built from, is
// rebuilt here with esbuild first (under a second, once): a checkout, its tests included, never runs
// stale code. Without esbuild (a production-only install) there is nothing to build with, so it
// says what to run instead. CommonJS, like everything it loads: an ES module entry costs each run
// ~9 ms and ~1.5 MiB more for Node's ES loader (bin/quotabar.mjs, the older entry, still works).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { bundleState, ownBundle } = require('../scripts/cli-bundle.cjs');

async function run() {
  const state = bundleState();
  if (state !== 'fresh') {
    const { EsbuildMissing, buildCli } = await import('../scripts/build-cli.mjs');
    try {
      // Only errors: warnings belong to `npm run build:cli`, not to every run after an edit.
      await buildCli({ logLevel: 'error' });
    } catch (e) {
      if (!(e instanceof EsbuildMissing)) {
        const why = Array.isArray(e?.errors) && e.errors.length ? 'esbuild errors above' : e instanceof Error ? e.message : String(e);
        process.stderr.write(`quotabar: could not build the CLI from its sources (${why}); \`npm run build:cli\` shows the details\n`);
        return 1;
      }
      if (state === 'missing') {
        process.stderr.write('quotabar: the CLI is not built (dist-cli/ is missing) and esbuild is not installed: run `npm ci`, or `npm run build:cli` where esbuild is installed\n');
        return 1;
      }
      process.stderr.write('quotabar: warning: dist-cli/ is older than the CLI sources and esbuild is not installed to rebuild it; running the old build (run `npm run build:cli`)\n');
    }
  }
  // `cost` and `statusline` load their own smaller bundles when built (~10 ms sooner); they answer as the whole CLI would.
  const dist = join(__dirname, '..', 'dist-cli');
  const own = ownBundle(process.argv[2]);
  const { main } = require(own && existsSync(join(dist, own)) ? join(dist, own) : join(dist, 'quotabar.cjs'));
  return main(process.argv.slice(2));
}

run().then((code) => {
  process.exitCode = code;
});
