// The demo provider server: one loopback HTTP server that answers like OpenRouter, Codex, Claude,
// Z.ai, MiniMax, Moonshot, DeepSeek, Copilot and Gemini with demo data, plus throwaway credential files, so Quotabar
// runs with no account.
// Tests script it at runtime (e.g. Codex → 500, then 401) through `script`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { writeDemoCredentials, type DemoCredentials } from './credentials';
import { CLAUDE_UNAUTHORIZED, claudeUsageBody } from '../core/providers/claude/demo';
import { codexUsageBody } from '../core/providers/codex/demo';
import { DEEPSEEK_UNAUTHORIZED, deepSeekBalanceBody } from '../core/providers/deepseek/demo';
import { MOONSHOT_UNAUTHORIZED, moonshotBalanceBody } from '../core/providers/moonshot/demo';
import { COPILOT_UNAUTHORIZED, copilotUserBody } from '../core/providers/copilot/demo';
import { GEMINI_UNAUTHORIZED, geminiLoadCodeAssistBody, geminiQuotaBody } from '../core/providers/gemini/demo';
import { PROVIDERS, type KnownProviderId } from '../core/providers/registry';
import { MINIMAX_KEY_EXPIRED, miniMaxRemainsBody } from '../core/providers/minimax/demo';
import { ZAI_UNAUTHORIZED, zaiQuotaBody } from '../core/providers/zai/demo';
import { openRouterKeyBody, openRouterKeysBody, OPENROUTER_CREDITS_FORBIDDEN, OPENROUTER_UNAUTHORIZED } from '../core/providers/openrouter/demo';

export type DemoProvider = KnownProviderId;

export interface DemoRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  headers: IncomingMessage['headers'];
}

export interface DemoReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer after this long (to watch a refresh in flight). */
  delayMs?: number;
}

/** A fixed reply, a function of the request, or 'demo' to go back to the built-in data. */
export type DemoScript = DemoReply | ((req: DemoRequest) => DemoReply) | 'demo';

export interface DemoServerOptions {
  /** Clock for reset times; defaults to Date.now. */
  now?: () => number;
  /** Defaults to a random free port on 127.0.0.1. */
  port?: number;
}

export interface DemoServer {
  /** Base URLs in the form the adapters expect (QUOTABAR_*_URL). */
  urls: { openrouter: string; codex: string; claude: string; zai: string; minimax: string; moonshot: string; deepseek: string; copilot: string; gemini: string };
  codexHome: string;
  claudeConfigDir: string;
  copilotConfigHome: string;
  /** The home folder holding Gemini CLI's demo .gemini/oauth_creds.json. */
  geminiHome: string;
  /** A fake key the demo /key accepts. */
  openrouterKey: string;
  /** A fake Z.ai key the demo quota endpoint accepts. */
  zaiKey: string;
  /** A fake MiniMax key the demo remains endpoint accepts. */
  minimaxKey: string;
  /** A fake key the demo /v1/users/me/balance accepts. */
  moonshotKey: string;
  /** A fake key the demo /user/balance accepts. */
  deepseekKey: string;
  /** A fake management key the demo /keys accepts. */
  openrouterManagementKey: string;
  /** Replaces one provider's (or one path's) answers until scripted again. */
  script(target: DemoProvider | `/${string}`, reply: DemoScript): void;
  /** Every request received, in order. */
  readonly requests: readonly DemoRequest[];
  /** Requests whose path ends with `suffix`. */
  count(suffix: string): number;
  close(): Promise<void>;
}

/** Each provider's endpoints, as its descriptor declares them. */
const PATHS = Object.fromEntries(PROVIDERS.map((p) => [p.id, [...p.demo.paths]])) as Record<DemoProvider, string[]>;

const bearer = (req: DemoRequest) => {
  const h = req.headers.authorization;
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7) : null;
};

