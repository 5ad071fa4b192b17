// The Codex CLI's session logs as a cost source (shared/COST.md): `$CODEX_HOME/sessions` and
// `archived_sessions`; each `token_count` event carries the session's cumulative totals, and a
// request's usage is the difference from the previous event's. `turn_context` names the model.
import type { CostEntry, CostFileParser, CostLogKind } from '../../cost/entry';
import { timestampOf } from '../../cost/entry';
import { asObject } from '../../json';
import { codex } from './descriptor';

/** Cumulative totals: input (cached included), cached input, output. */
type Totals = [number, number, number];

/** What a session file's reader carries from line to line (and between runs). */
export interface CodexCostState {
  previous: Totals | null;
  model: string | null;
}

// Logs written before turn_context named the model (ccusage assumes the same).
const LEGACY_MODEL = 'gpt-5';

function totalsOf(v: unknown): Totals | null {
  const o = asObject(v);
  if (!o) return null;
  const n = (k: string): number => (typeof o[k] === 'number' && Number.isFinite(o[k]) && (o[k] as number) >= 0 ? (o[k] as number) : 0);
  return [n('input_tokens'), n('cached_input_tokens'), n('output_tokens')];
}

/** A reader for one session file, continuing from `saved` (its previous state) when given. */
export function codexCostParser(saved: unknown): CostFileParser & { current(): CodexCostState } {
  const s = asObject(saved);
  const prev = Array.isArray(s?.['previous']) && s['previous'].length === 3 ? (s['previous'] as Totals) : null;
  const state: CodexCostState = { previous: prev, model: typeof s?.['model'] === 'string' ? s['model'] : null };
  const line = (text: string): CostEntry | null => {
    let root: Record<string, unknown> | null;
    try {
      root = asObject(JSON.parse(text));
    } catch {
      return null;
    }
    const payload = asObject(root?.['payload']);
    if (!root || !payload) return null;
    if (root['type'] === 'turn_context') {
      if (typeof payload['model'] === 'string' && payload['model'] !== '') state.model = payload['model'];
      return null;
    }
    if (root['type'] !== 'event_msg' || payload['type'] !== 'token_count') return null;
    const at = timestampOf(root['timestamp']);
    const info = asObject(payload['info']);
    if (at === null || !info) return null;
    const total = totalsOf(info['total_token_usage']);
    const last = totalsOf(info['last_token_usage']);
    let delta: Totals | null = null;
    if (total) {
      const p = state.previous;
      delta = p ? [total[0] - p[0], total[1] - p[1], total[2] - p[2]] : total;
      // Totals that went down mean a reset: this event's own usage is the best reading.
      if (delta.some((x) => x < 0)) delta = last ?? total;
      state.previous = total;
    } else delta = last;
    if (!delta || (delta[0] === 0 && delta[1] === 0 && delta[2] === 0)) return null;
    const model = typeof info['model'] === 'string' && info['model'] !== '' ? info['model'] : (state.model ?? LEGACY_MODEL);
    const cached = Math.min(delta[1], delta[0]);
    return {
      at,
      model,
      fast: false,
      input: delta[0] - cached,
      output: delta[2],
      cacheCreation: 0,
      cacheRead: cached,
      cacheCreation1h: 0,
      webSearches: 0,
      key: null,
      sidechain: false,
    };
  };
  return { line, state: () => ({ previous: state.previous, model: state.model }), current: () => state };
}

/** The Codex CLI's logs for the cost ledger. */
export const codexCostLog: CostLogKind = {
  source: codex.id,
  needles: ['token_count', 'turn_context'],
  priceProvider: 'openai',
  commonModels: ['gpt-5', 'gpt-5-codex', 'gpt-5-mini', 'gpt-5.1', 'gpt-5.1-codex', 'gpt-5.1-codex-max', 'gpt-5.1-codex-mini', 'gpt-5.2', 'gpt-5.2-codex', 'gpt-5.3-codex'],
  projectFolders: false,
  parser: codexCostParser,
  roots: (env, home, join) => {
    const dir = env[codex.credentials.dir.env]?.trim() || join(home, codex.credentials.dir.defaultName);
    return [{ candidates: [join(dir, 'sessions')] }, { candidates: [join(dir, 'archived_sessions')] }];
  },
};
