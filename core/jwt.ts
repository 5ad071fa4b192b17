// Reading a JWT's claims (email, account id) from a vendor tool's own sign-in file. No signature is
// checked: the token is the user's own and only labels are read from it, never trusted for access.
import { asObject, parseJson } from './json';

/** Decodes a JWT's payload without verifying it (we only read our own user's claims). Null when garbled. */
export function decodeJwtPayload(jwt: string): Record<string, unknown> | null {
  const part = typeof jwt === 'string' ? jwt.split('.')[1] : undefined;
  if (!part) return null;
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return asObject(parseJson(new TextDecoder().decode(bytes)));
  } catch {
    return null;
  }
}
