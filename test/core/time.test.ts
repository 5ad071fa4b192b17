import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DAY, EARLIEST_RESET_MS, MAX_RESET_AHEAD_MS, parseIso, plausibleReset } from '../../core/time';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);

describe('parseIso, the one timestamp parser', () => {
  it('reads a time with no offset as UTC and keeps microseconds down to the millisecond', () => {
    expect(parseIso('2099-06-01T12:00:00.123456')).toBe(Date.UTC(2099, 5, 1, 12, 0, 0, 123));
  });

  it('reads a time with no offset as UTC even when the machine is in another time zone', () => {
    // V8 reads TZ at start-up, so the parse runs in a child process set to UTC+05:30 (and UTC-10).
    const time = fileURLToPath(new URL('../../core/time.ts', import.meta.url));
    const script = `import('${time.replace(/\\/g, '/')}').then((t) => console.log(t.parseIso('2099-06-01T12:00:00.123456')))`;
    for (const tz of ['Asia/Kolkata', 'Pacific/Honolulu']) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
      expect(Number(out.trim()), tz).toBe(Date.UTC(2099, 5, 1, 12, 0, 0, 123));
    }
  });

  it('applies Z and numeric offsets, with or without a colon', () => {
    expect(parseIso('2026-09-24T11:00:00+02:00')).toBe(Date.UTC(2026, 8, 24, 9));
    expect(parseIso('2026-09-24T11:00:00+0200')).toBe(Date.UTC(2026, 8, 24, 9));
    expect(parseIso('2026-09-24T03:30:00-05:30')).toBe(Date.UTC(2026, 8, 24, 9));
    expect(parseIso('2026-09-21T03:00:00.123456+00:00')).toBe(Date.UTC(2026, 8, 21, 3, 0, 0, 123));
    expect(parseIso('2026-09-24T09:00:00Z')).toBe(Date.UTC(2026, 8, 24, 9));
    expect(parseIso('2026-09-24')).toBe(Date.UTC(2026, 8, 24));
  });

  it('rejects what is not an ISO-8601 time, including dates that do not exist', () => {
    for (const v of ['not a date', '', '   ', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', 'Tue, 01 Dec 2026 00:00:00 GMT', 1790000000, null]) {
      expect(parseIso(v), String(v)).toBeNull();
    }
  });
});

describe('plausibleReset, the one reset sanity rule', () => {
  it('keeps a reset in the past or up to 400 days ahead', () => {
    expect(plausibleReset(NOW - DAY, NOW)).toBe(NOW - DAY);
    expect(plausibleReset(NOW + MAX_RESET_AHEAD_MS, NOW)).toBe(NOW + MAX_RESET_AHEAD_MS);
  });

  it('drops a reset more than 400 days ahead or before 2020', () => {
    expect(plausibleReset(NOW + MAX_RESET_AHEAD_MS + 1, NOW)).toBeNull();
    expect(plausibleReset(Date.UTC(9999, 11, 31), NOW)).toBeNull();
    expect(plausibleReset(EARLIEST_RESET_MS - 1, NOW)).toBeNull();
    expect(plausibleReset(0, null)).toBeNull();
  });

  it('applies only the lower bound when there is no clock', () => {
    expect(plausibleReset(Date.UTC(2400, 0, 1), null)).toBe(Date.UTC(2400, 0, 1));
  });
});
