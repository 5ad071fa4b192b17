// Steps every provider's HTTP call shares: the endpoint URL, the success test, and the error
// for a status the provider has nothing more specific to say about.
import { errorFromStatus, type ProviderError } from './errors';
import type { HttpResponse } from './ports';
import { parseRetryAfter } from './time';
import { forbiddenError } from './forbidden';

/** `path` (starting with '/') under `baseUrl`, whatever trailing slashes the base carries. */
export function endpointUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/** True for a 2xx status. */
export function isSuccess(res: HttpResponse): boolean {
  return res.status >= 200 && res.status <= 299;
}

/**
 * `errorFromStatus` with the response's Retry-After resolved against `now` (`now` null leaves it
 * unknown), and a 403 body classified (verification needed, terms violation, or plain forbidden).
 */
export function errorFromResponse(res: HttpResponse, now: number | null): ProviderError {
  if (res.status === 403) return forbiddenError(403, res.body);
  return errorFromStatus(res.status, now === null ? null : parseRetryAfter(res.headers['retry-after'], now));
}
