// MiniMax API keys: `sk-cp-…` (Coding Plan), `sk-api-…`, or the older JWT keys (`eyJ….….…`).
// Checked before a key leaves the machine, and masked for display.
import { MAX_KEY_LENGTH } from '../descriptor';

const PREFIXES = ['sk-cp-', 'sk-api-'];
const JWT = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Why a candidate key is refused before it goes anywhere, or null when its shape is fine. */
export function keyFormatProblem(key: string): string | null {
  if (key.length === 0) return 'The key is empty.';
  if (key.length > MAX_KEY_LENGTH) return 'The key is too long.';
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(key)) return 'The key contains spaces or invisible characters.';
  // Only MiniMax keys are sent to MiniMax: another provider's key (sk-or-…, sk-ant-…) stays here.
  if (!PREFIXES.some((p) => key.startsWith(p) && key.length > p.length) && !JWT.test(key)) {
    return 'MiniMax keys start with "sk-cp-" or "sk-api-".';
  }
  return null;
}

/** The key as it may be shown: its known prefix and last 3 characters (`sk-cp-…e41`); a short key shows only the prefix. */
export function maskKey(key: string): string {
  const k = key.trim();
  const prefix = PREFIXES.find((p) => k.startsWith(p)) ?? (k.startsWith('eyJ') ? 'eyJ' : '');
  const body = k.slice(prefix.length);
  return body.length < 12 ? `${prefix}…` : `${prefix}…${body.slice(-3)}`;
}
