// Builds the CLI bundle (cli/main.ts → dist-cli/quotabar.mjs plus lazily loaded chunks) with esbuild,
// and tells bin/quotabar.mjs whether an existing bundle is still current. Plain bundled JavaScript
// starts in a fraction of the time tsx needs; the freshness check keeps edited sources from running
// as an old bundle. This file imports only node built-ins at the top: bin/quotabar.mjs loads it on
// every run, and esbuild is loaded only when a build is needed.
// Usage: node scripts/build-cli.mjs [--outdir dir] [--minify] [--if-possible]
//   --if-possible  exit 0 with a note when esbuild is not installed (`npm ci --omit=dev` runs `prepare` too)
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUTDIR = join(root, 'dist-cli');
const ENTRY = 'quotabar.mjs';
/** The project files the bundle was built from (paths relative to the root), read by bundleState. */
const MANIFEST = 'inputs.json';
const THIS_FILE = relative(root, fileURLToPath(import.meta.url)).split('\\').join('/');

/** Thrown by buildCli when esbuild cannot be loaded (a production-only install). */
export class EsbuildMissing extends Error {}

/**
 * 'missing' when there is no bundle; 'stale' when a source it was built from (or this build script)
 * changed after the build started, or is gone; else 'fresh'. A copy without the sources (cli/main.ts
 * absent) has nothing to compare with and counts as fresh. Costs one stat per project input (~1 ms).
 */
export function bundleState(outdir = DEFAULT_OUTDIR, base = root) {
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
  for (const file of inputs) {
    try {
      if (statSync(join(base, file)).mtimeMs > builtAt) return 'stale';
    } catch {
      return 'stale';
    }
  }
  return 'fresh';
}

/**
 * Builds the bundle into `outdir`. Files are written beside their final name and renamed into place,
 * the entry last, so a concurrent run (parallel tests) sees the old bundle or the new one, never half.
 * The entry's time is set to when the build started: a source saved during the build counts as newer.
 */
export async function buildCli({ outdir = DEFAULT_OUTDIR, minify = false, logLevel = 'warning', prune = false } = {}) {
  const startedAt = new Date();
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (e) {
    throw new EsbuildMissing(`esbuild is not installed (${e instanceof Error ? e.message.split('\n')[0] : e})`);
  }
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { quotabar: 'cli/main.ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Each dynamic import becomes its own chunk: `--help` and `--version` parse only the entry.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // A native module: it cannot be bundled, and is loaded only when the keychain is used.
    external: ['@napi-rs/keyring'],
    plugins: [cjsNamedImports()],
    // Bundled CommonJS (undici) requires node built-ins: ESM output has no `require` of its own.
    banner: { js: "import { createRequire as __quotabarRequire } from 'node:module'; const require = __quotabarRequire(import.meta.url);" },
    minify,
    metafile: true,
    write: false,
    logLevel,
    outdir,
  });
  // Project files only: installed packages change through `npm ci` or a bare `npm install`, whose
  // `prepare` rebuilds anyway; a name with a colon is a plugin's virtual module, not a file.
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/') && !f.includes(':'));
  const entryPath = join(outdir, ENTRY);
  const files = result.outputFiles;
  for (const f of files.filter((x) => x.path !== entryPath)) writeAtomically(f.path, f.contents);
  writeAtomically(join(outdir, MANIFEST), `${JSON.stringify({ inputs: [...inputs, THIS_FILE].sort() }, null, 1)}\n`);
  const entry = files.find((x) => x.path === entryPath);
  if (!entry) throw new Error(`esbuild wrote no ${ENTRY}`);
  writeAtomically(entryPath, entry.contents, startedAt);
  if (prune) pruneChunks(outdir, new Set(files.map((x) => x.path)));
  return { entry: entryPath, files: files.length, inputs: inputs.length };
}

/**
 * How a dynamically imported CommonJS package is loaded. esbuild's chunk for one exports only
 * `default`, so `const { Agent } = await import('undici')` would get undefined: each gets a small ESM
 * module that re-exports the names its index.js assigns. The native keyring stays outside the bundle
 * and is loaded with require(): Node's import() of CommonJS first scans the file for its export
 * names, ~10 ms of a ~100 ms `status` run.
 */
const CJS_IMPORTS = { undici: 'bundle', '@napi-rs/keyring': 'require' };

function cjsNamedImports() {
  return {
    name: 'cjs-named-imports',
    setup(build) {
      for (const [pkg, how] of Object.entries(CJS_IMPORTS)) {
        const names = assignedExports(pkg);
        // Not installed here: leave the import alone; using it then fails as it would have anyway.
        if (!names.length) continue;
        const filter = new RegExp(`^${pkg.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
        build.onResolve({ filter }, (args) =>
          args.kind === 'dynamic-import' && args.namespace !== 'cjs-named' ? { path: pkg, namespace: 'cjs-named' } : undefined,
        );
        const load =
          how === 'require'
            ? `import { createRequire } from 'node:module';\nconst cjs = createRequire(import.meta.url)(${JSON.stringify(pkg)});`
            : `import cjs from ${JSON.stringify(pkg)};`;
        build.onLoad({ filter, namespace: 'cjs-named' }, () => ({
          contents: `${load}\nexport default cjs;\nexport const { ${names.join(', ')} } = cjs;\n`,
          loader: 'js',
          resolveDir: root,
        }));
      }
    },
  };
}

/** The names a package's index.js assigns as `module.exports.name = …`; none when it is not installed. */
function assignedExports(pkg) {
  try {
    const index = readFileSync(join(root, 'node_modules', ...pkg.split('/'), 'index.js'), 'utf8');
    return [...index.matchAll(/^module\.exports\.([A-Za-z_$][\w$]*) =/gm)].map((m) => m[1]);
  } catch {
    return [];
  }
}

function writeAtomically(path, contents, mtime = null) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  if (mtime) utimesSync(tmp, mtime, mtime);
  renameSync(tmp, path);
}

/** Chunks left by earlier builds (their names carry a content hash). Only on an explicit build. */
function pruneChunks(outdir, keep) {
  const dir = join(outdir, 'chunks');
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (!keep.has(join(dir, name))) rmSync(join(dir, name), { force: true });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const i = process.argv.indexOf('--outdir');
  const outdir = i > 0 ? resolve(process.argv[i + 1]) : undefined;
  try {
    const r = await buildCli({ outdir, minify: process.argv.includes('--minify'), prune: true });
    console.log(`built ${relative(process.cwd(), r.entry) || r.entry} (${r.files} files from ${r.inputs} project sources)`);
  } catch (e) {
    if (!(e instanceof EsbuildMissing && process.argv.includes('--if-possible'))) throw e;
    console.log(`CLI bundle not built: ${e.message}. bin/quotabar.mjs will say how to build it.`);
  }
}
