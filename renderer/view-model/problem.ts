// What the popover says when a provider is in trouble. The words come from core/present.ts (shared
// with the CLI); the renderer adds only what a window can do, such as a link to open.
import type { ProviderError } from '../../core/errors';
import { describeError } from '../../core/present';

/** What went wrong, what the user can do about it, and a page that fixes it when there is one. */
export interface Problem {
  reason: string;
  action: string | null;
  /** An https page (e.g. account verification), opened in the browser via `link:open`. */
  link: { url: string; label: string } | null;
}

export function problemFor(e: ProviderError, providerId: string): Problem {
  const words = describeError(e, providerId);
  const link = e.kind === 'forbidden' && e.reason === 'validation' && e.url ? { url: e.url, label: 'Verify account' } : null;
  return { reason: words.reason, action: words.action, link };
}