/** The built-in answer for a path, checking credentials as the real services do. */
function demoReply(req: DemoRequest, creds: DemoCredentials, now: number): DemoReply {
  const token = bearer(req);
  switch (req.path) {
    case '/api/v1/key': {
      if (token !== creds.openrouterKey) return { status: 401, body: OPENROUTER_UNAUTHORIZED };
      return { status: 200, body: openRouterKeyBody(`${token.slice(0, 12)}…${token.slice(-3)}`) };
    }
    case '/api/v1/keys': {
      if (token === creds.openrouterManagementKey) return { status: 200, body: openRouterKeysBody() };
      return token === creds.openrouterKey ? { status: 403, body: OPENROUTER_CREDITS_FORBIDDEN } : { status: 401, body: OPENROUTER_UNAUTHORIZED };
    }
    case '/api/v1/credits':
      return token === creds.openrouterKey
        ? { status: 403, body: OPENROUTER_CREDITS_FORBIDDEN }
        : { status: 401, body: OPENROUTER_UNAUTHORIZED };
    case '/backend-api/wham/usage': {
      const okAuth = token === creds.codexAccessToken && req.headers['chatgpt-account-id'] === creds.codexAccountId;
      return okAuth ? { status: 200, body: codexUsageBody(now) } : { status: 401, body: { detail: 'Unauthorized' } };
    }
    case '/api/oauth/usage': {
      const okAuth = token === creds.claudeAccessToken && req.headers['anthropic-beta'] === 'oauth-2025-04-20';
      return okAuth ? { status: 200, body: claudeUsageBody(now) } : { status: 401, body: CLAUDE_UNAUTHORIZED };
    }
    case '/zai/api/monitor/usage/quota/limit':
      // z.ai refuses a key with HTTP 200 and success:false.
      return { status: 200, body: token === creds.zaiKey ? zaiQuotaBody(now) : ZAI_UNAUTHORIZED };
    case '/minimax/v1/api/openplatform/coding_plan/remains':
      // MiniMax refuses a key with HTTP 200 and base_resp.status_code 1004.
      return { status: 200, body: token === creds.minimaxKey ? miniMaxRemainsBody(now) : MINIMAX_KEY_EXPIRED };
    case '/v1/users/me/balance':
      return token === creds.moonshotKey ? { status: 200, body: moonshotBalanceBody() } : { status: 401, body: MOONSHOT_UNAUTHORIZED };
    case '/user/balance':
      return token === creds.deepseekKey ? { status: 200, body: deepSeekBalanceBody() } : { status: 401, body: DEEPSEEK_UNAUTHORIZED };
    case '/copilot_internal/user': {
      const okAuth = req.headers.authorization === `token ${creds.copilotToken}`;
      return okAuth ? { status: 200, body: copilotUserBody(now) } : { status: 401, body: COPILOT_UNAUTHORIZED };
    }
    case '/gemini/v1internal:loadCodeAssist':
    case '/gemini/v1internal:retrieveUserQuota': {
      if (req.method !== 'POST' || token !== creds.geminiAccessToken) return { status: 401, body: GEMINI_UNAUTHORIZED };
      return { status: 200, body: req.path.endsWith(':loadCodeAssist') ? geminiLoadCodeAssistBody() : geminiQuotaBody(now) };
    }
    default:
      return { status: 404, body: { error: 'not a demo endpoint' } };
  }
}

function send(res: ServerResponse, reply: DemoReply): void {
  if (res.destroyed) return;
  const raw = typeof reply.body === 'string';
  const body = reply.body === undefined ? '' : raw ? (reply.body as string) : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': raw ? 'text/plain; charset=utf-8' : 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...reply.headers,
  });
  res.end(body);
}

export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const now = opts.now ?? Date.now;
  const creds = await writeDemoCredentials(now());
  const scripts = new Map<string, Exclude<DemoScript, 'demo'>>();
  const requests: DemoRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const entry: DemoRequest = { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0]!, headers: req.headers };
    requests.push(entry);
    req.resume();
    const scripted = scripts.get(entry.path);
    const reply = scripted === undefined ? demoReply(entry, creds, now()) : typeof scripted === 'function' ? scripted(entry) : scripted;
    if (!reply.delayMs) return send(res, reply);
    const timer = setTimeout(() => send(res, reply), reply.delayMs);
    res.on('close', () => clearTimeout(timer));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', resolve);
    });
  } catch (e) {
    await creds.remove();
    throw e;
  }
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    urls: Object.fromEntries(PROVIDERS.map((p) => [p.id, `${base}${p.demo.basePath}`])) as DemoServer['urls'],
    codexHome: creds.codexHome,
    claudeConfigDir: creds.claudeConfigDir,
    copilotConfigHome: creds.copilotConfigHome,
    geminiHome: creds.geminiHome,
    openrouterKey: creds.openrouterKey,
    zaiKey: creds.zaiKey,
    minimaxKey: creds.minimaxKey,
    moonshotKey: creds.moonshotKey,
    deepseekKey: creds.deepseekKey,
    openrouterManagementKey: creds.openrouterManagementKey,
    script(target, reply) {
      const paths = target.startsWith('/') ? [target] : PATHS[target as DemoProvider];
      for (const p of paths) {
        if (reply === 'demo') scripts.delete(p);
        else scripts.set(p, reply);
      }
    },
    requests,
    count: (suffix) => requests.filter((r) => r.path.endsWith(suffix)).length,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await creds.remove();
    },
  };
}
