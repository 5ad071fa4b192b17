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
 * Returns null for absent or unparseable values; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (v === '') return null;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/** Parses an ISO-8601 timestamp (with or without fractional seconds or an offset); null if invalid. */
export function parseIso(value: unknown): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

/**
 * Unix time that may arrive as seconds or milliseconds; returns epoch ms, or null when the
 * value is not a number or lies outside 2001–2286 (a sane range for a reset time).
 */
export function parseUnixTime(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) return null;
  const ms = n < 1e11 ? n * 1000 : n;
  if (ms < 978_307_200_000 || ms > 9_999_999_999_000) return null;
  return Math.round(ms);
}
