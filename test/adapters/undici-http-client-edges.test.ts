// Edges of the one HTTP client on a real loopback server: the User-Agent it sends unless told
// otherwise, the origins it may talk to, a body exactly at the size cap, and a closed client.
import { describe, expect, it } from 'vitest';
import { httpClientFixture } from '../support/http-client-fixture';

const { serve, client } = httpClientFixture();

describe('the User-Agent header', () => {
  it('is "quotabar" by default, the configured one when set, and the caller’s in any letter case', async () => {
    const s = await serve(() => ({ body: 'ok' }));
    await client([s.url]).request({ url: `${s.url}/a` });
    await client([s.url], { userAgent: 'quotabar/1.2' }).request({ url: `${s.url}/b` });
    await client([s.url]).request({ url: `${s.url}/c`, headers: { 'User-Agent': 'claude-code/2.5.1' } });
    expect(s.requests.map((r) => r.headers['user-agent'])).toEqual(['quotabar', 'quotabar/1.2', 'claude-code/2.5.1']);
  });
});

describe('allowed origins', () => {
  it('accepts a base URL with a path as its origin, and ignores entries that are not http(s) URLs', async () => {
    const s = await serve(() => ({ body: 'ok' }));
    const c = client([`${s.url}/api/v1/`, 'not a url', `ftp://127.0.0.1:${s.port}`]);
    expect((await c.request({ url: `${s.url}/api/v1/key` })).ok).toBe(true);
    expect(await client(['not a url', `ftp://127.0.0.1:${s.port}`, `file:///tmp`]).request({ url: `${s.url}/x` })).toEqual({
      ok: false,
      error: { kind: 'transport', code: 'blocked_origin' },
    });
  });

  it('talks to an https origin it was given', async () => {
    const c = client(['https://127.0.0.1:1']);
    const r = await c.request({ url: 'https://127.0.0.1:1/x' });
    expect(r.ok ? null : r.error.kind).toBe('transport');
    expect(r.ok ? null : r.error).not.toEqual({ kind: 'transport', code: 'blocked_origin' });
  });
});

describe('a body over the size cap', () => {
  it('is read when exactly at the cap', async () => {
    const s = await serve(() => ({ body: 'x'.repeat(5000) }));
    const r = await client([s.url], { maxBodyBytes: 5000 }).request({ url: `${s.url}/edge` });
    expect(r.ok && r.value.body.length).toBe(5000);
  });
});

describe('a closed client', () => {
  it('sends nothing, whether it was used before closing or not', async () => {
    const s = await serve(() => ({ body: 'ok' }));
    const unused = client([s.url]);
    await unused.close();
    const r1 = await unused.request({ url: `${s.url}/a` });
    const used = client([s.url]);
    await used.request({ url: `${s.url}/b` });
    await used.close();
    const r2 = await used.request({ url: `${s.url}/c` });
    expect(r1.ok).toBe(false);
    expect(r2.ok).toBe(false);
    expect(s.requests.map((r) => r.path)).toEqual(['/b']);
  });
});
