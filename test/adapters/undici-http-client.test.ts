import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { httpClientFixture } from '../support/http-client-fixture';

const KEY = 'sk-or-v1-canary-0123456789abcdef';
const auth = { authorization: `Bearer ${KEY}` };

const { serve, client } = httpClientFixture();

describe('UndiciHttpClient', () => {
  it('returns status, lower-cased headers and body of a 200, and sends the request headers', async () => {
    const s = await serve(() => ({ status: 200, headers: { 'X-Codex-Primary-Used-Percent': '42' }, body: { data: 1 } }));
    const r = await client([s.url]).request({ url: `${s.url}/api/v1/key?x=1`, headers: auth });
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({ status: 200, body: '{"data":1}' }),
    });
    if (!r.ok) return;
    expect(r.value.headers['x-codex-primary-used-percent']).toBe('42');
    expect(r.value.headers['content-type']).toBe('application/json');
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/key?x=1' });
    expect(s.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(s.requests[0]!.headers['user-agent']).toBe('quotabar');
  });

  it('sends a POST body', async () => {
    let got = '';
    const s = await serve(() => ({ body: 'fine' }));
    const c = client([s.url]);
    const r = await c.request({ url: `${s.url}/echo`, method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    got = r.ok ? r.value.body : '';
    expect(got).toBe('fine');
    expect(s.requests[0]).toMatchObject({ method: 'POST', path: '/echo' });
  });

  it.each([401, 403, 429, 500, 503])('returns a %i with its body as a response, not an error', async (status) => {
    const s = await serve(() => ({ status, headers: { 'Retry-After': '30' }, body: `<html>error ${status}</html>` }));
    const r = await client([s.url]).request({ url: `${s.url}/key` });
    expect(r).toEqual({
      ok: true,
      value: { status, headers: expect.objectContaining({ 'retry-after': '30' }), body: `<html>error ${status}</html>` },
    });
  });

  it('blocks a request to an origin outside the allow-list without contacting it', async () => {
    const provider = await serve(() => ({ body: 'ok' }));
    const other = await serve(() => ({ body: 'stolen' }));
    const r = await client([provider.url]).request({ url: `${other.url}/key`, headers: auth });
    expect(r).toEqual({ ok: false, error: { kind: 'transport', code: 'blocked_origin' } });
    expect(other.requests).toHaveLength(0);
  });

  it('treats another port on the same host as another origin', async () => {
    const provider = await serve(() => ({ body: 'ok' }));
    const r = await client([`${provider.url}/api/v1`]).request({ url: `http://127.0.0.1:${provider.port + 1}/key` });
    expect(r).toEqual({ ok: false, error: { kind: 'transport', code: 'blocked_origin' } });
  });

  it('returns a redirect as a response and sends nothing to the Location host', async () => {
    const elsewhere = await serve(() => ({ body: 'stolen' }));
    const provider = await serve(() => ({ status: 302, headers: { location: `${elsewhere.url}/collect` } }));
    const c = client([provider.url, elsewhere.url]);
    const r = await c.request({ url: `${provider.url}/key`, headers: auth });
    expect(r.ok && r.value.status).toBe(302);
    expect(r.ok && r.value.headers.location).toBe(`${elsewhere.url}/collect`);
    expect(elsewhere.requests).toHaveLength(0);
    expect(provider.requests).toHaveLength(1);
  });

  it('times out when the headers are slow', async () => {
    const s = await serve(() => ({ delayHeadersMs: 2_000, body: 'late' }));
    const t0 = Date.now();
    const r = await client([s.url]).request({ url: `${s.url}/slow`, timeoutMs: 150 });
    expect(r).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 150 } });
    expect(Date.now() - t0).toBeLessThan(1_500);
  });

  it('times out when the body trickles in past the deadline, though each chunk is prompt', async () => {
    const s = await serve(() => ({ body: 'x'.repeat(100), drip: { chunkBytes: 5, everyMs: 40 } }));
    const r = await client([s.url]).request({ url: `${s.url}/drip`, timeoutMs: 200 });
    expect(r).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 200 } });
  });

  it('uses the default deadline when the request names none', async () => {
    const s = await serve(() => ({ delayBodyMs: 2_000, body: 'late' }));
    const r = await client([s.url], { defaultTimeoutMs: 150 }).request({ url: `${s.url}/slow` });
    expect(r).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 150 } });
  });

  it('gives up on slow headers sooner when headersTimeoutMs is shorter than the deadline', async () => {
    const s = await serve(() => ({ delayHeadersMs: 2_000, body: 'late' }));
    const c = client([s.url], { headersTimeoutMs: 100 });
    const r = await c.request({ url: `${s.url}/slow`, timeoutMs: 1_500 });
    expect(r.ok ? r.value : r.error).toEqual({ kind: 'timeout', afterMs: expect.any(Number) });
    expect(!r.ok && r.error.kind === 'timeout' && r.error.afterMs).toBeLessThan(1_000);
  });

  it('refuses a body whose declared length is over the cap', async () => {
    const s = await serve(() => ({ sizeBytes: 20 * 1024 * 1024 }));
    const r = await client([s.url]).request({ url: `${s.url}/huge` });
    expect(r).toEqual({ ok: false, error: { kind: 'malformed', detail: 'response too large' } });
  });

  it('cuts off an undeclared body as soon as it passes the cap instead of reading it all', async () => {
    // 1 MiB dripped at 4 KiB / 10 ms would take ~2.5 s to send; the cap is hit after a few chunks.
    const s = await serve(() => ({
      headers: { 'transfer-encoding': 'chunked' },
      sizeBytes: 1024 * 1024,
      drip: { chunkBytes: 4096, everyMs: 10 },
    }));
    const t0 = Date.now();
    const r = await client([s.url], { maxBodyBytes: 16 * 1024 }).request({ url: `${s.url}/stream` });
    expect(r).toEqual({ ok: false, error: { kind: 'malformed', detail: 'response too large' } });
    expect(Date.now() - t0).toBeLessThan(1_000);
  });

  it('accepts a body exactly at the cap', async () => {
    const s = await serve(() => ({ sizeBytes: 4096 }));
    const r = await client([s.url], { maxBodyBytes: 4096 }).request({ url: `${s.url}/edge` });
    expect(r.ok && r.value.body.length).toBe(4096);
  });

  it('reports a refused connection as transport ECONNREFUSED', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const r = await client([url]).request({ url: `${url}/key`, headers: auth });
    expect(r).toEqual({ ok: false, error: { kind: 'transport', code: 'ECONNREFUSED' } });
  });

  it('reports a connection reset mid-body as a transport error that names no key', async () => {
    const s = await serve(() => ({ sizeBytes: 10_000, resetAfterBytes: 100 }));
    const r = await client([s.url]).request({ url: `${s.url}/reset`, headers: auth });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ kind: 'transport', code: 'ECONNRESET' });
    expect(JSON.stringify(r.error)).not.toContain(KEY);
  });

  it('never throws on a malformed URL', async () => {
    const r = await client(['https://openrouter.ai']).request({ url: 'not a url' });
    expect(r).toEqual({ ok: false, error: { kind: 'transport', code: 'invalid_url' } });
  });
});

/** A port nothing listens on: bind one, note it, release it. */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}
