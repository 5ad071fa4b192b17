// A workspace's credit limits (`spend_control`, PROVIDERS-2 §9b): on Team/Business plans a user at
// 100 % of the weekly window can still work from the workspace's monthly credit pool, so each
// limit that applies is its own credits meter.
import { asNumber, asObject, asText, type JsonObject } from '../../json';
import { makeWindow, type UsageWindow } from '../../model';
import { codexReset } from './windows';

// The limit types codex-rs knows, in the order they are shown, with the words for each.
const LIMITS: ReadonlyArray<readonly [type: string, label: string]> = [
  ['individual', 'Your credit limit'],
  ['role_budget', 'Role credit budget'],
  ['group_default', 'Group credit limit'],
  ['group_shared', 'Group credit pool'],
  ['workspace_default', 'Workspace credit limit'],
  ['workspace_shared', 'Workspace credit pool'],
];

/** The detail object of one limit; the `group_*` ones wrap it in `{group_id, group_name, details}`. */
function detailOf(v: unknown): { detail: JsonObject; group: string | null } | null {
  const o = asObject(v);
  if (!o) return null;
  const inner = asObject(o['details']);
  return inner ? { detail: inner, group: asText(o['group_name']) } : { detail: o, group: null };
}

function limitWindow(type: string, label: string, v: unknown, now: number | null): UsageWindow | null {
  const found = detailOf(v);
  if (!found) return null;
  const d = found.detail;
  // Amounts are decimal strings in credits; CodexBar also accepts numbers, and so do we.
  const limit = asNumber(d['limit']);
  const used = asNumber(d['used']);
  const remaining = asNumber(d['remaining']) ?? (limit !== null && used !== null ? limit - used : null);
  const ratio = limit !== null && used !== null && limit > 0 ? (used / limit) * 100 : null;
  const usedPercent = asNumber(d['used_percent']) ?? ratio;
  if (limit === null && used === null && usedPercent === null) return null;
  const resetsAt = codexReset(d['reset_at'] ?? d['resets_at'], d['reset_after_seconds'], now);
  const name = found.group ? `${label} (${found.group.slice(0, 40)})` : label;
  return makeWindow({ id: `credits:${type}`, kind: 'credits', label: name, usedPercent, used, limit, remaining, unit: 'credits', resetsAt });
}

/**
 * One credits window per credit limit in `spend_control` (ids `credits:<type>`, e.g.
 * 'credits:workspace_shared'). An `individual_limit` at the root or under `rate_limit` counts
 * when `spend_control` has none, as CodexBar reads it. Never throws; a garbled limit drops itself.
 */
export function spendControlWindows(root: JsonObject, now: number | null): UsageWindow[] {
  const spend = asObject(root['spend_control']) ?? {};
  const out: UsageWindow[] = [];
  for (const [type, label] of LIMITS) {
    let v = spend[`${type}_limit`];
    if (type === 'individual' && !asObject(v)) v = root['individual_limit'] ?? asObject(root['rate_limit'])?.['individual_limit'];
    const w = limitWindow(type, label, v, now);
    if (w) out.push(w);
  }
  return out;
}
