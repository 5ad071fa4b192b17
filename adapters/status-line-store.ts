// Where `quotabar statusline` keeps the last reading a coding tool piped to it, one file per provider
// and tool folder (a second account runs the tool with its own folder), under Quotabar's data folder:
// <dataDir>/statusline/<provider>-<hash of the folder>.json. Written atomically (temp file + rename),
// so the app never reads half a reading while the CLI writes one.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** The tool folder as one spelling: absolute, no trailing separator. */
export function normalFolder(dir: string): string {
  return resolve(dir);
}

/** The reading file for `providerId` run from the tool folder `toolDir`. */
export function readingPath(dataDir: string, providerId: string, toolDir: string): string {
  return join(dataDir, 'statusline', `${providerId}-${fnv1a(normalFolder(toolDir))}.json`);
}

/** Writes `text` to `path` whole or not at all (a temp file beside it, then a rename). */
export async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    await writeFile(temp, text, { encoding: 'utf8', mode: 0o600 });
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}

// 32-bit FNV-1a as 8 hex digits: enough to tell a handful of folders apart without loading node:crypto.
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
