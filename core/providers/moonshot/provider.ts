// Moonshot / Kimi open platform: GET /v1/users/me/balance (PROVIDERS.md §5). One credits window for
// the available balance, in the region's currency (the base URL's host: .cn is CNY, else USD); cash
// overdrawn below zero is a note. `status:false` in a 200 is an error, never an ok.
import { err, ok, type ProviderError, type Result } from '../../errors';
import { endpointUrl, isSuccess } from '../../http';
import { errorFromResponse, errorFromStatus } from '../../http-errors';
import { asBool, asNumber, asObject, asText, parseJson } from '../../json';
import { makeWindow, type FetchData, type Note, type Unit, type UsageWindow } from '../../model';
import type { Clock, CredentialLookup, HttpClient, HttpResponse } from '../../ports';
import type { Provider, Source } from '../../provider';
import { moonshot } from './descriptor';
import { maskKey } from './key';

export { maskKey };

/** The source id, recorded as a snapshot's `source`. */
export const MOONSHOT_BALANCE_SOURCE = 'moonshot:/users/me/balance';

/** The balance's parts, in the region's currency; null where absent or not a number. */
export interface MoonshotBalance {
  /** Cash plus vouchers: what calls can spend. */
  available: number | null;
  voucher: number | null;
  /** May be negative (overdrawn). */
  cash: number | null;
}

/** What one answer said: the balance, or an error reported inside a 200. */
export type MoonshotAnswer = { kind: 'balance'; balance: MoonshotBalance } | { kind: 'refused'; code: number | null; text: string };

/**
 * Parses a GET /users/me/balance body: `{code, status, scode, data:{available_balance, voucher_balance,
 * cash_balance}}`. `status:false` or a non-zero `code` is a refusal. Null when there is neither a
 * refusal nor a data object. Never throws.
 */
export function parseBalanceResponse(body: unknown): MoonshotAnswer | null {
  const o = asObject(body);
  if (!o) return null;
  const code = asNumber(o['code']);
  if (asBool(o['status']) === false || (code !== null && code !== 0)) {
    const text = [asText(o['scode']), asText(o['message']) ?? asText(o['msg']), asText(asObject(o['error'])?.['message'])].filter(Boolean).join(' ');
    return { kind: 'refused', code, text };
  }
  const d = asObject(o['data']);
  if (!d) return null;
  return {
    kind: 'balance',
    balance: { available: asNumber(d['available_balance']), voucher: asNumber(d['voucher_balance']), cash: asNumber(d['cash_balance']) },
  };
}

/** The region's currency, from the base URL's host: the China platform bills in yuan, the international one in dollars. */
export function currencyFor(baseUrl: string): Unit {
  let host = '';
  try {
    host = new URL(baseUrl).hostname.toLowerCase();
  } catch {
    return 'usd';
  }
  return host === 'cn' || host.endsWith('.cn') ? 'cny' : 'usd';
}

/** Arithmetic on huge inputs can overflow; an infinite figure is unknown. */
function finite(n: number | null): number | null {
  return n !== null && Number.isFinite(n) ? n : null;
}

/**
 * The available balance (else cash plus vouchers) as one window, the figure the low-balance alert
 * judges; an overdrawn cash balance as a note, since vouchers can hide owed cash behind a positive total.
 */
export function toMoonshotWindows(b: MoonshotBalance, unit: Unit): { windows: UsageWindow[]; notes: Note[] } {
  const available = b.available ?? (b.cash !== null ? finite(b.cash + (b.voucher ?? 0)) : null);
  const windows = [makeWindow({ id: 'balance', kind: 'credits', label: 'Balance', remaining: available, unit })];
  const notes: Note[] = b.cash !== null && b.cash < 0 ? [{ code: 'cash_overdrawn', amount: b.cash, unit }] : [];
  return { windows, notes };
}

/** A refusal inside a 200, by its code (an HTTP-like one keeps its meaning) or its words. */
export function refusalError(code: number | null, text: string): ProviderError {
  if (code !== null && code >= 400 && code <= 599) return code === 401 ? { kind: 'unauthorized', status: null, hint: 'check_key' } : errorFromStatus(code);
  if (/auth|api[ _-]?key|token|unauthori[sz]ed|invalid[ _]key/i.test(text)) return { kind: 'unauthorized', status: null, hint: 'check_key' };
  if (/rate[ _-]?limit|too many/i.test(text)) return { kind: 'rate_limited', retryAfterMs: null };
  return { kind: 'upstream', status: 200 };
}

function requestHeaders(key: string): Record<string, string> {
  return { Authorization: `Bearer ${key}`, Accept: 'application/json' };
}

/** `now` null: no clock at hand (key validation), so Retry-After is not resolved. */
function statusError(res: HttpResponse, now: number | null): ProviderError {
  if (res.status === 401) return { kind: 'unauthorized', status: 401, hint: 'check_key' };
  return errorFromResponse(res, now);
}

/** GET /users/me/balance, mapped to the balance or a typed error. */
async function fetchBalance(http: HttpClient, baseUrl: string, key: string, now: number | null): Promise<Result<MoonshotBalance>> {
  const res = await http.request({ url: endpointUrl(baseUrl, '/users/me/balance'), method: 'GET', headers: requestHeaders(key) });
  if (!res.ok) return res;
  if (!isSuccess(res.value)) return err(statusError(res.value, now));
  const answer = parseBalanceResponse(parseJson(res.value.body));
  if (!answer) return err({ kind: 'malformed', detail: '/users/me/balance response has no data object' });
  if (answer.kind === 'refused') return err(refusalError(answer.code, answer.text));
  return ok(answer.balance);
}

/** Checks a key with one balance request (`quotabar key set`, Settings). Never stores anything. Never throws. */
export async function validateMoonshotKey(http: HttpClient, baseUrl: string, key: string): Promise<Result<{ label: string | null }>> {
  const k = key.trim();
  if (!k) return err({ kind: 'unconfigured', what: 'moonshot key' });
  const r = await fetchBalance(http, baseUrl, k, null);
  return r.ok ? ok({ label: maskKey(k) }) : r;
}

/** Ports and settings createMoonshotProvider needs. */
export interface MoonshotDeps {
  http: HttpClient;
  clock: Clock;
  /** https://api.moonshot.ai/v1 or https://api.moonshot.cn/v1; its host sets the currency. */
  baseUrl: string;
  getKey: CredentialLookup<string>;
}

/** The Moonshot provider: one source, the balance endpoint of the configured region. */
export function createMoonshotProvider(deps: MoonshotDeps): Provider {
  const unit = currencyFor(deps.baseUrl);
  async function fetch(): Promise<Result<FetchData>> {
    const got = await deps.getKey();
    if (!got.ok) return got;
    const key = got.value?.trim();
    if (!key) return err({ kind: 'unconfigured', what: 'moonshot key' });
    const b = await fetchBalance(deps.http, deps.baseUrl, key, deps.clock.now());
    if (!b.ok) return b;
    return ok({ source: MOONSHOT_BALANCE_SOURCE, ...toMoonshotWindows(b.value, unit), account: { label: maskKey(key), plan: null } });
  }
  const source: Source = { id: MOONSHOT_BALANCE_SOURCE, fetch };
  return { id: moonshot.id, displayName: moonshot.displayName, sources: [source] };
}
