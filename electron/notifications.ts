// Electron's Notification as the services' Notifier. The rules (core/alerts.ts) decide what to say
// and when; this only shows it, replacing an older notification with the same id.
import { Notification } from 'electron';
import type { Notifier } from '../core/ports';
import type { AppServices } from '../app/services';

export interface NotificationDeps {
  services: Pick<AppServices, 'setNotifier'>;
  /** A click on a notification opens the popover. */
  onClick(): void;
}

export function electronNotifier(onClick: () => void): Notifier {
  const live = new Map<string, Notification>();
  return {
    notify(n) {
      live.get(n.id)?.close();
      const note = new Notification({ title: n.title, body: n.body, silent: false });
      note.on('click', onClick);
      note.on('close', () => {
        if (live.get(n.id) === note) live.delete(n.id);
      });
      live.set(n.id, note);
      note.show();
    },
  };
}

/** Shows a one-off notice; false when the platform has no notifications (nothing was shown). */
export function showNotice(n: { title: string; body: string }): boolean {
  if (!Notification.isSupported()) return false;
  new Notification({ title: n.title, body: n.body, silent: true }).show();
  return true;
}

/** Delivers alerts as desktop notifications where the platform has them (else they are dropped). */
export function setupNotifications(deps: NotificationDeps): void {
  if (!Notification.isSupported()) return;
  deps.services.setNotifier(electronNotifier(deps.onClick));
}
