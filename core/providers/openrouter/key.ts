// Safe stand-ins for an OpenRouter key: a masked label to show and a fingerprint to remember it by.

import { MAX_KEY_LENGTH } from '../descriptor';

export { MAX_KEY_LENGTH };

const PREFIXES = ['sk-or-v1-', 'sk-or-', 'sk-'];

/** Masks a key for display: at most a known prefix and the last 3 characters (`sk-or-v1-…e41`). */
export function maskKey(key: string): string {
  const k = key.trim();
  const prefix = PREFIXES.find((p) => k.startsWith(p)) ?? '';
  const body = k.slice(prefix.length);
  // A short key would give away too large a share of itself in 3 characters.
  return body.length < 12 ? `${prefix}…` : `${prefix}…${body.slice(-3)}`;
}

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A non-reversible identity for a key, so in-memory state can be keyed without holding the key. */
export function keyFingerprint(key: string): string {
  return `${key.length}:${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x01234567)}`;
}

/** Why a candidate key is refused before it goes anywhere, or null when its shape is fine. */
export function keyFormatProblem(key: string): string | null {
  if (key.length === 0) return 'The key is empty.';
  if (key.length > MAX_KEY_LENGTH) return 'The key is too long.';
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(key)) return 'The key contains spaces or invisible characters.';
  // Only OpenRouter keys are sent to OpenRouter: another provider's key must not leave the machine.
  if (!key.startsWith('sk-or-')) return 'OpenRouter keys start with "sk-or-".';
  return null;
}
