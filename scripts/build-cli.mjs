// Builds the CLI bundle (cli/main.ts → dist-cli/quotabar.cjs; cli/cost-main.ts → cost.cjs and
// cli/statusline-main.ts → statusline.cjs; undici and the price table beside them) with esbuild.
// Plain bundled JavaScript starts in a fraction of the time tsx needs. The list of sources written
// beside it lets bin/quotabar.cjs tell (scripts/cli-bundle.cjs) when an edit made it stale; the bin
// imports this file, and esbuild with it, only when a build is needed.
// Usage: node scripts/build-cli.mjs [--outdir dir] [--minify] [--if-possible]
//   --minify       also shorten identifiers (whitespace and syntax are always minified)
//   --if-possible  exit 0 with a note when esbuild is not installed (`npm ci --omit=dev` runs `prepare` too)
import { existsSync, mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import bundle from './cli-bundle.cjs';

const { DEFAULT_OUTDIR, ENTRY, MANIFEST, OWN_ENTRIES } = bundle;
export const { bundleState } = bundle;
export { DEFAULT_OUTDIR };
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const THIS_FILE = relative(root, fileURLToPath(import.meta.url)).split('\\').join('/');

/** Thrown by buildCli when esbuild cannot be loaded (a production-only install). */
export class EsbuildMissing extends Error {}

/**
 * Builds the bundle into `outdir`. Files are written beside their final name and renamed into place,
 * the entry last, so a concurrent run (parallel tests) sees the old bundle or the new one, never half.
 * The entry's time is set to when the build started: a source saved during the build counts as newer.
 */
export async function buildCli({ outdir = DEFAULT_OUTDIR, minify = false, logLevel = 'warning' } = {}) {
  const startedAt = new Date();
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (e) {
    throw new EsbuildMissing(`esbuild is not installed (${e instanceof Error ? e.message.split('\n')[0] : e})`);
  }
  const result = await esbuild.build({
    absWorkingDir: root,
    // undici gets a file of its own, loaded by the first HTTP request (see undiciBeside); so does the
    // price table, loaded by `quotabar cost` only when it meets a model it has no cached prices for.
    // `cost` and `statusline` have entries of their own (bin/quotabar.cjs picks them), where the project has their sources.
    entryPoints: { quotabar: 'cli/main.ts', ...ownEntries(), undici: 'undici', 'genai-prices': '@pydantic/genai-prices' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    // CommonJS, required by bin/quotabar.cjs: the same code split into ES modules took ~15-20 ms
    // longer per run here (async loading per file, export scans of CommonJS and built-ins).
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // Dynamic imports become require() inside a lazily run wrapper: the modules a command needs are
    // in the file but run only when it imports them, so --help and --version run almost nothing.
    supported: { 'dynamic-import': false },
    // Native modules: they cannot be bundled, and are loaded only when the keychain or history is used.
    external: ['@napi-rs/keyring', 'libsql'],
    plugins: [undiciBeside(), besideAs(/^@pydantic\/genai-prices$/, './genai-prices.cjs')],
    // Whitespace and syntax only: ~25% less to read and parse (~5 ms a run) while function names stay
    // readable in stack traces; the source map serves NODE_OPTIONS=--enable-source-maps.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: minify,
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel,
    outdir,
  });
  // Project files only: installed packages change through `npm ci` or a bare `npm install`, whose
  // `prepare` rebuilds anyway.
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  const entryPath = join(outdir, ENTRY);
  const files = result.outputFiles;
  for (const f of files.filter((x) => x.path !== entryPath)) writeAtomically(f.path, f.contents);
  writeAtomically(join(outdir, MANIFEST), `${JSON.stringify({ inputs: [...inputs, THIS_FILE].sort() }, null, 1)}\n`);
  const entry = files.find((x) => x.path === entryPath);
  if (!entry) throw new Error(`esbuild wrote no ${ENTRY}`);
  writeAtomically(entryPath, entry.contents, startedAt);
  return { entry: entryPath, files: files.length, inputs: inputs.length };
}

/** The commands' own entries (scripts/cli-bundle.cjs OWN_ENTRIES) whose sources this project has. */
const ownEntries = () => Object.fromEntries(Object.entries(OWN_ENTRIES).filter(([, source]) => existsSync(join(root, source))));

/** The CLI's `import('undici')` loads dist-cli/undici.cjs, built beside it, instead of bundling it in. */
function undiciBeside() {
  return {
    name: 'undici-beside',
    setup(build) {
      build.onResolve({ filter: /^undici$/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: './undici.cjs', external: true }));
    },
  };
}

/** Like undiciBeside, for another package built as its own entry. */
function besideAs(filter, path) {
  return {
    name: `beside:${path}`,
    setup(build) {
      build.onResolve({ filter }, (args) => (args.kind === 'entry-point' ? undefined : { path, external: true }));
    },
  };
}

function writeAtomically(path, contents, mtime = null) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  if (mtime) utimesSync(tmp, mtime, mtime);
  renameSync(tmp, path);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const i = process.argv.indexOf('--outdir');
  const outdir = i > 0 ? resolve(process.argv[i + 1]) : undefined;
  try {
    const r = await buildCli({ outdir, minify: process.argv.includes('--minify') });
    console.log(`built ${relative(process.cwd(), r.entry) || r.entry} and undici.cjs beside it (from ${r.inputs} project sources)`);
  } catch (e) {
    if (!(e instanceof EsbuildMissing && process.argv.includes('--if-possible'))) throw e;
    console.log(`CLI bundle not built: ${e.message}. bin/quotabar.cjs will say how to build it.`);
  }
}
