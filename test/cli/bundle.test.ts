// The prebuilt CLI bundle: bin/quotabar.cjs (the package's bin) runs dist-cli/, rebuilds it when a source changed, and
// says what to do when it cannot. Small throwaway projects stand in for the repository where the
// test needs to edit sources; the real CLI is built only into a temporary directory.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildCli, bundleState } from '../../scripts/build-cli.mjs';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const temp = () => mkdtempSync(join(tmpdir(), 'quotabar-bundle-'));
const anHourAgo = new Date(Date.now() - 3_600_000);

function write(path: string, text: string, mtime?: Date): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  if (mtime) utimesSync(path, mtime, mtime);
}

/** The bins and the build script in a project of their own, with a one-line CLI. */
function project(opts: { esbuild: boolean }): string {
  const dir = temp();
  for (const f of ['bin/quotabar.cjs', 'bin/quotabar.mjs', 'scripts/build-cli.mjs', 'scripts/cli-bundle.cjs']) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(root, f), join(dir, f));
  }
  write(join(dir, 'package.json'), JSON.stringify({ type: 'module', version: '9.9.9' }));
  write(join(dir, 'cli/main.ts'), "export async function main(argv: string[]): Promise<number> { console.log('v1', ...argv); return 0; }\n");
  if (opts.esbuild) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'junction');
  return dir;
}

async function quotabar(dir: string, ...args: string[]) {
  return runBin(dir, 'bin/quotabar.cjs', ...args);
}

async function runBin(dir: string, bin: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', [join(dir, bin), ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('bin/quotabar.cjs', () => {
  it('builds a missing bundle, then rebuilds it when a source is edited, so the edit is what runs', async () => {
    const dir = project({ esbuild: true });
    expect(await quotabar(dir, 'status')).toMatchObject({ code: 0, stdout: 'v1 status\n', stderr: '' });
    expect(bundleState(join(dir, 'dist-cli'), dir)).toBe('fresh');

    write(join(dir, 'cli/main.ts'), "export async function main(): Promise<number> { console.log('v2'); return 0; }\n");
    // The bundle was built in the same second: date it back so the edit is unambiguously newer.
    utimesSync(join(dir, 'dist-cli/quotabar.cjs'), anHourAgo, anHourAgo);
    expect(bundleState(join(dir, 'dist-cli'), dir)).toBe('stale');
    expect(await quotabar(dir, 'status')).toMatchObject({ code: 0, stdout: 'v2\n' });
  });

  it('is what package.json names, and the older bin/quotabar.mjs runs it, exit codes included', async () => {
    expect((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin).toEqual({ quotabar: 'bin/quotabar.cjs' });
    const dir = project({ esbuild: true });
    write(join(dir, 'cli/main.ts'), "export async function main(argv: string[]): Promise<number> { console.log('v1', ...argv); return argv.length; }\n");
    expect(await quotabar(dir, 'status', '--json')).toMatchObject({ code: 2, stdout: 'v1 status --json\n' });
    expect(await runBin(dir, 'bin/quotabar.mjs', 'status', '--json')).toMatchObject({ code: 2, stdout: 'v1 status --json\n' });
  });

  it('runs a command with an entry of its own from its own bundle, and every other command from the whole CLI', async () => {
    const dir = project({ esbuild: true });
    write(join(dir, 'cli/cost-main.ts'), "export async function main(argv: string[]): Promise<number> { console.log('own', ...argv); return 0; }\n");
    expect(await quotabar(dir, 'cost', '--json')).toMatchObject({ code: 0, stdout: 'own cost --json\n' });
    expect(await quotabar(dir, 'status')).toMatchObject({ code: 0, stdout: 'v1 status\n' });
    // A project without the statusline entry's source runs it in the whole CLI; a name like an Object member too.
    expect(await quotabar(dir, 'statusline')).toMatchObject({ code: 0, stdout: 'v1 statusline\n' });
    expect(await quotabar(dir, 'constructor')).toMatchObject({ code: 0, stdout: 'v1 constructor\n' });
  });

  it('refuses to run when an edited source does not compile, showing esbuild\'s error', async () => {
    const dir = project({ esbuild: true });
    write(join(dir, 'cli/main.ts'), 'export const main = async (: number) => 0;\n');
    const r = await quotabar(dir, '--version');
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('cli/main.ts:1:');
    expect(r.stderr).toContain('quotabar: could not build the CLI from its sources (esbuild errors above)');
  });

  it('stops with one line naming the command to run when there is no bundle and no esbuild', async () => {
    const dir = project({ esbuild: false });
    const r = await quotabar(dir, 'status');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('npm run build:cli');
  });

  it('runs an out-of-date bundle without esbuild only after saying so', async () => {
    const dir = project({ esbuild: false });
    write(join(dir, 'dist-cli/inputs.json'), JSON.stringify({ inputs: ['cli/main.ts'] }));
    write(join(dir, 'dist-cli/quotabar.cjs'), "exports.main = async (argv) => { console.log('old build', ...argv); return 0; };\n", anHourAgo);
    const r = await quotabar(dir, '--version');
    expect(r).toMatchObject({ code: 0, stdout: 'old build --version\n' });
    expect(r.stderr).toMatch(/older than the CLI sources.*npm run build:cli/);
  });
});

