// DeepSeek: GET /user/balance (PROVIDERS.md §5). One credits window per currency; the amounts come
// as strings; `is_available: false` (the balance cannot pay for calls) is a note of its own.
import { err, ok, type ProviderError, type Result } from '../../errors';
import { endpointUrl, isSuccess } from '../../http';
import { errorFromResponse } from '../../http-errors';
import { asArray, asBool, asNumber, asObject, asText, parseJson } from '../../json';
import { makeWindow, type FetchData, type Note, type UsageWindow } from '../../model';
import type { Clock, CredentialLookup, HttpClient, HttpResponse } from '../../ports';
import type { Provider, Source } from '../../provider';
import { deepseek } from './descriptor';
import { maskKey } from './key';

export { maskKey };

/** The source id, recorded as a snapshot's `source`. */
export const DEEPSEEK_BALANCE_SOURCE = 'deepseek:/user/balance';

/** One currency's balance; amounts null where absent or not a number. */
export interface DeepSeekBalance {
  /** Lowercase ISO-4217 code ('cny', 'usd'). */
  currency: string;
  total: number | null;
  granted: number | null;
  toppedUp: number | null;
}

export interface DeepSeekBalanceInfo {
  /** False: DeepSeek says the balance cannot pay for API calls. Null when absent or garbled. */
  isAvailable: boolean | null;
  balances: DeepSeekBalance[];
}

/** A three-letter currency code, lower-cased; anything else is no currency (never guessed as dollars). */
function currencyOf(v: unknown): string | null {
  const t = asText(v);
  return t !== null && /^[A-Za-z]{3}$/.test(t) ? t.toLowerCase() : null;
}

/**
 * Parses a GET /user/balance body. Entries are read one by one: one without a currency is dropped,
 * a second entry for the same currency too. Null when the body is not an object. Never throws.
 */
export function parseBalanceResponse(body: unknown): DeepSeekBalanceInfo | null {
  const o = asObject(body);
  if (!o) return null;
  const balances: DeepSeekBalance[] = [];
  for (const raw of asArray(o['balance_infos'])) {
    const e = asObject(raw);
    const currency = e ? currencyOf(e['currency']) : null;
    if (!e || currency === null || balances.some((b) => b.currency === currency)) continue;
    balances.push({ currency, total: asNumber(e['total_balance']), granted: asNumber(e['granted_balance']), toppedUp: asNumber(e['topped_up_balance']) });
  }
  return { isAvailable: asBool(o['is_available']), balances };
}

/** The balance: the total, else granted plus topped up when both parts are known. */
function totalOf(b: DeepSeekBalance): number | null {
  if (b.total !== null) return b.total;
  return b.granted !== null && b.toppedUp !== null ? b.granted + b.toppedUp : null;
}

/** One credits window per currency (no cap, so no percentage), plus the `balance_unavailable` note. */
export function toDeepSeekWindows(info: DeepSeekBalanceInfo): { windows: UsageWindow[]; notes: Note[] } {
  const several = info.balances.length > 1;
  const windows = info.balances.map((b) =>
    makeWindow({
      id: `balance:${b.currency}`,
      kind: 'credits',
      label: several ? `Balance (${b.currency.toUpperCase()})` : 'Balance',
      remaining: totalOf(b),
      unit: b.currency,
    }),
  );
  const notes: Note[] = info.isAvailable === false ? [{ code: 'balance_unavailable' }] : [];
  return { windows, notes };
}

function requestHeaders(key: string): Record<string, string> {
  return { Authorization: `Bearer ${key}`, Accept: 'application/json' };
}

/** `now` null: no clock at hand (key validation), so Retry-After is not resolved. */
function statusError(res: HttpResponse, now: number | null): ProviderError {
  if (res.status === 401) return { kind: 'unauthorized', status: 401, hint: 'check_key' };
  if (res.status === 402) return { kind: 'credits_exhausted', message: null };
  return errorFromResponse(res, now);
}

/** GET /user/balance, mapped to the balances or a typed error. */
async function fetchBalance(http: HttpClient, baseUrl: string, key: string, now: number | null): Promise<Result<DeepSeekBalanceInfo>> {
  const res = await http.request({ url: endpointUrl(baseUrl, '/user/balance'), method: 'GET', headers: requestHeaders(key) });
  if (!res.ok) return res;
  if (!isSuccess(res.value)) return err(statusError(res.value, now));
  const info = parseBalanceResponse(parseJson(res.value.body));
  if (!info) return err({ kind: 'malformed', detail: '/user/balance response is not an object' });
  // Nothing to show and nothing said about availability: not an answer about a balance.
  if (info.balances.length === 0 && info.isAvailable === null) return err({ kind: 'malformed', detail: '/user/balance response has no balance' });
  return ok(info);
}

/** Checks a key with one GET /user/balance (`quotabar key set`, Settings). Never stores anything. Never throws. */
export async function validateDeepSeekKey(http: HttpClient, baseUrl: string, key: string): Promise<Result<{ label: string | null }>> {
  const k = key.trim();
  if (!k) return err({ kind: 'unconfigured', what: 'deepseek key' });
  const info = await fetchBalance(http, baseUrl, k, null);
  return info.ok ? ok({ label: maskKey(k) }) : info;
}

/** Ports and settings createDeepSeekProvider needs. */
export interface DeepSeekDeps {
  http: HttpClient;
  clock: Clock;
  /** e.g. https://api.deepseek.com */
  baseUrl: string;
  getKey: CredentialLookup<string>;
}

/** The DeepSeek provider: one source, the balance endpoint. */
export function createDeepSeekProvider(deps: DeepSeekDeps): Provider {
  async function fetch(): Promise<Result<FetchData>> {
    const got = await deps.getKey();
    if (!got.ok) return got;
    const key = got.value?.trim();
    if (!key) return err({ kind: 'unconfigured', what: 'deepseek key' });
    const info = await fetchBalance(deps.http, deps.baseUrl, key, deps.clock.now());
    if (!info.ok) return info;
    const { windows, notes } = toDeepSeekWindows(info.value);
    return ok({ source: DEEPSEEK_BALANCE_SOURCE, windows, notes, account: { label: maskKey(key), plan: null } });
  }
  const source: Source = { id: DEEPSEEK_BALANCE_SOURCE, fetch };
  return { id: deepseek.id, displayName: deepseek.displayName, sources: [source] };
}
