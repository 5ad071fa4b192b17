// The team view's rows: one compact, read-only line per key a management key lists (name, masked
// label, spent of limit, reset), from the windows marked `teamKey` (core/model.ts).
import type { ProviderSnapshot, UsageWindow } from '../../core/model';
import { formatAmount, formatResetsIn } from '../../core/present';

export interface TeamKeyRowView {
  id: string;
  name: string;
  /** The provider's masked label, e.g. `sk-or-v1-a1f…e41`, when it differs from the name. */
  keyLabel: string | null;
  /** "$37.50 / $50.00", or "$18.06 spent" for a key without a limit. */
  amount: string;
  /** "resets in 12 d", "no reset" for a cap that never resets, "no limit" without one. */
  reset: string;
  disabled: boolean;
  /** 'critical' at or above 100 % of its limit, 'warning' from 80 %; else normal. */
  level: 'normal' | 'warning' | 'critical';
}

function row(w: UsageWindow, now: number): TeamKeyRowView {
  const t = w.teamKey!;
  const used = w.used === null ? '—' : formatAmount(w.used, w.unit);
  const amount = w.limit === null ? `${used} spent` : `${used} / ${formatAmount(w.limit, w.unit)}`;
  const reset = w.limit === null ? 'no limit' : (formatResetsIn(w.resetsAt, now, { live: true }) ?? 'no reset');
  const p = w.usedPercent;
  return {
    id: w.id,
    name: w.label,
    keyLabel: t.label !== null && t.label !== w.label ? t.label : null,
    amount,
    reset,
    disabled: t.disabled,
    level: p === null ? 'normal' : p >= 100 ? 'critical' : p >= 80 ? 'warning' : 'normal',
  };
}

/** The rows of a snapshot's team view, in the order the provider listed the keys (none without one). */
export function teamKeyRows(s: ProviderSnapshot, now: number): TeamKeyRowView[] {
  return s.windows.filter((w) => w.teamKey !== undefined).map((w) => row(w, now));
}
