// Some providers repeat their limits in response headers. The body is the fuller source; the
// headers fill in when the body has no meters, and a disagreement between the two is worth one
// log line (it means one of them is stale or we read one wrongly).
import type { UsageWindow } from '../model';
import type { Logger } from '../ports';

/** Meters other than credit balances: what "the body has windows" means. */
const isMeter = (w: UsageWindow): boolean => w.kind !== 'credits';

/**
 * The windows to show from one response. The body's when it has any meter; else the header
 * meters followed by the body's remaining (credits) windows, with `fromHeaders` true.
 */
export function combineWithHeaders(body: UsageWindow[], headers: UsageWindow[]): { windows: UsageWindow[]; fromHeaders: boolean } {
  const headerMeters = headers.filter(isMeter);
  if (body.some(isMeter) || headerMeters.length === 0) return { windows: body, fromHeaders: false };
  const ids = new Set(headerMeters.map((w) => w.id));
  return { windows: [...headerMeters, ...body.filter((w) => !ids.has(w.id))], fromHeaders: true };
}

/** Percentages closer than this are the same reading (headers send floats, bodies round). */
export const DISAGREEMENT_POINTS = 1;
// Bounds the memory of a long-running app; forgetting old disagreements only risks one repeat line.
const MAX_REMEMBERED = 200;

/**
 * A checker that logs, once per distinct disagreement, a window whose used percent differs by
 * at least DISAGREEMENT_POINTS between body and headers. `label` names the provider and sources.
 */
export function createDisagreementLog(logger: Logger | undefined, label: string): (body: UsageWindow[], headers: UsageWindow[]) => void {
  const seen = new Set<string>();
  return (body, headers) => {
    if (!logger) return;
    for (const b of body) {
      const h = headers.find((x) => x.id === b.id);
      if (!h || b.usedPercent === null || h.usedPercent === null) continue;
      if (Math.abs(b.usedPercent - h.usedPercent) < DISAGREEMENT_POINTS) continue;
      const key = `${b.id} ${b.usedPercent} ${h.usedPercent}`;
      if (seen.has(key)) continue;
      if (seen.size >= MAX_REMEMBERED) seen.clear();
      seen.add(key);
      logger.warn(`${label}: ${b.id} is ${b.usedPercent}% used in the body but ${h.usedPercent}% in the headers; showing the body`);
    }
  };
}
