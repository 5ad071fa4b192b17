import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { classifyAnthropicError } from '../../../../core/providers/claude/errors';
import { classifyForbidden } from '../../../../core/http-errors';
import { parseAnthropicRateLimitHeaders } from '../../../../core/providers/claude/headers';
import { parseClaudeCredentials } from '../../../../core/providers/claude/credentials';
import { parseClaudeUsage } from '../../../../core/providers/claude/provider';

const NOW = Date.parse('2026-09-20T12:00:00Z');
const windowShape = fc.record({ utilization: fc.oneof(fc.double(), fc.string(), fc.constant(null)), resets_at: fc.oneof(fc.string(), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())), fc.constant(null)) }, { requiredKeys: [] });
const usageBody = fc.dictionary(
  fc.oneof(fc.constantFrom('five_hour', 'seven_day', 'seven_day_opus', 'extra_usage', 'limits', 'spend', '__proto__'), fc.string().map((s) => `seven_day_${s}`), fc.string()),
  fc.oneof(windowShape, fc.jsonValue(), fc.array(fc.jsonValue())),
);
const headerName = fc.oneof(
  fc.constantFrom('5h-utilization', '7d-utilization', '5h-reset', '7d-reset', 'reset', 'status', 'representative-claim', 'overage-status', 'overage-utilization', 'overage-reset', 'overage-disabled-reason'),
  fc.string().map((s) => `7d_${s}-utilization`),
  fc.string(),
).map((n) => `anthropic-ratelimit-unified-${n}`);
const headerValue = fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String), fc.array(fc.string()));

describe('the Claude parsers on arbitrary input', () => {
  it('never throw on arbitrary JSON or usage-shaped bodies, and give finite percentages under unique window ids', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), usageBody), (body) => {
        const r = parseClaudeUsage(body, NOW);
        if (!r.ok) return;
        for (const w of r.value.windows) expect(w.usedPercent === null || Number.isFinite(w.usedPercent)).toBe(true);
        const ids = r.value.windows.map((w) => w.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 300 },
    );
  });

  it('never throw on arbitrary header maps, and give finite numbers under unique window ids', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(headerName, fc.string()), headerValue), (headers) => {
        const r = parseAnthropicRateLimitHeaders(headers);
        expect(['allowed', 'allowed_warning', 'rejected']).toContain(r.status);
        for (const w of r.windows) expect(w.resetsAt === null || Number.isFinite(w.resetsAt)).toBe(true);
        for (const w of r.windows) expect(w.usedPercent === null || Number.isFinite(w.usedPercent)).toBe(true);
        const ids = r.windows.map((w) => w.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 300 },
    );
  });

  it('never throw on arbitrary credential text or error bodies', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), fc.string().map((s) => Buffer.from(s).toString('hex'))), fc.integer({ min: 100, max: 599 }), fc.option(fc.string()), (text, status, retryAfter) => {
        parseClaudeCredentials(text);
        classifyForbidden(text);
        const e = classifyAnthropicError(status, text, retryAfter, NOW);
        expect(typeof e.kind).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
