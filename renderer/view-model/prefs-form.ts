// The preferences form: text drafts, validation with messages a person can act on, and the patch.
import { MAX_PREDICTIVE_MARGIN_MIN, MAX_REFRESH_SEC, MIN_REFRESH_SEC, type Settings } from '../../core/settings';
import { formatDuration } from '../../core/present';
import { PROVIDERS } from '../../core/providers/registry';
import type { ProviderDescriptor } from '../../core/providers/descriptor';

/** Providers offered the pace warning: those with rolling windows that reset (a credit balance has no reset to run out before). */
export const PACE_PROVIDERS: ReadonlyArray<{ id: string; name: string }> = PROVIDERS.filter((p: ProviderDescriptor) => p.resettingWindows === true).map((p) => ({
  id: p.id,
  name: p.displayName,
}));

export interface PrefsDraft {
  /** ADAPTIVE, or a fixed interval in seconds. */
  refreshIntervalSec: string;
  thresholds: string;
  lowBalanceUsd: string;
  resetNotice: boolean;
  startAtLogin: boolean;
  autoUpdate: boolean;
  /** Provider ids opted in to the pace warning. */
  predictiveAlerts: string[];
  predictiveMarginMin: string;
}

export type PrefsField = 'refreshIntervalSec' | 'thresholds' | 'lowBalanceUsd' | 'predictiveMarginMin';
export type PrefsErrors = Partial<Record<PrefsField, string>>;

export type PrefsResult = { ok: true; patch: Partial<Settings> } | { ok: false; errors: PrefsErrors };

/** Choices offered for the refresh interval, in seconds. */
export const REFRESH_CHOICES: readonly number[] = [30, 60, 120, 300, 600, 900, 1800, 3600];

/** The refresh select's value for adaptive polling (the others are fixed intervals in seconds). */
export const ADAPTIVE = 'adaptive';

/** The select's options: adaptive, then the standard fixed choices plus the current value if it is unusual. */
export function refreshOptions(current: number): Array<{ value: string; label: string }> {
  const values = REFRESH_CHOICES.includes(current) ? REFRESH_CHOICES : [...REFRESH_CHOICES, current].sort((a, b) => a - b);
  return [
    { value: ADAPTIVE, label: 'Adaptive (1–30 minutes)' },
    ...values.map((v) => ({ value: String(v), label: `Every ${formatDuration(v * 1000)}` })),
  ];
}

export function draftFromSettings(s: Settings): PrefsDraft {
  return {
    refreshIntervalSec: s.pollingMode === 'adaptive' ? ADAPTIVE : String(s.refreshIntervalSec),
    thresholds: s.thresholds.join(', '),
    lowBalanceUsd: String(s.lowBalanceUsd),
    resetNotice: s.resetNotice,
    startAtLogin: s.startAtLogin,
    autoUpdate: s.autoUpdate,
    predictiveAlerts: [...s.predictiveAlerts],
    predictiveMarginMin: String(s.predictiveMarginMin),
  };
}

/** Parses "80, 95" (commas, spaces or %) into ascending unique thresholds, or explains what is wrong. */
export function parseThresholds(text: string): { ok: true; value: number[] } | { ok: false; message: string } {
  const parts = text.split(/[\s,;%]+/).filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, message: 'Enter at least one percentage, such as 80, 95.' };
  const nums = parts.map(Number);
  // Digits only: Number() would also read "0x10" as 16 and "1e2" as 100.
  const bad = parts.find((p, i) => !/^\d+$/.test(p) || nums[i]! < 1 || nums[i]! > 100);
  if (bad !== undefined) return { ok: false, message: `“${bad}” is not a whole percentage from 1 to 100.` };
  const unique = [...new Set(nums)].sort((a, b) => a - b);
  if (unique.length > 5) return { ok: false, message: 'Use at most five thresholds.' };
  return { ok: true, value: unique };
}

/** Validates every field; returns the settings patch only when all are valid. */
export function validatePrefs(d: PrefsDraft): PrefsResult {
  const errors: PrefsErrors = {};
  const adaptive = d.refreshIntervalSec === ADAPTIVE;
  const interval = /^\d+$/.test(d.refreshIntervalSec) ? Number(d.refreshIntervalSec) : NaN;
  if (!adaptive && (!Number.isInteger(interval) || interval < MIN_REFRESH_SEC || interval > MAX_REFRESH_SEC)) {
    errors.refreshIntervalSec = 'Choose an interval between 30 seconds and 1 hour.';
  }
  const thresholds = parseThresholds(d.thresholds);
  if (!thresholds.ok) errors.thresholds = thresholds.message;
  const lowText = d.lowBalanceUsd.trim().replace(/^\$/, '');
  // A plain decimal amount ("2", "2.50", ".5"): Number() would also take "0x10" ($16) and "1e3" ($1000).
  const low = /^(\d+(\.\d*)?|\.\d+)$/.test(lowText) ? Number(lowText) : NaN;
  if (!Number.isFinite(low) || low < 0 || low > 10_000) {
    errors.lowBalanceUsd = 'Enter a dollar amount from 0 to 10,000 (0 turns the alert off).';
  }
  const marginText = d.predictiveMarginMin.trim();
  const margin = /^(\d+(\.\d*)?|\.\d+)$/.test(marginText) ? Number(marginText) : NaN;
  if (!Number.isFinite(margin) || margin < 0 || margin > MAX_PREDICTIVE_MARGIN_MIN) {
    errors.predictiveMarginMin = 'Enter minutes from 0 to 1440.';
  }
  if (Object.keys(errors).length > 0 || !thresholds.ok) return { ok: false, errors };
  return {
    ok: true,
    patch: {
      // Adaptive keeps the last fixed interval, so switching back offers it again.
      ...(adaptive ? { pollingMode: 'adaptive' as const } : { pollingMode: 'fixed' as const, refreshIntervalSec: interval }),
      thresholds: thresholds.value,
      lowBalanceUsd: Math.round(low * 100) / 100,
      resetNotice: d.resetNotice,
      startAtLogin: d.startAtLogin,
      autoUpdate: d.autoUpdate,
      predictiveAlerts: d.predictiveAlerts,
      predictiveMarginMin: margin,
    },
  };
}