describe('bundleState', () => {
  function built(inputs: string[]): string {
    const dir = temp();
    write(join(dir, 'cli/main.ts'), '', anHourAgo);
    write(join(dir, 'core/model.ts'), '', anHourAgo);
    write(join(dir, 'out/inputs.json'), JSON.stringify({ inputs }));
    write(join(dir, 'out/quotabar.cjs'), '', new Date(Date.now() - 60_000));
    return dir;
  }

  it('is missing without a bundle, and fresh when every source is older than it', () => {
    const dir = built(['cli/main.ts', 'core/model.ts']);
    expect(bundleState(join(dir, 'nowhere'), dir)).toBe('missing');
    expect(bundleState(join(dir, 'out'), dir)).toBe('fresh');
  });

  it('is stale when any source is newer, gone, or the list of sources is unreadable', () => {
    const dir = built(['cli/main.ts', 'core/model.ts']);
    write(join(dir, 'core/model.ts'), 'export {};');
    expect(bundleState(join(dir, 'out'), dir)).toBe('stale');

    const gone = built(['cli/main.ts', 'core/removed.ts']);
    expect(bundleState(join(gone, 'out'), gone)).toBe('stale');

    const unlisted = built([]);
    rmSync(join(unlisted, 'out/inputs.json'));
    expect(bundleState(join(unlisted, 'out'), unlisted)).toBe('stale');
  });

  it('counts a copy without the sources as fresh: there is nothing to rebuild from', () => {
    const dir = built(['cli/main.ts']);
    rmSync(join(dir, 'cli'), { recursive: true });
    expect(bundleState(join(dir, 'out'), dir)).toBe('fresh');
  });
});

describe('the built CLI', () => {
  /** Runs the bundle's main() in a fresh node; prints its output, then the built-in modules node loaded. */
  async function runBundle(entry: string, args: string[]) {
    const script = `const { main } = require(${JSON.stringify(entry)});
      main(${JSON.stringify(args)}, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s),
        readStdin: async () => '', env: {}, homedir: require('node:os').tmpdir(), platform: process.platform,
        deps: { secrets: { get: async () => ({ ok: true, value: null }) } } })
        .then(() => process.stdout.write('\\n' + JSON.stringify(process.moduleLoadList)));`;
    const { stdout } = await run('node', ['-e', script]);
    const cut = stdout.lastIndexOf('\n');
    return { out: stdout.slice(0, cut), loaded: JSON.parse(stdout.slice(cut + 1)) as string[] };
  }

  it('answers --version and --help without running the commands, adapters or providers', async () => {
    const outdir = temp();
    const { entry } = await buildCli({ outdir, logLevel: 'error' });
    const version = await runBundle(entry, ['--version']);
    expect(version.out).toBe(`quotabar ${pkg.version}\n`);
    expect((await runBundle(entry, ['--help'])).out).toMatch(/^quotabar — how much AI quota and credit is left\n\nUsage:\n {2}quotabar status/);
    // The file adapter's fs/promises is loaded only by a command that reads files: what keeps the
    // quick answers quick is that none of the command code runs for them.
    const commandOnly = ['NativeModule fs/promises'];
    for (const m of commandOnly) expect(version.loaded).not.toContain(m);
    const status = await runBundle(entry, ['status', '--json', '--provider', 'codex']);
    expect(JSON.parse(status.out).providers[0]).toMatchObject({ providerId: 'codex', status: 'unconfigured' });
    expect(status.loaded).toEqual(expect.arrayContaining(commandOnly));
  });
});
