// A folder beside dist-renderer whose name merely starts the same (dist-renderer-x, dist-renderer.bak)
// is outside it: the app:// handler must not serve its files.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rendererResponse } from '../../electron/app-protocol';
import { fileUnder } from '../../app/renderer-files';

let dir = '';
let root = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quotabar-sibling-'));
  root = join(dir, 'dist-renderer');
  await mkdir(root, { recursive: true });
  await mkdir(join(dir, 'dist-renderer-x'), { recursive: true });
  await writeFile(join(root, 'popover.html'), '<!doctype html><title>Quotabar</title>');
  await writeFile(join(dir, 'dist-renderer-x', 'leak.json'), '{"secret":"sibling"}');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a sibling folder whose name starts like the renderer folder', () => {
  it('is not served over app://, even by an encoded path that walks into it', async () => {
    const res = await rendererResponse(root, 'app://quotabar/..%2Fdist-renderer-x%2Fleak.json');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('sibling');
  });

  it('is outside the root, while the root’s own files are inside', () => {
    expect(fileUnder(root, '../dist-renderer-x/leak.json')).toBeNull();
    expect(fileUnder(root, '/popover.html')).toBe(join(root, 'popover.html'));
  });

  it('still serves the renderer’s own page', async () => {
    const res = await rendererResponse(root, 'app://quotabar/popover.html');
    expect(res.status).toBe(200);
  });
});
