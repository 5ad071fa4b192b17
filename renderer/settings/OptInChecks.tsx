// "Read <tool>'s sign-in": off by default (the descriptor's note says why), saved on change, and in
// effect from the refresh the change starts. On through the environment, it shows so and stays on.
import { useState } from 'react';
import type { QuotabarBridge } from '../../app/contract';
import type { Settings } from '../../core/settings';
import { updateSettings } from '../state/settings';
import { optInMessage, optInPatch, optInRows } from '../view-model/opt-in';

type Message = { text: string; tone: 'success' | 'error' } | null;

export function OptInChecks({ bridge, settings, fromEnv }: { bridge: QuotabarBridge; settings: Settings; fromEnv: readonly string[] }) {
  const [message, setMessage] = useState<Message>(null);
  // The click shows at once; the saved settings (pushed back) take over when the save is done.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const toggle = async (id: string, on: boolean) => {
    setPending((p) => ({ ...p, [id]: on }));
    const failure = await updateSettings(bridge, { credentialOptIn: optInPatch(settings.credentialOptIn, id, on) });
    setPending(({ [id]: _done, ...rest }) => rest);
    setMessage(failure ? { tone: 'error', text: failure } : { tone: 'success', text: optInMessage(id, on) });
  };
  return (
    <div className="opt-ins">
      {optInRows(settings, fromEnv).map((r) => (
        <div className="opt-in" key={r.id} data-opt-in={r.id}>
          <label className="check">
            <input
              id={`opt-in-${r.id}`}
              type="checkbox"
              checked={r.fromEnv || (pending[r.id] ?? r.checked)}
              disabled={r.fromEnv}
              aria-describedby={`opt-in-${r.id}-note`}
              onChange={(e) => void toggle(r.id, e.target.checked)}
            />
            <span>{r.label}</span>
          </label>
          <p id={`opt-in-${r.id}-note`} className="hint">
            {r.note}
          </p>
          {r.fromEnv && <p className="hint">On now because {r.env}=1 is set in Quotabar’s environment; this box cannot turn it off.</p>}
        </div>
      ))}
      <p className={`message ${message ? `message-${message.tone}` : ''}`} role={message?.tone === 'error' ? 'alert' : 'status'} data-testid="opt-in-message">
        {message?.text ?? ''}
      </p>
    </div>
  );
}
