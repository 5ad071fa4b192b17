// `quotabar statusline` as Claude Code runs it: the real bin, stdin piped, after every message. It
// always prints a line and exits 0; it records the rate limits under the data folder; install and
// uninstall edit a real settings.json, chain the status line that was there, and put it back.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../core/providers/load-fixture';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'quotabar.mjs');
// The recorded payload with its resets moved ahead of the real clock these runs use.
const nowSec = Math.floor(Date.now() / 1000);
const SESSION_RESET = nowSec + 7200;
const WEEK_RESET = nowSec + 5 * 86400;
const stdin = fixtureText('claude', 'statusline-max').replace('1790002800', String(SESSION_RESET)).replace('1790452800', String(WEEK_RESET));

/** A user's machine: an empty home, a Claude Code folder and Quotabar's data folder. */
function machine() {
  const home = mkdtempSync(join(tmpdir(), 'quotabar-statusline-'));
  const claudeDir = join(home, '.claude');
  mkdirSync(claudeDir);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: join(home, 'data') };
  const run = (args: string[], input = '', extra: NodeJS.ProcessEnv = {}) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [bin, ...args], { env: { ...env, ...extra }, cwd: home }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end(input);
    });
  const readings = () => {
    const dir = join(home, 'data', 'quotabar', 'statusline');
    return existsSync(dir) ? readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>) : [];
  };
  const settings = join(claudeDir, 'settings.json');
  return { home, claudeDir, settings, run, readings };
}

describe('quotabar statusline', () => {
  it('prints one line with the model, 5-hour and weekly use, and records the rate limits under $XDG_DATA_HOME/quotabar', async () => {
    const m = machine();
    const r = await m.run(['statusline'], stdin);
    expect(r).toEqual({ code: 0, stdout: 'Opus 4.5 · 5h 43 % · week 18 %\n', stderr: '' });
    const [reading, ...more] = m.readings();
    expect(more).toEqual([]);
    expect(reading).toMatchObject({
      version: 1,
      model: 'Opus 4.5',
      rate_limits: { five_hour: { used_percentage: 42.5, resets_at: SESSION_RESET }, seven_day: { used_percentage: 18, resets_at: WEEK_RESET } },
    });
    expect(Date.parse(String(reading!.observed_at))).toBeGreaterThan(Date.now() - 60_000);
  });

  it('prints a plain line and exits 0 for empty stdin and for garbage, recording nothing', async () => {
    const m = machine();
    for (const input of ['', 'garbage {', '\u0000\u0001']) {
      expect(await m.run(['statusline'], input)).toEqual({ code: 0, stdout: 'Quotabar: no status data on stdin\n', stderr: '' });
    }
    expect(m.readings()).toEqual([]);
  });

  it('keeps the last reading when a later message carries no rate limits', async () => {
    const m = machine();
    await m.run(['statusline'], stdin);
    const r = await m.run(['statusline'], JSON.stringify({ model: { display_name: 'Opus 4.5' } }));
    expect(r.stdout).toBe('Opus 4.5 · 5h – · week –\n');
    expect(m.readings()).toHaveLength(1);
    expect(m.readings()[0]).toMatchObject({ rate_limits: { five_hour: { used_percentage: 42.5 } } });
  });

  it('files each Claude Code folder’s reading apart (CLAUDE_CONFIG_DIR of the run)', async () => {
    const m = machine();
    const work = join(m.home, 'claude-work');
    mkdirSync(work);
    await m.run(['statusline'], stdin);
    await m.run(['statusline'], stdin.replace('42.5', '90'), { CLAUDE_CONFIG_DIR: work });
    expect(m.readings().map((r) => (r.rate_limits as { five_hour: { used_percentage: number } }).five_hour.used_percentage).sort()).toEqual([42.5, 90]);
  });
});

