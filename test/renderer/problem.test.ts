import { describe, it, expect } from 'vitest';
import { planLabel } from '../../core/present';
import { problemFor } from '../../renderer/view-model/problem';

describe('a provider problem in the popover', () => {
  it('offers the verification page as a link for a forbidden-validation error', () => {
    const p = problemFor({ kind: 'forbidden', status: 403, reason: 'validation', url: 'https://accounts.example.com/verify?x=1' }, 'claude');
    expect(p.reason).toBe('The account needs to be verified.');
    expect(p.link).toEqual({ url: 'https://accounts.example.com/verify?x=1', label: 'Verify account' });
  });

  it('has no link when the validation error carries no page', () => {
    expect(problemFor({ kind: 'forbidden', status: 403, reason: 'validation', url: null }, 'claude').link).toBeNull();
  });

  it('has no link for other errors, only the reason and what to do', () => {
    const p = problemFor({ kind: 'unauthorized', status: 401, hint: 'codex_login' }, 'codex');
    expect(p.link).toBeNull();
    expect(p.action).toContain('codex login');
  });

  it('turns plan ids into labels', () => {
    expect(planLabel('plus')).toBe('Plus');
    expect(planLabel('free_workspace')).toBe('Free workspace');
  });
});
