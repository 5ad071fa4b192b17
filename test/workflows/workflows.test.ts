// The GitHub Actions workflows: actionlint over every file, then what the project asks of them
// (three operating systems in CI, releases from version tags, signing skipped out loud without secrets).
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintWorkflow } from './lint';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, '.github', 'workflows');
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix: { os: string[] } };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
const text = (name: string) => readFileSync(join(dir, name), 'utf8');
const load = (name: string) => yaml.load(text(name)) as Workflow;
const step = (job: Job, pred: (s: Step) => boolean, what: string): Step => {
  const found = job.steps.find(pred);
  expect(found, what).toBeDefined();
  return found!;
};
const runs = (job: Job, command: string) => job.steps.filter((s) => s.run?.includes(command));

describe('actionlint', () => {
  it('finds the CI and release workflows', () => {
    expect(files).toEqual(['ci.yml', 'release.yml']);
  });

  for (const name of files) {
    it(`has nothing to say about ${name}`, async () => {
      expect(await lintWorkflow(text(name), `.github/workflows/${name}`)).toEqual([]);
    });
  }

  it('does report a broken workflow, so a clean result means something', async () => {
    const broken = [
      'on: pushh',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    timeout-minutes: soon',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: echo ${{ matrix.os }}',
    ].join('\n');
    expect(await lintWorkflow(broken, 'broken.yml')).toEqual([
      expect.stringMatching(/^broken\.yml:1:\d+: unknown Webhook event "pushh"/),
      expect.stringMatching(/^broken\.yml:5:\d+: expecting a single \$\{\{\.\.\.\}\} expression or float number literal/),
      expect.stringMatching(/^broken\.yml:8:\d+: property "os" is not defined/),
    ]);
  });

  it('reports invalid YAML that crashes the linter instead of passing it', async () => {
    const found = await lintWorkflow('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "a: b" || echo c: d\n', 'bad-yaml.yml');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^bad-yaml\.yml: /);
  });
});

describe('the CI workflow', () => {
  const ci = load('ci.yml');
  const job = ci.jobs.test!;

  it('runs on every push and pull request, on Linux, macOS and Windows', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(job.strategy?.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(job['runs-on']).toBe('${{ matrix.os }}');
  });

  it('uses Node 20 with the npm cache, then npm ci and the real Electron binary', () => {
    const node = step(job, (s) => s.uses?.startsWith('actions/setup-node@') === true, 'setup-node');
    expect(node.with).toEqual({ 'node-version': 20, cache: 'npm' });
    const order = ['npm ci', 'node scripts/ensure-electron.mjs', 'npm run typecheck', 'npx vitest run'].map((c) =>
      job.steps.findIndex((s) => s.run?.startsWith(c)),
    );
    expect(order.every((i) => i >= 0), 'every step present').toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('runs the keychain suite on Linux only, where it has a Secret Service to talk to', () => {
    const keychain = runs(job, 'test:keychain');
    expect(keychain).toHaveLength(1);
    expect(keychain[0]!.if).toBe("runner.os == 'Linux'");
    expect(readFileSync(join(root, 'test/keychain/keyring-secret-store.test.ts'), 'utf8')).toContain("store: 'secret-service'");
  });

  it('runs the smoke run and the Electron suite on every OS, under a virtual display on Linux, and keeps the smoke report', () => {
    for (const script of ['npm run smoke', 'npm run test:electron']) {
      const steps = runs(job, script);
      expect(steps.map((s) => [s.if, s.run!.trim()])).toEqual([
        ["runner.os == 'Linux'", `xvfb-run -a ${script}`],
        ["runner.os != 'Linux'", script],
      ]);
    }
    const upload = step(job, (s) => s.uses === 'actions/upload-artifact@v4', 'upload-artifact');
    expect(upload.if).toBe('always()');
    expect(upload.with?.path).toBe('smoke-report.json');
  });

  it('installs what Electron, xvfb and the keyring need on Linux', () => {
    const apt = step(job, (s) => s.run?.includes('apt-get install') === true, 'apt step');
    for (const p of ['xvfb', 'dbus-x11', 'gnome-keyring', 'libnss3', 'libgbm1', 'libgtk-3-0', 'libasound2']) expect(apt.run).toContain(p);
  });

  it('calls only scripts and files that exist', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const s of job.steps) {
      for (const m of s.run?.matchAll(/npm run ([\w:-]+)/g) ?? []) expect(pkg.scripts, `npm run ${m[1]}`).toHaveProperty([m[1]!]);
    }
    for (const f of ['scripts/ensure-electron.mjs', 'scripts/with-keyring.sh', 'vitest.keychain.config.ts']) expect(existsSync(join(root, f)), f).toBe(true);
  });
});

