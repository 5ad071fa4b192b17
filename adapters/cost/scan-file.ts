// Reads one log file for the cost ledger, from where the last run stopped. Byte-level: the bytes
// are searched for the format's needles and only the lines holding one are decoded and parsed,
// so the large tool outputs that make up most of a log are never turned into strings.
import { closeSync, openSync, readSync, type Stats } from 'node:fs';
import { addToFile, indexOf } from '../../core/cost/dedupe';
import type { CostEntry, CostLogKind } from '../../core/cost/entry';

/** What the cache remembers of one file: enough to read only its appended bytes next time. */
export interface FileRecord {
  path: string;
  source: string;
  project: string | null;
  size: number;
  mtimeMs: number;
  ino: number;
  /** Bytes through the last complete line (newline included) read so far. */
  offset: number;
  /** Hash of the first `headLen` bytes: a file replaced by another of at least that size is noticed. */
  headLen: number;
  headHash: number;
  /** The parser's state at `offset`. */
  state: unknown;
  /** Entries of the complete lines, one copy per dedupe key (dedupe.ts addToFile). */
  entries: CostEntry[];
}

export interface ScanResult {
  record: FileRecord;
  /** An entry on a last line without its newline: counted now, re-read next time (never cached). */
  tail: CostEntry | null;
  bytesRead: number;
  /** True when the scan went on from `prev`; false when it read the file from its start. */
  continued: boolean;
}

const CHUNK = 1 << 20;
// A longer line is skipped: no usage line comes near it, and buffering it would cost the memory.
const MAX_LINE = 64 << 20;
const HEAD = 4096;
const NL = 10;

let shared = Buffer.allocUnsafe(CHUNK);

/** True when `prev` still describes the file `st` (same inode, not shorter than what was read). */
export function continues(prev: FileRecord | null, st: Stats): prev is FileRecord {
  return prev !== null && prev.ino === st.ino && st.size >= prev.offset;
}

/**
 * Scans `path` (whose stat is `st`) from `prev`'s offset, or from the start when `prev` is null or
 * no longer matches (truncated, replaced, different head). Never throws for a file that vanished
 * or cannot be read: it then yields no entries.
 */
export function scanFile(kind: CostLogKind, path: string, project: string | null, st: Stats, prev: FileRecord | null): ScanResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return { record: freshRecord(kind, path, project, st), tail: null, bytesRead: 0, continued: false };
  }
  try {
    const headLen = Math.min(st.size, HEAD);
    const head = headHash(fd, headLen);
    let bytesRead = headLen;
    let base = continues(prev, st) && prev.headLen <= headLen && (prev.headLen === headLen ? prev.headHash === head : headHash(fd, prev.headLen) === prev.headHash) ? prev : null;
    const record: FileRecord = base
      ? { ...base, size: st.size, mtimeMs: st.mtimeMs, headLen, headHash: head, entries: [...base.entries] }
      : { ...freshRecord(kind, path, project, st), headLen, headHash: head };
    const continued = base !== null;
    base = null;
    const parser = kind.parser(record.state);
    const index = indexOf(record.entries);
    const needles = kind.needles.map((n) => Buffer.from(n, 'latin1'));
    const r = readLines(fd, record.offset, st.size, needles, (b, ls, le) => {
      const e = parser.bytes ? parser.bytes(b, ls, le) : parser.line(b.toString('utf8', ls, le));
      if (e) addToFile(record.entries, index, e);
    });
    bytesRead += r.bytesRead;
    record.offset = r.committed;
    record.state = parser.state();
    const tail = r.tail === null ? null : kind.parser(record.state).line(r.tail);
    return { record, tail, bytesRead, continued };
  } catch {
    return { record: freshRecord(kind, path, project, st), tail: null, bytesRead: 0, continued: false };
  } finally {
    closeSync(fd);
  }
}

function freshRecord(kind: CostLogKind, path: string, project: string | null, st: Stats): FileRecord {
  return { path, source: kind.source, project, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, offset: 0, headLen: 0, headHash: 0, state: null, entries: [] };
}

