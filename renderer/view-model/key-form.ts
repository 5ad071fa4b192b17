// The stored-key form as a small state machine: typing, testing, saving, and the outcome.
// The draft is cleared after a save: a stored key never stays in renderer state.
import type { KeyCheck, KeySlot } from '../../app/contract';
import { assertNever } from '../../core/errors';
import { demoKeyRejected, describeError } from '../../core/present';
import type { ProviderDescriptor } from '../../core/providers/descriptor';
import { managementCheckMessage } from './management-key';

export type KeyAction = 'test' | 'save';

export interface FormMessage {
  tone: 'error' | 'success';
  text: string;
}

export type KeyFormState =
  | { phase: 'editing'; draft: string; message: FormMessage | null }
  | { phase: 'busy'; action: KeyAction; draft: string };

export type KeyFormEvent =
  | { type: 'input'; value: string }
  /** `provider`: the key provider whose form this is (its format rule and name); `slot` 'management': its management key's form. */
  | { type: 'submit'; action: KeyAction; provider: ProviderDescriptor; slot?: KeySlot }
  /** `demo`: the key was checked by the local demo server, not by the provider. */
  | { type: 'result'; action: KeyAction; check: KeyCheck; demo?: boolean; provider: ProviderDescriptor; slot?: KeySlot }
  /** The bridge itself failed (the main process went away). */
  | { type: 'failed'; text: string };

export const initialKeyForm: KeyFormState = { phase: 'editing', draft: '', message: null };

/**
 * Why the draft cannot be right, before anything is sent (the main process checks again); null
 * when it may be. Surrounding whitespace from a paste is ignored: the trimmed key is what is sent.
 */
function keyFormatMessage(draft: string, provider: ProviderDescriptor, slot?: KeySlot): string | null {
  const key = draft.trim();
  const what = slot === 'management' ? 'management key' : 'key';
  if (key === '') return `Paste ${article(provider.displayName)} ${provider.displayName} ${what} first.`;
  // A management key's shape is the adapter's to judge: the main process checks it before any request.
  return slot === 'management' ? null : (provider.keyFormatProblem?.(key) ?? null);
}

/** "a" or "an" before a name, by its first letter (a vowel sound is assumed for a vowel). */
function article(name: string): string {
  return /^[aeiou]/i.test(name) ? 'an' : 'a';
}

/** Words for what the provider (or, in demo mode, the demo server) said about the key. */
function keyCheckMessage(check: KeyCheck, action: KeyAction, demo: boolean, provider: ProviderDescriptor): FormMessage {
  const name = provider.displayName;
  if (check.ok) {
    const label = check.label ? ` (${check.label})` : '';
    return action === 'save'
      ? { tone: 'success', text: `Saved${label}. ${name} now shows in the popover.` }
      : { tone: 'success', text: `The key works${label}. Save it to start tracking.` };
  }
  const e = check.error;
  if (e.kind === 'invalid_format') return { tone: 'error', text: e.detail };
  if (e.kind === 'unauthorized') {
    return demo
      ? { tone: 'error', text: demoKeyRejected(name) }
      : { tone: 'error', text: `${name} rejected this key. Check that it is current and not disabled.` };
  }
  // A key check is one request: nothing retries it, so the words must not promise that.
  const p = describeError(e, provider.id, { retrying: false });
  return { tone: 'error', text: p.action ? `${p.reason} ${p.action}` : p.reason };
}

/** One step of the form; invalid submits stay in editing with a message and send nothing. */
export function keyFormStep(state: KeyFormState, event: KeyFormEvent): KeyFormState {
  switch (event.type) {
    case 'input':
      return state.phase === 'busy' ? state : { phase: 'editing', draft: event.value, message: null };
    case 'submit': {
      if (state.phase === 'busy') return state;
      const problem = keyFormatMessage(state.draft, event.provider, event.slot);
      if (problem) return { ...state, message: { tone: 'error', text: problem } };
      return { phase: 'busy', action: event.action, draft: state.draft };
    }
    case 'result': {
      const message =
        event.slot === 'management'
          ? managementCheckMessage(event.check, event.action, event.demo ?? false, event.provider)
          : keyCheckMessage(event.check, event.action, event.demo ?? false, event.provider);
      const saved = event.check.ok && event.action === 'save';
      return { phase: 'editing', draft: saved ? '' : state.draft, message };
    }
    case 'failed':
      return { phase: 'editing', draft: state.draft, message: { tone: 'error', text: event.text } };
    default:
      return assertNever(event);
  }
}
