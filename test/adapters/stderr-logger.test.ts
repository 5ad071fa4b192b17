import { describe, expect, it } from 'vitest';
import { StderrLogger } from '../../adapters/stderr-logger';

describe('StderrLogger', () => {
  it('writes each warning as one line prefixed with the app name', () => {
    const out: string[] = [];
    new StderrLogger((line) => out.push(line)).warn('codex: body and headers disagree');
    expect(out).toEqual(['quotabar: codex: body and headers disagree\n']);
  });
});