describe('the release workflow', () => {
  const rel = load('release.yml');
  const build = rel.jobs.build!;
  const publish = rel.jobs.publish!;
  const installers = step(build, (s) => s.name === 'Build installers', 'Build installers step');

  it('runs on version tags only', () => {
    expect(rel.on).toEqual({ push: { tags: ['v*'] } });
  });

  it('builds on macOS, Windows and Linux with electron-builder after the app build, rpm tools on Linux', () => {
    expect(build.strategy?.matrix.os.slice().sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    const i = build.steps.findIndex((s) => s.run?.trim() === 'npm run build');
    expect(i).toBeGreaterThan(0);
    expect(build.steps.indexOf(installers)).toBeGreaterThan(i);
    expect(installers.run).toContain('npx electron-builder --config electron-builder.yml --publish never');
    const rpm = step(build, (s) => s.run?.includes('apt-get install') === true, 'apt step');
    expect([rpm.if, /\brpm\b/.test(rpm.run!)]).toEqual(["runner.os == 'Linux'", true]);
    expect(installers.env).toMatchObject({ QUOTABAR_REPO_OWNER: '${{ github.repository_owner }}' });
  });

  it('publishes one release with every installer, the latest*.yml files and SHA256SUMS.txt', () => {
    expect(publish.needs).toBe('build');
    expect(publish.permissions).toEqual({ contents: 'write' });
    const sums = step(publish, (s) => s.run?.includes('sha256sum') === true, 'checksum step');
    expect(sums.run).toContain('SHA256SUMS.txt');
    for (const f of ['latest.yml', 'latest-mac.yml', 'latest-linux.yml']) expect(sums.run).toContain(f);
    const upload = step(build, (s) => s.uses === 'actions/upload-artifact@v4', 'upload-artifact');
    for (const ext of ['dmg', 'zip', 'exe', 'AppImage', 'deb', 'rpm', 'blockmap']) expect(upload.with?.path).toContain(`release/*.${ext}`);
    expect(upload.with?.path).toContain('release/latest*.yml');
    const gh = step(publish, (s) => s.uses === 'softprops/action-gh-release@v2', 'action-gh-release');
    expect(gh.with).toMatchObject({ files: 'dist/*', fail_on_unmatched_files: true });
  });

  // Runs the real step script with electron-builder stubbed, as each runner would (bash on all three).
  function buildStep(env: Record<string, string>): string {
    const tmp = mkdtempSync(join(tmpdir(), 'quotabar-release-'));
    try {
      const shown = ['CSC_IDENTITY_AUTO_DISCOVERY', 'CSC_LINK', 'WIN_CSC_LINK', 'APPLE_ID', 'APPLE_TEAM_ID'].map((v) => `echo "${v}=\${${v}-unset}"`);
      const stub = `npx() {\n  echo "npx $*"\n  ${shown.join('\n  ')}\n}\n`;
      writeFileSync(join(tmp, 'step.sh'), stub + installers.run!);
      const base = { QB_MAC_CSC_LINK: '', QB_MAC_CSC_KEY_PASSWORD: '', QB_WIN_CSC_LINK: '', QB_WIN_CSC_KEY_PASSWORD: '', QB_APPLE_ID: '', QB_APPLE_APP_SPECIFIC_PASSWORD: '', QB_APPLE_TEAM_ID: '' };
      return execFileSync('bash', [join(tmp, 'step.sh')], { env: { PATH: process.env.PATH ?? '', ...base, ...env }, encoding: 'utf8' });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  it.skipIf(process.platform === 'win32')('without secrets, says it skips signing and still builds, unsigned', () => {
    for (const os of ['macOS', 'Windows', 'Linux']) {
      const out = buildStep({ RUNNER_OS: os });
      expect(out, os).toMatch(/Skipping code signing/);
      expect(out, os).toContain('npx electron-builder --config electron-builder.yml --publish never');
      expect(out, os).toContain('CSC_IDENTITY_AUTO_DISCOVERY=false');
      expect(out, os).toMatch(/CSC_LINK=unset\n/);
      expect(out, os).toContain('APPLE_ID=unset');
    }
  });

  it.skipIf(process.platform === 'win32')('with a certificate, signs; notarises only with the whole set of Apple credentials', () => {
    const cert = { QB_MAC_CSC_LINK: 'base64-p12', QB_MAC_CSC_KEY_PASSWORD: 'pw' };
    const signed = buildStep({ RUNNER_OS: 'macOS', ...cert, QB_APPLE_ID: 'dev@example.com' });
    expect(signed).toContain('CSC_LINK=base64-p12');
    expect(signed).toContain('CSC_IDENTITY_AUTO_DISCOVERY=unset');
    expect(signed).toContain('Notarisation skipped');
    expect(signed).toContain('APPLE_ID=unset');
    const notarised = buildStep({ RUNNER_OS: 'macOS', ...cert, QB_APPLE_ID: 'dev@example.com', QB_APPLE_APP_SPECIFIC_PASSWORD: 'x', QB_APPLE_TEAM_ID: 'T' });
    expect(notarised).toContain('APPLE_ID=dev@example.com');
    const windows = buildStep({ RUNNER_OS: 'Windows', ...cert, QB_WIN_CSC_LINK: 'win-p12' });
    expect(windows).toContain('WIN_CSC_LINK=win-p12');
    expect(windows).toMatch(/\nCSC_LINK=unset\n/);
  });
});

describe('every workflow', () => {
  it('pins actions by major version', () => {
    for (const name of files) {
      for (const job of Object.values(load(name).jobs)) {
        for (const s of job.steps) if (s.uses) expect(s.uses, `${name}: ${s.uses}`).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
      }
    }
  });
});
