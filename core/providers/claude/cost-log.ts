// Claude Code's session logs as a cost source (shared/COST.md): every `projects/**/*.jsonl` under
// each root; a line counts when it carries `message.usage`, or is a progress line mirroring a
// subagent's response in `data.message`. Lines are read as bytes for just the fields below
// (core/cost/json-pick.ts), yet checked as whole JSON objects, so a `"model":null` inside a tool
// input or `"usage": {` with a space is read correctly.
import type { CostEntry, CostFileParser, CostLogKind, CostRoot } from '../../cost/entry';
import { optionalCount, timestampOf, tokenCount } from '../../cost/entry';
import { compilePick, pick, type Pick } from '../../cost/json-pick';
import { asObject } from '../../json';
import { claude } from './descriptor';

const MESSAGE: Pick = {
  id: true,
  model: true,
  usage: {
    input_tokens: true,
    output_tokens: true,
    cache_creation_input_tokens: true,
    cache_read_input_tokens: true,
    speed: true,
    cache_creation: { ephemeral_1h_input_tokens: true },
    server_tool_use: { web_search_requests: true },
  },
};
const FIELDS = compilePick({
  timestamp: true,
  requestId: true,
  isSidechain: true,
  message: MESSAGE,
  data: { message: { timestamp: true, requestId: true, isSidechain: true, message: MESSAGE } },
});

const utf8 = new TextEncoder();

/** One line → its usage entry, or null when the line does not count (COST.md "Dropped lines"). */
export function parseClaudeCostLine(text: string): CostEntry | null {
  const b = utf8.encode(text);
  return parseClaudeCostBytes(b, 0, b.length);
}

/** The same, for the UTF-8 bytes `b[start, end)` of one line. */
export function parseClaudeCostBytes(b: Uint8Array, start: number, end: number): CostEntry | null {
  const o = pick(b, start, end, FIELDS);
  if (!o) return null;
  const nested = asObject(asObject(o['data'])?.['message']);
  const nestedMsg = asObject(nested?.['message']);
  // A progress line's own response: it has its own timestamp, usage and request id.
  if (nested && nestedMsg && asObject(nestedMsg['usage']) && typeof nested['timestamp'] === 'string' && typeof nested['requestId'] === 'string') {
    const side = typeof nested['isSidechain'] === 'boolean' ? nested['isSidechain'] : o['isSidechain'] === true;
    return entryOf(nested['timestamp'], nestedMsg, nested['requestId'], side);
  }
  const msg = asObject(o['message']);
  if (!msg || !asObject(msg['usage'])) return null;
  return entryOf(o['timestamp'], msg, o['requestId'], o['isSidechain'] === true);
}

function entryOf(ts: unknown, msg: Record<string, unknown>, requestId: unknown, sidechain: boolean): CostEntry | null {
  const at = timestampOf(ts);
  if (at === null) return null;
  const u = asObject(msg['usage'])!;
  const input = tokenCount(u['input_tokens']);
  const output = tokenCount(u['output_tokens']);
  const cacheCreation = optionalCount(u['cache_creation_input_tokens']);
  const cacheRead = optionalCount(u['cache_read_input_tokens']);
  if (input === null || output === null || cacheCreation === null || cacheRead === null) return null;
  const id = msg['id'];
  const model = msg['model'];
  if (id === '' || model === '' || requestId === '') return null;
  const oneHour = optionalCount(asObject(u['cache_creation'])?.['ephemeral_1h_input_tokens']) ?? 0;
  const searches = optionalCount(asObject(u['server_tool_use'])?.['web_search_requests']) ?? 0;
  return {
    at,
    model: typeof model === 'string' ? intern(model) : null,
    fast: u['speed'] === 'fast',
    input,
    output,
    cacheCreation,
    cacheRead,
    cacheCreation1h: Math.min(oneHour, cacheCreation),
    webSearches: searches,
    key: typeof id === 'string' && typeof requestId === 'string' ? `${id}\n${requestId}` : null,
    sidechain,
  };
}

// One string per model name, however many entries name it: fewer strings outlive a scan's young generation.
const names = new Map<string, string>();
function intern(s: string): string {
  const known = names.get(s);
  if (known !== undefined) return known;
  if (names.size >= 256) names.clear();
  names.set(s, s);
  return s;
}

/**
 * The `cwd` of the first line that has one. Claude Code names a project's folder after it with every
 * character but letters and digits turned into '-' (`/home/dev/my.app` → `-home-dev-my-app`), which
 * cannot be turned back; its lines carry the path itself. A line cut at the end of `head` is skipped.
 */
export function claudeProjectPath(head: string): string | null {
  for (const line of head.split('\n')) {
    if (!line.includes('"cwd"')) continue;
    try {
      const cwd = asObject(JSON.parse(line))?.['cwd'];
      if (typeof cwd === 'string' && cwd.trim() !== '') return cwd;
    } catch {
      // Not JSON (cut off, or damaged): the next line may say.
    }
  }
  return null;
}

const stateless: CostFileParser = { line: parseClaudeCostLine, bytes: parseClaudeCostBytes, state: () => null };

/**
 * Roots: each comma-separated `CLAUDE_CONFIG_DIR` entry (a config folder holding `projects/`, or a
 * `projects/` folder itself), else both `$XDG_CONFIG_HOME/claude` (or `~/.config/claude`) and `~/.claude`.
 */
function roots(env: Record<string, string | undefined>, home: string, join: (...p: string[]) => string): CostRoot[] {
  const configured = (env[claude.credentials.dir.env] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (configured.length) {
    return configured.map((dir) => ({ candidates: /(^|[\\/])projects[\\/]*$/.test(dir) ? [join(dir, 'projects'), dir] : [join(dir, 'projects')] }));
  }
  const xdg = env['XDG_CONFIG_HOME']?.trim();
  const config = xdg ? join(xdg, 'claude') : join(home, '.config', 'claude');
  return [{ candidates: [join(config, 'projects')] }, { candidates: [join(home, claude.credentials.dir.defaultName, 'projects')] }];
}

/** Claude Code's logs for the cost ledger. */
export const claudeCostLog: CostLogKind = {
  source: claude.id,
  needles: ['"usage"'],
  priceProvider: 'anthropic',
  commonModels: [
    'claude-opus-4-6',
    'claude-sonnet-4-6',
    'claude-opus-4-5-20251101',
    'claude-sonnet-4-5-20250929',
    'claude-haiku-4-5-20251001',
    'claude-opus-4-1-20250805',
    'claude-opus-4-20250514',
    'claude-sonnet-4-20250514',
    'claude-3-7-sonnet-20250219',
    'claude-3-5-haiku-20241022',
  ],
  projectFolders: true,
  projectPath: claudeProjectPath,
  parser: () => stateless,
  roots,
};
