import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fdWriter } from '../../cli/out';

const root = join(__dirname, '..', '..');

function collecting() {
  const chunks: string[] = [];
  const stream = new Writable({ write: (c: Buffer, _e, done) => void (chunks.push(c.toString()), done()) });
  return { stream, text: () => chunks.join('') };
}

describe('fdWriter', () => {
  it('writes output to a file descriptor itself, whole and in order, leaving the stream untouched', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'quotabar-out-')), 'out.txt');
    const fd = openSync(path, 'w');
    const fallback = collecting();
    const write = fdWriter(fd, () => fallback.stream);
    write('PROVIDER  WINDOW\n');
    write(`${'—'.repeat(20_000)}\n`);
    closeSync(fd);
    expect(readFileSync(path, 'utf8')).toBe(`PROVIDER  WINDOW\n${'—'.repeat(20_000)}\n`);
    expect(fallback.text()).toBe('');
  });

  it('leaves a terminal-like device to the stream, which knows its encoding', () => {
    const fd = openSync(process.platform === 'win32' ? '\\\\.\\NUL' : '/dev/null', 'w');
    const fallback = collecting();
    fdWriter(fd, () => fallback.stream)('quotabar 0.1.0\n');
    closeSync(fd);
    expect(fallback.text()).toBe('quotabar 0.1.0\n');
  });
});

describe('quotabar with a reader that stops reading', () => {
  it('exits quietly when the pipe is closed before the output is written', async () => {
    const child = spawn(process.execPath, ['bin/quotabar.mjs', '--help'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => void (stderr += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
