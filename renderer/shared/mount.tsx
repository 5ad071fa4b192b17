// What both windows do at start: connect the stores to the bridge, watch the connection, render. Without
// a bridge (a preview link opened without its token) the page says which link to open instead.
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { QuotabarBridge } from '../../app/contract';
import { getBridge, NO_BRIDGE_TEXT } from '../bridge';
import { guardBridge, heartbeatFromUrl, watchConnection } from '../state/connection';
import { connectSettings, reloadSettings } from '../state/settings';
import { connectView, reloadView } from '../state/view';
import { Words } from './Words';

/** Mounts a window's app into #root; `start` runs once the stores are connected (e.g. the countdown clock). */
export function mountWindow(app: (bridge: QuotabarBridge) => ReactNode, start?: () => void): void {
  const root = createRoot(document.getElementById('root')!);
  const raw = getBridge();
  if (!raw) {
    root.render(
      <p className="banner" role="alert">
        <Words text={NO_BRIDGE_TEXT} />
      </p>,
    );
    return;
  }
  const bridge = guardBridge(raw);
  watchConnection(raw, {
    ...heartbeatFromUrl(location.hash),
    onBack: () => {
      void reloadView(bridge);
      void reloadSettings(bridge);
    },
  });
  // Both windows need both stores: the settings window shows a sign-in the provider refused as such too.
  connectView(bridge);
  connectSettings(bridge);
  start?.();
  root.render(app(bridge));
}
