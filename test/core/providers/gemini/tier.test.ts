import { describe, expect, it } from 'vitest';
import { parseLoadCodeAssist } from '../../../../core/providers/gemini/tier';
import { fixture } from '../load-fixture';

const read = (name: string) => parseLoadCodeAssist(fixture('gemini', name));

describe('what loadCodeAssist says about the sign-in', () => {
  it('names the project and the tier', () => {
    expect(read('load-code-assist-standard')).toEqual({ project: 'acme-code-assist-4711', plan: 'Gemini Code Assist Standard', refusal: null });
    expect(read('load-code-assist-no-project')).toEqual({ project: null, plan: 'Legacy', refusal: null });
  });

  it('prefers the paid tier’s name; a bare-string paidTier is still a plan; a {id} project is read', () => {
    expect(read('load-code-assist-paid-credits')).toEqual({ project: 'ultra-project-1', plan: 'Google AI Ultra', refusal: null });
    expect(read('load-code-assist-paid-string')?.plan).toBe('Gemini Code Assist for individuals');
    expect(parseLoadCodeAssist({ paidTier: 'g1-pro-tier', currentTier: {} })?.plan).toBe('g1-pro-tier');
  });

  it('says the account is not served when there is no current tier, only ineligible ones', () => {
    expect(read('load-code-assist-ineligible')?.refusal).toEqual({ kind: 'forbidden', status: 200, reason: 'ineligible', url: null });
  });

  it('asks for verification, with its https link, when an ineligible tier needs validation', () => {
    expect(read('load-code-assist-validation-required')?.refusal).toEqual({
      kind: 'forbidden',
      status: 200,
      reason: 'validation',
      url: 'https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=DEMO',
    });
    const http = parseLoadCodeAssist({ ineligibleTiers: [{ reasonCode: 'VALIDATION_REQUIRED', validationUrl: 'javascript:alert(1)' }] });
    expect(http?.refusal).toMatchObject({ reason: 'validation', url: null });
  });

  it('ignores ineligible tiers beside a current one, and anything that is not an object', () => {
    expect(parseLoadCodeAssist({ currentTier: { id: 'free-tier' }, ineligibleTiers: [{ reasonCode: 'INELIGIBLE_ACCOUNT' }] })?.refusal).toBeNull();
    expect(parseLoadCodeAssist({ ineligibleTiers: ['x', null] })?.refusal).toBeNull();
    expect(parseLoadCodeAssist([1, 2])).toBeNull();
    expect(parseLoadCodeAssist({ cloudaicompanionProject: 'has space' })?.project).toBeNull();
  });
});
