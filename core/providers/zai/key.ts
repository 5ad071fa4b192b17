// Z.ai API keys: an id and a secret joined by a dot (`<id>.<secret>`, the shape Zhipu's SDK splits).
// Checked before a key leaves the machine, and masked for display.
import { MAX_KEY_LENGTH } from '../descriptor';

const SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Why a candidate key is refused before it goes anywhere, or null when its shape is fine. */
export function keyFormatProblem(key: string): string | null {
  if (key.length === 0) return 'The key is empty.';
  if (key.length > MAX_KEY_LENGTH) return 'The key is too long.';
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(key)) return 'The key contains spaces or invisible characters.';
  // Only Z.ai keys are sent to Z.ai: another provider's key (sk-…) has no dot and stays here.
  if (!SHAPE.test(key)) return 'Z.ai keys are two parts joined by a dot ("<id>.<secret>").';
  return null;
}

/** The key as it may be shown: its last 3 characters only (`….k3Q`); a short key shows nothing. */
export function maskKey(key: string): string {
  const k = key.trim();
  return k.length < 16 ? '…' : `…${k.slice(-3)}`;
}
