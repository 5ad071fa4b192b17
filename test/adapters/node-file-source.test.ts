import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeFileSource } from '../../adapters/node-file-source';

const fs = new NodeFileSource();
let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quotabar-fs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('NodeFileSource', () => {
  it('reads a UTF-8 text file', async () => {
    await writeFile(join(dir, 'auth.json'), '{"name":"Zoë ✓"}');
    expect(await fs.readText(fs.join(dir, 'auth.json'))).toEqual({ ok: true, value: '{"name":"Zoë ✓"}' });
  });

  it('says not_found for a missing file, so a provider can report "unconfigured"', async () => {
    expect(await fs.readText(join(dir, 'missing.json'))).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(await fs.stat(join(dir, 'missing.json'))).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(await fs.list(join(dir, 'nope'))).toEqual({ ok: false, error: { kind: 'not_found' } });
    expect(await fs.readRange(join(dir, 'missing.json'), 0, 10)).toEqual({ ok: false, error: { kind: 'not_found' } });
  });

  it('says unreadable with the system code when the path is a directory', async () => {
    expect(await fs.readText(dir)).toEqual({ ok: false, error: { kind: 'unreadable', code: 'EISDIR' } });
  });

  it('says unreadable, not missing, when a parent of the path is a file', async () => {
    await writeFile(join(dir, 'file'), 'x');
    expect(await fs.readText(join(dir, 'file', 'auth.json'))).toEqual({
      ok: false,
      error: { kind: 'unreadable', code: 'ENOTDIR' },
    });
  });

  it('lists a directory, marking subdirectories', async () => {
    await writeFile(join(dir, 'a.jsonl'), '');
    await mkdir(join(dir, 'sessions'));
    const r = await fs.list(dir);
    expect(r.ok && [...r.value].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'a.jsonl', isDirectory: false },
      { name: 'sessions', isDirectory: true },
    ]);
  });

  it('stats size and modification time', async () => {
    await writeFile(join(dir, 'f'), '12345');
    const r = await fs.stat(join(dir, 'f'));
    expect(r.ok && r.value.size).toBe(5);
    expect(r.ok && r.value.mtimeMs).toBeGreaterThan(0);
  });

  it('reads a byte range, shorter when the file ends first, empty when the range is', async () => {
    await writeFile(join(dir, 'log'), 'abcdefghij');
    const text = async (s: number, e: number) => {
      const r = await fs.readRange(join(dir, 'log'), s, e);
      return r.ok ? Buffer.from(r.value).toString() : r.error;
    };
    expect(await text(2, 5)).toBe('cde');
    expect(await text(7, 100)).toBe('hij');
    expect(await text(20, 30)).toBe('');
    expect(await text(5, 5)).toBe('');
    expect(await text(6, 2)).toBe('');
  });

  it('reads from an offset deep into a large file', async () => {
    const big = 'x'.repeat(1_000_000) + 'TAIL';
    await writeFile(join(dir, 'big'), big);
    const r = await fs.readRange(join(dir, 'big'), big.length - 4, big.length);
    expect(r.ok && Buffer.from(r.value).toString()).toBe('TAIL');
  });
});
