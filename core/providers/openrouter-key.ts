// Safe stand-ins for an OpenRouter key: a masked label to show and a fingerprint to remember it by.

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
