import { afterAll, beforeAll, describe, it, expect, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { protocol, resetElectronFake } from '../support/electron-fake';
import { registerAppScheme, serveRenderer } from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../app/csp';

let dir = '';
let root = '';
beforeAll(async () => {
  resetElectronFake();
  dir = await mkdtemp(join(tmpdir(), 'quotabar-renderer-'));
  root = join(dir, 'dist-renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'popover.html'), '<!doctype html><title>Quotabar</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'outside');
  registerAppScheme();
  serveRenderer(root);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const get = (url: string) => protocol.handlers.get('app')!(new Request(url));

describe('the app:// protocol', () => {
  it('is registered as a secure standard scheme', () => {
    expect(protocol.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });

  it('serves the renderer with its content type and the CSP on every response', async () => {
    const page = await get('app://quotabar/popover.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Quotabar</title>');
    const js = await get('app://quotabar/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });

  it('never serves anything outside dist-renderer, nor for another host', async () => {
    for (const url of [
      'app://quotabar/../secret.txt',
      'app://quotabar/%2e%2e/secret.txt',
      'app://quotabar/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://other/popover.html',
      'app://quotabar/missing.html',
      'app://quotabar/popover.html%00.png',
    ]) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(await r.text()).not.toContain('outside');
    }
  });
});
