// What the HTTP client refuses on a real loopback server, and in which words (error values): a
// body declared too large is refused on its headers, without waiting for a body that may never
// come; a non-http origin is never contacted; a client closed before its first request says so.
import { describe, expect, it } from 'vitest';
import { httpClientFixture } from '../support/http-client-fixture';

const { serve, client } = httpClientFixture();

describe('a body declared over the cap', () => {
  it('is refused on its Content-Length, not after waiting for the body (which here never comes)', async () => {
    const s = await serve(() => ({ headers: { 'content-length': String(10 * 1024 * 1024) }, sizeBytes: 10, delayBodyMs: 60_000 }));
    const r = await client([s.url]).request({ url: `${s.url}/huge`, timeoutMs: 4_000 });
    expect(r).toEqual({ ok: false, error: { kind: 'malformed', detail: 'response too large' } });
  });

  it('is read when the declared length is at the cap', async () => {
    const s = await serve(() => ({ headers: { 'content-length': '64' }, body: 'y'.repeat(64) }));
    const r = await client([s.url], { maxBodyBytes: 64 }).request({ url: `${s.url}/edge` });
    expect(r.ok && r.value.body).toBe('y'.repeat(64));
  });
});

describe('an origin that is not http(s)', () => {
  it('is blocked even when it is on the allow-list', async () => {
    const r = await client(['ftp://127.0.0.1:21']).request({ url: 'ftp://127.0.0.1:21/key' });
    expect(r).toEqual({ ok: false, error: { kind: 'transport', code: 'blocked_origin' } });
  });
});

describe('a client closed before its first request', () => {
  it('fails as a destroyed client would, with a code rather than a message', async () => {
    const s = await serve(() => ({ body: 'ok' }));
    const c = client([s.url]);
    await c.close();
    expect(await c.request({ url: `${s.url}/a` })).toEqual({ ok: false, error: { kind: 'transport', code: 'UND_ERR_DESTROYED' } });
    expect(s.requests).toEqual([]);
  });
});
