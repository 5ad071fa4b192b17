// Moonshot (Kimi open platform) key shape: `sk-` and letters and digits (48 in every key seen so far).
import { basicKeyProblem, maskWithPrefix } from '../key-shape';

/** Why a candidate key is refused before any request, or null when its shape is fine. */
export function keyFormatProblem(key: string): string | null {
  const basic = basicKeyProblem(key);
  if (basic !== null) return basic;
  // Only Moonshot-shaped keys go to Moonshot: sk-or-…, sk-ant-… and shorter hex keys stay home.
  if (!/^sk-[A-Za-z0-9]{40,128}$/.test(key)) return 'Moonshot keys start with "sk-" followed by at least 40 letters and digits.';
  return null;
}

/** `sk-…KR1` for display. */
export function maskKey(key: string): string {
  return maskWithPrefix(key, 'sk-');
}
