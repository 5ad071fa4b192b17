// DeepSeek key shape: `sk-` and lowercase hex (32 characters in every key seen so far).
import { basicKeyProblem, maskWithPrefix } from '../key-shape';

/** Why a candidate key is refused before any request, or null when its shape is fine. */
export function keyFormatProblem(key: string): string | null {
  const basic = basicKeyProblem(key);
  if (basic !== null) return basic;
  // Only DeepSeek-shaped keys go to DeepSeek: another provider's key (sk-or-…, sk-ant-…) must not leave the machine.
  if (!/^sk-[0-9a-f]{24,64}$/i.test(key)) return 'DeepSeek keys start with "sk-" followed by letters a–f and digits.';
  return null;
}

/** `sk-…3f2` for display. */
export function maskKey(key: string): string {
  return maskWithPrefix(key, 'sk-');
}
