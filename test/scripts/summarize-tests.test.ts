import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The closing lines of scripts/test.sh, read from Vitest JSON reports of the shape Vitest writes.
const script = fileURLToPath(new URL('../../scripts/summarize-tests.mjs', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';
beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'quotabar-summary-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

const test = (status: string, ancestorTitles: string[], title = 't') => ({ status, ancestorTitles, title, fullName: [...ancestorTitles, title].join(' ') });

async function report(name: string, body: object): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(body));
  return file;
}

function summarize(...files: string[]): Promise<{ code: number; lines: string[] }> {
  return new Promise((resolve) =>
    execFile(process.execPath, [script, ...files], { cwd: root }, (err, stdout) =>
      resolve({ code: err ? Number((err as { code?: number }).code) : 0, lines: stdout.trim().split('\n') }),
    ),
  );
}

const SUITE = 'Playwright-Electron suite [skipped: no Electron binary in node_modules/electron]';

describe('the test summary', () => {
  it('names each skipped suite with its place, its test count and its reason, above the closing line', async () => {
    const unit = await report('unit.json', { numPassedTests: 12, numFailedTests: 0, numPendingTests: 0, testResults: [] });
    const electron = await report('electron.json', {
      numPassedTests: 0,
      numFailedTests: 0,
      numPendingTests: 3,
      testResults: [
        { name: join(root, 'test/electron-app/popover.test.ts'), assertionResults: [test('skipped', [SUITE, 'the popover']), test('skipped', [SUITE, 'the popover'])] },
        { name: join(root, 'test/electron-app/settings.test.ts'), assertionResults: [test('skipped', [SUITE, 'the settings window'])] },
      ],
    });
    const { code, lines } = await summarize(unit, electron);
    expect(lines).toEqual([
      'skipped: Playwright-Electron suite (test/electron-app, 3 tests): no Electron binary in node_modules/electron',
      '12 passed, 0 failed, 3 skipped',
    ]);
    expect(code).toBe(0);
  });

  it('lists a skipped test that gives no reason by its file, rather than dropping it', async () => {
    const r = await report('unit.json', {
      numPassedTests: 4,
      numFailedTests: 0,
      numPendingTests: 1,
      testResults: [{ name: join(root, 'test/core/poller.test.ts'), assertionResults: [test('passed', ['poller']), test('skipped', ['poller'], 'someday')] }],
    });
    expect((await summarize(r)).lines).toEqual(['skipped: test/core/poller.test.ts (1 test): no reason given in its title', '4 passed, 0 failed, 1 skipped']);
  });

  it('always ends with the three counts, and counts a missing report as a failure', async () => {
    const unit = await report('unit.json', { numPassedTests: 2, numFailedTests: 0, numPendingTests: 0, testResults: [] });
    expect(await summarize(unit)).toEqual({ code: 0, lines: ['2 passed, 0 failed, 0 skipped'] });
    const missing = await summarize(unit, join(dir, 'e2e.json'));
    expect(missing.code).toBe(1);
    expect(missing.lines.at(-1)).toBe('2 passed, 1 failed, 0 skipped');
  });
});
