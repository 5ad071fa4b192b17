// Tells the shell how tall the popover's content is, so the window fits it (no inner scrollbar for
// three providers, no empty space for one). Measured to the bottom of the last child: the container
// itself is at least the window's height.
import type { QuotabarBridge } from '../../app/contract';

/** The content height of `el` in CSS px: its top to the bottom of its last child, plus padding. */
export function contentHeight(el: HTMLElement): number {
  const last = el.lastElementChild as HTMLElement | null;
  if (!last) return 0;
  const style = getComputedStyle(el);
  const lastMargin = parseFloat(getComputedStyle(last).marginBottom) || 0;
  const bottom = last.getBoundingClientRect().bottom - el.getBoundingClientRect().top;
  return Math.ceil(bottom + lastMargin + (parseFloat(style.paddingBottom) || 0) + (parseFloat(style.borderBottomWidth) || 0));
}

/** Reports the content height whenever it changes (at most once a frame). Returns a stop function. */
export function reportContentHeight(bridge: QuotabarBridge, el: HTMLElement): () => void {
  let last = 0;
  let frame = 0;
  const send = () => {
    frame = 0;
    const h = contentHeight(el);
    if (h <= 0 || Math.abs(h - last) < 2) return;
    last = h;
    bridge.invoke('window:fit-popover', { height: h }).catch(() => undefined);
  };
  const observer = new ResizeObserver(() => {
    if (!frame) frame = requestAnimationFrame(send);
  });
  for (const child of Array.from(el.children)) observer.observe(child);
  observer.observe(el);
  // Cards come and go: watch new children too.
  const mutations = new MutationObserver(() => {
    for (const child of Array.from(el.children)) observer.observe(child);
    if (!frame) frame = requestAnimationFrame(send);
  });
  mutations.observe(el, { childList: true });
  return () => {
    observer.disconnect();
    mutations.disconnect();
    if (frame) cancelAnimationFrame(frame);
  };
}
