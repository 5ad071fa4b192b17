// An HttpClient that answers from a script and records every request: core tests need no network.
import type { ProviderError, Result } from '../../core/errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../../core/ports';

export type Reply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { error: ProviderError };

type Route = (req: HttpRequest) => Reply | Promise<Reply> | undefined;

export class ScriptedHttp implements HttpClient {
  readonly requests: HttpRequest[] = [];
  private routes: Array<{ match: (req: HttpRequest) => boolean; replies: Array<Reply | Route> }> = [];

  /** Replies in order for requests whose URL path ends with `pathSuffix`; the last reply repeats. */
  on(pathSuffix: string, ...replies: Array<Reply | Route>): this {
    this.routes.push({ match: (r) => new URL(r.url).pathname.endsWith(pathSuffix), replies });
    return this;
  }

  count(pathSuffix: string): number {
    return this.requests.filter((r) => new URL(r.url).pathname.endsWith(pathSuffix)).length;
  }

  async request(req: HttpRequest): Promise<Result<HttpResponse>> {
    this.requests.push(req);
    const route = this.routes.find((r) => r.match(req));
    if (!route || route.replies.length === 0) {
      return { ok: true, value: { status: 404, headers: {}, body: '{"error":"no script"}' } };
    }
    const next = route.replies.length > 1 ? route.replies.shift()! : route.replies[0]!;
    const reply = typeof next === 'function' ? await next(req) : next;
    if (!reply) return { ok: true, value: { status: 404, headers: {}, body: '' } };
    if ('error' in reply) return { ok: false, error: reply.error };
    const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(reply.headers ?? {})) headers[k.toLowerCase()] = v;
    return { ok: true, value: { status: reply.status, headers, body } };
  }
}
