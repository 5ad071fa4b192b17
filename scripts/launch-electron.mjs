// The one place that starts the tray app's Electron process, plus the npm steps around it; shared by
// `npm run app` (scripts/app.mjs) and `npm start` (scripts/start.mjs).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project folder (holds package.json, whose "main" is the built Electron entry). */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs `<binary> <projectRoot> ...args` with inherited stdio and resolves to its exit code. Extra
 * arguments reach Chromium too (e.g. --ozone-platform=x11). SIGINT/SIGTERM are passed on, as electron's cli.js does.
 */
export function launchElectron(binary, args = [], { env = process.env } = {}) {
  const childEnv = { ...env };
  // Set by some editors' terminals; it would make the binary behave as plain Node and ignore the app.
  delete childEnv.ELECTRON_RUN_AS_NODE;
  return run(binary, [projectRoot, ...args], { env: childEnv, windowsHide: false });
}

/** `npm <args>` in the project folder; resolves to its exit code. */
export function runNpm(args, { env = process.env } = {}) {
  // npm is npm.cmd on Windows, which only a shell can start.
  return run('npm', args, { env, shell: process.platform === 'win32' });
}

/** Builds the renderer and main bundles, then launches Electron on them. */
export async function buildAndLaunch(binary, args = []) {
  const built = await runNpm(['run', '-s', 'build']);
  return built === 0 ? launchElectron(binary, args) : built;
}

/**
 * The browser preview with `args`. QUOTABAR_PREVIEW_SCRIPT (a Node script run in its place) exists for
 * tests that must not start the real preview.
 */
export function startPreview(args = [], { env = process.env } = {}) {
  if (env.QUOTABAR_PREVIEW_SCRIPT) return run(process.execPath, [env.QUOTABAR_PREVIEW_SCRIPT, ...args], { env });
  return runNpm(['run', '-s', 'preview', '--', ...args], { env });
}

function run(cmd, argv, options) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd: projectRoot, stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    const signals = ['SIGINT', 'SIGTERM'];
    for (const s of signals) process.on(s, forward);
    const done = (code) => {
      for (const s of signals) process.off(s, forward);
      resolve(code);
    };
    child.once('error', (e) => {
      process.stderr.write(`quotabar: could not start ${cmd}: ${e.message}\n`);
      done(1);
    });
    child.once('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
