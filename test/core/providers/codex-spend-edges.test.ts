// A Codex workspace's credit limits, field by field: what is derived when the server leaves a figure
// out, when a limit is dropped as empty, and where an individual limit may sit.
import { describe, expect, it } from 'vitest';
import { spendControlWindows } from '../../../core/providers/codex/spend';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);
const one = (limit: unknown) => spendControlWindows({ spend_control: { workspace_shared_limit: limit } }, NOW);

describe('a workspace credit limit', () => {
  it('derives what is left and the share used from limit and used', () => {
    expect(one({ limit: '200', used: '50' })[0]).toMatchObject({ id: 'credits:workspace_shared', label: 'Workspace credit pool', limit: 200, used: 50, remaining: 150, usedPercent: 25, unit: 'credits' });
  });

  it('prefers the figures the server sends over derived ones', () => {
    expect(one({ limit: 200, used: 50, remaining: 140, used_percent: 30 })[0]).toMatchObject({ remaining: 140, usedPercent: 30 });
  });

  it('derives nothing from a limit alone or a used amount alone, and no share from a zero limit', () => {
    expect(one({ limit: 200 })[0]).toMatchObject({ limit: 200, used: null, remaining: null, usedPercent: null });
    expect(one({ used: 50 })[0]).toMatchObject({ limit: null, used: 50, remaining: null, usedPercent: null });
    expect(one({ limit: 0, used: 0 })[0]).toMatchObject({ remaining: 0, usedPercent: null });
  });

  it('keeps a limit that has only a share used', () => {
    expect(one({ used_percent: 12 })[0]).toMatchObject({ usedPercent: 12, limit: null, used: null });
  });

  it('drops a limit with no figures at all', () => {
    expect(one({ reset_at: '2026-09-21T00:00:00Z' })).toEqual([]);
  });

  it('names a group limit after its group, shortened to 40 characters', () => {
    const name = 'Research and development, platform tooling group';
    const w = spendControlWindows({ spend_control: { group_shared_limit: { group_id: 'g', group_name: name, details: { limit: 10, used: 1 } } } }, NOW)[0];
    expect(w?.label).toBe(`Group credit pool (${name.slice(0, 40)})`);
  });
});

describe('an individual credit limit', () => {
  it('is read from spend_control first, else the root, else under rate_limit', () => {
    const inSpend = { spend_control: { individual_limit: { limit: 10, used: 1 } }, individual_limit: { limit: 99, used: 1 } };
    expect(spendControlWindows(inSpend, NOW)[0]).toMatchObject({ id: 'credits:individual', label: 'Your credit limit', limit: 10 });
    expect(spendControlWindows({ individual_limit: { limit: 20, used: 1 } }, NOW)[0]).toMatchObject({ limit: 20 });
    expect(spendControlWindows({ rate_limit: { individual_limit: { limit: 30, used: 1 } } }, NOW)[0]).toMatchObject({ limit: 30 });
  });
});
