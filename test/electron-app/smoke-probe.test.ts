import { afterAll, beforeAll, describe, it, expect, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../app/csp';
import { CSP_PROBE, cspVerdict, type CspProbeResult } from '../../electron/smoke';
import { launchChromium } from '../e2e/support/harness';
import { ROOT } from './support/binary';

// The smoke run's CSP check runs inside real Electron only; its probe is plain page script, so here
// it runs in real Chromium on the real popover.html (which carries its own, looser, meta policy),
// to show it tells our response header apart from that meta policy. Electron itself is not involved.
const CHROMIUM = process.env.QUOTABAR_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const title = `the smoke run's CSP probe in real Chromium${haveChromium ? '' : ` [skipped: no Chromium at ${CHROMIUM} (set QUOTABAR_CHROMIUM)]`}`;

let server: Server;
let base = '';
let browser: Browser;

describe.skipIf(!haveChromium)(title, () => {
  beforeAll(async () => {
    const html = readFileSync(`${ROOT}/renderer/popover.html`, 'utf8');
    server = createServer((req, res) => {
      const headers: Record<string, string> = { 'content-type': 'text/html' };
      if (req.url === '/with-header') headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
      res.writeHead(req.url === '/with-header' || req.url === '/meta-only' ? 200 : 404, headers).end(html);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  const probe = async (path: string): Promise<CspProbeResult> => {
    const page = await browser.newPage();
    await page.goto(`${base}${path}`);
    const r = (await page.evaluate(CSP_PROBE)) as CspProbeResult;
    await page.close();
    return r;
  };

  it('passes when the response header brings our policy alongside the page meta policy', async () => {
    const r = await probe('/with-header');
    expect(r).toMatchObject({ fetched: 'blocked', inlineRan: false });
    expect(cspVerdict(r).ok).toBe(true);
  });

  it('fails, saying why, when only the page meta policy is there', async () => {
    const r = await probe('/meta-only');
    expect(cspVerdict(r)).toEqual({ ok: false, detail: `header policy NOT seen among ${r.policies.length} violation(s); same-origin fetch allowed; inline script blocked` });
  });
});
