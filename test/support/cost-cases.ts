// Writes a small Claude Code log tree holding every case shared/COST.md names, for the cost tests and
// for bench/cost-vs-ccusage.bench.ts (which compares Quotabar with ccusage on it). Two roots: `a` is a
// config folder holding `projects/`, `b/projects` is a projects folder given directly; the returned
// `claudeConfigDir` joins them with a comma, as CLAUDE_CONFIG_DIR. Dates are meant to be read in UTC.
// The expected numbers are worked out by hand in test/adapters/cost/cost-cases.test.ts.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SONNET = 'claude-sonnet-4-5-20250929';
export const OPUS = 'claude-opus-4-5-20251101';
export const HAIKU = 'claude-haiku-4-5-20251001';

interface Usage {
  input: number;
  output: number;
  cacheCreation?: number;
  cacheRead?: number;
  fast?: boolean;
}

interface Line {
  at: string;
  id?: string;
  req?: string;
  model?: string;
  u: Usage;
  side?: boolean;
  session?: string;
  /** Extra content blocks (e.g. a tool input carrying `"model": null`). */
  content?: unknown[];
}

function usage(u: Usage): Record<string, unknown> {
  return {
    input_tokens: u.input,
    cache_creation_input_tokens: u.cacheCreation ?? 0,
    cache_read_input_tokens: u.cacheRead ?? 0,
    output_tokens: u.output,
    service_tier: 'standard',
    ...(u.fast ? { speed: 'fast' } : {}),
  };
}

/** An assistant line as Claude Code writes it. */
export function assistant(l: Line): string {
  const message: Record<string, unknown> = { model: l.model, role: 'assistant', type: 'message', content: l.content ?? [{ type: 'text', text: 'ok' }], usage: usage(l.u) };
  if (l.id !== undefined) message['id'] = l.id;
  if (l.model === undefined) delete message['model'];
  const line: Record<string, unknown> = { parentUuid: null, isSidechain: l.side ?? false, sessionId: l.session ?? 's1', type: 'assistant', message, timestamp: l.at, uuid: 'u' };
  if (l.req !== undefined) line['requestId'] = l.req;
  return JSON.stringify(line);
}

/** A progress line mirroring a subagent's response in `data.message`. */
function progress(l: Line): string {
  return JSON.stringify({
    type: 'progress',
    isSidechain: false,
    sessionId: l.session ?? 's1',
    timestamp: l.at,
    data: { type: 'agent_progress', message: { type: 'assistant', timestamp: l.at, requestId: l.req, message: { model: l.model, id: l.id, role: 'assistant', content: [], usage: usage(l.u) } } },
  });
}

const user = (at: string) => JSON.stringify({ type: 'user', sessionId: 's1', timestamp: at, message: { role: 'user', content: 'hello' } });

