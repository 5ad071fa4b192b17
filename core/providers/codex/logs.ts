// The Codex CLI's own session logs as an offline source: the last rate limits the CLI was told.
// Incremental, because the log tree grows to hundreds of megabytes and is polled every few
// minutes: each file is read once, then only its appended bytes.
import { err, ok, type Result } from '../../errors';
import type { FetchData, Note } from '../../model';
import type { Clock, FileError, FileSource } from '../../ports';
import type { Source } from '../../provider';
import { emptyLogState, mergeObservation, parseLogLine, readLogState, type LogState } from './log-events';

/** Counters a benchmark or test reads; `bytesRead` is cumulative over the source's life. */
export interface CodexLogsStats {
  filesTracked: number;
  bytesRead: number;
}

export type CodexLogsSource = Source & { stats(): CodexLogsStats };

export interface CodexLogsDeps {
  files: FileSource;
  clock: Clock;
  /** `$CODEX_HOME`, default `~/.codex`. */
  codexHome: string;
  /** Read size per `readRange`; bounds memory on large files. */
  chunkBytes?: number;
}

export const CODEX_LOGS_SOURCE_ID = 'codex-logs';
const DEFAULT_CHUNK = 1024 * 1024;
// A line longer than this (a huge tool output) cannot be a token_count record: skip it rather
// than buffer it.
const MAX_LINE_CHARS = 8 * 1024 * 1024;
const ROLLOUT = /^rollout-.*\.jsonl$/;
const JSONL = /\.jsonl$/;

interface TrackedFile {
  /** Bytes consumed so far. */
  offset: number;
  /** Streaming decoder: keeps a multi-byte character split across two reads. */
  decoder: TextDecoder;
  /** Text after the last newline, waiting for the rest of its line. */
  carry: string;
  /** True while dropping the rest of an over-long line. */
  skipping: boolean;
}

const track = (): TrackedFile => ({ offset: 0, decoder: new TextDecoder(), carry: '', skipping: false });

/**
 * A Source that reads `<codexHome>/sessions/YYYY/MM/DD/rollout-*.jsonl` and
 * `<codexHome>/archived_sessions/*.jsonl` through `files`, remembering per-file offsets so later
 * fetches read only appended bytes. The newest observation by line timestamp wins per window,
 * except a start-of-session placeholder over a window still running (see mergeObservation).
 */
