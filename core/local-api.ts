// The local usage API's pure rules: its default port, how a card is named in a URL, and which
// origins a user may allow to read it from a web page. The server itself is adapters/ + app/local-api/.

/** Where tools that speak `openusage.limits.v1` look for it (OpenUsage's fixed port). */
export const DEFAULT_LOCAL_API_PORT = 6736;

/** At most this many connections at once; more get 503 `server_busy` (the contract's limit). */
export const LOCAL_API_MAX_CONNECTIONS = 16;

/**
 * A card's id in the API: the provider id for its implicit account, and `<provider>@<label>` for a
 * labelled one (`<provider>@work`), the form OpenUsage gives extra accounts (`<provider>@<hash>`).
 * The provider id alone names every card of that provider.
 */
export function cardId(providerId: string, accountLabel: string | null): string {
  return accountLabel === null ? providerId : `${providerId}@${accountLabel}`;
}

/** Whether a requested id names this card: the provider id (all its cards) or the card's own id (labels case-insensitively). */
export function idMatches(requested: string, providerId: string, accountLabel: string | null): boolean {
  if (requested === providerId) return true;
  return accountLabel !== null && requested.toLowerCase() === cardId(providerId, accountLabel).toLowerCase();
}

/** A port the app may listen on: 1024–65535 (lower ports need privileges on most systems). */
export function normalizePort(v: number | null): number | null {
  return v !== null && Number.isInteger(v) && v >= 1024 && v <= 65535 ? v : null;
}

/**
 * One exact origin (`scheme://host[:port]`, no path) in its canonical form, '' for none, or null when
 * the text is not an origin. `*` and `null` are refused: allowing every page is what this API avoids.
 */
export function normalizeOrigin(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  if (t === '') return '';
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s@]+)\/?$/i.exec(t);
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  const host = m[2]!.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    try {
      // The URL parser drops a default port (:443 on https), as browsers do in the Origin header.
      return new URL(`${scheme}://${host}`).origin;
    } catch {
      return null;
    }
  }
  return /^[a-z0-9.-]+(:\d{1,5})?$/.test(host) ? `${scheme}://${host}` : null;
}

/** Whether the local API is serving, as Settings shows it. */
export type LocalApiStatus =
  | { state: 'off' }
  | { state: 'serving'; url: string }
  /** The port could not be held: another program has it, it needs privileges, or another system error. */
  | { state: 'unavailable'; port: number; reason: 'in_use' | 'denied' | 'failed'; code?: string };

/** One sentence for the status, true as of the last start attempt. */
export function localApiStatusText(s: LocalApiStatus): string {
  switch (s.state) {
    case 'off':
      return 'Not shared.';
    case 'serving':
      return `Serving on ${s.url}`;
    case 'unavailable':
      return s.reason === 'in_use'
        ? `Port ${s.port} is in use by another program.`
        : s.reason === 'denied'
          ? `Port ${s.port} needs privileges this user does not have.`
          : `Could not listen on port ${s.port} (${s.code ?? 'system error'}).`;
  }
}
