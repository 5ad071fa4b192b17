// Local calendar dates in an IANA zone, fast enough for a hundred thousand entries: the zone's
// offset is looked up once per UTC day (twice when that day holds a daylight-saving change).
const DAY = 86_400_000;
const QUARTER = 900_000;

/** Local time minus UTC, in ms, at an instant. */
export type OffsetAt = (at: number) => number;

/**
 * A function from epoch ms to 'YYYY-MM-DD' in `zone`: an IANA name (undefined = the runtime's zone),
 * or the zone's offset function (an adapter may pass the runtime's own, cheaper than Intl).
 */
export function localDater(zone: string | undefined | OffsetAt): (at: number) => string {
  const offsetAt = typeof zone === 'function' ? zone : intlOffset(zone);
  const dayOffsets = new Map<number, number | null>();
  const quarterDates = new Map<number, string>();
  const dates = new Map<number, string>();
  const dateOfLocalMs = (local: number): string => {
    const d = Math.floor(local / DAY);
    let s = dates.get(d);
    if (s === undefined) {
      s = isoDate(d * DAY);
      dates.set(d, s);
    }
    return s;
  };
  return (at) => {
    const day = Math.floor(at / DAY);
    let off = dayOffsets.get(day);
    if (off === undefined) {
      const a = offsetAt(day * DAY);
      // Zone changes happen at whole quarter hours, so one lookup per quarter covers a change day.
      off = a === offsetAt(day * DAY + DAY - QUARTER) && a === offsetAt(day * DAY + DAY / 2) ? a : null;
      dayOffsets.set(day, off);
    }
    if (off !== null) return dateOfLocalMs(at + off);
    const q = Math.floor(at / QUARTER);
    let s = quarterDates.get(q);
    if (s === undefined) {
      s = dateOfLocalMs(q * QUARTER + offsetAt(q * QUARTER));
      quarterDates.set(q, s);
    }
    return s;
  };
}

/** The offset function of an IANA zone, from its wall clock as Intl formats it. */
export function intlOffset(timeZone: string | undefined): OffsetAt {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (at) => {
    const p: Record<string, string> = {};
    for (const part of fmt.formatToParts(at)) p[part.type] = part.value;
    const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute));
    return wall - Math.floor(at / 60_000) * 60_000;
  };
}

/** 'YYYY-MM-DD' of a UTC instant. */
export function isoDate(utcMs: number): string {
  const d = new Date(utcMs);
  const y = d.getUTCFullYear();
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** The date `days` after a 'YYYY-MM-DD' date (negative: before). */
export function addDays(date: string, days: number): string {
  return isoDate(Date.parse(`${date}T00:00:00Z`) + days * DAY);
}
