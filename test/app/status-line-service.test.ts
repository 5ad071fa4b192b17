// Settings' status-line button in the app layer, on real files: it shows whether Claude Code's
// settings.json runs Quotabar's status line (and what ours chains), and Install / Uninstall write
// exactly what `quotabar statusline install|uninstall` writes.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStatusLineService } from '../../app/status-line-service';
import { main, type CliIo } from '../../cli/main';

const SELF = ['/usr/bin/node', '/opt/quotabar/bin/quotabar.mjs'];
const THEIRS = { type: 'command', command: 'printf "theirs"', padding: 1 };

function folder(settings: object | null = { theme: 'dark', statusLine: THEIRS }) {
  const home = mkdtempSync(join(tmpdir(), 'quotabar-statusline-app-'));
  const dir = join(home, 'claude');
  mkdirSync(dir);
  if (settings) writeFileSync(join(dir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  return { home, dir, file: join(dir, 'settings.json'), env: { CLAUDE_CONFIG_DIR: dir } };
}

async function cli(args: string[], f: ReturnType<typeof folder>): Promise<number> {
  const io: CliIo = { stdout: () => undefined, stderr: () => undefined, readStdin: async () => null, self: SELF, env: f.env, homedir: f.home, platform: 'linux' };
  return main(args, io);
}

describe('the status-line button (app layer)', () => {
  it('says it is not installed and that Install keeps the current status line, then installs it as the CLI does', async () => {
    const f = folder();
    const service = createStatusLineService({ env: f.env, homedir: f.home, cli: SELF });
    const before = await service.view();
    expect(before).toMatchObject({ toolName: 'Claude Code', installed: false, file: f.file, chained: 'printf "theirs"', unavailable: null });
    expect(before.text).toBe(`Not installed: ${f.file} runs another status line (\`printf "theirs"\`). Install keeps it and runs it after ours.`);

    const r = await service.change('install');
    expect(r.ok).toBe(true);
    expect(r.message).toContain(`Claude Code now runs \`quotabar statusline\` after each message (${f.file}). Your previous status line (printf "theirs") still runs, after ours.`);
    expect(r.view).toMatchObject({ installed: true, chained: 'printf "theirs"' });
    expect(r.view.text).toBe(`Installed in ${f.file}; your previous command \`printf "theirs"\` runs after ours.`);

    // The same edit through the CLI in a twin folder: the same settings, backup and chain file.
    const twin = folder();
    expect(await cli(['statusline', 'install'], twin)).toBe(0);
    const norm = (x: ReturnType<typeof folder>, name: string) => readFileSync(join(x.dir, name), 'utf8').replaceAll(x.dir, '<dir>');
    for (const name of readdirSync(twin.dir)) expect(norm(f, name)).toBe(norm(twin, name));
    expect(readdirSync(f.dir).sort()).toEqual(readdirSync(twin.dir).sort());
    expect(JSON.parse(readFileSync(f.file, 'utf8')).statusLine.command).toBe(`/usr/bin/node /opt/quotabar/bin/quotabar.mjs statusline --config-dir ${f.dir}`);

    const u = await service.change('uninstall');
    expect(u).toMatchObject({ ok: true, view: { installed: false } });
    expect(u.message).toContain(`Your previous status line (printf "theirs") is back in ${f.file}.`);
    expect(JSON.parse(readFileSync(f.file, 'utf8'))).toEqual({ theme: 'dark', statusLine: THEIRS });
  });

  it('reads an install made by the CLI, with nothing chained when there was no status line', async () => {
    const f = folder({ theme: 'light' });
    expect(await cli(['statusline', 'install'], f)).toBe(0);
    const v = await createStatusLineService({ env: f.env, homedir: f.home, cli: null }).view();
    expect(v).toMatchObject({ installed: true, chained: null, unavailable: null, text: `Installed in ${f.file}.` });
  });

  it('without a CLI to point at, says so and writes nothing', async () => {
    const f = folder(null);
    const service = createStatusLineService({ env: f.env, homedir: f.home, cli: null });
    const r = await service.change('install');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('has no command-line tool for Claude Code to run');
    expect(readdirSync(f.dir)).toEqual([]);
  });

  it('names the missing folder and the variable that points elsewhere', async () => {
    const f = folder(null);
    const v = await createStatusLineService({ env: { CLAUDE_CONFIG_DIR: join(f.dir, 'nope') }, homedir: f.home, cli: SELF }).view();
    expect(v).toMatchObject({ installed: false, file: null });
    expect(v.text).toBe(`${join(f.dir, 'nope')} does not exist: run Claude Code once first, or set CLAUDE_CONFIG_DIR to the folder it uses.`);
  });
});
