// The tray-pin control's choices: "tightest" plus every window the popover shows a % for right now,
// named provider (account) · window. A pin that is not in the view now stays listed, marked, so the
// control never claims a different setting than the one saved.
import type { ProviderSnapshot } from '../../core/model';
import { accountName } from '../../core/present';
import type { TrayPin } from '../../core/settings';

export interface PinOption {
  /** The select's value: '' for the tightest window, else the pin as JSON. */
  value: string;
  label: string;
  pin: TrayPin | null;
}

export const TIGHTEST_LABEL = 'Tightest window (default)';

/** The select's value for a pin (null = tightest). */
export function pinValue(pin: TrayPin | null): string {
  return pin === null ? '' : JSON.stringify([pin.providerId, pin.accountLabel, pin.windowId]);
}

/** The choices, tightest first, then each meter-able window in the popover's order. */
export function pinOptions(snapshots: readonly ProviderSnapshot[], current: TrayPin | null): PinOption[] {
  const out: PinOption[] = [{ value: '', label: TIGHTEST_LABEL, pin: null }];
  for (const s of snapshots) {
    if (s.status === 'unconfigured') continue;
    for (const w of s.windows) {
      // The tray draws a percentage: a window without a cap has none to show.
      if (w.usedPercent === null || w.teamKey) continue;
      const pin: TrayPin = { providerId: s.providerId, accountLabel: s.accountLabel, windowId: w.id };
      const value = pinValue(pin);
      if (!out.some((o) => o.value === value)) out.push({ value, label: `${accountName(s.providerId, s.accountLabel)} · ${w.label}`, pin });
    }
  }
  const saved = pinValue(current);
  if (current && !out.some((o) => o.value === saved)) {
    out.push({ value: saved, label: `${accountName(current.providerId, current.accountLabel)} · ${current.windowId} (not available now)`, pin: current });
  }
  return out;
}
