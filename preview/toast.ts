// Notifications in the browser preview: the desktop app shows alerts as system notifications, a
// browser tab shows them as toasts in the page, so an alert can be seen (and tested) end to end.
// Styles are set through the CSSOM: the page's CSP forbids inline <style> and style attributes.

const SHOW_MS = 12_000;
const REGION_ID = 'quotabar-toasts';

function region(): HTMLElement {
  const found = document.getElementById(REGION_ID);
  if (found) return found;
  const r = document.createElement('div');
  r.id = REGION_ID;
  r.setAttribute('role', 'region');
  r.setAttribute('aria-label', 'Notifications');
  Object.assign(r.style, {
    position: 'fixed',
    right: '12px',
    bottom: '12px',
    left: '12px',
    zIndex: '2147483647',
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    pointerEvents: 'none',
  });
  document.body.append(r);
  return r;
}

/** Shows one notification for a few seconds (or until dismissed); text only, never HTML. */
export function showToast(n: { title: string; body: string }): void {
  // The bridge script runs before the page's body exists; a notification that early waits for it.
  if (!document.body) {
    document.addEventListener('DOMContentLoaded', () => showToast(n), { once: true });
    return;
  }
  const toast = document.createElement('div');
  toast.setAttribute('role', 'status');
  toast.dataset.testid = 'toast';
  Object.assign(toast.style, {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    gap: '2px 8px',
    padding: '10px 12px',
    borderRadius: '10px',
    background: '#1f2328',
    color: '#ffffff',
    font: '12.5px/1.4 system-ui, sans-serif',
    boxShadow: '0 6px 24px rgba(0, 0, 0, 0.25)',
    pointerEvents: 'auto',
  });
  const title = document.createElement('strong');
  title.textContent = n.title;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss notification');
  Object.assign(close.style, { gridRow: 'span 2', border: '0', background: 'transparent', color: 'inherit', font: 'inherit', fontSize: '16px', cursor: 'pointer' });
  const body = document.createElement('span');
  body.textContent = n.body;
  toast.append(title, close, body);
  const remove = () => toast.remove();
  close.addEventListener('click', remove);
  setTimeout(remove, SHOW_MS);
  region().append(toast);
}
