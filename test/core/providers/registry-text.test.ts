// Provider names in a sentence, as usage lines and error messages print them.
import { describe, expect, it } from 'vitest';
import { cliNamesText, isKeyProviderId, KEY_PROVIDERS, listText, PROVIDERS } from '../../../core/providers/registry';

describe('names in a sentence', () => {
  it('joins with commas and a final "or" (or "and"), and leaves one or none as they are', () => {
    expect(listText(['a', 'b', 'c'])).toBe('a, b or c');
    expect(listText(['a', 'b'], 'and')).toBe('a and b');
    expect(listText(['a'])).toBe('a');
    expect(listText([])).toBe('');
  });

  it('lists every provider’s CLI name by default', () => {
    // Every registered provider, in display order, the last after "or".
    const names = PROVIDERS.map((p) => p.cli.name);
    expect(cliNamesText()).toBe(`${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`);
    expect(cliNamesText()).toMatch(/^openrouter, codex, claude/);
    expect(cliNamesText(['x', 'y'])).toBe('x or y');
  });
});

describe('the key providers', () => {
  it('are exactly the providers with a keychain account, and each has key words and a format rule', () => {
    expect(KEY_PROVIDERS.map((p) => p.id)).toContain('openrouter');
    for (const p of KEY_PROVIDERS) {
      expect(isKeyProviderId(p.id)).toBe(true);
      expect(p.credentials.keychainAccount).toBeTruthy();
      expect(p.words.key).toBeDefined();
      expect(p.keyFormatProblem).toBeDefined();
    }
    expect(isKeyProviderId('codex')).toBe(false);
  });
});