/** The files of the cases tree: path below a root's `projects/` → lines. */
export function caseFiles(): Record<string, string[]> {
  const sessionOne = [
    user('2026-03-01T10:00:00.000Z'),
    // 1. Streaming snapshots: the early copy has output 1; the largest copy wins, and its timestamp
    //    (after midnight) decides the date: 2026-03-02.
    assistant({ at: '2026-03-01T23:59:50.000Z', id: 'msg_stream', req: 'req_stream', model: SONNET, u: { input: 10, output: 1, cacheCreation: 100, cacheRead: 1000 } }),
    assistant({ at: '2026-03-02T00:00:05.000Z', id: 'msg_stream', req: 'req_stream', model: SONNET, u: { input: 10, output: 500, cacheCreation: 100, cacheRead: 1000 } }),
    // 2. A sidechain copy first and larger, then the non-sidechain copy: the non-sidechain one is kept.
    assistant({ at: '2026-03-01T11:00:00.000Z', id: 'msg_side', req: 'req_side', model: OPUS, u: { input: 20, output: 900 }, side: true }),
    assistant({ at: '2026-03-01T11:00:01.000Z', id: 'msg_side', req: 'req_side', model: OPUS, u: { input: 20, output: 300 } }),
    // 3. Copied into session two (a resumed session): counted once.
    assistant({ at: '2026-03-01T12:00:00.000Z', id: 'msg_resume', req: 'req_resume', model: HAIKU, u: { input: 5, output: 50, cacheRead: 200 } }),
    // 5. A progress line mirroring a subagent response (nested data.message).
    progress({ at: '2026-03-02T09:00:00.000Z', id: 'msg_prog', req: 'req_prog', model: HAIKU, u: { input: 3, output: 30, cacheCreation: 10 } }),
    // 6. <synthetic>: counted in the day's totals, no model row.
    assistant({ at: '2026-03-01T13:00:00.000Z', id: 'msg_synth', req: 'req_synth', model: '<synthetic>', u: { input: 1, output: 2 } }),
    // 7. Fast mode: its own `<model>-fast` row.
    assistant({ at: '2026-03-01T14:00:00.000Z', id: 'msg_fast', req: 'req_fast', model: OPUS, u: { input: 4, output: 40, fast: true } }),
    // 8. Missing message.id, written twice: never deduplicated, both count.
    assistant({ at: '2026-03-01T15:00:00.000Z', req: 'req_noid', model: SONNET, u: { input: 2, output: 20 } }),
    assistant({ at: '2026-03-01T15:00:01.000Z', req: 'req_noid', model: SONNET, u: { input: 2, output: 20 } }),
    // 9. Missing requestId, written twice: both count.
    assistant({ at: '2026-03-01T16:00:00.000Z', id: 'msg_noreq', model: SONNET, u: { input: 3, output: 30 } }),
    assistant({ at: '2026-03-01T16:00:01.000Z', id: 'msg_noreq', model: SONNET, u: { input: 3, output: 30 } }),
    // 10. Unparseable line, then a bad timestamp: both dropped.
    '{"type":"assistant","message":{"id":"msg_broken","model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":999,"output_tokens":9',
    assistant({ at: 'not-a-date', id: 'msg_badts', req: 'req_badts', model: SONNET, u: { input: 888, output: 888 } }),
    // 13. Long context: over 200k input in one request.
    assistant({ at: '2026-03-03T08:00:00.000Z', id: 'msg_long', req: 'req_long', model: SONNET, u: { input: 250_000, output: 1000 } }),
  ];
  const sessionTwo = [
    // 3. (copy) The resumed session repeats the earlier response under another sessionId.
    assistant({ at: '2026-03-01T12:00:00.000Z', id: 'msg_resume', req: 'req_resume', model: HAIKU, u: { input: 5, output: 50, cacheRead: 200 }, session: 's2' }),
    assistant({ at: '2026-03-03T09:00:00.000Z', id: 'msg_s2', req: 'req_s2', model: HAIKU, u: { input: 6, output: 60 }, session: 's2' }),
  ];
  const ccusageBugs = [
    // 11. `"model": null` inside a tool input: ccusage drops the line; it counts (OPUS 7 in, 70 out).
    assistant({ at: '2026-03-02T10:00:00.000Z', id: 'msg_toolnull', req: 'req_toolnull', model: OPUS, u: { input: 7, output: 70 }, content: [{ type: 'tool_use', id: 'toolu_1', name: 'Task', input: { prompt: 'x', model: null } }] }),
    // 12. `"usage": {` written with a space: ccusage skips it; it counts (SONNET 8 in, 80 out).
    '{"type":"assistant","sessionId":"s3","isSidechain":false,"timestamp":"2026-03-02T11:00:00.000Z","requestId":"req_space","message":{"id":"msg_space","model":"claude-sonnet-4-5-20250929","role":"assistant","usage": {"input_tokens":8,"output_tokens":80}}}',
  ];
  return {
    '-home-dev-alpha/s1.jsonl': sessionOne,
    '-home-dev-alpha/s2.jsonl': sessionTwo,
    '-home-dev-beta/s3.jsonl': ccusageBugs,
  };
}

/** The message ids ccusage is known to drop (COST.md "Where ccusage is wrong"), with why. */
export const CCUSAGE_BUGS = [
  { id: 'msg_toolnull', date: '2026-03-02', model: OPUS, input: 7, output: 70, why: '"model":null inside a tool input drops the line' },
  { id: 'msg_space', date: '2026-03-02', model: SONNET, input: 8, output: 80, why: '"usage": { with a space is not matched by its pre-filter' },
] as const;

/**
 * Writes the cases tree under `dir`: root `a` (a config folder) gets every file; root `b` (a projects
 * folder itself) gets a byte-identical copy of s2.jsonl (4. the same file under two roots) and a file
 * of its own. Returns the comma-separated CLAUDE_CONFIG_DIR value.
 */
export async function generateCostCases(dir: string): Promise<{ claudeConfigDir: string }> {
  const files = caseFiles();
  const a = join(dir, 'a');
  const bProjects = join(dir, 'b', 'projects');
  const write = async (root: string, rel: string, lines: string[]) => {
    await mkdir(join(root, rel, '..'), { recursive: true });
    await writeFile(join(root, rel), `${lines.join('\n')}\n`);
  };
  for (const [rel, lines] of Object.entries(files)) await write(join(a, 'projects'), rel, lines);
  await write(bProjects, '-home-dev-alpha/s2.jsonl', files['-home-dev-alpha/s2.jsonl']!);
  // 4. Root b's own file: one response only it has, and a copy of root a's streaming response.
  await write(bProjects, '-home-dev-gamma/s4.jsonl', [
    assistant({ at: '2026-03-03T12:00:00.000Z', id: 'msg_b', req: 'req_b', model: OPUS, u: { input: 9, output: 90, cacheRead: 900 }, session: 's4' }),
    assistant({ at: '2026-03-02T00:00:05.000Z', id: 'msg_stream', req: 'req_stream', model: SONNET, u: { input: 10, output: 500, cacheCreation: 100, cacheRead: 1000 }, session: 's4' }),
  ]);
  return { claudeConfigDir: `${a},${bProjects}` };
}
