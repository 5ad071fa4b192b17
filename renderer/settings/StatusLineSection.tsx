// The coding tool's status line: whether its settings run `quotabar statusline` (and the command ours
// chains), one Install / Uninstall button doing what `quotabar statusline install|uninstall` does,
// and below it the opt-in to read that tool's sign-in.
import { useEffect, useState } from 'react';
import type { QuotabarBridge, StatusLineView } from '../../app/contract';
import type { Settings } from '../../core/settings';
import { callFailure } from '../bridge';
import { Words } from '../shared/Words';
import { OptInChecks } from './OptInChecks';

type Message = { text: string; tone: 'success' | 'error' } | null;

export function StatusLineSection({ bridge, settings, optInFromEnv }: { bridge: QuotabarBridge; settings: Settings; optInFromEnv: readonly string[] }) {
  const [view, setView] = useState<StatusLineView | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  useEffect(() => {
    let live = true;
    bridge.invoke('statusline:get', null).then(
      (v) => live && setView(v),
      (e: unknown) => live && setMessage({ tone: 'error', text: callFailure(e) }),
    );
    return () => void (live = false);
  }, [bridge]);

  const press = async () => {
    if (!view || busy) return;
    setBusy(true);
    try {
      const r = await bridge.invoke('statusline:set', { action: view.installed ? 'uninstall' : 'install' });
      setView(r.view);
      setMessage({ tone: r.ok ? 'success' : 'error', text: r.message });
    } catch (e) {
      setMessage({ tone: 'error', text: callFailure(e) });
    } finally {
      setBusy(false);
    }
  };

  const tool = view?.toolName ?? 'Coding tool';
  return (
    <section className="panel" aria-labelledby="statusline-title">
      <h2 id="statusline-title">{tool} status line</h2>
      <p className="hint">
        After each message {tool} runs Quotabar’s status line: it shows the model, 5-hour and weekly use there (and today’s cost once Quotabar has
        read the logs), and hands those figures to Quotabar without any sign-in being read.
      </p>
      <p className="statusline-state" data-testid="statusline-state" data-installed={view ? String(view.installed) : undefined}>
        {view ? <Words text={view.text} /> : 'Checking…'}
      </p>
      {view?.unavailable && <p className="hint">{view.unavailable}</p>}
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="statusline-button"
          aria-disabled={!view || busy || (!view.installed && view.unavailable !== null)}
          onClick={() => void press()}
        >
          {view?.installed ? 'Uninstall' : 'Install'}
        </button>
        <p className={`message ${message ? `message-${message.tone}` : ''}`} role={message?.tone === 'error' ? 'alert' : 'status'} data-testid="statusline-message">
          {message ? <Words text={message.text} /> : ''}
        </p>
      </div>
      <OptInChecks bridge={bridge} settings={settings} fromEnv={optInFromEnv} />
    </section>
  );
}
