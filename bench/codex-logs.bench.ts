// Measures the Codex session-log source on a generated log tree of ≥ 200 MB: the first scan,
// a re-scan with nothing new, and a re-scan after a few lines were appended.
// Run: npx tsx bench/codex-logs.bench.ts [targetMiB, default 210]   (last line: `RESULT {json}` for a runner)
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NodeFileSource } from '../adapters/node-file-source';
import { createCodexLogsSource } from '../core/providers/codex/logs';

const MB = 1024 * 1024;
const targetBytes = Math.max(1, Number(process.argv[2] ?? 210)) * MB;

// Deterministic pseudo-random numbers, so every run generates the same tree.
let seed = 0x2f6b1d3;
function rand(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const WORDS = 'the test fails because parser window weekly session reset token count file read append byte chunk offset decoder'.split(' ');
const filler = (bytes: number): string => {
  const parts: string[] = [];
  let n = 0;
  while (n < bytes) {
    const w = pick(WORDS);
    parts.push(w);
    n += w.length + 1;
  }
  return parts.join(' ');
};
// A pool of prose/tool-output bodies of varied size, reused so generation stays fast.
const BODIES = [64, 200, 800, 2_000, 6_000, 20_000, 60_000].flatMap((size) => [filler(size), filler(size * 1.3)]);

const now = Date.now();
const iso = (ms: number): string => new Date(ms).toISOString();

function otherLine(at: number): string {
  const ts = iso(at);
  const body = JSON.stringify(pick(BODIES));
  switch (Math.floor(rand() * 4)) {
    case 0:
      return `{"timestamp":"${ts}","type":"response_item","payload":{"type":"message","role":"user","content":[{"type":"input_text","text":${body}}]}}`;
    case 1:
      return `{"timestamp":"${ts}","type":"response_item","payload":{"type":"function_call_output","call_id":"call_${Math.floor(rand() * 1e9)}","output":${body}}}`;
    case 2:
      return `{"timestamp":"${ts}","type":"event_msg","payload":{"type":"agent_message","message":${body}}}`;
    default:
      return `{"timestamp":"${ts}","type":"turn_context","payload":{"cwd":"/home/dev/project","approval_policy":"on-request","model":"gpt-5-codex","effort":"medium"}}`;
  }
}

// The newest token_count line generated, so the first scan's answer can be checked.
const newestToken = { at: 0, sessionUsed: -1 };

function tokenLine(at: number, sessionUsed: number, weeklyUsed: number): string {
  if (at >= newestToken.at) Object.assign(newestToken, { at, sessionUsed });
  const sessionReset = Math.floor((now + 3 * 3600_000) / 1000);
  const weeklyReset = Math.floor((now + 4 * 86400_000) / 1000);
  return JSON.stringify({
    timestamp: iso(at),
    type: 'event_msg',
    payload: {
      type: 'token_count',
      info: { total_token_usage: { input_tokens: 51200, output_tokens: 2300, total_tokens: 53500 }, model_context_window: 272000 },
      rate_limits: {
        limit_id: 'codex',
        limit_name: null,
        plan_type: 'plus',
        credits: null,
        primary: { used_percent: sessionUsed, window_minutes: 300, resets_at: sessionReset },
        secondary: { used_percent: weeklyUsed, window_minutes: 10080, resets_at: weeklyReset },
      },
    },
  });
}

/** One rollout file of about `bytes`, with a token_count line every ~12 lines. */
function rollout(startAt: number, bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  let at = startAt;
  while (size < bytes) {
    at += 1000 + Math.floor(rand() * 20_000);
    const line = rand() < 1 / 12 ? tokenLine(at, Math.floor(rand() * 90), Math.floor(rand() * 40)) : otherLine(at);
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

async function generate(home: string): Promise<{ files: number; bytes: number; newest: string }> {
  let bytes = 0;
  let files = 0;
  let day = 0;
  let newest = '';
  while (bytes < targetBytes) {
    // Days run backwards from yesterday, so every generated line is older than the appends.
    const dayStart = now - (day + 1) * 86400_000;
    const d = new Date(dayStart);
    const dir = join(home, 'sessions', String(d.getUTCFullYear()), String(d.getUTCMonth() + 1).padStart(2, '0'), String(d.getUTCDate()).padStart(2, '0'));
    await mkdir(dir, { recursive: true });
    const perDay = 3 + Math.floor(rand() * 6);
    for (let i = 0; i < perDay && bytes < targetBytes; i++) {
      const size = Math.floor((0.2 + rand() * 2.8) * MB);
      const text = rollout(dayStart + i * 3600_000, size);
      const path = join(dir, `rollout-${iso(dayStart + i * 3600_000).replace(/[:.]/g, '-')}-${files}.jsonl`);
      await writeFile(path, text);
      bytes += Buffer.byteLength(text);
      files++;
      if (day === 0) newest = path;
    }
    day++;
  }
  // A few archived sessions, as Codex moves old ones there.
  await mkdir(join(home, 'archived_sessions'));
  for (let i = 0; i < 3; i++) {
    const text = rollout(now - (day + i + 1) * 86400_000, MB);
    await writeFile(join(home, 'archived_sessions', `rollout-archived-${i}.jsonl`), text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  return { files, bytes, newest };
}

async function main(): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'quotabar-bench-codex-'));
  try {
    const g0 = performance.now();
    const tree = await generate(home);
    const generateMs = performance.now() - g0;
    console.log(`generated ${tree.files} files, ${(tree.bytes / MB).toFixed(1)} MiB in ${generateMs.toFixed(0)} ms`);

    const source = createCodexLogsSource({ files: new NodeFileSource(), clock: { now: () => Date.now() }, codexHome: home });
    const measure = async (label: string) => {
      const before = source.stats().bytesRead;
      const t0 = performance.now();
      const r = await source.fetch();
      const ms = performance.now() - t0;
      const bytesRead = source.stats().bytesRead - before;
      const session = r.ok ? r.value.windows.find((w) => w.id === 'session')?.usedPercent : `error ${JSON.stringify(r.error)}`;
      console.log(`${label.padEnd(22)} ${ms.toFixed(1).padStart(9)} ms  ${bytesRead.toLocaleString('en-US').padStart(13)} bytes read  (session ${session}%)`);
      return { ms: Math.round(ms * 10) / 10, bytesRead, session };
    };

    const expected = newestToken.sessionUsed;
    const first = await measure('first scan');
    if (first.session !== expected) throw new Error(`first scan shows ${first.session}%, newest line says ${expected}%`);
    const heapMB = Math.round(process.memoryUsage().heapUsed / MB);
    const rescan = await measure('re-scan, no change');
    const appended = [otherLine(now - 5000), tokenLine(now - 4000, 93, 41), otherLine(now - 3000), otherLine(now - 2000)]
      .map((l) => `${l}\n`)
      .join('');
    await appendFile(tree.newest, appended);
    const afterAppend = await measure('re-scan after append');
    if (afterAppend.session !== 93) throw new Error(`appended observation not picked up: ${afterAppend.session}`);
    if (afterAppend.bytesRead !== Buffer.byteLength(appended)) throw new Error('re-scan read more than the appended bytes');

    const result = {
      files: tree.files,
      treeBytes: tree.bytes,
      generateMs: Math.round(generateMs),
      firstScan: first,
      rescanNoChange: rescan,
      rescanAfterAppend: { ...afterAppend, appendedBytes: Buffer.byteLength(appended) },
      heapAfterFirstScanMB: heapMB,
      filesTracked: source.stats().filesTracked,
    };
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
