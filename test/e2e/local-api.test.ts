// A web page on another origin (here another loopback port, the closest a page can get) cannot read
// the local API: in real Chromium, its fetch fails and no-cors gives an opaque answer. Only the origin
// the user named may read it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApi } from '../../app/local-api/server';
import type { LoopbackApiServer } from '../../adapters/loopback-api-server';
import { emptySnapshot, makeWindow } from '../../core/model';
import { launchChromium } from './support/harness';

const NOW = Date.now();
const source = {
  view: () => ({
    snapshots: [{ ...emptySnapshot('codex', 'ok'), fetchedAt: NOW, windows: [makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent: 42 })] }],
    refreshing: [],
  }),
  refreshIfOlderThan: async () => undefined,
};

let browser: Browser;
let page: Server;
let pageOrigin: string;
const apis: LoopbackApiServer[] = [];

async function api(allowedOrigin: string | null): Promise<LoopbackApiServer> {
  const r = await startLocalApi({ source, clock: { now: () => Date.now() }, port: 0, allowedOrigin });
  if (!r.ok) throw new Error(r.error.kind);
  apis.push(r.value);
  return r.value;
}

beforeAll(async () => {
  page = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>another site</title>'));
  await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));
  pageOrigin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(apis.map((a) => a.close()));
  await new Promise((r) => page.close(r));
});

/** What a page at `pageOrigin` gets when it fetches `url`, in cors and in no-cors mode. */
async function readFrom(url: string) {
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.goto(`${pageOrigin}/`);
  const result = await p.evaluate(async (u) => {
    const cors = await fetch(u).then(
      async (r) => ({ read: true, status: r.status, body: await r.text() }),
      (e: unknown) => ({ read: false, status: 0, body: String(e) }),
    );
    const opaque = await fetch(u, { mode: 'no-cors' }).then(async (r) => ({ type: r.type, body: await r.text() }));
    return { cors, opaque };
  }, url);
  await context.close();
  return result;
}

describe('the local API seen from a web page', () => {
  it('cannot be read by a page on another origin', async () => {
    const a = await api(null);
    const r = await readFrom(`${a.url}/v1/limits`);
    expect(r.cors.read).toBe(false);
    expect(r.cors.body).toMatch(/TypeError|Failed to fetch/);
    expect(r.opaque).toEqual({ type: 'opaque', body: '' });
  });

  it('can be read by the one origin the user named, and by no other', async () => {
    const allowed = await api(pageOrigin);
    const r = await readFrom(`${allowed.url}/v1/limits`);
    expect(r.cors.read).toBe(true);
    expect(JSON.parse(r.cors.body)).toMatchObject({ schema: 'openusage.limits.v1', providers: { codex: { resources: { session: { used: 42 } } } } });
    const other = await api('http://localhost:1');
    expect((await readFrom(`${other.url}/v1/limits`)).cors.read).toBe(false);
  });
});
