// Refresh interval, alert thresholds, low balance, reset notice, start at login and pace warnings, saved together.
import { useEffect, useState } from 'react';
import type { Settings } from '../../core/settings';
import type { QuotabarBridge } from '../../app/contract';
import { updateSettings, useSettings } from '../state/settings';
import { draftFromSettings, PACE_PROVIDERS, refreshOptions, validatePrefs, type PrefsDraft, type PrefsErrors } from '../view-model/prefs-form';

type SaveState = { phase: 'idle' } | { phase: 'saving' } | { phase: 'done'; message: string; tone: 'success' | 'error' };

export function PrefsSection({ bridge, settings, demo = false }: { bridge: QuotabarBridge; settings: Settings; demo?: boolean }) {
  const [draft, setDraft] = useState<PrefsDraft>(() => draftFromSettings(settings));
  const [errors, setErrors] = useState<PrefsErrors>({});
  const [save, setSave] = useState<SaveState>({ phase: 'idle' });

  // Settings changed elsewhere (the tray's "Start at login"): show them unless the user is editing.
  const [base, setBase] = useState(settings);
  useEffect(() => {
    if (settings === base) return;
    setBase(settings);
    if (JSON.stringify(draftFromSettings(base)) === JSON.stringify(draft)) setDraft(draftFromSettings(settings));
  }, [settings, base, draft]);

  const set = <K extends keyof PrefsDraft>(k: K, v: PrefsDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setSave({ phase: 'idle' });
  };

  const submit = async () => {
    if (save.phase === 'saving') return;
    const r = validatePrefs(draft);
    if (!r.ok) {
      setErrors(r.errors);
      setSave({ phase: 'done', tone: 'error', message: 'Fix the highlighted fields, then save again.' });
      const first = (['refreshIntervalSec', 'thresholds', 'lowBalanceUsd', 'predictiveMarginMin'] as const).find((f) => r.errors[f]);
      if (first) document.getElementById(`pref-${first}`)?.focus();
      return;
    }
    setErrors({});
    setSave({ phase: 'saving' });
    const failure = await updateSettings(bridge, r.patch);
    // Show what was stored (normalised: sorted thresholds, rounded amounts).
    const stored = useSettings.getState().view?.settings;
    if (!failure && stored) {
      setBase(stored);
      setDraft(draftFromSettings(stored));
    }
    setSave(failure ? { phase: 'done', tone: 'error', message: failure } : { phase: 'done', tone: 'success', message: 'Saved. Changes apply now.' });
  };

  const field = (id: keyof PrefsErrors) => ({
    id: `pref-${id}`,
    'aria-invalid': errors[id] ? true : undefined,
    'aria-describedby': `pref-${id}-help${errors[id] ? ` pref-${id}-error` : ''}`,
  });

  return (
    <section className="panel" aria-labelledby="prefs-title">
      <h2 id="prefs-title">Refresh and alerts</h2>
      <form
        className="prefs"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor="pref-refreshIntervalSec">Refresh</label>
          <select {...field('refreshIntervalSec')} value={draft.refreshIntervalSec} onChange={(e) => set('refreshIntervalSec', e.target.value)}>
            {refreshOptions(settings.refreshIntervalSec).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <p id="pref-refreshIntervalSec-help" className="hint">
            How often usage is checked. Adaptive: every 1–2 min while usage moves or nears an alert, up to 30 min when idle.
          </p>
          {errors.refreshIntervalSec && <p id="pref-refreshIntervalSec-error" className="field-error">{errors.refreshIntervalSec}</p>}
        </div>

        <div className="field">
          <label htmlFor="pref-thresholds">Alert at</label>
          <input {...field('thresholds')} type="text" inputMode="numeric" value={draft.thresholds} onChange={(e) => set('thresholds', e.target.value)} />
          <p id="pref-thresholds-help" className="hint">Percent used, comma-separated. Bars change colour at these too.</p>
          {errors.thresholds && <p id="pref-thresholds-error" className="field-error">{errors.thresholds}</p>}
        </div>

        <div className="field">
          <label htmlFor="pref-lowBalanceUsd">Low balance</label>
          <div className="with-prefix">
            <span aria-hidden="true">$</span>
            <input {...field('lowBalanceUsd')} type="text" inputMode="decimal" value={draft.lowBalanceUsd} onChange={(e) => set('lowBalanceUsd', e.target.value)} />
          </div>
          <p id="pref-lowBalanceUsd-help" className="hint">Alert when a dollar credit balance drops below this. 0 turns it off.</p>
          {errors.lowBalanceUsd && <p id="pref-lowBalanceUsd-error" className="field-error">{errors.lowBalanceUsd}</p>}
        </div>

        <div className="checks">
          <label className="check">
            <input id="pref-resetNotice" type="checkbox" checked={draft.resetNotice} onChange={(e) => set('resetNotice', e.target.checked)} />
            <span>Notify me when a window resets</span>
          </label>
          <label className="check">
            <input id="pref-startAtLogin" type="checkbox" checked={draft.startAtLogin} onChange={(e) => set('startAtLogin', e.target.checked)} />
            {/* A demo run keeps settings in memory and never touches the OS login item (electron/main.ts). */}
            <span>Start Quotabar at login{demo ? ' (not applied in demo mode)' : ''}</span>
          </label>
          <label className="check">
            <input id="pref-autoUpdate" type="checkbox" checked={draft.autoUpdate} onChange={(e) => set('autoUpdate', e.target.checked)} />
            <span>Check for updates automatically</span>
          </label>
        </div>

        <fieldset className="checks pace-alerts">
          <legend>Pace warnings</legend>
          {PACE_PROVIDERS.map((p) => (
            <label className="check" key={p.id}>
              <input
                id={`pref-predictive-${p.id}`}
                type="checkbox"
                checked={draft.predictiveAlerts.includes(p.id)}
                onChange={(e) =>
                  set('predictiveAlerts', e.target.checked ? [...draft.predictiveAlerts, p.id] : draft.predictiveAlerts.filter((x) => x !== p.id))
                }
              />
              <span>{p.name}: warn when I'm on pace to run out before the reset</span>
            </label>
          ))}
        </fieldset>

        <div className="field">
          <label htmlFor="pref-predictiveMarginMin">Pace margin</label>
          <input {...field('predictiveMarginMin')} type="text" inputMode="decimal" value={draft.predictiveMarginMin} onChange={(e) => set('predictiveMarginMin', e.target.value)} />
          <p id="pref-predictiveMarginMin-help" className="hint">Warn only when the run-out is more than this many minutes before the reset; once per window period.</p>
          {errors.predictiveMarginMin && <p id="pref-predictiveMarginMin-error" className="field-error">{errors.predictiveMarginMin}</p>}
        </div>

        <div className="actions">
          {/* aria-disabled, not disabled: a disabled button would drop keyboard focus to <body>. */}
          <button type="submit" className="primary" aria-disabled={save.phase === 'saving'}>
            {save.phase === 'saving' ? 'Saving…' : 'Save'}
          </button>
          <p
            className={`message ${save.phase === 'done' ? `message-${save.tone}` : ''}`}
            role={save.phase === 'done' && save.tone === 'error' ? 'alert' : 'status'}
            data-testid="prefs-message"
          >
            {save.phase === 'done' ? save.message : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
