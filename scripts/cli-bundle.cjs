// Where the CLI bundle lives and whether it is current: the part of scripts/build-cli.mjs that
// bin/quotabar.cjs needs on every run. CommonJS, so the bin can require() it: an ES module here
// would cost each run the ES loader's work for one more file (~3 ms of a ~45 ms `status`).
'use strict';
const { existsSync, readFileSync, statSync } = require('node:fs');
const { join, sep } = require('node:path');

const root = join(__dirname, '..');
const DEFAULT_OUTDIR = join(root, 'dist-cli');
const ENTRY = 'quotabar.cjs';
/**
 * Commands with an entry of their own (`<command>.cjs` beside the whole CLI's, which is written last):
 * bin/quotabar.cjs loads that smaller bundle for them, ~10 ms sooner. By command, their sources.
 */
const OWN_ENTRIES = { cost: 'cli/cost-main.ts', statusline: 'cli/statusline-main.ts' };

/** The bundle file of `command`'s own entry, or null when it runs in the whole CLI. */
const ownBundle = (command) => (typeof command === 'string' && Object.hasOwn(OWN_ENTRIES, command) ? `${command}.cjs` : null);
/** The project files the bundle was built from (paths relative to the root), written by the build. */
const MANIFEST = 'inputs.json';

/**
 * 'missing' when there is no bundle; 'stale' when a source it was built from (or the build script)
 * changed after the build started, or is gone; else 'fresh'. A copy without the sources (cli/main.ts
 * absent) has nothing to compare with and counts as fresh. Costs one stat per project input (~1 ms).
 */
function bundleState(outdir = DEFAULT_OUTDIR, base = root) {
  let builtAt;
  try {
    builtAt = statSync(join(outdir, ENTRY)).mtimeMs;
  } catch {
    return 'missing';
  }
  if (!existsSync(join(base, 'cli', 'main.ts'))) return 'fresh';
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(outdir, MANIFEST), 'utf8')).inputs;
  } catch {
    return 'stale';
  }
  if (!Array.isArray(inputs)) return 'stale';
  // Concatenated, not path.join: a join per input (~170) on every run made V8 optimize path.join,
  // and that first optimizing compile cost each CLI run ~4.5 MiB of resident memory.
  const prefix = base + sep;
  for (const file of inputs) {
    try {
      if (statSync(prefix + file).mtimeMs > builtAt) return 'stale';
    } catch {
      return 'stale';
    }
  }
  return 'fresh';
}

module.exports = { DEFAULT_OUTDIR, ENTRY, MANIFEST, OWN_ENTRIES, bundleState, ownBundle };
