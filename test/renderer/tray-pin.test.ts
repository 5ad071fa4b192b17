import { describe, expect, it } from 'vitest';
import { emptySnapshot, makeWindow, type ProviderSnapshot } from '../../core/model';
import { pinOptions, pinValue, TIGHTEST_LABEL } from '../../renderer/view-model/tray-pin';

const snap = (over: Partial<ProviderSnapshot>): ProviderSnapshot => ({ ...emptySnapshot('codex', 'ok'), ...over });
const win = (id: string, label: string, usedPercent: number | null) => makeWindow({ id, kind: 'session', label, usedPercent });

describe('the tray pin choices', () => {
  it('offer the tightest window first, then every window with a percentage, named provider (account) · window', () => {
    const options = pinOptions(
      [
        snap({ windows: [win('session', '5-hour', 40), win('weekly', 'Weekly', 91)] }),
        snap({ providerId: 'openrouter', accountLabel: 'team', windows: [win('daily', 'Today', null)] }),
        snap({ providerId: 'claude', accountLabel: 'Work', windows: [win('session', '5-hour', 12)] }),
        emptySnapshot('claude'),
      ],
      null,
    );
    expect(options.map((o) => o.label)).toEqual([TIGHTEST_LABEL, 'Codex · 5-hour', 'Codex · Weekly', 'Claude (Work) · 5-hour']);
    expect(options[3]!.pin).toEqual({ providerId: 'claude', accountLabel: 'Work', windowId: 'session' });
    expect(options[0]!.value).toBe(pinValue(null));
  });

  it('keep a saved pin that is not in the view, marked as not available', () => {
    const pin = { providerId: 'codex', accountLabel: 'home', windowId: 'weekly' };
    const options = pinOptions([snap({ windows: [win('weekly', 'Weekly', 91)] })], pin);
    expect(options.at(-1)).toEqual({ value: pinValue(pin), label: 'Codex (home) · weekly (not available now)', pin });
  });
});