const headBuf = Buffer.allocUnsafeSlow(HEAD);
const headWords = new Int32Array(headBuf.buffer, headBuf.byteOffset, HEAD / 4);

/** An FNV-1a-style hash of the first `len` (≤ HEAD) bytes, taken four bytes at a time. */
function headHash(fd: number, len: number): number {
  const n = len ? readSync(fd, headBuf, 0, len, 0) : 0;
  let h = 0x811c9dc5;
  const words = n >> 2;
  for (let i = 0; i < words; i++) h = Math.imul(h ^ headWords[i]!, 0x01000193) >>> 0;
  for (let i = words << 2; i < n; i++) h = Math.imul(h ^ headBuf[i]!, 0x01000193) >>> 0;
  return h;
}

interface Lines {
  /** File position just after the last complete line. */
  committed: number;
  /** The text after it when the file ends without a newline and it holds a needle; else null. */
  tail: string | null;
  bytesRead: number;
}

/** A line found: the bytes `b[start, end)`, valid only during the call. */
type OnLine = (b: Buffer, start: number, end: number) => void;

/** Calls `onLine` with each complete line in [from, size) that contains one of `needles`. */
function readLines(fd: number, from: number, size: number, needles: Buffer[], onLine: OnLine): Lines {
  let buf = shared;
  let pos = from; // file position of buf[0]
  let len = 0;
  let skipping = false;
  let bytesRead = 0;
  while (pos + len < size) {
    if (len === buf.length) {
      if (buf.length < MAX_LINE) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
      } else {
        skipping = true;
        pos += len;
        len = 0;
      }
    }
    const n = readSync(fd, buf, len, Math.min(buf.length - len, size - pos - len), pos + len);
    if (n <= 0) break;
    bytesRead += n;
    const end = len + n;
    const view = buf.subarray(0, end);
    let start = 0;
    if (skipping) {
      const nl = view.indexOf(NL, len);
      if (nl < 0) {
        pos += end;
        len = 0;
        continue;
      }
      start = nl + 1;
      skipping = false;
    }
    const lastNl = view.lastIndexOf(NL);
    if (lastNl < start) {
      if (start > 0) buf.copy(buf, 0, start, end);
      pos += start;
      len = end - start;
      continue;
    }
    matchLines(view.subarray(0, lastNl + 1), start, needles, onLine);
    buf.copy(buf, 0, lastNl + 1, end);
    pos += lastNl + 1;
    len = end - lastNl - 1;
  }
  if (buf.length > CHUNK * 8) buf = Buffer.allocUnsafe(CHUNK);
  shared = buf.length >= CHUNK ? buf : shared;
  const rest = skipping || len === 0 ? null : buf.subarray(0, len);
  const tail = rest && needles.some((n) => rest.includes(n)) ? rest.toString('utf8') : null;
  return { committed: pos, tail, bytesRead };
}

/** Lines of `view` (which ends with a newline) from `start` on that contain a needle. */
function matchLines(view: Buffer, start: number, needles: Buffer[], onLine: OnLine): void {
  if (needles.length === 1) {
    const needle = needles[0]!;
    let p = view.indexOf(needle, start);
    while (p >= 0) {
      const ls = view.lastIndexOf(NL, p) + 1;
      const le = view.indexOf(NL, p);
      onLine(view, Math.max(ls, start), le);
      p = view.indexOf(needle, le + 1);
    }
    return;
  }
  const next = needles.map((n) => view.indexOf(n, start));
  for (;;) {
    let p = -1;
    for (const q of next) if (q >= 0 && (p < 0 || q < p)) p = q;
    if (p < 0) return;
    const ls = view.lastIndexOf(NL, p) + 1;
    const le = view.indexOf(NL, p);
    onLine(view, Math.max(ls, start), le);
    for (let i = 0; i < next.length; i++) if (next[i]! >= 0 && next[i]! <= le) next[i] = view.indexOf(needles[i]!, le + 1);
  }
}
