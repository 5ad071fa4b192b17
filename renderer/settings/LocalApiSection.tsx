// "Share usage with local tools": the local usage API (openusage.limits.v1 on 127.0.0.1), its port,
// the one web origin allowed to read it, and whether it is serving right now.
import { useEffect, useState } from 'react';
import { DEFAULT_LOCAL_API_PORT, localApiStatusText, normalizeOrigin, normalizePort, type LocalApiStatus } from '../../core/local-api';
import type { Settings } from '../../core/settings';
import type { QuotabarBridge } from '../../app/contract';
import { updateSettings } from '../state/settings';

type Draft = { share: boolean; port: string; origin: string };
const draftOf = (s: Settings): Draft => ({ share: s.shareLocalApi, port: String(s.localApiPort), origin: s.localApiOrigin });

export function LocalApiSection({ bridge, settings, status }: { bridge: QuotabarBridge; settings: Settings; status: LocalApiStatus | null }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [message, setMessage] = useState<{ text: string; tone: 'error' | 'success' } | null>(null);
  useEffect(() => setDraft(draftOf(settings)), [settings]);

  const save = async () => {
    const port = normalizePort(/^\d{1,5}$/.test(draft.port.trim()) ? Number(draft.port.trim()) : null);
    const origin = normalizeOrigin(draft.origin);
    if (port === null) return setMessage({ tone: 'error', text: `The port is a number from 1024 to 65535 (${DEFAULT_LOCAL_API_PORT} is what tools expect).` });
    if (origin === null) return setMessage({ tone: 'error', text: 'The origin is one address such as http://localhost:3000, or empty.' });
    const failure = await updateSettings(bridge, { shareLocalApi: draft.share, localApiPort: port, localApiOrigin: origin });
    setMessage(failure ? { tone: 'error', text: failure } : null);
  };

  const shown = status && settings.shareLocalApi ? status : null;
  return (
    <section className="panel" aria-labelledby="local-api-title">
      <h2 id="local-api-title">Local tools</h2>
      <form
        className="prefs"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="check">
          <input id="local-api-share" type="checkbox" checked={draft.share} onChange={(e) => setDraft({ ...draft, share: e.target.checked })} />
          <span>Share usage with local tools</span>
        </label>
        <p className="hint">
          Widgets, status bars and agent apps that read openusage.limits.v1 get your usage figures (never a key) from this computer only.
        </p>
        <div className="field">
          <label htmlFor="local-api-port">Port</label>
          <input id="local-api-port" type="text" inputMode="numeric" value={draft.port} onChange={(e) => setDraft({ ...draft, port: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="local-api-origin">Web page allowed to read it</label>
          <input id="local-api-origin" type="text" placeholder="none" value={draft.origin} onChange={(e) => setDraft({ ...draft, origin: e.target.value })} />
          <p className="hint">Empty: no web page can read it. Name one origin only if a page of yours needs it.</p>
        </div>
        <div className="actions">
          <button type="submit" className="primary">Apply</button>
          <p className={`message ${message ? `message-${message.tone}` : ''}`} role={message?.tone === 'error' ? 'alert' : 'status'} data-testid="local-api-status">
            {message ? message.text : shown ? localApiStatusText(shown) : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
