// Steps every provider's HTTP call shares: the endpoint URL and the success test. What a failed
// status means lives in http-errors.ts.
import type { HttpResponse } from './ports';

/** `path` (starting with '/') under `baseUrl`, whatever trailing slashes the base carries. */
export function endpointUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/** True for a 2xx status. */
export function isSuccess(res: HttpResponse): boolean {
  return res.status >= 200 && res.status <= 299;
}
