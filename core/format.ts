// Numbers and times in words, the one home of each formatter: durations, countdowns, pace and runway
// lines, amounts, percentages and a window's figures. core/present.ts builds sentences from these.
import type { UsageWindow } from './model';
import type { Pace } from './pace';
import { DAY, HOUR, MINUTE } from './time';

const SECOND = 1000;

/**
 * "3 h 12 min", "45 s", "2 d 4 h": the two largest units. The one duration formatter of the app.
 * `live` is for a countdown redrawn every second (the popover): it shows "4 min 5 s" in the last
 * ten minutes, so a near reset visibly moves, and counts whole seconds down like a clock; without
 * it a part second rounds up, so text that is not redrawn never says "0 s" too early.
 */
export function formatDuration(ms: number, opts: { live?: boolean } = {}): string {
  const abs = opts.live ? Math.max(0, Math.floor(ms / SECOND)) * SECOND : Math.max(0, Math.round(ms));
  if (abs < MINUTE) return `${Math.ceil(abs / SECOND)} s`;
  if (abs < HOUR) {
    const m = Math.floor(abs / MINUTE);
    const s = Math.floor((abs % MINUTE) / SECOND);
    return opts.live && abs < 10 * MINUTE && s > 0 ? `${m} min ${s} s` : `${m} min`;
  }
  if (abs < DAY) {
    const m = Math.floor((abs % HOUR) / MINUTE);
    return `${Math.floor(abs / HOUR)} h${m ? ` ${m} min` : ''}`;
  }
  const h = Math.floor((abs % DAY) / HOUR);
  return `${Math.floor(abs / DAY)} d${h ? ` ${h} h` : ''}`;
}

/**
 * A time limit that ran out, as "400 ms", "1.5 s" or "15 s": never rounded down to "0 s", and never
 * up to a limit longer than the one that was given.
 */
export function formatDeadline(ms: number): string {
  if (ms < SECOND) return `${Math.max(0, Math.floor(ms))} ms`;
  const s = ms / SECOND;
  return s < 10 ? `${Math.floor(s * 10) / 10} s` : `${Math.floor(s)} s`;
}

/** "resets in 3 h 12 min", "resetting now", or null when unknown; `live` as for formatDuration. */
export function formatResetsIn(resetsAt: number | null, now: number, opts: { live?: boolean } = {}): string | null {
  if (resetsAt === null) return null;
  const left = resetsAt - now;
  // A live countdown has no "0 s": under a whole second left, the reset is due.
  return left <= 0 || (opts.live && left < SECOND) ? 'resetting now' : `resets in ${formatDuration(left, opts)}`;
}

/** "12 % in deficit · runs out in 40 min", "8 % in reserve · lasts until reset", "on pace · …". */
export function paceText(p: Pace, now: number): string {
  const delta = Math.round(Math.abs(p.deltaPercent));
  const stand = delta === 0 ? 'on pace' : `${delta} % ${p.deltaPercent > 0 ? 'in deficit' : 'in reserve'}`;
  if (p.runsOutAt === null) return `${stand} · lasts until reset`;
  return p.runsOutAt <= now ? `${stand} · used up until reset` : `${stand} · runs out in ${formatDuration(p.runsOutAt - now)}`;
}

/** "≈ 4 days at this week's pace", "≈ 18 h at this week's pace", "no credit left" (days from core/runway.ts). */
export function runwayText(days: number): string {
  if (days <= 0) return 'no credit left';
  if (days < 1) return `≈ ${formatDuration(Math.round(days * 24) * HOUR || HOUR)} at this week's pace`;
  const d = Math.round(days);
  return `≈ ${d} ${d === 1 ? 'day' : 'days'} at this week's pace`;
}

/** "7 min ago", "just now". */
export function formatAgo(at: number, now: number): string {
  const d = now - at;
  return d < 45_000 ? 'just now' : `${formatDuration(d)} ago`;
}

const SYMBOLS: Record<string, string> = { usd: '$', eur: '€', gbp: '£' };

/** "$12.37", "−$0.40", "€5.00", "12 JPY". */
export function formatAmount(value: number, unit: string): string {
  if (unit === 'percent') return `${formatPercent(value)}`;
  // Credits that are their own unit (not a currency) are not money.
  if (unit === 'credits') return `${Math.round(value * 100) / 100} credits`;
  // Counted requests (a monthly request allowance) are whole things, not money.
  if (unit === 'requests') return `${Math.round(value * 100) / 100} requests`;
  const sign = value < 0 ? '−' : '';
  const digits = Math.abs(value) >= 1000 ? 0 : 2;
  const body = Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const sym = SYMBOLS[unit];
  return sym ? `${sign}${sym}${body}` : `${sign}${body} ${unit.toUpperCase()}`;
}

/**
 * "37 %", "0.4 %", "99.6 %", "102 %". Whole numbers, except one decimal strictly between 0 and 1 %
 * (some use is not "0 %") and between 99 and 100 % (a limit not yet reached is not "100 %").
 */
export function formatPercent(p: number): string {
  if (p > 0 && p < 1) return `${Math.round(p * 10) / 10} %`;
  // min: p*10 can round up to 1000 in floating point for a p a hair under 100.
  if (p > 99 && p < 100) return `${Math.min(99.9, Math.floor(p * 10) / 10)} %`;
  return `${Math.round(p)} %`;
}

/** The headline figure of a window: "% used" where capped, else the amount used. */
export function windowFigure(w: UsageWindow): string {
  if (w.usedPercent !== null) return `${formatPercent(w.usedPercent)} used`;
  if (w.kind === 'credits' && w.remaining !== null) return `${formatAmount(w.remaining, w.unit)} left`;
  if (w.used !== null) return `${formatAmount(w.used, w.unit)} spent`;
  return '—';
}

/** The amounts line of a window: "$7.63 of $20.00 · $12.37 left". */
export function windowAmounts(w: UsageWindow): string | null {
  if (w.unit === 'percent') return null;
  if (w.unit === 'requests') return requestAmounts(w);
  const parts: string[] = [];
  if (w.used !== null && w.limit !== null) parts.push(`${formatAmount(w.used, w.unit)} of ${formatAmount(w.limit, w.unit)}`);
  else if (w.used !== null) parts.push(`${formatAmount(w.used, w.unit)} spent`);
  if (w.remaining !== null) parts.push(`${formatAmount(w.remaining, w.unit)} left`);
  return parts.length ? parts.join(' · ') : null;
}

// "88 of 300 requests · 212 left": a count names its unit once.
function requestAmounts(w: UsageWindow): string | null {
  const n = (v: number) => String(Math.round(v * 100) / 100);
  const parts: string[] = [];
  if (w.used !== null && w.limit !== null) parts.push(`${n(w.used)} of ${formatAmount(w.limit, w.unit)}`);
  else if (w.used !== null) parts.push(`${formatAmount(w.used, w.unit)} used`);
  if (w.remaining !== null) parts.push(parts.length ? `${n(w.remaining)} left` : `${formatAmount(w.remaining, w.unit)} left`);
  return parts.length ? parts.join(' · ') : null;
}
