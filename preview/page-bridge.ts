// The script the preview host injects before the renderer: it sets `window.quotabar` to a WebSocket
// bridge, as Electron's preload would. The per-run token comes from the page URL's #fragment
// (never sent over HTTP), so this file holds no secret and is safe to serve to anyone.
import type { InvokeChannel, InvokeMap, QuotabarBridge } from '../app/contract';
import { createWsBridge } from './ws-bridge-client';
import { showToast } from './toast';

const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
// Without a token the host refuses the socket: leave `window.quotabar` unset, and the page says which
// link to open instead of showing a connection error over a skeleton that never finishes.
if (token !== '') install(token);

function install(token: string): void {
  const inner = createWsBridge(`ws://${location.host}/__bridge?token=${encodeURIComponent(token)}`, { onNotify: showToast });

  // The first view is asked for now, while the renderer's bundle still loads, so the round trip
  // overlaps that work instead of following it. The renderer's first `view:get` takes this answer.
  let earlyView: Promise<InvokeMap['view:get']['res']> | null = location.pathname.endsWith('/popover.html')
    ? inner.invoke('view:get', null)
    : null;
  earlyView?.catch(() => undefined);

  // Window actions the host cannot perform for a browser tab are done here, after the host accepted them.
  const bridge: QuotabarBridge = {
    on: inner.on,
    async invoke<C extends InvokeChannel>(channel: C, req: InvokeMap[C]['req']): Promise<InvokeMap[C]['res']> {
      if (channel === 'view:get' && earlyView) {
        const view = earlyView;
        earlyView = null;
        return view as Promise<InvokeMap[C]['res']>;
      }
      const res = await inner.invoke(channel, req);
      if (channel === 'window:open-settings') window.open(`settings.html${location.hash}`, 'quotabar-settings');
      if (channel === 'window:open-history') window.open(`history.html${location.hash}`, 'quotabar-history');
      if (channel === 'window:open-cost') window.open(`cost.html${location.hash}`, 'quotabar-cost');
      if (channel === 'link:open') window.open((req as InvokeMap['link:open']['req']).url, '_blank', 'noopener,noreferrer');
      return res;
    },
  };

  window.quotabar = bridge;
}
