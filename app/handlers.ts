// The invoke handlers, transport-free: Electron's ipc.ts and the preview's WebSocket both call these.
// Every payload is validated here, so both transports get the same checks.
import type { EventChannel, EventMap, InvokeChannel, InvokeHandlers, InvokeMap } from './contract';
import { validatePayload } from './validate';
import type { AppServices } from './services';

/** What the shell does with windows and the app itself (Electron windows, or the preview's page). */
export interface WindowActions {
  openSettings(): void;
  openHistory(): void;
  openCost(): void;
  hidePopover(): void;
  /** Resizes the popover to its content height (clamped to the screen); no-op where there is no window. */
  fitPopover(height: number): void;
  /** Called only with a URL that passed `safeExternalUrl` (https, no credentials). */
  openExternal(url: string): void;
  quit(): void;
}

/** A refused payload. Its message names the channel and the rule, never the payload itself. */
export class InvalidPayloadError extends Error {
  constructor(channel: InvokeChannel, reason: string) {
    super(`invalid payload for ${channel}: ${reason}`);
    this.name = 'InvalidPayloadError';
  }
}

export type Emit = <E extends EventChannel>(event: E, payload: EventMap[E]) => void;

/** Passes every event the services publish to `emit` (Electron's windows, or the preview's sockets). */
export function forwardEvents(services: Pick<AppServices, 'onView' | 'onSettings'>, emit: Emit): () => void {
  const offView = services.onView((v) => emit('view', v));
  const offSettings = services.onSettings((v) => emit('settings', v));
  return () => {
    offView();
    offSettings();
  };
}

/** The handler for every invoke channel over the given services and window actions. */
export function createInvokeHandlers(services: AppServices, windows: WindowActions): InvokeHandlers {
  const raw: InvokeHandlers = {
    'view:get': async () => services.view(),
    refresh: async ({ providerId }) => services.refresh(providerId),
    'settings:get': async () => services.settingsView(),
    'settings:update': async (patch) => services.updateSettings(patch),
    'key:test': async ({ providerId, key, slot }) => services.testKey(providerId, key, slot),
    'key:save': async ({ providerId, key, slot }) => services.saveKey(providerId, key, slot),
    'key:remove': async ({ providerId, slot }) => services.removeKey(providerId, slot),
    'account:add': async (req) => services.accounts.add(req),
    'account:test': async (req) => services.accounts.test(req),
    'account:update': async (req) => services.accounts.update(req),
    'account:move': async (req) => services.accounts.move(req),
    'account:remove': async (req) => services.accounts.remove(req),
    'window:open-settings': async () => (windows.openSettings(), null),
    'window:open-history': async () => (windows.openHistory(), null),
    'history:query': async (req) => services.history(req),
    'history:export': async (req) => services.exportHistory(req),
    'history:sparklines': async () => services.sparklines(),
    'cost:summary': async () => services.cost.summary(),
    'cost:page': async () => services.cost.page(),
    'cost:export': async ({ format }) => services.cost.export(format),
    'window:open-cost': async () => (windows.openCost(), null),
    'statusline:get': async () => services.statusLine.view(),
    'statusline:set': async ({ action }) => services.statusLine.change(action),
    'window:hide-popover': async () => (windows.hidePopover(), null),
    'window:fit-popover': async ({ height }) => (windows.fitPopover(height), null),
    'link:open': async ({ url }) => (windows.openExternal(url), null),
    'app:quit': async () => (windows.quit(), null),
  };
  const checked = {} as Record<InvokeChannel, (req: unknown) => Promise<unknown>>;
  for (const channel of Object.keys(raw) as InvokeChannel[]) {
    checked[channel] = async (req: unknown) => {
      const v = validatePayload(channel, req);
      if (!v.ok) throw new InvalidPayloadError(channel, v.reason);
      return (raw[channel] as (r: InvokeMap[typeof channel]['req']) => Promise<unknown>)(v.value);
    };
  }
  return checked as unknown as InvokeHandlers;
}
