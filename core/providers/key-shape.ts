// What every stored API key must satisfy before it leaves the machine, and how a key is masked for
// display. Each key provider adds its own shape rule (its prefix) on top.
import { MAX_KEY_LENGTH } from './descriptor';

/** Empty, too long, or holding spaces or control characters: refused for every provider. Null when fine. */
export function basicKeyProblem(key: string): string | null {
  if (key.length === 0) return 'The key is empty.';
  if (key.length > MAX_KEY_LENGTH) return 'The key is too long.';
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(key)) return 'The key contains spaces or invisible characters.';
  return null;
}

/** "sk-…e41": the known prefix and the last 3 characters; a short key shows only its prefix. */
export function maskWithPrefix(key: string, prefix: string): string {
  const k = key.trim();
  const p = k.startsWith(prefix) ? prefix : '';
  const body = k.slice(p.length);
  // A short key would give away too large a share of itself in 3 characters.
  return body.length < 12 ? `${p}…` : `${p}…${body.slice(-3)}`;
}
