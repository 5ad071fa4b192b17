// Log lines of the shapes Claude Code and the Codex CLI write, built in code (no large files in git).
export interface ClaudeLine {
  id?: string | null;
  req?: string | null;
  model?: string | null;
  at?: string;
  input?: number;
  output?: number;
  cc?: number;
  cr?: number;
  side?: boolean;
  speed?: string;
  extra?: Record<string, unknown>;
}

/** An assistant line with message.usage. */
export function claudeLine(o: ClaudeLine = {}): string {
  const message: Record<string, unknown> = {
    ...(o.id === null ? {} : { id: o.id ?? 'msg_1' }),
    ...(o.model === null ? {} : { model: o.model ?? 'claude-sonnet-4-5-20250929' }),
    type: 'message',
    role: 'assistant',
    content: [{ type: 'text', text: 'ok' }],
    usage: {
      input_tokens: o.input ?? 10,
      output_tokens: o.output ?? 20,
      cache_creation_input_tokens: o.cc ?? 100,
      cache_read_input_tokens: o.cr ?? 1000,
      ...(o.speed ? { speed: o.speed } : {}),
    },
  };
  return JSON.stringify({
    type: 'assistant',
    isSidechain: o.side ?? false,
    sessionId: 's1',
    ...(o.req === null ? {} : { requestId: o.req ?? 'req_1' }),
    timestamp: o.at ?? '2026-11-30T12:00:00.000Z',
    message,
    ...o.extra,
  });
}

/** A progress line mirroring a subagent's response in data.message. */
export function progressLine(o: { id: string; req: string; at: string; output?: number; model?: string }): string {
  return JSON.stringify({
    type: 'progress',
    isSidechain: false,
    timestamp: '2020-01-01T00:00:00.000Z',
    data: {
      type: 'agent_progress',
      message: {
        type: 'assistant',
        timestamp: o.at,
        requestId: o.req,
        message: { id: o.id, model: o.model ?? 'claude-haiku-4-5-20251001', usage: { input_tokens: 1, output_tokens: o.output ?? 5 } },
      },
    },
  });
}

export const codexContext = (model: string, at = '2026-11-30T12:00:00.000Z'): string =>
  JSON.stringify({ timestamp: at, type: 'turn_context', payload: { cwd: '/p', model } });

export const codexTokens = (at: string, input: number, cached: number, output: number): string =>
  JSON.stringify({
    timestamp: at,
    type: 'event_msg',
    payload: {
      type: 'token_count',
      info: {
        total_token_usage: { input_tokens: input, cached_input_tokens: cached, output_tokens: output, reasoning_output_tokens: 0, total_tokens: input + output },
        last_token_usage: { input_tokens: 1, cached_input_tokens: 0, output_tokens: 1, reasoning_output_tokens: 0, total_tokens: 2 },
      },
      rate_limits: null,
    },
  });
