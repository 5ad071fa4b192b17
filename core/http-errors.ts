// What an HTTP failure means, in one place: a status as an error kind, the response's Retry-After,
// and the 403 body classification (PROVIDERS 4c): validation required, terms violation, or plain
// forbidden. A provider with more to say (Anthropic's error bodies) builds on these.
import type { ProviderError } from './errors';
import { asArray, asObject, asString, at, parseJson } from './json';
import type { HttpResponse } from './ports';
import { parseRetryAfter } from './time';

/** Maps a plain HTTP status to an error kind when the provider has nothing more specific to say. */
export function errorFromStatus(status: number, retryAfterMs: number | null = null): ProviderError {
  if (status === 401) return { kind: 'unauthorized', status, hint: null };
  if (status === 403) return { kind: 'forbidden', status, reason: 'forbidden', url: null };
  if (status === 429) return { kind: 'rate_limited', retryAfterMs };
  return { kind: 'upstream', status };
}

/**
 * `errorFromStatus` with the response's Retry-After resolved against `now` (`now` null leaves it
 * unknown), and a 403 body classified (verification needed, terms violation, or plain forbidden).
 */
export function errorFromResponse(res: HttpResponse, now: number | null): ProviderError {
  if (res.status === 403) return forbiddenError(403, res.body);
  return errorFromStatus(res.status, now === null ? null : parseRetryAfter(res.headers['retry-after'], now));
}

/** What a 403 body says about the account, with the link to show for a validation request. */
export interface ForbiddenClass {
  reason: 'validation' | 'violation' | 'forbidden';
  url: string | null;
}

const VALIDATION_MARKERS = ['validation_required', 'verify your account', 'validation_url'];
const VIOLATION_MARKERS = ['terms of service', 'violation'];

/** Classifies a 403 body by case-insensitive markers; only a validation result carries a URL. */
export function classifyForbidden(body: string): ForbiddenClass {
  const text = typeof body === 'string' ? body : '';
  const lower = text.toLowerCase();
  if (VALIDATION_MARKERS.some((m) => lower.includes(m))) {
    return { reason: 'validation', url: structuredUrl(text) ?? firstHttpsUrl(text) };
  }
  if (VIOLATION_MARKERS.some((m) => lower.includes(m))) return { reason: 'violation', url: null };
  return { reason: 'forbidden', url: null };
}

/** The `forbidden` error for a 403 (or other status) with the body's classification. */
export function forbiddenError(status: number, body: string): ProviderError {
  const { reason, url } = classifyForbidden(body);
  return { kind: 'forbidden', status, reason, url };
}

// Google-style bodies: {error:{details:[{metadata:{validation_url}}]}}, sometimes wrapped in an array.
function structuredUrl(text: string): string | null {
  const parsed = parseJson(text);
  const roots = Array.isArray(parsed) ? parsed : [parsed];
  for (const root of roots) {
    const details = [...asArray(at(root, 'error', 'details')), ...asArray(at(root, 'details'))];
    for (const d of details) {
      const meta = asObject(at(d, 'metadata'));
      if (!meta) continue;
      for (const key of ['validation_url', 'validationUrl', 'appeal_url', 'appealUrl']) {
        const url = safeUrl(asString(meta[key]));
        if (url) return url;
      }
    }
  }
  return null;
}

function firstHttpsUrl(text: string): string | null {
  const unescaped = text.replace(/\\u0026/gi, '&');
  const m = /https:\/\/[^\s"'<>\\]+/i.exec(unescaped);
  return m ? safeUrl(m[0].replace(/[.,;:)\]}]+$/, '')) : null;
}

// Only https links are shown to the user; anything else is dropped rather than opened.
function safeUrl(v: string | null): string | null {
  if (!v) return null;
  const url = v.trim();
  return /^https:\/\/[^\s]+$/i.test(url) ? url : null;
}
