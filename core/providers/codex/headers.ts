// The x-codex-* headers Codex sends on every /codex/responses reply (PROVIDERS.md 2a).
// Values are strings, often empty for a window that does not exist.
import { asBool, asNumber, asText } from '../../json';
import {
  classifyCodexWindows,
  codexNotes,
  creditsOrNull,
  codexReset,
  type CodexCredits,
  type CodexReading,
  type RawCodexWindow,
} from './windows';

type HeaderMap = Record<string, string | undefined>;

function lowerKeys(headers: HeaderMap): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') out.set(k.toLowerCase(), v);
  return out;
}

/** Reads one window family member ('primary' | 'secondary'); null fields when absent or garbled. */
function readWindow(h: Map<string, string>, which: 'primary' | 'secondary', now: number): RawCodexWindow {
  const get = (suffix: string) => h.get(`x-codex-${which}-${suffix}`);
  const minutes = asNumber(get('window-minutes'));
  // Older codex and sub2api send a relative delay instead; 0 comes with placeholder windows.
  const resetsAt = codexReset(asText(get('reset-at')), get('reset-after-seconds'), now);
  return {
    usedPercent: asNumber(get('used-percent')),
    windowMinutes: minutes === null ? null : Math.round(minutes),
    resetsAt,
  };
}

function readCredits(h: Map<string, string>): CodexCredits | null {
  return creditsOrNull({
    hasCredits: asBool(h.get('x-codex-credits-has-credits')?.trim().toLowerCase()),
    unlimited: asBool(h.get('x-codex-credits-unlimited')?.trim().toLowerCase()),
    balance: asNumber(h.get('x-codex-credits-balance')),
  });
}

/**
 * Parses x-codex-* response headers into session/weekly windows (by duration) and notes.
 * `now` resolves reset-after-seconds. Returns null when the reply carries no x-codex-* header
 * at all, so a caller can keep what it knew. Never throws.
 */
export function parseCodexHeaders(headers: HeaderMap, now: number): CodexReading | null {
  const h = lowerKeys(headers);
  if (![...h.keys()].some((k) => k.startsWith('x-codex-'))) return null;
  const windows = classifyCodexWindows(readWindow(h, 'primary', now), readWindow(h, 'secondary', now));
  const plan = asText(h.get('x-codex-plan-type'));
  const limitReached = asText(h.get('x-codex-rate-limit-reached-type')) !== null;
  return { windows, notes: codexNotes(plan, readCredits(h), limitReached), plan };
}
