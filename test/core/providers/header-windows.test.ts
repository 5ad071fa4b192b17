// When a provider's response headers repeat its limits: which windows are shown, and the one log
// line a disagreement between body and headers is worth.
import { describe, expect, it } from 'vitest';
import { makeWindow, type UsageWindow } from '../../../core/model';
import { combineWithHeaders, createDisagreementLog, DISAGREEMENT_POINTS } from '../../../core/providers/header-windows';

const meter = (id: string, usedPercent: number | null) => makeWindow({ id, kind: id.startsWith('weekly') ? 'weekly' : 'session', label: id, usedPercent });
const credits = makeWindow({ id: 'credits', kind: 'credits', label: 'Extra usage', unit: 'usd', used: 3 });
const ids = (ws: UsageWindow[]) => ws.map((w) => `${w.id}:${w.usedPercent}`);

describe('combining body and header windows', () => {
  it('shows the body when it has any meter, whatever the headers say', () => {
    const r = combineWithHeaders([meter('session', 10)], [meter('session', 50), meter('weekly', 5)]);
    expect(r.fromHeaders).toBe(false);
    expect(ids(r.windows)).toEqual(['session:10']);
  });

  it('shows the header meters, then the body’s credits, when the body has only credits', () => {
    const r = combineWithHeaders([credits], [meter('session', 50), credits, meter('weekly', 5)]);
    expect(r.fromHeaders).toBe(true);
    expect(ids(r.windows)).toEqual(['session:50', 'weekly:5', 'credits:null']);
  });

  it('shows the body as it is when the headers have no meter either', () => {
    expect(combineWithHeaders([credits], [credits])).toEqual({ windows: [credits], fromHeaders: false });
    expect(combineWithHeaders([], [])).toEqual({ windows: [], fromHeaders: false });
  });
});

describe('the disagreement log', () => {
  function logged() {
    const lines: string[] = [];
    return { lines, check: createDisagreementLog({ warn: (m) => lines.push(m) }, 'claude: body and headers disagree') };
  }

  it('logs a difference of a point or more once, naming both readings, and not a smaller one', () => {
    const { lines, check } = logged();
    check([meter('session', 40), meter('weekly', 10)], [meter('session', 40 + DISAGREEMENT_POINTS - 0.01), meter('weekly', 12)]);
    check([meter('weekly', 10)], [meter('weekly', 12)]);
    expect(lines).toEqual(['claude: body and headers disagree: weekly is 10% used in the body but 12% in the headers; showing the body']);
  });

  it('logs again when the numbers change, and skips windows without a share or a counterpart', () => {
    const { lines, check } = logged();
    check([meter('weekly', 10)], [meter('weekly', 12)]);
    check([meter('weekly', 11)], [meter('weekly', 13)]);
    check([meter('weekly', null), meter('session', 5)], [meter('weekly', 50)]);
    check([meter('weekly', 50)], [meter('weekly', null)]);
    expect(lines).toHaveLength(2);
  });

  it('bounds its memory: after two hundred disagreements it forgets them, so an old one may be logged again', () => {
    const { lines, check } = logged();
    for (let i = 0; i < 201; i++) check([meter('weekly', i)], [meter('weekly', i + 50)]);
    check([meter('weekly', 0)], [meter('weekly', 50)]);
    expect(lines).toHaveLength(202);
  });

  it('does nothing without a logger', () => {
    expect(() => createDisagreementLog(undefined, 'x')([meter('weekly', 1)], [meter('weekly', 90)])).not.toThrow();
  });
});
