// Pure time helpers. Every function takes `now` explicitly; nothing here reads a clock.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Next 00:00 UTC strictly after `now`. */
export function nextUtcMidnight(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

/** Next Monday 00:00 UTC strictly after `now` (weeks run Monday–Sunday). */
export function nextUtcMonday(now: number): number {
  const d = new Date(now);
  const dow = d.getUTCDay(); // 0 = Sunday
  const daysAhead = ((8 - dow) % 7) || 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + daysAhead);
}

/** The 1st of next month, 00:00 UTC. */
export function nextUtcMonthStart(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/**
 * Parses a Retry-After value (delay-seconds or an HTTP-date) into milliseconds from `now`.
 * Returns null for absent or unparseable values, negative delays included; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (v === '') return null;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  // Every HTTP-date names its month in letters; without this, Date.parse reads "-5" as a year.
  if (!/[A-Za-z]{3}/.test(v)) return null;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

// ISO-8601 date-time: date, optional time with any number of fractional digits, optional offset.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses an ISO-8601 timestamp into epoch ms; null if invalid. The one timestamp parser for every
 * provider. A time without an offset is UTC (providers send UTC; `Date.parse` would read it as
 * local time), and digits past milliseconds (Python's µs) are truncated.
 */
export function parseIso(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone] = m;
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(h) > 24 || Number(mi) > 59 || Number(sec) > 60) return null;
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), ms);
  // Date.UTC rolls Feb 30 over into March; a date that does not exist is invalid.
  if (new Date(base).getUTCDate() !== Number(d) && Number(h) !== 24 && Number(sec) !== 60) return null;
  const t = base - offsetMinutes(zone) * MINUTE;
  return Number.isFinite(t) ? t : null;
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z' || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return zone.startsWith('-') ? -minutes : minutes;
}

/** Resets further ahead than this are implausible. The longest real window is a month (credit
 * pools, a monthly spending cap); 400 days leaves room for a yearly allowance while still
 * rejecting year-9999 sentinels and ms/µs mix-ups. */
export const MAX_RESET_AHEAD_MS = 400 * DAY;
/** Before 2020-01-01 UTC no provider here existed: an earlier reset is a unit mix-up or a zero. */
export const EARLIEST_RESET_MS = Date.UTC(2020, 0, 1);

/**
 * The one reset-time sanity rule for every provider: a reset before 2020 or more than 400 days
 * after `now` is implausible and becomes null (the window stays, its reset unknown). `now` null
 * (a caller without a clock) applies only the lower bound.
 */
export function plausibleReset(at: number | null, now: number | null): number | null {
  if (at === null || !Number.isFinite(at) || at < EARLIEST_RESET_MS) return null;
  if (now !== null && at > now + MAX_RESET_AHEAD_MS) return null;
  return at;
}

/**
 * Unix time that may arrive as seconds or milliseconds; returns epoch ms, or null when the
 * value is not a number or lies outside 2001–2286 (the range in which seconds and milliseconds
 * cannot be confused). Whether a reset is plausible is `plausibleReset`'s question.
 */
export function parseUnixTime(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) return null;
  const ms = n < 1e11 ? n * 1000 : n;
  if (ms < 978_307_200_000 || ms > 9_999_999_999_000) return null;
  return Math.round(ms);
}