export function createCodexLogsSource(deps: CodexLogsDeps): CodexLogsSource {
  const { files, clock, codexHome } = deps;
  const chunkBytes = Math.max(1, deps.chunkBytes ?? DEFAULT_CHUNK);
  const tracked = new Map<string, TrackedFile>();
  let state: LogState = emptyLogState();
  let bytesRead = 0;
  let inflight: Promise<Result<FetchData>> | null = null;

  const absorb = (line: string): void => {
    const obs = parseLogLine(line);
    if (obs) state = mergeObservation(state, obs);
  };

  // Parses only the complete lines that mention token_count: scanning for the word is far
  // cheaper than splitting and parsing every line of a large log.
  const absorbComplete = (text: string, end: number): void => {
    let i = text.indexOf('token_count');
    while (i >= 0 && i < end) {
      const start = text.lastIndexOf('\n', i) + 1;
      const stop = text.indexOf('\n', i);
      absorb(text.slice(start, stop));
      i = text.indexOf('token_count', stop + 1);
    }
  };

  const consume = (t: TrackedFile, decoded: string): void => {
    let text = t.carry + decoded;
    if (t.skipping) {
      const nl = text.indexOf('\n');
      if (nl < 0) return;
      text = text.slice(nl + 1);
      t.skipping = false;
    }
    const lastNl = text.lastIndexOf('\n');
    if (lastNl >= 0) absorbComplete(text, lastNl);
    t.carry = text.slice(lastNl + 1);
    if (t.carry.length > MAX_LINE_CHARS) {
      t.carry = '';
      t.skipping = true;
    }
  };

  const scanFile = async (path: string): Promise<void> => {
    const st = await files.stat(path);
    if (!st.ok) {
      if (st.error.kind === 'not_found') tracked.delete(path);
      return;
    }
    let t = tracked.get(path);
    // Smaller than what we consumed: truncated or replaced, so its old offset means nothing.
    if (!t || st.value.size < t.offset) {
      t = track();
      tracked.set(path, t);
    }
    while (t.offset < st.value.size) {
      const end = Math.min(st.value.size, t.offset + chunkBytes);
      const r = await files.readRange(path, t.offset, end);
      if (!r.ok || r.value.length === 0) return;
      bytesRead += r.value.length;
      t.offset += r.value.length;
      consume(t, t.decoder.decode(r.value, { stream: true }));
    }
    // A last line without its newline may be complete (a file that ends without one) or still
    // being written; a prefix of a JSON object never parses, so trying it is safe, and when it
    // is completed later the same observation merges again harmlessly.
    if (t.carry !== '') {
      absorb(t.carry);
      // The carry is a slice of a whole decoded chunk; copy it so idle files do not pin
      // a megabyte each between polls.
      t.carry = JSON.parse(JSON.stringify(t.carry)) as string;
    }
  };

  const scan = async (): Promise<Result<FetchData>> => {
    const listing = await listLogFiles(files, codexHome);
    const seen = new Set(listing.paths);
    for (const path of tracked.keys()) if (!seen.has(path)) tracked.delete(path);
    for (const path of listing.paths) await scanFile(path);

    if (listing.paths.length === 0) {
      if (listing.error) return err({ kind: 'transport', code: listing.error });
      return err({ kind: 'unconfigured', what: 'codex session logs' });
    }
    const reading = readLogState(state, clock.now());
    if (!reading) return err({ kind: 'unconfigured', what: 'codex rate limits in session logs' });
    return ok({
      source: CODEX_LOGS_SOURCE_ID,
      windows: reading.windows,
      notes: [...reading.notes, ...observedAt(state)],
      account: reading.plan ? { label: null, plan: reading.plan } : null,
    });
  };

  return {
    id: CODEX_LOGS_SOURCE_ID,
    // Overlapping fetches share one scan: two scans at once would consume the same bytes twice.
    fetch() {
      if (!inflight) {
        inflight = scan().finally(() => {
          inflight = null;
        });
      }
      return inflight;
    },
    stats: () => ({ filesTracked: tracked.size, bytesRead }),
  };
}

interface Listing {
  paths: string[];
  /** The first unreadable directory's error code, so "no logs" is not claimed when we could not look. */
  error: string | null;
}

async function listLogFiles(files: FileSource, home: string): Promise<Listing> {
  const out: Listing = { paths: [], error: null };
  await collect(files, files.join(home, 'sessions'), 3, ROLLOUT, out);
  await collect(files, files.join(home, 'archived_sessions'), 0, JSONL, out);
  return out;
}

/** Descends `depth` directory levels (YYYY/MM/DD), then gathers files whose names match. */
async function collect(files: FileSource, dir: string, depth: number, name: RegExp, out: Listing): Promise<void> {
  const r = await files.list(dir);
  if (!r.ok) {
    noteError(r.error, out);
    return;
  }
  const entries = [...r.value].sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const path = files.join(dir, e.name);
    if (depth > 0 && e.isDirectory) await collect(files, path, depth - 1, name, out);
    else if (depth === 0 && !e.isDirectory && name.test(e.name)) out.paths.push(path);
  }
}

function noteError(e: FileError, out: Listing): void {
  if (e.kind === 'unreadable' && out.error === null) out.error = e.code;
}

/** When Codex itself last saw the windows shown: logs can be hours older than the poll. */
function observedAt(state: LogState): Note[] {
  const times = Object.values(state.windows).map((w) => w.at);
  return times.length ? [{ code: 'observed_at', at: Math.max(...times) }] : [];
}
