// Generates a Claude Code log tree of realistic shape for the cost ledger's benchmark: ~780 session
// files over ~60 projects, mostly tool output and prose, with streaming duplicates, resumed-session
// copies, subagent files and progress mirrors. Deterministic for a given size.
// Usage from a bench: `await generateClaudeTree(dir, targetMiB)` → { files, bytes }.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// mulberry32: deterministic and, unlike a plain LCG, good in its low bits too.
let seed = 0x1234567;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const WORDS = 'the function returns usage model token file read write test fails because parser window session cache'.split(' ');
const filler = (n: number): string => {
  const out: string[] = [];
  let len = 0;
  while (len < n) {
    const w = pick(WORDS);
    out.push(w);
    len += w.length + 1;
  }
  return out.join(' ');
};
const BODIES = [100, 400, 1500, 4000, 12_000, 40_000].map((n) => filler(n));
const MODELS = ['claude-sonnet-4-5-20250929', 'claude-opus-4-5-20251101', 'claude-haiku-4-5-20251001', 'claude-opus-4-6', '<synthetic>'];
const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');

function usage(): Record<string, unknown> {
  const created = Math.floor(rand() * 20_000);
  return {
    input_tokens: Math.floor(rand() * 50),
    cache_creation_input_tokens: created,
    cache_read_input_tokens: Math.floor(rand() * 250_000),
    // As Claude Code writes it: the buckets add up to cache_creation_input_tokens (ccusage reads the buckets).
    cache_creation: { ephemeral_5m_input_tokens: created, ephemeral_1h_input_tokens: 0 },
    output_tokens: Math.floor(rand() * 3000),
    service_tier: 'standard',
  };
}

function assistant(at: number, session: string, side: boolean, id: string, req: string, model: string, u: Record<string, unknown>, body: string): string {
  return JSON.stringify({
    parentUuid: hex(8),
    isSidechain: side,
    userType: 'external',
    cwd: '/home/dev/project',
    sessionId: session,
    version: '2.0.31',
    gitBranch: 'main',
    message: { model, id, type: 'message', role: 'assistant', content: [{ type: 'text', text: body }], stop_reason: null, stop_sequence: null, usage: u },
    requestId: req,
    type: 'assistant',
    uuid: hex(32),
    timestamp: new Date(at).toISOString(),
  });
}

function user(at: number, session: string, body: string): string {
  return JSON.stringify({
    parentUuid: hex(8),
    isSidechain: false,
    type: 'user',
    sessionId: session,
    message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: `toolu_${hex(20)}`, content: body }] },
    uuid: hex(32),
    timestamp: new Date(at).toISOString(),
  });
}

function progress(at: number, session: string, id: string, req: string, model: string, u: Record<string, unknown>): string {
  return JSON.stringify({
    type: 'progress',
    isSidechain: false,
    sessionId: session,
    data: { type: 'agent_progress', message: { type: 'assistant', timestamp: new Date(at).toISOString(), requestId: req, message: { model, id, role: 'assistant', content: [{ type: 'text', text: filler(200) }], usage: u } } },
    uuid: hex(32),
    timestamp: new Date(at).toISOString(),
  });
}

/** Writes `~targetMiB` of logs under `<dir>/projects`; returns the file count and bytes. */
export async function generateClaudeTree(dir: string, targetMiB: number, files = 780): Promise<{ files: number; bytes: number }> {
  seed = 0x1234567;
  const perFile = (targetMiB * 1024 * 1024) / files;
  const start = Date.UTC(2026, 9, 1);
  let bytes = 0;
  const earlier: string[] = [];
  for (let f = 0; f < files; f++) {
    const project = join(dir, 'projects', `-home-dev-project-${f % 60}`);
    const session = `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
    const side = f % 9 === 8;
    const path = side ? join(project, session, 'subagents', `agent-${hex(8)}.jsonl`) : join(project, `${session}.jsonl`);
    await mkdir(join(path, '..'), { recursive: true });
    const lines: string[] = [];
    // A resumed session starts with copies of earlier history.
    if (f % 7 === 3 && earlier.length) lines.push(...earlier.slice(-20));
    let at = start + Math.floor(rand() * 60) * 86_400_000 + Math.floor(rand() * 86_400_000);
    let size = 0;
    while (size < perFile) {
      at += 5000 + Math.floor(rand() * 60_000);
      const id = `msg_01${hex(22)}`;
      const req = `req_011${hex(21)}`;
      const model = rand() < 0.02 ? '<synthetic>' : pick(MODELS.slice(0, 4));
      const u = model === '<synthetic>' ? { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 } : usage();
      const batch = [user(at, session, pick(BODIES))];
      // Streaming snapshots: an early copy with a partial output count.
      if (rand() < 0.5) batch.push(assistant(at + 500, session, side, id, req, model, { ...u, output_tokens: 1 }, filler(100)));
      const full = assistant(at + 2000, session, side, id, req, model, u, pick(BODIES.slice(0, 4)));
      batch.push(full);
      if (rand() < 0.05) batch.push(progress(at + 2100, session, `msg_01${hex(22)}`, `req_011${hex(21)}`, 'claude-haiku-4-5-20251001', usage()));
      if (rand() < 0.3) earlier.push(full);
      if (earlier.length > 200) earlier.splice(0, 100);
      for (const l of batch) size += l.length + 1;
      lines.push(...batch);
    }
    const text = `${lines.join('\n')}\n`;
    await writeFile(path, text);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}
