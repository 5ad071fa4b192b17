// Which window the tray meter shows: the tightest (default) or one the user pins. Saved on change.
import { useState } from 'react';
import type { ProviderSnapshot } from '../../core/model';
import type { Settings } from '../../core/settings';
import type { QuotabarBridge } from '../../app/contract';
import { updateSettings } from '../state/settings';
import { pinOptions, pinValue } from '../view-model/tray-pin';

type SaveState = { phase: 'idle' } | { phase: 'done'; message: string; tone: 'success' | 'error' };

export function TraySection({ bridge, settings, snapshots }: { bridge: QuotabarBridge; settings: Settings; snapshots: readonly ProviderSnapshot[] }) {
  const [save, setSave] = useState<SaveState>({ phase: 'idle' });
  const options = pinOptions(snapshots, settings.trayPin);

  const choose = async (value: string) => {
    const option = options.find((o) => o.value === value);
    if (!option) return;
    const failure = await updateSettings(bridge, { trayPin: option.pin });
    setSave(failure ? { phase: 'done', tone: 'error', message: failure } : { phase: 'done', tone: 'success', message: 'Saved. The tray shows it now.' });
  };

  return (
    <section className="panel" aria-labelledby="tray-title">
      <h2 id="tray-title">Tray</h2>
      <div className="field">
        <label htmlFor="pref-trayPin">Meter</label>
        <select id="pref-trayPin" aria-describedby="pref-trayPin-help" value={pinValue(settings.trayPin)} onChange={(e) => void choose(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <p id="pref-trayPin-help" className="hint">
          The tightest window is the one with the highest share used. A pinned window that goes away falls back to it.
        </p>
      </div>
      <p
        className={`message ${save.phase === 'done' ? `message-${save.tone}` : ''}`}
        role={save.phase === 'done' && save.tone === 'error' ? 'alert' : 'status'}
        data-testid="tray-message"
      >
        {save.phase === 'done' ? save.message : ''}
      </p>
    </section>
  );
}
