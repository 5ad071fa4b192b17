// Classifies Anthropic error responses (PROVIDERS 3d) into ProviderError values.
import type { ProviderError } from '../../errors';
import { errorFromStatus, forbiddenError } from '../../http-errors';
import { asArray, asObject, asString, at, parseJson } from '../../json';
import { parseRetryAfter } from '../../time';

const CREDIT_MARKERS = ['credit balance', 'out of extra usage'];
const SPEND_CAP_CODE = 'enforced_spend_limit_reached';
const MAX_MESSAGE = 300;

/** Turns a non-2xx Anthropic response into an error kind; `retryAfter` is the raw header value. */
export function classifyAnthropicError(
  status: number,
  body: string,
  retryAfter: string | null,
  now: number,
): ProviderError {
  const text = typeof body === 'string' ? body : '';
  const parsed = parseJson(text);
  const type = asString(at(parsed, 'error', 'type'));
  const message = asString(at(parsed, 'error', 'message'));

  if (status === 400 && CREDIT_MARKERS.some((m) => (message ?? text).toLowerCase().includes(m))) {
    return { kind: 'credits_exhausted', message: safeMessage(message ?? text) };
  }
  // 529 means the whole service is overloaded, not this account: transient.
  if (status === 529 || type === 'overloaded_error') return { kind: 'upstream', status, overloaded: true };
  const retryAfterMs = parseRetryAfter(retryAfter, now);
  if (status === 429 && hasSpendCapCode(parsed, text)) return { kind: 'rate_limited', retryAfterMs, spendCap: true };
  if (status === 401) return { kind: 'unauthorized', status, hint: 'claude_login' };
  if (status === 403) return forbiddenError(status, text);
  return errorFromStatus(status, retryAfterMs);
}

// `error.details` has been seen as an object; accept an array of detail objects too.
function hasSpendCapCode(parsed: unknown, text: string): boolean {
  const details = at(parsed, 'error', 'details');
  const candidates = [details, ...asArray(details)];
  if (candidates.some((d) => asString(asObject(d)?.error_code) === SPEND_CAP_CODE)) return true;
  return parsed === undefined && text.includes(SPEND_CAP_CODE);
}

/** The server's message, shortened, with anything token-shaped removed (it is shown to the user). */
function safeMessage(raw: string): string | null {
  const cleaned = raw
    .replace(/sk-ant-[\w-]+/g, '[redacted]')
    .replace(/bearer\s+\S+/gi, 'Bearer [redacted]')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '' || cleaned.startsWith('<')) return null;
  return cleaned.length > MAX_MESSAGE ? `${cleaned.slice(0, MAX_MESSAGE - 1)}…` : cleaned;
}
