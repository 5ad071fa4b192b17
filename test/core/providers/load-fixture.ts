// Reads a recorded-shape provider payload from test/fixtures/<provider>/<case>.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The fixture's raw text (what an HTTP body or auth.json would hold). */
export function fixtureText(provider: string, name: string): string {
  return readFileSync(`${root}${provider}/${name}.json`, 'utf8');
}

/** The fixture parsed as JSON. */
export function fixture<T = unknown>(provider: string, name: string): T {
  return JSON.parse(fixtureText(provider, name)) as T;
}