describe('quotabar statusline install / uninstall on a real settings.json', () => {
  it('chains the status line that was set, keeps every other setting and a backup, and uninstall puts it back exactly', async () => {
    const m = machine();
    const original = `${JSON.stringify({ model: 'opus', statusLine: { type: 'command', command: 'printf "theirs:"; head -c 1', padding: 1 }, permissions: { allow: ['Bash(ls:*)'] } }, null, 2)}\n`;
    writeFileSync(m.settings, original);

    const installed = await m.run(['statusline', 'install']);
    expect(installed.code).toBe(0);
    expect(installed.stdout).toContain('now runs `quotabar statusline`');
    expect(installed.stdout).toContain('Your previous status line (printf "theirs:"; head -c 1) still runs, after ours.');
    expect(readFileSync(`${m.settings}.quotabar-backup`, 'utf8')).toBe(original);
    const after = JSON.parse(readFileSync(m.settings, 'utf8')) as { model: string; statusLine: { command: string; padding: number }; permissions: unknown };
    expect(Object.keys(after)).toEqual(['model', 'statusLine', 'permissions']);
    expect(after.permissions).toEqual({ allow: ['Bash(ls:*)'] });
    expect(after.statusLine.padding).toBe(1);

    // The command written runs this install (absolute node and bin), through a shell as Claude Code does.
    expect(after.statusLine.command.startsWith(`${process.execPath} `)).toBe(true);
    // Installed through the older .mjs entry, it names the package's bin, which starts sooner.
    expect(after.statusLine.command).toContain(join(root, 'bin', 'quotabar.cjs'));
    expect(after.statusLine.command).not.toContain('quotabar.mjs');
    const viaShell = await new Promise<string>((resolve) => {
      const child = execFile('/bin/sh', ['-c', after.statusLine.command], { env: { PATH: process.env.PATH, HOME: m.home, XDG_DATA_HOME: join(m.home, 'data') } }, (_e, out) => resolve(out));
      child.stdin?.end(stdin);
    });
    expect(viaShell).toBe('Opus 4.5 · 5h 43 % · week 18 %\ntheirs:{\n');

    // Idempotent: a second install changes nothing and never chains our own command.
    const again = await m.run(['statusline', 'install']);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('already runs') });
    expect((await m.run(['statusline'], stdin)).stdout).toBe('Opus 4.5 · 5h 43 % · week 18 %\ntheirs:{\n');

    const removed = await m.run(['statusline', 'uninstall']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('Your previous status line (printf "theirs:"; head -c 1) is back');
    expect(JSON.parse(readFileSync(m.settings, 'utf8'))).toEqual(JSON.parse(original));
    expect((await m.run(['statusline', 'uninstall'])).stdout).toContain("is not Quotabar's (printf \"theirs:\"; head -c 1); it was left as it is");
  });

  it('creates the setting when there was none, and uninstall removes just it', async () => {
    const m = machine();
    writeFileSync(m.settings, '{"theme":"light"}');
    expect((await m.run(['statusline', 'install'])).code).toBe(0);
    expect((await m.run(['statusline', 'uninstall'])).code).toBe(0);
    expect(JSON.parse(readFileSync(m.settings, 'utf8'))).toEqual({ theme: 'light' });
    expect((await m.run(['statusline', 'uninstall'])).stdout).toContain('has no Quotabar status line; nothing changed');
  });

  it('refuses a settings.json that is not valid JSON and writes nothing', async () => {
    const m = machine();
    writeFileSync(m.settings, '{ "theme": "dark", // a comment\n}');
    const r = await m.run(['statusline', 'install']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not valid JSON, so Quotabar did not touch it');
    expect(readFileSync(m.settings, 'utf8')).toBe('{ "theme": "dark", // a comment\n}');
    expect(readdirSync(m.claudeDir)).toEqual(['settings.json']);
  });

  it('honours CLAUDE_CONFIG_DIR, and the command it writes records under that folder', async () => {
    const m = machine();
    const other = join(m.home, 'claude-work');
    mkdirSync(other);
    expect((await m.run(['statusline', 'install'], '', { CLAUDE_CONFIG_DIR: other })).code).toBe(0);
    expect(existsSync(m.settings)).toBe(false);
    const command = (JSON.parse(readFileSync(join(other, 'settings.json'), 'utf8')) as { statusLine: { command: string } }).statusLine.command;
    expect(command).toMatch(/statusline --config-dir .*claude-work'?$/);
  });

  it('says when the Claude Code folder does not exist', async () => {
    const m = machine();
    const r = await m.run(['statusline', 'install'], '', { CLAUDE_CONFIG_DIR: join(m.home, 'nope') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does not exist: run Claude Code once first, or set CLAUDE_CONFIG_DIR to the folder it uses');
  });
});
