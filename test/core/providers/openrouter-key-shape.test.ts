// What Quotabar does with an OpenRouter key before sending it anywhere: refuse the wrong shape with
// words a user can act on, show it only masked, and remember it only by a fingerprint.
import { describe, expect, it } from 'vitest';
import { keyFingerprint, keyFormatProblem, maskKey, MAX_KEY_LENGTH } from '../../../core/providers/openrouter/key';

const KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789e41';

describe('a candidate key', () => {
  it('is accepted when it starts with sk-or- and has no spaces or control characters', () => {
    expect(keyFormatProblem(KEY)).toBeNull();
    expect(keyFormatProblem('sk-or-x')).toBeNull();
    expect(keyFormatProblem(`sk-or-${'a'.repeat(MAX_KEY_LENGTH - 6)}`)).toBeNull();
  });

  it('is refused, with the reason, when empty, too long, holding invisible characters, or another provider’s', () => {
    expect(keyFormatProblem('')).toBe('The key is empty.');
    expect(keyFormatProblem(`sk-or-${'a'.repeat(MAX_KEY_LENGTH - 5)}`)).toBe('The key is too long.');
    for (const k of [`${KEY} `, `sk-or-\tx`, `sk-or-\u0000x`, `sk-or-\u007fx`, 'sk-or-\nx']) {
      expect(keyFormatProblem(k), JSON.stringify(k)).toBe('The key contains spaces or invisible characters.');
    }
    expect(keyFormatProblem('sk-ant-api03-abc')).toBe('OpenRouter keys start with "sk-or-".');
  });
});

describe('a key on screen', () => {
  it('shows the longest known prefix and the last three characters', () => {
    expect(maskKey(` ${KEY} `)).toBe('sk-or-v1-…e41');
    expect(maskKey('sk-or-abcdefghijklmnop')).toBe('sk-or-…nop');
    expect(maskKey('sk-abcdefghijklmnop')).toBe('sk-…nop');
    expect(maskKey('abcdefghijklmnop')).toBe('…nop');
  });

  it('shows no characters of a short key', () => {
    expect(maskKey('sk-or-v1-abcdefghijk')).toBe('sk-or-v1-…');
    expect(maskKey('sk-or-v1-abcdefghijkl')).toBe('sk-or-v1-…jkl');
  });
});

describe('a key’s fingerprint', () => {
  it('tells keys apart, stays the same for the same key, and holds none of the key', () => {
    const other = `${KEY.slice(0, -1)}2`;
    expect(keyFingerprint(KEY)).toBe(keyFingerprint(KEY));
    expect(keyFingerprint(KEY)).not.toBe(keyFingerprint(other));
    expect(keyFingerprint(KEY)).toMatch(/^\d+:[0-9a-f]{16}$/);
    expect(keyFingerprint(KEY)).not.toContain(KEY.slice(-6));
    expect(keyFingerprint('')).toBe('0:811c9dc501234567');
    // e40c292c is the published 32-bit FNV-1a of "a"; the second half is the same hash from another seed.
    expect(keyFingerprint('a')).toBe('1:e40c292cd085a872');
  });
});
