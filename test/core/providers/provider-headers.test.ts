// The x-codex-* and anthropic-ratelimit-unified-* headers as the product reads them: through the
// provider's own source, the function the poller calls.
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../core/ports';
import { createClaudeProvider } from '../../../core/providers/claude/provider';
import { createCodexProvider } from '../../../core/providers/codex/provider';
import { FakeClock } from '../../support/fake-clock';
import { ScriptedHttp } from '../../support/scripted-http';
import { fixture, fixtureText } from './load-fixture';
import { error, value } from '../../support/results';

const NOW = Date.UTC(2026, 8, 20, 12);
const CODEX_HEADERS = fixture<Record<string, string>>('codex', 'headers-primary-5h-secondary-weekly');
const CLAUDE_HEADERS = fixture<Record<string, string>>('anthropic', 'headers-allowed');

class ListLogger implements Logger {
  readonly lines: string[] = [];
  warn(message: string): void {
    this.lines.push(message);
  }
}

function codex() {
  const http = new ScriptedHttp();
  const logger = new ListLogger();
  const provider = createCodexProvider({
    http, clock: new FakeClock(NOW), baseUrl: 'https://chatgpt.test/backend-api', logger,
    readAuth: async () => ({ ok: true, value: fixtureText('codex', 'auth-chatgpt') }),
  });
  return { http, logger, fetch: () => provider.sources[0]!.fetch() };
}

function claude() {
  const http = new ScriptedHttp();
  const logger = new ListLogger();
  const provider = createClaudeProvider({
    http, clock: new FakeClock(NOW), baseUrl: 'https://claude.test', logger,
    getCredentials: async () => ({ ok: true, value: { accessToken: 'sk-ant-oat01-x', refreshToken: null, expiresAt: null, scopes: null, subscriptionType: 'max', rateLimitTier: null } }),
  });
  return { http, logger, fetch: () => provider.sources[0]!.fetch() };
}

describe('Codex response headers in the product path', () => {
  it('shows the x-codex-* windows, with source codex:headers, when the body has none', async () => {
    const { http, fetch } = codex();
    http.on('/wham/usage', { status: 200, headers: CODEX_HEADERS, body: { plan_type: 'plus', rate_limit: null } });
    const data = value(await fetch());
    expect(data.source).toBe('codex:headers');
    expect(data.windows.map((w) => [w.id, w.usedPercent, w.resetsAt])).toEqual([
      ['session', 47, 1790003600_000],
      ['weekly', 9, 1790398480_000],
    ]);
    expect(data.account?.plan).toBe('plus');
  });

  it('uses the headers when the body is not JSON at all', async () => {
    const { http, fetch } = codex();
    http.on('/wham/usage', { status: 200, headers: CODEX_HEADERS, body: '<!doctype html>' });
    expect(value(await fetch())).toMatchObject({ source: 'codex:headers', windows: [{ id: 'session' }, { id: 'weekly' }] });
  });

  it('still calls a non-JSON body without x-codex headers malformed', async () => {
    const { http, fetch } = codex();
    http.on('/wham/usage', { status: 200, body: '<!doctype html>' });
    expect(error(await fetch()).kind).toBe('malformed');
  });

  it('shows the body when both disagree, and logs the difference once across polls', async () => {
    const { http, logger, fetch } = codex();
    http.on('/wham/usage', { status: 200, headers: CODEX_HEADERS, body: fixtureText('codex', 'usage-plus-both-windows') });
    const first = value(await fetch());
    await fetch();
    await fetch();
    expect(first.source).toBe('codex:wham/usage');
    expect(first.windows.map((w) => [w.id, w.usedPercent])).toEqual([['session', 37], ['weekly', 12]]);
    expect(logger.lines).toEqual([
      'codex: /wham/usage body and x-codex headers disagree: session is 37% used in the body but 47% in the headers; showing the body',
      'codex: /wham/usage body and x-codex headers disagree: weekly is 12% used in the body but 9% in the headers; showing the body',
    ]);
  });

  it('logs nothing when body and headers agree', async () => {
    const { http, logger, fetch } = codex();
    const agreeing = { ...CODEX_HEADERS, 'x-codex-primary-used-percent': '37.4', 'x-codex-secondary-used-percent': '12' };
    http.on('/wham/usage', { status: 200, headers: agreeing, body: fixtureText('codex', 'usage-plus-both-windows') });
    await fetch();
    expect(logger.lines).toEqual([]);
  });
});

describe('Claude unified headers in the product path', () => {
  it('shows the anthropic-ratelimit-unified windows, with source claude:headers, when the body has none', async () => {
    const { http, fetch } = claude();
    http.on('/api/oauth/usage', { status: 200, headers: CLAUDE_HEADERS, body: { five_hour: null, seven_day: null } });
    const data = value(await fetch());
    expect(data.source).toBe('claude:headers');
    expect(data.windows.map((w) => [w.id, w.usedPercent, w.resetsAt])).toEqual([
      ['session', 29, 1789916400_000],
      ['weekly', 61, 1790240400_000],
    ]);
  });

  it('keeps the body credits window next to the header meters', async () => {
    const { http, fetch } = claude();
    const body = { five_hour: null, seven_day: null, extra_usage: { is_enabled: true, monthly_limit: 2000, used_credits: 235, utilization: 11.75, currency: 'USD' } };
    http.on('/api/oauth/usage', { status: 200, headers: CLAUDE_HEADERS, body });
    expect(value(await fetch()).windows.map((w) => w.id)).toEqual(['session', 'weekly', 'credits']);
  });

  it('shows the body when both disagree, and logs each difference once', async () => {
    const { http, logger, fetch } = claude();
    const body = { five_hour: { utilization: 30, resets_at: '2026-09-20T15:00:00Z' }, seven_day: { utilization: 61, resets_at: '2026-09-24T09:00:00Z' } };
    http.on('/api/oauth/usage', { status: 200, headers: CLAUDE_HEADERS, body });
    const data = value(await fetch());
    await fetch();
    expect(data.source).toBe('claude:oauth/usage');
    expect(data.windows.map((w) => w.usedPercent)).toEqual([30, 61]);
    expect(logger.lines).toEqual([
      'claude: /api/oauth/usage body and anthropic-ratelimit-unified headers disagree: session is 30% used in the body but 29% in the headers; showing the body',
    ]);
  });

  it('logs a new disagreement when the numbers change', async () => {
    const { http, logger, fetch } = claude();
    const body = (u: number) => ({ five_hour: { utilization: u, resets_at: '2026-09-20T15:00:00Z' } });
    http.on('/api/oauth/usage', { status: 200, headers: CLAUDE_HEADERS, body: body(40) }, { status: 200, headers: CLAUDE_HEADERS, body: body(50) });
    await fetch();
    await fetch();
    expect(logger.lines).toHaveLength(2);
  });
});
