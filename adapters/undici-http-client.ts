// HttpClient on undici 7. The origin allow-list is what keeps a key on its provider's host:
// nothing outside it is ever contacted, and redirects are returned, never followed.
import type { Agent } from 'undici';
import { err, ok, type ProviderError, type Result } from '../core/errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../core/ports';
import { startDeadline } from './deadline';

export interface UndiciHttpClientOptions {
  /** Origins (`https://api.example.com`) requests may go to; anything else is blocked before any I/O. */
  allowedOrigins: string[];
  /** Response bodies larger than this are cut off (default 2 MiB). */
  maxBodyBytes?: number;
  /** Whole-request deadline when a request names none (default 15 s). */
  defaultTimeoutMs?: number;
  /** Time allowed until the response headers arrive (default: the request's deadline). */
  headersTimeoutMs?: number;
  /** Sent when the request has no user-agent of its own. */
  userAgent?: string;
}

const MiB = 1024 * 1024;

export class UndiciHttpClient implements HttpClient {
  private readonly origins: Set<string>;
  private readonly maxBodyBytes: number;
  private readonly defaultTimeoutMs: number;
  private readonly userAgent: string;
  private readonly headersTimeoutMs: number | undefined;
  private agent: Promise<Agent> | null = null;
  private closed = false;

  constructor(opts: UndiciHttpClientOptions) {
    this.origins = new Set(opts.allowedOrigins.map(originOf).filter((o): o is string => o !== null));
    this.maxBodyBytes = opts.maxBodyBytes ?? 2 * MiB;
    this.defaultTimeoutMs = opts.defaultTimeoutMs ?? 15_000;
    this.userAgent = opts.userAgent ?? 'quotabar';
    this.headersTimeoutMs = opts.headersTimeoutMs;
  }

  /**
   * undici is loaded by the first request, not at construction: a `quotabar status` with nothing
   * configured sends no request and starts ~40 ms sooner (see bench/cli-startup.bench.ts).
   */
  private agentFor(): Promise<Agent> {
    // Closed before first use: fail as undici's own closed agent would.
    if (this.closed && !this.agent) return Promise.reject(Object.assign(new Error('client is closed'), { code: 'UND_ERR_DESTROYED' }));
    // Our own deadline bounds every phase; undici's per-phase timers only back it up.
    this.agent ??= import('undici').then(({ Agent }) => new Agent({ connect: { timeout: this.defaultTimeoutMs } }));
    return this.agent;
  }

  async request(req: HttpRequest): Promise<Result<HttpResponse>> {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return err({ kind: 'transport', code: 'invalid_url' });
    }
    if (!this.origins.has(url.origin)) return err({ kind: 'transport', code: 'blocked_origin' });

    const timeoutMs = req.timeoutMs ?? this.defaultTimeoutMs;
    const deadline = startDeadline(timeoutMs);
    const started = Date.now();
    try {
      return await this.exchange(url, req, deadline.signal, timeoutMs);
    } catch (e) {
      if (deadline.expired()) return err({ kind: 'timeout', afterMs: timeoutMs });
      return err(errorFromException(e, Date.now() - started));
    } finally {
      deadline.clear();
    }
  }

  /** Releases pooled sockets; later requests fail as transport errors. */
  async close(): Promise<void> {
    this.closed = true;
    try {
      await (await this.agent)?.close();
    } catch {
      // Already closed: nothing left to release.
    }
  }

  private async exchange(url: URL, req: HttpRequest, signal: AbortSignal, timeoutMs: number): Promise<Result<HttpResponse>> {
    const headers: Record<string, string> = { ...req.headers };
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'user-agent')) headers['user-agent'] = this.userAgent;
    const agent = await this.agentFor();
    const res = await agent.request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: req.method ?? 'GET',
      headers,
      body: req.body ?? null,
      signal,
      headersTimeout: this.headersTimeoutMs ?? timeoutMs,
      bodyTimeout: timeoutMs,
    });

    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxBodyBytes) {
      discard(res.body);
      return err(tooLarge);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > this.maxBodyBytes) {
        discard(res.body);
        return err(tooLarge);
      }
      chunks.push(chunk);
    }
    return ok({ status: res.statusCode, headers: flattenHeaders(res.headers), body: Buffer.concat(chunks).toString('utf8') });
  }
}

const tooLarge: ProviderError = { kind: 'malformed', detail: 'response too large' };

/**
 * Drops a body we will not read. Destroying it aborts the request, so the socket is dropped, not
 * drained; undici then emits an AbortError on the body, which with no listener would be thrown as an
 * uncaught exception and end the process (CLI, preview host, Electron main).
 */
function discard(body: NodeJS.ReadableStream & { destroy(): void }): void {
  body.on('error', () => {});
  body.destroy();
}

function originOf(s: string): string | null {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(h)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** Only an error code crosses into the value: messages may echo request details. */
function errorFromException(e: unknown, elapsedMs: number): ProviderError {
  const code = errorCode(e);
  if (TIMEOUT_CODES.has(code)) return { kind: 'timeout', afterMs: Math.round(elapsedMs) };
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return tooLarge;
  // undici reports a peer that hung up mid-response as its own socket error.
  if (code === 'UND_ERR_SOCKET') return { kind: 'transport', code: 'ECONNRESET' };
  return { kind: 'transport', code };
}

function errorCode(e: unknown): string {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur && typeof cur === 'object' && !seen.has(cur)) {
    seen.add(cur);
    const c = (cur as { code?: unknown }).code;
    // A system code (ECONNRESET) under an undici wrapper is the more useful of the two.
    const cause = (cur as { cause?: unknown }).cause;
    const inner = (cause as { code?: unknown } | undefined)?.code;
    if (typeof inner === 'string' && /^E[A-Z]+$/.test(inner)) return inner;
    if (typeof c === 'string' && c) return c;
    const errors = (cur as { errors?: unknown }).errors;
    cur = Array.isArray(errors) ? errors[0] : cause;
  }
  return 'unknown';
}
