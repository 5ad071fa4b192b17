// What /v1internal:loadCodeAssist says about the sign-in (PROVIDERS 4a): the Code Assist project the
// quota belongs to, the tier's name for the account line, and whether Google serves this account at all.
import type { ProviderError } from '../../errors';
import { asArray, asObject, asString, asText } from '../../json';

/** The parts of a loadCodeAssist answer Quotabar uses. */
export interface CodeAssistAccount {
  /** `cloudaicompanionProject` (a string; `{id}` tolerated); null when the account has none yet. */
  project: string | null;
  /** The paid tier's name, else the current tier's name or id; null when neither is given. */
  plan: string | null;
  /** Set when Google declines this account (no current tier, only ineligible ones): show it, do not ask for quota. */
  refusal: ProviderError | null;
}

/** Reads a loadCodeAssist body; null when it is not a JSON object. Never throws. */
export function parseLoadCodeAssist(body: unknown): CodeAssistAccount | null {
  const root = asObject(body);
  if (!root) return null;
  const current = asObject(root['currentTier']);
  const paid = root['paidTier'];
  const paidTier = asObject(paid);
  const plan =
    asText(paidTier?.['name']) ?? asText(current?.['name']) ?? asText(paid) ?? asText(paidTier?.['id']) ?? asText(current?.['id']);
  const refusal = current ? null : refusalOf(asArray(root['ineligibleTiers']));
  return { project: projectOf(root['cloudaicompanionProject']), plan: plan && plan.length <= 80 ? plan : null, refusal };
}

function projectOf(v: unknown): string | null {
  const id = asText(v) ?? asText(asObject(v)?.['id']);
  return id && /^[\x21-\x7e]{1,200}$/.test(id) ? id : null;
}

// Gemini CLI's own rule: no current tier and a VALIDATION_REQUIRED entry means "verify the account"
// (with its link); any other ineligible entry (INELIGIBLE_ACCOUNT, UNSUPPORTED_LOCATION, a retired
// client…) means Google does not serve this sign-in.
function refusalOf(tiers: unknown[]): ProviderError | null {
  const entries = tiers.map(asObject).filter((t) => t !== null);
  if (entries.length === 0) return null;
  const validation = entries.find((t) => asString(t['reasonCode'])?.toUpperCase() === 'VALIDATION_REQUIRED');
  if (validation) return { kind: 'forbidden', status: 200, reason: 'validation', url: httpsUrl(validation['validationUrl']) };
  return { kind: 'forbidden', status: 200, reason: 'ineligible', url: null };
}

function httpsUrl(v: unknown): string | null {
  const url = asText(v);
  return url && /^https:\/\/[^\s]+$/i.test(url) ? url : null;
}
