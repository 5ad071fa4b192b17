import { describe, expect, it } from 'vitest';
import { claudeProjectPath, parseClaudeCostLine } from '../../../core/providers/claude/cost-log';
import { claudeLine, progressLine } from './fixtures';

describe('which Claude Code log lines count', () => {
  it('reads an assistant line with message.usage: tokens, model, dedupe key and date', () => {
    const e = parseClaudeCostLine(claudeLine({ id: 'msg_a', req: 'req_a', input: 3, output: 4, cc: 5, cr: 6 }));
    expect(e).toMatchObject({ model: 'claude-sonnet-4-5-20250929', input: 3, output: 4, cacheCreation: 5, cacheRead: 6, key: 'msg_a\nreq_a', sidechain: false, fast: false });
    expect(e!.at).toBe(Date.parse('2026-11-30T12:00:00.000Z'));
  });

  it('counts a subagent response mirrored in a progress line, with its own timestamp and request id', () => {
    const e = parseClaudeCostLine(progressLine({ id: 'msg_s', req: 'req_s', at: '2026-11-29T08:00:00.000Z', output: 7 }));
    expect(e).toMatchObject({ model: 'claude-haiku-4-5-20251001', output: 7, key: 'msg_s\nreq_s', at: Date.parse('2026-11-29T08:00:00.000Z') });
  });

  it('defaults missing cache fields to 0 and requires non-negative integer input and output', () => {
    const bare = JSON.stringify({ timestamp: '2026-11-30T00:00:00Z', requestId: 'r', message: { id: 'm', model: 'x', usage: { input_tokens: 1, output_tokens: 2 } } });
    expect(parseClaudeCostLine(bare)).toMatchObject({ cacheCreation: 0, cacheRead: 0 });
    expect(parseClaudeCostLine(claudeLine({ input: -1 }))).toBeNull();
    expect(parseClaudeCostLine(claudeLine({ output: 1.5 }))).toBeNull();
  });

  it('drops unparseable JSON, a bad timestamp, an empty message id or model', () => {
    expect(parseClaudeCostLine('{"message":{"usage":{"input_tokens":1')).toBeNull();
    expect(parseClaudeCostLine(claudeLine({ at: 'yesterday-ish' }))).toBeNull();
    expect(parseClaudeCostLine(claudeLine({ id: '' }))).toBeNull();
    expect(parseClaudeCostLine(claudeLine({ model: '' }))).toBeNull();
    expect(parseClaudeCostLine(JSON.stringify({ type: 'user', message: { role: 'user', content: 'what is "usage"?' } }))).toBeNull();
  });

  it('keeps entries without a message id or request id, without a dedupe key', () => {
    expect(parseClaudeCostLine(claudeLine({ id: null }))!.key).toBeNull();
    expect(parseClaudeCostLine(claudeLine({ req: null }))!.key).toBeNull();
  });

  it('reports fast mode, and keeps <synthetic> and model-less usage (without a model row, see the ledger)', () => {
    expect(parseClaudeCostLine(claudeLine({ speed: 'fast' }))!.fast).toBe(true);
    expect(parseClaudeCostLine(claudeLine({ model: '<synthetic>' }))!.model).toBe('<synthetic>');
    expect(parseClaudeCostLine(claudeLine({ model: null }))!.model).toBeNull();
  });

  it('counts a line whose tool input holds "model":null and one written "usage": { with a space (ccusage drops both)', () => {
    const withNull = claudeLine({ extra: { toolUseResult: { input: { model: null, prompt: 'x' } } } });
    expect(withNull).toContain('"model":null');
    expect(parseClaudeCostLine(withNull)).not.toBeNull();
    const spaced = claudeLine({ output: 9 }).replace('"usage":{', '"usage": {');
    expect(spaced).toContain('"usage": {');
    expect(parseClaudeCostLine(spaced)!.output).toBe(9);
  });

  it('marks sidechain copies', () => {
    expect(parseClaudeCostLine(claudeLine({ side: true }))!.sidechain).toBe(true);
  });
});

describe('the folder a Claude Code project folder stands for', () => {
  const cwd = (path: unknown) => JSON.stringify({ type: 'user', cwd: path, message: { role: 'user', content: 'hi' } });

  it('is the cwd of the first line that has one, past lines without it and a damaged line', () => {
    const head = [JSON.stringify({ type: 'summary', summary: 'Fix the "cwd" parser' }), '{"cwd": "/cut', cwd('/home/dev/my.app'), cwd('/elsewhere')].join('\n');
    expect(claudeProjectPath(head)).toBe('/home/dev/my.app');
  });

  it('is unknown when no whole line names one, or it is not a path', () => {
    expect(claudeProjectPath(`${JSON.stringify({ type: 'summary' })}\n{"type":"user","cwd":"/home/dev/cut-off-her`)).toBeNull();
    expect(claudeProjectPath([cwd(''), cwd(42), cwd(null)].join('\n'))).toBeNull();
    expect(claudeProjectPath('')).toBeNull();
  });
});
