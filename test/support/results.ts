// Unwraps a Result in a test, failing with the other side's content when it is not what was expected.
import type { Result } from '../../core/errors';

export function value<T, E>(r: Result<T, E>): T {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.error)}`);
  return r.value;
}

export function error<T, E>(r: Result<T, E>): E {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}
