// What each path of the local API answers, as a pure function of the path and the current view.
// Method, Host, Origin and connection checks happen before this, in the server (adapters/).
import { idMatches } from '../../core/local-api';
import type { ProviderSnapshot } from '../../core/model';
import { PROVIDER_IDS } from '../../core/providers/registry';
import { limitsEnvelope } from './limits';
import type { ErrorCode, LimitsEnvelope } from './schema';

export type ApiAnswer = { status: 200; body: LimitsEnvelope } | { status: 404; body: { error: ErrorCode } };

/** GET `path` (query string ignored): `/v1/limits` for every card with data, `/v1/limits/:id` for the cards an id names. */
export function answerGet(path: string, snaps: readonly ProviderSnapshot[], now: number): ApiAnswer {
  const route = path.split('?')[0]!.replace(/\/+$/, '');
  if (route === '/v1/limits') return { status: 200, body: limitsEnvelope(snaps, now) };
  const m = /^\/v1\/limits\/([^/]+)$/.exec(route);
  if (!m) return { status: 404, body: { error: 'not_found' } };
  let id: string;
  try {
    id = decodeURIComponent(m[1]!);
  } catch {
    return { status: 404, body: { error: 'provider_not_found' } };
  }
  const matched = snaps.filter((s) => idMatches(id, s.providerId, s.accountLabel));
  // A known provider with no card right now (never polled) is an empty answer, not an unknown id.
  if (matched.length === 0 && !(PROVIDER_IDS as readonly string[]).includes(id)) return { status: 404, body: { error: 'provider_not_found' } };
  return { status: 200, body: limitsEnvelope(matched, now, { byId: true }) };
}
