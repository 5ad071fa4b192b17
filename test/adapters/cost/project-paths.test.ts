// Project names for the Cost window from real log files: the folder each project's logs were written
// in, home as `~`, the folder's own name where no log says.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLedger } from '../../../adapters/cost/ledger';
import { withTilde } from '../../../adapters/cost/project-paths';
import { claudeLine } from '../../core/cost/fixtures';

let home: string;
beforeEach(() => void (home = mkdtempSync(join(tmpdir(), 'quotabar-projects-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

const put = (rel: string, lines: string[]) => {
  mkdirSync(join(home, rel, '..'), { recursive: true });
  writeFileSync(join(home, rel), `${lines.join('\n')}\n`);
};
const withCwd = (line: string, cwd: string) => JSON.stringify({ ...JSON.parse(line), cwd });
const env = () => ({ CLAUDE_CONFIG_DIR: join(home, 'claude'), CODEX_HOME: join(home, 'codex'), QUOTABAR_CACHE_DIR: join(home, 'cache'), TZ: 'UTC' });

describe('project names', () => {
  it('are the folders the logs were written in, home as ~, else the folder names; only when asked for', async () => {
    put('claude/projects/-HOME-my-app/a.jsonl', [JSON.stringify({ type: 'summary', summary: 's' }), withCwd(claudeLine({ id: 'm1' }), join(home, 'my.app'))]);
    // The first session says nothing; the second does.
    put('claude/projects/-srv-tool/a.jsonl', [claudeLine({ id: 'm2' })]);
    put('claude/projects/-srv-tool/b.jsonl', [withCwd(claudeLine({ id: 'm3' }), '/srv/tool')]);
    put('claude/projects/-old/a.jsonl', [claudeLine({ id: 'm4' })]);
    const asked = await loadLedger({ env: env(), homedir: home, platform: 'linux', projectPaths: true });
    expect(asked.ledger.projectPaths).toEqual({ '-HOME-my-app': '~/my.app', '-srv-tool': '/srv/tool' });
    expect(asked.ledger.days[0]!.projects.map((p) => p.project).sort()).toEqual(['-HOME-my-app', '-old', '-srv-tool']);
    // The summary's answer is named too; `quotabar cost` does not ask.
    expect((await loadLedger({ env: env(), homedir: home, platform: 'linux', projectPaths: true })).ledger.projectPaths).toEqual(asked.ledger.projectPaths);
    expect((await loadLedger({ env: env(), homedir: home, platform: 'linux' })).ledger.projectPaths).toBeUndefined();
  });

  it('write a leading home folder as ~ only at a folder boundary, with either slash', () => {
    expect(withTilde('/home/dev/app', '/home/dev')).toBe('~/app');
    expect(withTilde('/home/dev', '/home/dev/')).toBe('~');
    expect(withTilde('/home/developer/app', '/home/dev')).toBe('/home/developer/app');
    expect(withTilde('C:\\Users\\me\\app', 'C:\\Users\\me')).toBe('~\\app');
    expect(withTilde('/srv/app', '')).toBe('/srv/app');
  });
});
