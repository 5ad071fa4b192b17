// Payload checks for every invoke channel. Whatever arrives from a renderer (over Electron IPC or the
// preview's WebSocket) is untrusted: its channel's schema (schemas.ts) reduces it to exactly the
// request type, or it is refused with the first rule it broke.
import { safeParse } from 'valibot';
import { normalizeSettings, type Settings } from '../core/settings';
import type { InvokeChannel, InvokeMap } from './contract';
import { REQUEST_SCHEMAS } from './schemas';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

// Every schema names its own rules; this stands in should one be left without a message, because
// valibot's default messages quote the payload (which may be a key) and refusals end up in logs.
const UNNAMED_RULE = () => 'payload is malformed';

/** Checks a raw payload for `channel`: the parsed request, or the reason it was refused. */
export function validatePayload<C extends InvokeChannel>(channel: C, raw: unknown): Checked<InvokeMap[C]['req']> {
  const result = safeParse(REQUEST_SCHEMAS[channel], raw, { abortEarly: true, message: UNNAMED_RULE });
  if (result.success) return { ok: true, value: result.output as InvokeMap[C]['req'] };
  return { ok: false, reason: result.issues[0].message };
}

/** Applies a checked patch to the current settings with the same lossy rules as the settings file. */
export function applySettingsPatch(current: Settings, patch: Partial<Settings>): Settings {
  return normalizeSettings({ ...current, ...patch }, current);
}
